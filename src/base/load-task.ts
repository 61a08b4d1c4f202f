import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { isPortalApiError } from '../api/errors/index.js';
import type { PortalClient, ReadOperationName } from '../api/portal-client.js';

/** The client as a load sees it: the reads it declared (and the session, which every widget reads). */
export type Reads<R extends ReadOperationName> = Pick<PortalClient, R | 'getSession'>;

export interface LoadOptions<V, R extends ReadOperationName, A extends readonly unknown[]> {
  /**
   * Every read `load` makes (the session aside; `load` can call no other). A write elsewhere on the
   * page that changes what one of them shows runs the load again.
   */
  reads: readonly R[];
  /** What the load depends on besides the client and its id (filters, a page), as primitives. */
  args?: () => A;
  /**
   * Reads this client's data (`''` in a practice-wide widget); errors are reported for it.
   * `initialState`: nothing to load with these args (no finding chosen).
   */
  load: (api: Reads<R>, clientId: string, args: A, signal: AbortSignal) => Promise<V | typeof initialState>;
  /** After each load that brought new data, before the render that shows it. */
  loaded?: (value: V) => void;
  /** What a change to what it reads does (default: load again). */
  changed?: () => void;
  /** Runs only when asked (`run()`), e.g. what a dialog needs as it opens; nothing is watched then. */
  onDemand?: boolean;
}

/** What a load needs of its widget; the base element passes its protected parts. */
export interface LoadHooks {
  client(): PortalClient | undefined;
  /** The client shown: `null` when none is set, `''` in a practice-wide widget. */
  clientId(): string | null;
  loaded(clientId: string): void;
  reportError(error: unknown, clientId: string, operation: string | undefined): string;
}

/**
 * One data load of a widget: a `@lit/task` Task that runs with the client and the client id (plus
 * `args`), shows nothing for no client, reports its errors (`portal-error`) and its loads
 * (`portal-load`), and knows whether its value belongs to the client on screen. Made with
 * `PortalElement.loadTask()`, which also watches what it reads.
 */
export class LoadTask<V, A extends readonly unknown[] = readonly []> extends Task<readonly [PortalClient | undefined, string | null, ...A], V> {
  /** A background refresh failed: the value shown is the last one that loaded; this says why. */
  refreshError: string | null = null;
  private readonly hooks: LoadHooks;
  /** Client and args of the latest run, and of the value shown. */
  private latest?: { run: number; clientId: string; key: string };
  private shown?: { clientId: string; key: string };
  private runs = 0;
  private background = false;
  private stale?: { run: number; reason: string };

  constructor(host: ReactiveControllerHost, hooks: LoadHooks, options: LoadOptions<V, ReadOperationName, A>) {
    // The task body needs the instance, which exists only once super() returns.
    let self!: LoadTask<V, A>;
    super(host, {
      task: async ([api, clientId, ...args], { signal }) => {
        const background = self.background;
        self.background = false;
        if (!api || clientId === null) return initialState;
        const latest = (self.latest = { run: ++self.runs, clientId, key: JSON.stringify([clientId, ...args]) });
        try {
          return await options.load(api, clientId, args as unknown as A, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          const reason = hooks.reportError(error, clientId, isPortalApiError(error) ? error.operation : options.reads[0]);
          // A failed background refresh keeps what is on screen and says it may be out of date.
          if (!background || self.value === undefined || self.shown?.key !== latest.key) throw error;
          self.stale = { run: latest.run, reason };
          return self.value;
        }
      },
      args: () => [hooks.client(), hooks.clientId(), ...(options.args?.() ?? ([] as unknown as A))] as const,
      autoRun: !options.onDemand,
      onComplete: (value) => {
        const latest = self.latest!;
        self.refreshError = self.stale?.run === latest.run ? self.stale.reason : null;
        if (self.refreshError !== null) return;
        self.shown = latest;
        options.loaded?.(value);
        hooks.loaded(latest.clientId);
      },
    });
    self = this;
    this.hooks = hooks;
  }

  /** Whether the value shown belongs to the client on screen (another client's is never shown). */
  get isCurrent(): boolean {
    return this.shown?.clientId === this.hooks.clientId();
  }

  /**
   * Loads again in the background: the value stays on screen meanwhile, and a failure keeps it
   * there with `refreshError`. Nothing runs by itself once the session has ended, until the host
   * signs in again.
   */
  refresh(): void {
    if (!this.hooks.client() || this.hooks.clientId() === null || this.hooks.client()!.sessionEnded) return;
    this.background = true;
    void this.run();
  }
}
