import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { PortalClient, PortalClientOptions } from '../../api/portal-client.js';
import { sharedClient } from '../../context/shared-client.js';
import { portalContext, type PortalConfig } from '../../context/portal-context.js';

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

  /** `en` or `es` (any `es-*` / `en-*` tag works), or a locale registered with `registerLocale`; defaults to the page's `<html lang>`. */
  @property() locale?: string;

  /** Per-attempt request timeout in milliseconds. */
  @property({ attribute: 'timeout-ms', type: Number }) timeoutMs?: number;

  /**
   * Returns a bearer token for the portal API. Called before each request; with
   * `{ forceRefresh: true }` after a 401, once, before the request is retried.
   */
  @property({ attribute: false }) getToken?: PortalClientOptions['getToken'];

  /**
   * `getToken` is a function, so it can only be set as a property. Frameworks that bind
   * kebab-case names as attributes (Vue's `:get-token="fn"`) would otherwise send every request
   * without a token and fail with 401s that look like a backend fault: watch for the attribute and
   * say how to fix it.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'get-token'];
  }

  private warnedAboutTokenAttribute = false;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'get-token') return super.attributeChangedCallback(name, old, value);
    if (value === null || this.warnedAboutTokenAttribute) return;
    this.warnedAboutTokenAttribute = true;
    console.warn(
      'portal-widgets: <portal-provider> has a get-token attribute, which is a string and is never called, so requests carry no token. ' +
        'Set the getToken property instead: in Vue `.getToken="fn"` or `:getToken="fn"` (not `:get-token`), in script `provider.getToken = fn`.',
    );
  }

  @provide({ context: portalContext })
  protected config?: PortalConfig;

  /** The API client the widgets share; hosts may use it too (for example to `invalidate()`). */
  get client(): PortalClient | undefined {
    return this.config?.client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!(['apiBase', 'getToken', 'timeoutMs', 'locale'] as const).some((name) => changed.has(name))) return;
    const client = this.apiBase ? sharedClient(this.config?.client, { apiBase: this.apiBase, getToken: this.getToken, timeoutMs: this.timeoutMs }) : undefined;
    this.config = client ? { client, locale: this.locale ?? '' } : undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
