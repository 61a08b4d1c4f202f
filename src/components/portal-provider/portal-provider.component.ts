import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { PortalClient, type PortalClientOptions } from '../../api/portal-client.js';
import { portalContext, type PortalConfig } from '../../context/portal-context.js';
import { resolveLocale } from '../../i18n/locale.js';

/**
 * @summary Connects the portal widgets inside it to the portal API and sets their language.
 *
 * @slot - The widgets (and any other markup) to provide for.
 *
 * @example
 * ```html
 * <portal-provider api-base="/api/portal" locale="es">
 *   <portal-invite-status client-id="cl_123"></portal-invite-status>
 * </portal-provider>
 * <script>document.querySelector('portal-provider').getToken = () => myAuth.token();</script>
 * ```
 */
export class PortalProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the portal API, absolute or relative to the page. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** `en` or `es` (any `es-*` / `en-*` tag works); defaults to the page's `<html lang>`. */
  @property() locale?: string;

  /** Per-attempt request timeout in milliseconds. */
  @property({ attribute: 'timeout-ms', type: Number }) timeoutMs?: number;

  /**
   * Returns a bearer token for the portal API. Called before each request; with
   * `{ forceRefresh: true }` after a 401, once, before the request is retried.
   */
  @property({ attribute: false }) getToken?: PortalClientOptions['getToken'];

  @provide({ context: portalContext })
  protected config?: PortalConfig;

  /** The API client the widgets share; hosts may use it too (for example to `invalidate()`). */
  get client(): PortalClient | undefined {
    return this.config?.client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const apiChanged = changed.has('apiBase') || changed.has('getToken') || changed.has('timeoutMs');
    if (!apiChanged && !changed.has('locale')) return;
    const client =
      apiChanged || !this.config
        ? this.apiBase
          ? new PortalClient({ apiBase: this.apiBase, getToken: this.getToken, timeoutMs: this.timeoutMs })
          : undefined
        : this.config.client;
    this.config = client ? { client, locale: resolveLocale(this.locale) } : undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
