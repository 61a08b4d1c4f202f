import type { ReactiveControllerHost } from 'lit';

/**
 * Makes the named fields of a controller class render its host when set to another value, as
 * `@state()` does on an element, so no controller calls `requestUpdate()` by hand. Called once,
 * after the class: `reactive(CardsSection, 'adding', 'notice')`. The controller keeps its host in
 * `this.host` (CONTRIBUTING.md, "A controller").
 *
 * A list rather than a field decorator: a decorator costs some 40 bytes a field in the bundle.
 * Mutating a value in place (a Set, an array) is not seen: assign a new one.
 */
export function reactive(controller: { prototype: object }, ...fields: string[]): void {
  for (const field of fields) {
    const slot = Symbol(field);
    Object.defineProperty(controller.prototype, field, {
      get(this: Record<symbol, unknown>) {
        return this[slot];
      },
      set(this: Record<symbol, unknown> & { host: ReactiveControllerHost }, value: unknown) {
        if (this[slot] === value) return;
        this[slot] = value;
        this.host.requestUpdate();
      },
    });
  }
}
