import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Contact } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import type { ContactRemovalEffects } from '../../domain/contact-removal.js';
import { fullName } from '../shared/portal-user-groups.js';
import { messages } from './guardian-manager.messages.js';
import { dialogClosed } from '../shared/dialog-closed.js';

interface Busy {
  busy: boolean;
  error: string | null;
}

export interface RemoveState extends Busy {
  contact: Contact;
  effects: ContactRemovalEffects;
}

export interface InviteState extends Busy {
  contact: Contact;
  kind: 'send' | 'resend';
  address: string;
  message: string;
}

interface DialogOptions {
  locale: Locale;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

function renderActions(locale: Locale, state: Busy, confirm: string, danger: boolean, o: DialogOptions): TemplateResult {
  return html`${state.error ? html`<p class="field-error" role="alert">${state.error}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button" part="button" ?disabled=${state.busy} @click=${o.onCancel}>${commonMessages[locale].cancel}</button>
      <button
        type="button"
        class="button ${danger ? 'danger' : 'primary'}"
        part="button confirm-button"
        ?disabled=${state.busy}
        aria-busy=${state.busy ? 'true' : 'false'}
        @click=${o.onConfirm}
      >
        ${state.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${confirm}
      </button>
    </div>`;
}

/** The confirmation before removing a contact: says which access and which emails end. */
export function renderRemoveDialog(state: RemoveState | null, clientName: string, o: DialogOptions): TemplateResult {
  const m = messages[o.locale];
  let body: unknown = nothing;
  if (state) {
    const person = fullName(state.contact);
    const { portalAccess, guardianEmailsStop, lastLegalGuardian } = state.effects;
    const lines = [
      portalAccess === 'active' ? m.removeActive(person, clientName) : null,
      portalAccess === 'invited' ? m.removeInvited(person) : null,
      portalAccess === 'disabled' ? m.removeDisabled(person) : null,
      portalAccess === null ? m.removeNoAccess(person) : null,
      guardianEmailsStop ? m.removeGuardianEmails(person, clientName) : null,
    ].filter((x): x is string => x !== null);
    body = html`<h3 id="gm-remove-dialog-title">${m.removeTitle(person)}</h3>
      <div id="gm-remove-dialog-body">
        <ul class="effects">
          ${lines.map((l) => html`<li>${l}</li>`)}
        </ul>
        ${lastLegalGuardian ? html`<p class="banner warning">${m.removeLastGuardian(clientName)}</p>` : nothing}
      </div>
      ${renderActions(o.locale, state, m.removeConfirm, true, o)}`;
  }
  return html`<dialog
    id="gm-remove-dialog"
    part="dialog remove-dialog"
    aria-labelledby="gm-remove-dialog-title"
    aria-describedby="gm-remove-dialog-body"
    @cancel=${(e: Event) => state?.busy && e.preventDefault()}
    @close=${dialogClosed(o.onClose)}
  >
    ${body}
  </dialog>`;
}

/** Send or resend a contact's portal invitation: to whom it goes, from which sender, with an optional message. */
export function renderInviteDialog(state: InviteState | null, senderAddress: string, o: DialogOptions & { onMessage: (text: string) => void }): TemplateResult {
  const m = messages[o.locale];
  let body: unknown = nothing;
  if (state) {
    const person = fullName(state.contact);
    body = html`<h3 id="gm-invite-dialog-title">${state.kind === 'resend' ? m.resendTitle(person) : m.inviteTitle(person)}</h3>
      <div id="gm-invite-dialog-body">
        <p>${m.inviteTo(state.address, senderAddress)}</p>
        ${state.contact.portalUser.state === 'not_enrolled' ? html`<p>${m.inviteEnrolls}</p>` : nothing}
      </div>
      <div class="field">
        <label for="gm-invite-message">${m.message}</label>
        <textarea
          id="gm-invite-message"
          rows="3"
          maxlength="2000"
          .value=${live(state.message)}
          ?disabled=${state.busy}
          @input=${(e: Event) => o.onMessage((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${renderActions(o.locale, state, m.send, false, o)}`;
  }
  return html`<dialog
    id="gm-invite-dialog"
    part="dialog invite-dialog"
    aria-labelledby="gm-invite-dialog-title"
    aria-describedby="gm-invite-dialog-body"
    @cancel=${(e: Event) => state?.busy && e.preventDefault()}
    @close=${dialogClosed(o.onClose)}
  >
    ${body}
  </dialog>`;
}
