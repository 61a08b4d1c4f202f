import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isPortalApiError } from '../../api/errors/index.js';
import type { PortalClient } from '../../api/portal-client.js';
import type { Locale } from '../../i18n/locale.js';
import type { Capability } from '../../schemas/index.js';
import { capabilityMessages } from './capabilities.messages.js';

/** What the controller reads from the widget that hosts it; both members are optional. */
export interface CapabilityHost extends ReactiveControllerHost {
  /**
   * Whether the widget acts for the signed-in staff member (absent: always). A widget a client
   * uses in their own portal (`audience="client"`) says false: no session is read and nothing is
   * gated by staff capabilities (the client's own permissions decide, server-side).
   */
  readonly capabilitiesGated?: boolean;
  /**
   * What a deprecated attribute still decides while the API has no `GET /session` (it answers 404):
   * e.g. `practice-admin` for `practice.settings`; undefined for the rest. Every other capability
   * is then assumed, as it was before sessions existed; the server refuses what it must.
   */
  legacyCapability?(capability: Capability): boolean | undefined;
}

/**
 * The one way a widget asks what the signed-in staff member may do: `can('portal.invite')`. The
 * session comes from the server through the client (`GET /session`, one request per page, shared by
 * every widget). Load it inside the widget's own load task, so a failure is that widget's error state
 * with its Try again. Until it has loaded, nothing is allowed: no action that could answer 403 is
 * ever shown.
 */
export class CapabilityController {
  #granted: ReadonlySet<Capability> | null = null;
  #legacy = false;

  /** No lifecycle of its own: it is not added to the host's controllers. */
  constructor(private readonly host: CapabilityHost) {}

  private get gated(): boolean {
    return this.host.capabilitiesGated ?? true;
  }

  /** Reads the session (cached by the client); rejects like any read, except a 404 (no sessions yet: legacy). */
  async load(client: Pick<PortalClient, 'getSession'>, signal?: AbortSignal): Promise<void> {
    if (!this.gated) return;
    try {
      const session = await client.getSession(signal ? { signal } : {});
      this.#granted = new Set(session.capabilities);
      this.#legacy = false;
    } catch (error) {
      if (!(isPortalApiError(error) && error.status === 404)) throw error;
      this.#granted = null;
      this.#legacy = true;
    }
    this.host.requestUpdate();
  }

  /** Whether the session has been read (or found missing: legacy), so `can()` answers for real. */
  get loaded(): boolean {
    return this.#granted !== null || this.#legacy || !this.gated;
  }

  /** Whether the staff member may do what needs `capability` (false until the session is in). */
  can(capability: Capability): boolean {
    if (!this.gated) return true;
    if (this.#legacy) return this.host.legacyCapability?.(capability) ?? true;
    return this.#granted?.has(capability) ?? false;
  }

  /** "Your role can’t send portal invitations.": for a visible section left with no way to act. */
  cannot(capability: Capability, locale: Locale): string {
    const m = capabilityMessages[locale];
    return m.roleCannot(m[capability]);
  }

  /** "Ask a colleague who can send portal invitations.": for a fix the role cannot make. */
  askColleague(capability: Capability, locale: Locale): string {
    const m = capabilityMessages[locale];
    return m.askColleague(m[capability]);
  }

  /**
   * The short line under a section whose actions the role lacks, or nothing when it has them.
   * `part="role-note"` on every widget, so hosts can style it once.
   */
  note(capability: Capability, locale: Locale): TemplateResult | typeof nothing {
    return this.can(capability) ? nothing : html`<p class="hint role-note" part="role-note">${this.cannot(capability, locale)}</p>`;
  }
}
