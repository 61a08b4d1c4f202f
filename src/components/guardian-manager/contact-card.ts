import { html, nothing, type TemplateResult } from 'lit';
import type { Contact, PracticeSettings } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import { formatRelative } from '../../i18n/format.js';
import { invitationDecision, type InvitationDecision } from '../../domain/invitation-rules.js';
import { latest } from '../../domain/resend-cooldown.js';
import { contactInvitationAddress } from '../../domain/contact-invitation-address.js';
import { STATE_BADGE, fullName } from '../shared/portal-user-groups.js';
import { permissionMessages } from '../shared/permissions.messages.js';
import { messages } from './guardian-manager.messages.js';
import { bidi } from '../shared/bidi.js';

export interface ContactCardOptions {
  locale: Locale;
  practice: PracticeSettings;
  now: Date;
  /** The staff member's role may add, edit and remove contacts (`contacts.edit`). */
  mayEdit: boolean;
  /** The staff member's role may send portal invitations (`portal.invite`). */
  mayInvite: boolean;
  onEdit: (contact: Contact, trigger: HTMLElement) => void;
  onRemove: (contact: Contact, trigger: HTMLElement) => void;
  onInvite: (contact: Contact, kind: 'send' | 'resend', address: string, trigger: HTMLElement) => void;
}

/** The invitation a contact can get now, by the same rules as clients. */
export function contactInvitation(contact: Contact, practice: PracticeSettings, now: Date): { decision: InvitationDecision; address: string | null } {
  return { decision: invitationDecision(contact.portalUser, practice, now), address: contactInvitationAddress(contact) };
}

const trigger = (e: Event) => e.currentTarget as HTMLElement;

function renderPortalStatus(contact: Contact, o: ContactCardOptions): unknown {
  const m = messages[o.locale];
  const user = contact.portalUser;
  const last = user.invitations.find((i) => i.sentAt === latest(user.invitations.map((x) => x.sentAt)));
  switch (user.state) {
    case 'invited':
      return html`<p class="portal-status">${last ? m.invitedStatus(formatRelative(last.sentAt, o.now, o.locale)) : nothing}</p>
        ${last?.delivery === 'bounced' ? html`<p class="portal-status problem">${m.bounced(last.to)}</p>` : nothing}`;
    case 'active': {
      const signedIn = user.lastSignInAt ?? user.firstSignInAt;
      return signedIn ? html`<p class="portal-status">${m.activeStatus(formatRelative(signedIn, o.now, o.locale))}</p>` : nothing;
    }
    case 'disabled':
      return html`<p class="portal-status">${m.disabledStatus}</p>`;
    default:
      return nothing;
  }
}

/** What can be done about the contact's invitation: a button, or the reason there is none. */
function renderInvite(contact: Contact, o: ContactCardOptions): { hint: unknown; button: unknown } {
  const m = messages[o.locale];
  const { decision, address } = contactInvitation(contact, o.practice, o.now);
  const hint = (text: string) => ({ hint: html`<p class="hint invite-hint">${text}</p>`, button: nothing });
  if (!decision.allowed) {
    switch (decision.code) {
      case 'already_signed_in':
        return hint(m.alreadySignedIn(o.practice.portalUrl));
      case 'portal_off_for_practice':
        return hint(m.invitationsPaused);
      case 'resend_cooldown':
        return hint(m.resendLater(commonMessages[o.locale].availableAgain(formatRelative(decision.retryAt ?? o.now, o.now, o.locale))));
    }
  }
  if (!address) return hint(m.needsConsentedEmail);
  const label = decision.kind === 'resend' ? m.resendInvitation : contact.portalUser.state === 'disabled' ? m.sendNewInvitation : m.inviteToPortal;
  return {
    hint: nothing,
    button: html`<button
      type="button"
      class="button primary"
      part="button invite-button"
      aria-label=${m.forPerson(label, fullName(contact))}
      @click=${(e: Event) => o.onInvite(contact, decision.kind, address, trigger(e))}
    >
      ${label}
    </button>`,
  };
}

/** One contact: who they are, their addresses with consent, their portal-user state and what staff can do. */
export function renderContactCard(contact: Contact, o: ContactCardOptions): TemplateResult {
  const m = messages[o.locale];
  const pm = permissionMessages[o.locale];
  const name = fullName(contact);
  const state = contact.portalUser.state;
  // Without `portal.invite` nothing about sending an invitation is offered or explained.
  const invite = o.mayInvite ? renderInvite(contact, o) : { hint: nothing, button: nothing };
  return html`<li class="contact render-in-view" part="contact">
    <div class="contact-head">
      <h3 class="name">${bidi(name)}</h3>
      <span class="muted">${pm[`relationship.${contact.relationship}`]}</span>
      ${contact.legalGuardian ? html`<span class="badge info" part="guardian-badge">${m.legalGuardian}</span>` : nothing}
      <span class="badge ${STATE_BADGE[state]}" part="state-badge">${pm[`state.${state}`]}</span>
    </div>
    ${contact.emails.length
      ? html`<ul class="emails" aria-label=${m.emailsOf(name)}>
          ${contact.emails.map(
            (e) => html`<li>
              <span class="address">${bidi(e.address)}</span>
              <span class="badge ${e.consent ? 'success' : ''}">${e.consent ? m.emailOk : m.noConsent}</span>
              ${e.primary && contact.emails.length > 1 ? html`<span class="badge">${m.primary}</span>` : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p class="muted">${m.noEmail}</p>`}
    ${renderPortalStatus(contact, o)} ${invite.hint}
    ${o.mayEdit || o.mayInvite
      ? html`<div class="row contact-actions">
          ${invite.button}
          ${o.mayEdit
            ? html`<button type="button" class="button" part="button edit-button" aria-label=${m.forPerson(m.edit, name)} @click=${(e: Event) => o.onEdit(contact, trigger(e))}>
                  ${m.edit}
                </button>
                <button type="button" class="button" part="button remove-button" aria-label=${m.forPerson(m.remove, name)} @click=${(e: Event) => o.onRemove(contact, trigger(e))}>
                  ${m.remove}
                </button>`
            : nothing}
        </div>`
      : nothing}
  </li>`;
}
