import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Says when a load is on screen: a finished load is reported after the render that shows it (not
 * while the language pack is still on its way), so a host that measures or queries the widget on
 * `portal-load` finds the content in place.
 */
export class LoadReporter implements ReactiveController {
  /** The client of a finished load waiting for the render that shows it. */
  private due: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly shown: () => boolean,
    private readonly report: (clientId: string) => void,
  ) {
    host.addController(this);
  }

  /** A load for this client finished (`''`: practice-wide). */
  loaded(clientId: string): void {
    this.due = clientId;
  }

  /** What was loaded will not be shown (its render failed): nothing to report. */
  drop(): void {
    this.due = null;
  }

  hostUpdated(): void {
    const clientId = this.due;
    if (clientId === null || !this.shown()) return;
    this.due = null;
    this.report(clientId);
  }
}
