import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Longest wait between two renders while a countdown ("available again in 8 minutes") shows. */
const MAX_WAIT_MS = 30_000;
/** Wake just after a deadline, so the render sees it as passed. */
const AFTER_DEADLINE_MS = 25;

/**
 * Re-renders its host when a deadline passes (a resend cooldown ends, a PIN or an invitation link
 * expires) and every half minute before that, so relative times keep counting down. One timer at
 * a time; cleared when the host leaves the page and re-armed when it comes back.
 */
export class RefreshTimer implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Wakes the host at the earliest of these instants still ahead; stops when none is. */
  wakeAt(deadlines: readonly (Date | string | null | undefined)[], now = Date.now()): void {
    this.stop();
    const ahead = deadlines.map((d) => (d ? new Date(d).getTime() : NaN)).filter((t) => t > now);
    if (ahead.length === 0) return;
    const wait = Math.min(Math.min(...ahead) - now + AFTER_DEADLINE_MS, MAX_WAIT_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.host.requestUpdate();
    }, wait);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostConnected(): void {
    // Time went by while detached: render again, which re-arms the timer.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
