import { LitElement, ReactiveElement, adoptStyles, html, isServer, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import { portalContext, type PortalConfig } from '../context/portal-context.js';
import { globalConfig, onGlobalConfigChange } from '../context/global-config.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { displayLocale, onLocalePackSettled } from '../i18n/locale-packs.js';
import { warmFormattersWhenIdle } from '../i18n/warm-formatters.js';
import { commonMessages } from '../i18n/common.messages.js';
import { describeError } from '../i18n/describe-error.js';
import type { PortalEventDetails, PortalEventName } from '../events/portal-events.js';
import type { PortalClient } from '../api/portal-client.js';
import type { ResourceName } from '../api/index.js';

/**
 * @cssproperty --portal-font-family - Font of all text; inherits the host's by default.
 * @cssproperty --portal-font-size - Base text size (default 0.9375rem).
 * @cssproperty --portal-radius - Corner radius of panels, buttons and fields (default 6px).
 * @cssproperty --portal-space - The spacing unit for gaps and padding (default 0.75rem).
 * @cssproperty --portal-color-text - Body text.
 * @cssproperty --portal-color-muted - Secondary text.
 * @cssproperty --portal-color-surface - Widget background.
 * @cssproperty --portal-color-surface-alt - Hovered rows and buttons.
 * @cssproperty --portal-color-border - Borders and dividers.
 * @cssproperty --portal-color-primary - Primary buttons, links and switches.
 * @cssproperty --portal-color-on-primary - Text on primary.
 * @cssproperty --portal-color-danger - Destructive buttons.
 * @cssproperty --portal-color-on-danger - Text on danger.
 * @cssproperty --portal-color-focus - The focus ring.
 * @cssproperty --portal-color-warning-bg - Warning banners ("not signed in yet").
 * @cssproperty --portal-color-warning-text - Text on warning banners.
 * @cssproperty --portal-color-success-bg - Success badges and banners.
 * @cssproperty --portal-color-success-text - Text on success.
 * @cssproperty --portal-color-info-bg - Information banners.
 * @cssproperty --portal-color-info-text - Text on information banners.
 * @cssproperty --portal-color-danger-bg - Errors and blockers.
 * @cssproperty --portal-color-danger-text - Text on errors and blockers.
 *
 * What every portal widget shares: the configuration (from a `<portal-provider>` ancestor or
 * `PortalWidgets.configure()`), the language, typed events, a live region for announcements and
 * the standard pending / error / not-configured views.
 */
export abstract class PortalElement extends LitElement {
  /**
   * Registers the element, warning instead of throwing when the tag is taken: two copies of the
   * SDK on one page happen (a host bundle plus a script tag), and the first one wins.
   */
  static define(tag: string, ctor: CustomElementConstructor = this as unknown as CustomElementConstructor): void {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, ctor);
    else if (existing !== ctor) console.warn(`portal-widgets: <${tag}> is already defined, probably by another copy of the SDK; keeping the first definition.`);
  }

  /** Id of the client whose data the widget shows (opaque; never a name or an email). */
  @property({ attribute: 'client-id', reflect: true }) clientId = '';

  /** Language of this widget only (`en`, `es`); by default the provider's, then the page's. */
  @property({ attribute: 'locale' }) locale?: string;

  @consume({ context: portalContext, subscribe: true })
  @state()
  protected providedConfig?: PortalConfig;

  @state() private globalConfigVersion = 0;
  @state() private localePackVersion = 0;
  @state() protected announcement = '';

  /** Every data task of the widget (Tasks register themselves as controllers). */
  private readonly tasks = new Set<Task>();
  /** Loads cut short by a removal from the page: run again when the widget is put back. */
  private readonly abortedByRemoval = new Set<Task>();
  private unsubscribeGlobal?: () => void;
  private unsubscribeLocalePacks?: () => void;
  private unsubscribeData?: () => void;
  private watchedClient?: PortalClient;
  /** A finished load waiting for the render that shows it. */
  private loadToReport: string | null = null;
  /** The error the last render threw; the error view shows instead of the widget until a retry. */
  private renderFailure: unknown = undefined;
  /** Try again was used after a failed render and its loads are not all in yet. */
  private retryingRender = false;

  /** The widget's tag, used in `portal-load` and `portal-error` details. */
  protected abstract readonly widgetName: string;

  /** Which resources, when changed elsewhere on the page, make this widget refresh. */
  protected readonly watchedResources: readonly ResourceName[] = [];

  protected get config(): PortalConfig | undefined {
    void this.globalConfigVersion;
    return this.providedConfig ?? globalConfig();
  }

  protected get client(): PortalClient | undefined {
    return this.config?.client;
  }

  /** The language shown: the one asked for once its locale pack is in, English until then. */
  protected get activeLocale(): Locale {
    return this.localeState.locale;
  }

  /**
   * The language asked for is still loading and nothing has been shown yet: widgets show a bare
   * pending state rather than English first. (A switch later keeps the current text until then.)
   */
  protected get waitingForLocale(): boolean {
    return !this.contentShown && this.localeState.waiting;
  }

  private contentShown = false;

  private get localeState() {
    void this.localePackVersion;
    return displayLocale(resolveLocale(this.locale ?? this.config?.locale));
  }

  protected get common() {
    return commonMessages[this.activeLocale];
  }

  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) this.tasks.add(controller);
  }

  /**
   * A server render (declarative shadow DOM) showed the pending view. The browser's first render
   * replaces it rather than hydrating, because the first state in the browser (configured or not,
   * cached data) can differ from the server's; left alone, lit would render beside it.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const serverRendered = this.shadowRoot?.hasChildNodes() ?? false;
    const root = super.createRenderRoot();
    if (serverRendered && root instanceof ShadowRoot) {
      root.replaceChildren();
      // lit-element-hydrate-support (if the host loads it) skips the styles and flags a hydration.
      adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
      this.renderOptions.renderBefore = null;
      delete (this as { _$needsHydration?: boolean })._$needsHydration;
    }
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeGlobal = onGlobalConfigChange(() => this.globalConfigVersion++);
    this.unsubscribeLocalePacks = onLocalePackSettled(() => this.localePackVersion++);
    // A pack that arrived while the widget was off the page: look again.
    if (!this.contentShown) this.localePackVersion++;
    for (const task of this.abortedByRemoval) void task.run();
    this.abortedByRemoval.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A widget the host removed stops loading: its requests are aborted and nothing renders late.
    for (const task of this.tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.abortedByRemoval.add(task);
      task.abort();
    }
    this.unsubscribeGlobal?.();
    this.unsubscribeLocalePacks?.();
    this.unsubscribeData?.();
    this.watchedClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.client;
    if (client !== this.watchedClient) {
      this.unsubscribeData?.();
      this.watchedClient = client;
      if (client && this.watchedResources.length) {
        const onChange = (event: Event) => {
          const { clientId, resources } = (event as CustomEvent<{ clientId: string | null; resources: ResourceName[] }>).detail;
          if (clientId !== null && !this.concernsClient(clientId)) return;
          if (resources.some((r) => this.watchedResources.includes(r))) this.onDataChanged(resources);
        };
        client.addEventListener('portal-data-changed', onChange);
        this.unsubscribeData = () => client.removeEventListener('portal-data-changed', onChange);
      }
    }
  }

  /** The client this widget shows, or null when no `client-id` is set. */
  protected currentClientId(): string | null {
    return this.clientId || null;
  }

  /** Whether a change to one client's data concerns this widget (practice-wide widgets: every client). */
  protected concernsClient(clientId: string): boolean {
    return clientId === this.currentClientId();
  }

  /** Called when another widget (or this one) changed data this widget shows. */
  protected onDataChanged(_resources: ResourceName[]): void {}

  /**
   * Call when a load succeeded (from a task's `onComplete`). `portal-load` then fires after the
   * render that shows the data, so a host that measures or queries the widget on it finds the
   * content in place.
   */
  protected reportLoaded(clientId: string): void {
    this.loadToReport = clientId;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // The first update started the loads; the one-time formatter set-up runs while waiting for
    // the answers, when the page is idle, never ahead of a first paint that has its data.
    warmFormattersWhenIdle(this.activeLocale);
  }

  /**
   * Any error thrown while rendering (data the widget cannot show, a formatter the host's browser
   * refuses) ends in the standard error view with a working retry and one `portal-error`, instead of
   * an unhandled rejection and a widget stuck on its last state.
   */
  protected override update(changed: PropertyValues): void {
    // Try again after a failed render: the data that failed stays out of view while it loads again.
    if (this.retryingRender && [...this.tasks].some((task) => task.status === TaskStatus.PENDING)) {
      this.markUpdateDone(changed);
      render(this.renderPendingView(), this.renderRoot, this.renderOptions);
      return;
    }
    try {
      super.update(changed);
      this.renderFailure = undefined;
      this.retryingRender = false;
    } catch (error) {
      // LitElement's update threw from render(), before ReactiveElement's update, which marks the
      // update as done: without it `isUpdatePending` stays set, every later requestUpdate() is
      // ignored and the widget never renders again (Try again would load the data to no effect).
      if (this.isUpdatePending) this.markUpdateDone(changed);
      // Reported once per failure seen: the first, and each one after a Try again.
      const report = this.renderFailure === undefined || this.retryingRender;
      this.renderFailure = error;
      this.retryingRender = false;
      // What failed to render was never shown: it is not a load to report.
      this.loadToReport = null;
      const failure = { name: 'RenderError' };
      if (report) this.emit('portal-error', { widget: this.widgetName, clientId: this.clientId, operation: 'render' });
      render(this.renderErrorView(failure, () => this.retryAfterRenderFailure()), this.renderRoot, this.renderOptions);
    }
  }

  /** What ReactiveElement's update does when LitElement's is skipped: reflect attributes, mark the update done. */
  private markUpdateDone(changed: PropertyValues): void {
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
  }

  /** Try again after a failed render: loads the data again and renders it once it is in. */
  private retryAfterRenderFailure(): void {
    this.retryingRender = true;
    for (const task of this.tasks) if (task.status !== TaskStatus.INITIAL) void task.run();
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.waitingForLocale) this.contentShown = true;
    const clientId = this.loadToReport;
    // Loaded but not on screen yet while the language pack is on its way: report it after.
    if (clientId === null || this.waitingForLocale) return;
    this.loadToReport = null;
    this.emit('portal-load', { widget: this.widgetName, clientId });
  }

  /** Focuses the element with this id in the widget once the pending render is done. */
  protected async focusById(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** Dispatches a typed `portal-*` event that bubbles out of shadow roots. */
  protected emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Reports an error to the host (ids and codes only) and returns the sentence to show. */
  protected reportError(error: unknown, clientId: string, operation?: string): string {
    // An aborted load was abandoned on purpose (removed, or another client): not an error.
    if (error instanceof Error && error.name === 'AbortError') return '';
    const e = error as { status?: number; code?: PortalEventDetails['portal-error']['code'] };
    this.emit('portal-error', { widget: this.widgetName, clientId, operation, status: e?.status, code: e?.code });
    return describeError(error, this.activeLocale);
  }

  protected describe(error: unknown): string {
    return describeError(error, this.activeLocale);
  }

  /** Says something to screen-reader users through the widget's live region. */
  protected announce(text: string): void {
    // Clearing first makes the same sentence twice in a row be read twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** What a widget renders while its language pack loads (data loads meanwhile). */
  protected renderLocaleWait(): TemplateResult {
    return html`<div class="pending" part="pending" aria-busy="true"><span class="spinner" aria-hidden="true"></span></div>`;
  }

  protected renderAnnouncer(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** The standard loading view. */
  private renderPendingView(): TemplateResult {
    return html`<div class="pending" part="pending" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>${this.common.loading}</div>`;
  }

  /** The standard error view: what went wrong, in the user's language, and a Try again button. */
  private renderErrorView(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p class="error-title">${this.common.errorTitle}</p>
      <p>${this.describe(error)}</p>
      <button class="button" part="button retry-button" @click=${retry}>${this.common.retry}</button>
    </div>`;
  }

  /**
   * The standard views around a data task: not configured, loading, error with a working retry,
   * then `complete`. While a refresh runs the last value stays on screen (no flicker), unless
   * `isCurrent` says it belongs to another client. Keeps every widget's states consistent for people and for tests.
   */
  protected renderTask<T>(task: Task<readonly unknown[], T>, complete: (value: T) => unknown, options: { isCurrent?: (value: T) => boolean } = {}): unknown {
    // On a server there is no provider yet (context arrives in the browser): the pending view.
    if (isServer) return this.renderPendingView();
    if (!this.client) return html`<div class="notice" part="notice" role="alert">${this.common.notConfigured}</div>`;
    if (this.currentClientId() === null) return html`<div class="notice" part="notice">${this.common.noClient}</div>`;
    return task.render({
      initial: () => html`<div class="notice" part="notice">${this.common.noClient}</div>`,
      pending: () => (task.value === undefined || (options.isCurrent && !options.isCurrent(task.value)) ? this.renderPendingView() : complete(task.value)),
      error: (error) => this.renderErrorView(error, () => void task.run()),
      complete: (value) => complete(value),
    }) ?? nothing;
  }
}
