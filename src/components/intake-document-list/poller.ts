import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the poller calls on its host. */
export interface PollerHost extends ReactiveControllerHost {
  refreshInBackground(): void;
}

/**
 * Refreshes its host in the background every `seconds` while the host is connected and the page is
 * visible. A hidden tab makes no requests; when it becomes visible again, a refresh that fell due
 * meanwhile runs at once.
 */
export class Poller implements ReactiveController {
  private seconds = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;
  private hiddenAt = 0;

  constructor(private readonly host: PollerHost) {
    host.addController(this);
  }

  /** Seconds between refreshes (at least 1); 0, or anything not a positive number, stops polling. */
  setInterval(seconds: number): void {
    const next = Number.isFinite(seconds) && seconds > 0 ? Math.max(1, seconds) : 0;
    if (next === this.seconds) return;
    this.seconds = next;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stop();
  }

  private restart(): void {
    this.stop();
    if (this.connected && this.seconds > 0 && document.visibilityState !== 'hidden') {
      this.timer = setInterval(() => this.host.refreshInBackground(), this.seconds * 1000);
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private readonly onVisibilityChange = (): void => {
    if (!this.connected || this.seconds === 0) return;
    if (document.visibilityState === 'hidden') {
      this.stop();
      this.hiddenAt = Date.now();
      return;
    }
    if (Date.now() - this.hiddenAt >= this.seconds * 1000) this.host.refreshInBackground();
    this.restart();
  };
}
