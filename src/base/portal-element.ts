import { LitElement, ReactiveElement, adoptStyles, isServer, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import { portalContext, type PortalConfig } from '../context/portal-context.js';
import { globalConfig, onGlobalConfigChange } from '../context/global-config.js';
import type { Locale } from '../i18n/locale.js';
import { commonMessages } from '../i18n/common.messages.js';
import { describeError } from '../i18n/describe-error.js';
import type { PortalEventDetails, PortalEventName } from '../events/portal-events.js';
import { resourcesShownBy, type PortalClient, type ReadOperationName } from '../api/portal-client.js';
import { DataChangeController } from './data-change-controller.js';
import { LoadReporter } from './load-reporter.js';
import { LoadTask, type LoadOptions } from './load-task.js';
import { TaskTracker } from './task-tracker.js';
import { LocaleController } from './locale-controller.js';
import { announcerView, errorView, localeWaitView, noticeView, pendingView } from './standard-views.js';

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
  @state() protected announcement = '';

  /** The widget's tag, used in `portal-load` and `portal-error` details. */
  protected abstract readonly widgetName: string;

  /** Practice-wide widgets show every client's data, without a `client-id`. */
  protected readonly practiceWide: boolean = false;

  private readonly language = new LocaleController(this, () => this.locale ?? this.config?.locale);
  private readonly loads = new LoadReporter(
    this,
    () => !this.waitingForLocale,
    (clientId) => this.emit('portal-load', { widget: this.widgetName, clientId }),
  );
  /** Every data task of the widget (Tasks register themselves as controllers). */
  private readonly tasks = new TaskTracker(this);
  private unsubscribeGlobal?: () => void;
  /** The error the last render threw; the error view shows instead of the widget until a retry. */
  private renderFailure: unknown = undefined;
  /** Try again was used after a failed render and its loads are not all in yet. */
  private retryingRender = false;

  protected get config(): PortalConfig | undefined {
    void this.globalConfigVersion;
    return this.providedConfig ?? globalConfig();
  }

  protected get client(): PortalClient | undefined {
    return this.config?.client;
  }

  /** The language shown: the one asked for once its locale pack is in, English until then. */
  protected get activeLocale(): Locale {
    return this.language.locale;
  }

  /**
   * The language asked for is still loading and nothing has been shown yet: the widget shows a
   * bare pending state rather than English first (its `render()` is not called meanwhile).
   */
  protected get waitingForLocale(): boolean {
    return this.language.waiting;
  }

  protected get common() {
    return commonMessages[this.activeLocale];
  }

  /** The client shown: `null` when no `client-id` is set, `''` in a practice-wide widget. */
  private get shownClientId(): string | null {
    return this.practiceWide ? '' : this.clientId || null;
  }

  /**
   * A data load with the standard protocol in one call: it runs with the client and `client-id`
   * (and `args`), shows nothing without a client, reports `portal-load` and `portal-error`, keeps
   * another client's value off screen, and runs again when a write elsewhere on the page changes
   * what its `reads` show.
   */
  protected loadTask<V, R extends ReadOperationName, A extends readonly unknown[] = readonly []>(options: LoadOptions<V, R, A>): LoadTask<V, A> {
    const task: LoadTask<V, A> = new LoadTask(
      this,
      {
        client: () => this.client,
        clientId: () => this.shownClientId,
        loaded: (clientId) => this.loads.loaded(clientId),
        reportError: (error, clientId, operation) => this.reportError(error, clientId, operation),
      },
      options as unknown as LoadOptions<V, ReadOperationName, A>,
    );
    // By default a change loads again what is loaded (a list with nothing chosen stays as it is).
    if (!options.onDemand) this.watch(options.reads, options.changed ?? (() => void (task.status !== TaskStatus.INITIAL && task.run())));
    return task;
  }

  /** Calls `changed` when a write elsewhere on the page changes what these reads show for this widget. */
  protected watch(reads: readonly ReadOperationName[], changed: () => void): DataChangeController {
    return new DataChangeController(this, {
      client: () => this.client,
      concerns: (clientId) => this.practiceWide || clientId === this.clientId,
      resources: resourcesShownBy(reads),
      changed,
    });
  }

  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) this.tasks.track(controller);
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeGlobal?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const previous = changed.get('clientId') as string | undefined;
    // Set away and back within one update (x → '' → x) is no change.
    if (previous !== undefined && previous !== this.clientId) this.clientChanged();
  }

  /** The widget now shows another client: drop what was typed, selected or open for the previous one. */
  protected clientChanged(): void {}

  /**
   * Any error thrown while rendering (data the widget cannot show, a formatter the host's browser
   * refuses) ends in the standard error view with a working retry and one `portal-error`, instead of
   * an unhandled rejection and a widget stuck on its last state.
   */
  protected override update(changed: PropertyValues): void {
    // Try again after a failed render: the data that failed stays out of view while it loads again.
    const standIn = this.waitingForLocale
      ? localeWaitView()
      : this.retryingRender && this.tasks.loading
        ? pendingView(this.common)
        : null;
    if (standIn) {
      this.markUpdateDone(changed);
      render(standIn, this.renderRoot, this.renderOptions);
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
      this.loads.drop();
      if (report) this.emit('portal-error', { widget: this.widgetName, clientId: this.clientId, operation: 'render' });
      render(errorView(this.common, this.describe({ name: 'RenderError' }), () => this.retryAfterRenderFailure()), this.renderRoot, this.renderOptions);
    }
  }

  /** What ReactiveElement's update does when LitElement's is skipped: reflect attributes, mark the update done. */
  private markUpdateDone(changed: PropertyValues): void {
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
  }

  /** Try again after a failed render: loads the data again and renders it once it is in. */
  private retryAfterRenderFailure(): void {
    this.retryingRender = true;
    this.tasks.rerun();
    this.requestUpdate();
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

  protected renderAnnouncer(): TemplateResult {
    return announcerView(this.announcement);
  }

  /**
   * The standard views around a data load: not configured, no client, loading, error with a
   * working retry, then `complete`. While a refresh runs the last value stays on screen (no
   * flicker), unless it belongs to another client.
   */
  protected renderTask<T>(task: LoadTask<T, readonly unknown[]>, complete: (value: T) => unknown): unknown {
    // On a server there is no provider yet (context arrives in the browser): the pending view.
    if (isServer) return pendingView(this.common);
    if (!this.client) return noticeView(this.common.notConfigured, true);
    if (this.shownClientId === null) return noticeView(this.common.noClient);
    return task.render({
      initial: () => noticeView(this.common.noClient),
      pending: () => (task.value === undefined || !task.isCurrent ? pendingView(this.common) : complete(task.value)),
      error: (error) => errorView(this.common, this.describe(error), () => void task.run()),
      complete: (value) => complete(value),
    }) ?? nothing;
  }
}
