import type { ReactiveControllerHost } from 'lit';
import { canTakeFocus, deepActiveElement } from './modal-dialog.js';

/** What the controller uses of its widget. */
export interface ActionHost extends ReactiveControllerHost {
  /** The client the widget shows now (`''` for a practice-wide widget). */
  readonly clientId: string;
  /** Reports a failure to the page (`portal-error`) and returns the sentence to show. */
  reportError(error: unknown, clientId: string, operation?: string): string;
}

export interface ActionControllerOptions {
  /** One action at a time: while one runs, every other is refused (and its button disabled). */
  exclusive?: boolean;
  /** Where focus goes when the control that had it is gone after an action. */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

export interface RunOptions<T> {
  /** The API operation, for `portal-error`. */
  operation: string;
  /** Where its error shows: a dialog's id or a row's key (by default the action's name). */
  errorIn?: string;
  /**
   * Runs with the answer, only while the widget still shows the client the action started for.
   * The action is still busy meanwhile (it may close its dialog, say what happened).
   */
  done?: (value: T) => unknown;
  /**
   * Turns a failure (already reported) into what to show: the sentence given, another one, or
   * `null` when the failure is handled otherwise (a conflict reloaded, a dialog updated).
   */
  failed?: (error: unknown, text: string) => string | null | undefined | Promise<string | null | undefined>;
  /** The control to focus after the action if focus was lost and the one that had it is gone. */
  focus?: () => HTMLElement | null | undefined;
  /** The answer concerns the whole practice, not the client shown: kept after a change of client. */
  practiceWide?: boolean;
  /** Cancels the action: once aborted, its answer or failure is dropped like a stale one. */
  signal?: AbortSignal;
  /** The client the action concerns, when not the one shown (a practice-wide widget's row): its failure is reported with it. */
  clientId?: string;
}

/**
 * Runs a widget's actions (a write to the API and what follows): which action is running, where
 * its error shows, and that nothing of it lands on another client.
 *
 * - `run(name, work, options)`: refused while the same action (or, `exclusive`, any action) runs.
 *   `busy(name)` is true meanwhile: its button says so (`busyButton`), Escape is refused in its dialog.
 * - A failure is reported once and its sentence kept under `errorIn` (`error(place)`), cleared when
 *   the action runs again.
 * - An answer (or a failure) for a client the widget no longer shows is dropped.
 * - Focus: a button disabled while busy drops focus; after the re-render it goes back there, or
 *   to `focus`, or to the fallback, unless it moved somewhere on purpose meanwhile.
 */
export class ActionController {
  private readonly running = new Set<string>();
  private readonly errors = new Map<string, string>();
  /** Bumped on `reset()`: what started before belongs to another client. */
  private generation = 0;

  constructor(
    private readonly host: ActionHost,
    private readonly options: ActionControllerOptions = {},
  ) {}

  /** Whether this action runs (no name: whether any does). */
  busy(name?: string): boolean {
    return name === undefined ? this.running.size > 0 : this.running.has(name);
  }

  /** The action running (the latest, when several run). */
  get current(): string | null {
    return [...this.running].at(-1) ?? null;
  }

  /** The error shown at this place (a dialog, a row), if any. */
  error(place: string): string | null {
    return this.errors.get(place) ?? null;
  }

  /** Shows (or with `null` clears) an error at a place; for failures found before any request. */
  setError(place: string, text: string | null): void {
    if (text) this.errors.set(place, text);
    else this.errors.delete(place);
    this.host.requestUpdate();
  }

  /** Clears every error shown (a new attempt starts from a clean slate). */
  clearErrors(): void {
    this.errors.clear();
    this.host.requestUpdate();
  }

  /** Another client: forget errors and busy states; answers still on their way are dropped. */
  reset(): void {
    this.generation++;
    this.running.clear();
    this.errors.clear();
    this.host.requestUpdate();
  }

  /**
   * Runs `work` (the request) as action `name`, then `done` with its answer. Resolves `true` when
   * it succeeded for the client still shown, `false` otherwise (failed, refused, or dropped).
   */
  async run<T>(name: string, work: () => Promise<T>, options: RunOptions<T>): Promise<boolean> {
    if (this.running.has(name) || (this.options.exclusive && this.running.size > 0)) return false;
    const clientId = this.host.clientId;
    const generation = this.generation;
    const current = () => generation === this.generation && !options.signal?.aborted && (options.practiceWide || clientId === this.host.clientId);
    const place = options.errorIn ?? name;
    // Disabling the focused button drops focus; it goes back once the button is usable again.
    const focused = deepActiveElement();
    this.running.add(name);
    this.errors.delete(place);
    this.host.requestUpdate();
    let ok = false;
    try {
      const value = await work();
      if (current()) {
        await options.done?.(value);
        ok = true;
      }
    } catch (error) {
      if (current()) {
        const reported = this.host.reportError(error, options.clientId ?? clientId, options.operation);
        const text = options.failed ? await options.failed(error, reported) : reported;
        if (text && current()) this.errors.set(place, text);
      }
    } finally {
      if (generation === this.generation) this.running.delete(name);
      this.host.requestUpdate();
    }
    if (!current()) return false;
    await this.host.updateComplete;
    this.keepFocus(focused, options.focus);
    return ok;
  }

  private keepFocus(focused: HTMLElement | null, preferred?: () => HTMLElement | null | undefined): void {
    // Nothing had focus (the action did not start from a control): nothing to keep.
    if (!focused) return;
    const active = deepActiveElement();
    // Focus went somewhere on purpose meanwhile (a dialog opened or closed, an error field): leave it.
    if (active && active !== focused && active !== (this.host as unknown) && canTakeFocus(active)) return;
    const target = [focused, preferred?.(), this.options.fallbackFocus?.()].find(canTakeFocus);
    if (target && target !== active) target.focus();
  }
}
