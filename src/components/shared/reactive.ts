import type { ReactiveControllerHost } from 'lit';

/**
 * A controller's field that its host renders: like `@state()` on an element, setting it to another
 * value renders the host again, so no controller calls `requestUpdate()` by hand. The controller
 * keeps its host in `this.host` (CONTRIBUTING.md, "Controllers").
 *
 * Mutating a value in place (a Set, an array) is not seen: assign a new one.
 */
export function reactive(proto: object, name: string): void {
  const slot = Symbol(name);
  Object.defineProperty(proto, name, {
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
