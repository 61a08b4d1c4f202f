import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Contact } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import type { ContactRemovalEffects } from '../../domain/contact-removal.js';
import { fullName } from '../shared/portal-user-groups.js';
import { messages } from './guardian-manager.messages.js';
import { busyButton } from '../shared/busy-button.js';

export interface RemoveState {
  contact: Contact;
  effects: ContactRemovalEffects;
}

export interface InviteState {
  contact: Contact;
  kind: 'send' | 'resend';
  address: string;
  message: string;
}

interface DialogOptions {
  locale: Locale;
  titleId: string;
  /** Its action is on its way. */
  busy: boolean;
  /** Why the action failed. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

function renderActions(confirm: string, danger: boolean, o: DialogOptions): TemplateResult {
  return html`${o.error ? html`<p class="field-error" role="alert">${o.error}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button" part="button" ?disabled=${o.busy} @click=${o.onCancel}>${commonMessages[o.locale].cancel}</button>
      ${busyButton({ label: confirm, busy: o.busy, kind: danger ? 'danger' : 'primary', part: 'confirm-button', onClick: o.onConfirm })}
    </div>`;
}

/** The confirmation before removing a contact (the dialog's content): says which access and which emails end. */
export function renderRemoveDialog(state: RemoveState | null, clientName: string, o: DialogOptions): unknown {
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
    body = html`<h3 id=${o.titleId}>${m.removeTitle(person)}</h3>
      <div id="gm-remove-dialog-body">
        <ul class="effects">
          ${lines.map((l) => html`<li>${l}</li>`)}
        </ul>
        ${lastLegalGuardian ? html`<p class="banner warning">${m.removeLastGuardian(clientName)}</p>` : nothing}
      </div>
      ${renderActions(m.removeConfirm, true, o)}`;
  }
  return body;
}

/** Send or resend a contact's portal invitation (the dialog's content): to whom it goes, from which sender, with an optional message. */
export function renderInviteDialog(state: InviteState | null, senderAddress: string, o: DialogOptions & { onMessage: (text: string) => void }): unknown {
  const m = messages[o.locale];
  let body: unknown = nothing;
  if (state) {
    const person = fullName(state.contact);
    body = html`<h3 id=${o.titleId}>${state.kind === 'resend' ? m.resendTitle(person) : m.inviteTitle(person)}</h3>
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
          ?disabled=${o.busy}
          @input=${(e: Event) => o.onMessage((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${renderActions(m.send, false, o)}`;
  }
  return body;
}
