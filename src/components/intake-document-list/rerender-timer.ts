import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders the host when something on screen changes with time alone (a cooldown ending), and at
 * least every minute until then so relative times such as "in 9 minutes" stay true.
 */
export class RerenderTimer implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Milliseconds from now until the next change; `null` when nothing on screen waits for time. */
  schedule(inMs: number | null): void {
    clearTimeout(this.timer);
    if (inMs !== null) this.timer = setTimeout(() => this.host.requestUpdate(), Math.min(Math.max(inMs, 0) + 50, 60_000));
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
