import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { displayLocale, onLocalePackSettled } from '../i18n/locale-packs.js';
import { warmFormattersWhenIdle } from '../i18n/warm-formatters.js';

/**
 * The language a widget shows: the one asked for once its text is in (a locale pack loads on first
 * use), English until then. Until the widget has shown anything it waits instead, so nobody sees
 * English first; a switch later keeps the current text until the new one is in.
 */
export class LocaleController implements ReactiveController {
  private shown = false;
  private warmed = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => string | undefined,
  ) {
    host.addController(this);
  }

  private get state() {
    return displayLocale(resolveLocale(this.wanted()));
  }

  get locale(): Locale {
    return this.state.locale;
  }

  /** The language asked for is still loading and nothing has been shown yet. */
  get waiting(): boolean {
    return !this.shown && this.state.waiting;
  }

  hostConnected(): void {
    this.unsubscribe = onLocalePackSettled(() => this.host.requestUpdate());
    // A pack that arrived while the widget was off the page: look again.
    if (!this.shown) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  hostUpdated(): void {
    // The first update started the loads; the one-time formatter set-up runs while waiting for the
    // answers, when the page is idle, never ahead of a first paint that has its data.
    if (!this.warmed) warmFormattersWhenIdle(this.locale);
    this.warmed = true;
    if (!this.waiting) this.shown = true;
  }
}
