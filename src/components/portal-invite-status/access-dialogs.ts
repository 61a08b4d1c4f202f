import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SignInPin } from '../../schemas/index.js';
import { suggestEmailCorrection } from '../../domain/email-typo.js';
import { formatDateTime, formatRelative } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { commonMessages } from '../../i18n/common.messages.js';
import { OTHER_ADDRESS, type EmailChangeDraft, type EmailChangeErrors } from './email-change-draft.js';
import type { InviteStatusMessages } from './portal-invite-status.messages.js';
import { busyButton } from '../shared/busy-button.js';
import type { ModalDialog } from '../shared/modal-dialog.js';
import { bidi } from '../shared/bidi.js';

export const DIALOG_NAMES = ['invite', 'email', 'confirm-primary', 'disable', 'pin', 'portal-on'] as const;
export type DialogName = (typeof DIALOG_NAMES)[number];
export type BusyAction = 'invite' | 'email' | 'disable' | 'pin' | 'portal-on' | 'copy-link';

/** What the dialogs show and how they report back to the widget. */
export interface DialogsView {
  m: InviteStatusMessages;
  common: (typeof commonMessages)['en'];
  locale: Locale;
  now: Date;
  /** Each dialog (`#<name>-dialog`): it opens, closes and renders its content while open. */
  dialogs: Record<DialogName, ModalDialog>;
  busy: BusyAction | null;
  /** The error to show inside a dialog, next to its buttons. */
  error: (dialog: DialogName) => string | null;
  inviteKind: 'send' | 'resend';
  recipients: readonly string[];
  inviteDraft: string;
  currentEmail: string | null;
  choices: readonly string[];
  emailDraft: EmailChangeDraft | null;
  emailErrors: EmailChangeErrors;
  /** The chosen address already has consent: the consent box shows it, checked and fixed. */
  emailHasConsent: boolean;
  /** A new invitation can go out with the change (portal on). */
  canResend: boolean;
  /** The staff member's role may send invitations: without it "Disable and Resend" is not offered. */
  mayInvite: boolean;
  pin: SignInPin | null;
  pinCopy: 'idle' | 'copied' | 'failed';
  close: (dialog: DialogName) => void;
  onInviteInput: (value: string) => void;
  submitInvite: () => void;
  onDraft: (patch: Partial<EmailChangeDraft>) => void;
  submitEmail: () => void;
  changeEmail: (disableAndResend: boolean) => void;
  disable: () => void;
  copyPin: () => void;
  turnPortalOn: () => void;
}

function dialogError(view: DialogsView, dialog: DialogName): TemplateResult | typeof nothing {
  const text = view.error(dialog);
  return text ? html`<p class="dialog-error" part="dialog-error" role="alert">${text}</p>` : nothing;
}

/** A dialog's confirm button: unavailable while any action runs, busy while its own does. */
function confirmButton(view: DialogsView, action: BusyAction, label: string, options: { kind?: string; onClick?: () => void; type?: 'submit' | 'button'; disabled?: boolean; describedBy?: string } = {}) {
  return busyButton({
    label,
    busy: view.busy === action,
    disabled: view.busy !== null || !!options.disabled,
    kind: options.kind ?? 'primary',
    part: `${action}-confirm-button`,
    type: options.type,
    describedBy: options.describedBy,
    onClick: options.onClick,
  });
}

function cancelButton(view: DialogsView, dialog: DialogName, label = view.common.cancel) {
  return html`<button type="button" class="button" part="button cancel-button" ?disabled=${view.busy !== null} @click=${() => view.close(dialog)}>${label}</button>`;
}

const submit = (handler: () => void) => (event: Event) => {
  event.preventDefault();
  handler();
};

function renderInvite(view: DialogsView) {
  const { m } = view;
  const title = view.inviteKind === 'resend' ? m.resendTitle : m.inviteTitle;
  return html`<form class="stack" @submit=${submit(view.submitInvite)}>
      <h2 id=${view.dialogs.invite.titleId}>${title}</h2>
      ${view.recipients.length === 1
        ? html`<p>${m.inviteToOne(view.recipients[0]!)}</p>`
        : html`<div>
            <p class="label">${m.inviteTo}</p>
            <ul class="recipients">${view.recipients.map((r) => html`<li>${bidi(r)}</li>`)}</ul>
          </div>`}
      <div class="field">
        <label for="invite-message">${m.messageLabel}</label>
        <textarea id="invite-message" rows="4" maxlength="2000" aria-describedby="invite-message-hint" .value=${live(view.inviteDraft)} @input=${(e: Event) => view.onInviteInput((e.target as HTMLTextAreaElement).value)}></textarea>
        <span class="hint" id="invite-message-hint">${m.messageHint}</span>
      </div>
      ${dialogError(view, 'invite')}
      <div class="actions">${cancelButton(view, 'invite')}${confirmButton(view, 'invite', view.inviteKind === 'resend' ? m.resend : m.send, { type: 'submit' })}</div>
    </form>`;
}

function renderEmailFields(view: DialogsView, draft: EmailChangeDraft) {
  const { m } = view;
  const typing = draft.choice === OTHER_ADDRESS;
  const suggestion = typing ? suggestEmailCorrection(draft.typed) : null;
  const addressError = view.emailErrors.address;
  const addressErrorText = addressError ? { required: m.errRequired, invalid: m.errInvalid, same: m.errSame, consent: m.errConsent }[addressError] : '';
  return html`${view.choices.length > 0
      ? html`<div class="field">
          <label for="email-choice">${m.addressChoice}</label>
          <select id="email-choice" .value=${live(draft.choice)} @change=${(e: Event) => view.onDraft({ choice: (e.target as HTMLSelectElement).value })}>
            ${view.choices.map((c) => html`<option value=${c} ?selected=${draft.choice === c}>${c}</option>`)}
            <option value=${OTHER_ADDRESS} ?selected=${typing}>${m.otherAddress}</option>
          </select>
        </div>`
      : nothing}
    ${typing
      ? html`<div class="field">
          <label for="email-typed">${view.choices.length > 0 ? m.typedAddress : m.addressChoice}</label>
          <input
            id="email-typed"
            type="email"
            autocomplete="off"
            spellcheck="false"
            .value=${live(draft.typed)}
            aria-invalid=${addressError ? 'true' : 'false'}
            aria-describedby=${addressError ? 'email-typed-error' : nothing}
            @input=${(e: Event) => view.onDraft({ typed: (e.target as HTMLInputElement).value })}
          />
          ${addressError ? html`<span class="field-error" id="email-typed-error">${addressErrorText}</span>` : nothing}
          ${suggestion
            ? html`<span class="hint typo-hint" part="typo-hint"
                >${m.didYouMean(suggestion)}
                <button type="button" class="button link" @click=${() => view.onDraft({ typed: suggestion })}>${m.useSuggestion(suggestion)}</button></span
              >`
            : nothing}
        </div>`
      : addressError
        ? html`<span class="field-error" id="email-typed-error">${addressErrorText}</span>`
        : nothing}
    <div class="field">
      <label class="check"
        ><input
          id="email-consent"
          type="checkbox"
          .checked=${live(view.emailHasConsent || draft.consent)}
          ?disabled=${view.emailHasConsent}
          aria-invalid=${view.emailErrors.consent ? 'true' : 'false'}
          aria-describedby=${view.emailErrors.consent ? 'email-consent-hint email-consent-error' : 'email-consent-hint'}
          @change=${(e: Event) => view.onDraft({ consent: (e.target as HTMLInputElement).checked })}
        />${m.consent}</label
      >
      <span class="hint" id="email-consent-hint">${view.emailHasConsent ? m.consentAlready : m.consentHint}</span>
      ${view.emailErrors.consent ? html`<span class="field-error" id="email-consent-error">${m.errConsent}</span>` : nothing}
    </div>`;
}

/**
 * "Send a new invitation", always in the same place so the form keeps one shape: unavailable
 * (and saying why) while the portal is off or when the primary-email step asks it instead.
 */
function renderResendChoice(view: DialogsView, draft: EmailChangeDraft) {
  const { m } = view;
  if (!view.mayInvite) return nothing;
  const available = draft.scope === 'portal' && view.canResend;
  const hint = !view.canResend ? m.offReason : draft.scope === 'primary' ? m.resendNewPrimaryHint : m.resendNewHint;
  return html`<label class="check"
    ><input
      id="email-resend"
      type="checkbox"
      .checked=${live(available && draft.resend)}
      ?disabled=${!available}
      aria-describedby="email-resend-hint"
      @change=${(e: Event) => view.onDraft({ resend: (e.target as HTMLInputElement).checked })}
    />
    <span>${m.resendNew}<span class="hint" id="email-resend-hint">${hint}</span></span></label
  >`;
}

function renderEmail(view: DialogsView) {
  const { m } = view;
  const draft = view.emailDraft;
  return draft
      ? html`<form class="stack" novalidate @submit=${submit(view.submitEmail)}>
          <h2 id=${view.dialogs.email.titleId}>${m.changeTitle}</h2>
          <p><span class="label">${m.currentEmail}:</span> ${view.currentEmail ?? m.noPortalEmail}</p>
          ${renderEmailFields(view, draft)}
          <fieldset class="stack scope">
            <legend>${m.scopeLegend}</legend>
            ${(['portal', 'primary'] as const).map(
              (scope) => html`<label class="check"
                ><input type="radio" name="email-scope" value=${scope} .checked=${live(draft.scope === scope)} aria-describedby="scope-${scope}-hint" @change=${() => view.onDraft({ scope })} />
                <span>${scope === 'portal' ? m.scopePortal : m.scopePrimary}<span class="hint" id="scope-${scope}-hint">${scope === 'portal' ? m.scopePortalHint : m.scopePrimaryHint}</span></span></label
              >`,
            )}
          </fieldset>
          ${renderResendChoice(view, draft)}
          ${dialogError(view, 'email')}
          <div class="actions">${cancelButton(view, 'email')}${confirmButton(view, 'email', m.saveEmail, { type: 'submit' })}</div>
        </form>`
      : nothing;
}

function renderConfirmPrimary(view: DialogsView, address: string) {
  const { m } = view;
  return html`<h2 id=${view.dialogs['confirm-primary'].titleId}>${m.updateTitle}</h2>
    <p id="confirm-primary-body">${m.updateBody(address)}</p>
    ${view.canResend || !view.mayInvite ? nothing : html`<p class="hint" id="resend-off-reason">${m.offReason}</p>`}
    ${dialogError(view, 'confirm-primary')}
    <div class="actions">
      ${cancelButton(view, 'confirm-primary', m.goBack)}
      ${confirmButton(view, 'email', m.changeEmailOnly, { kind: view.mayInvite ? '' : 'primary', onClick: () => view.changeEmail(false) })}
      ${view.mayInvite
        ? confirmButton(view, 'email', m.disableAndResend, { onClick: () => view.changeEmail(true), disabled: !view.canResend, describedBy: view.canResend ? undefined : 'resend-off-reason' })
        : nothing}
    </div>`;
}

function renderDisable(view: DialogsView) {
  const { m } = view;
  return html`<h2 id=${view.dialogs.disable.titleId}>${m.disableTitle}</h2>
    <p id="disable-body">${m.disableBody}</p>
    ${dialogError(view, 'disable')}
    <div class="actions">${cancelButton(view, 'disable')}${confirmButton(view, 'disable', m.disable, { kind: 'danger', onClick: view.disable })}</div>`;
}

function renderPin(view: DialogsView) {
  const { m, pin } = view;
  const expired = pin ? Date.parse(pin.expiresAt) <= view.now.getTime() : false;
  return html`<h2 id=${view.dialogs.pin.titleId}>${m.pinTitle}</h2>
    ${pin
      ? html`<p>${m.pinIntro}</p>
          <div class="field">
            <label for="pin-value">${m.pinLabel}</label>
            <input id="pin-value" class="pin" part="pin" type="text" readonly .value=${pin.pin} aria-describedby="pin-expiry" />
            <span class="hint" id="pin-expiry">${expired ? m.pinExpired : m.pinExpires(formatDateTime(pin.expiresAt, view.locale), formatRelative(pin.expiresAt, view.now, view.locale))}</span>
          </div>
          ${view.pinCopy === 'failed' ? html`<p class="dialog-error" role="alert">${view.common.copyFailed}</p>` : nothing}
          ${view.pinCopy === 'copied' ? html`<p class="copied" part="copied">${m.pinCopied}</p>` : nothing}`
      : nothing}
    <div class="actions">
      <button type="button" class="button" part="button copy-pin-button" ?disabled=${!pin || expired} @click=${view.copyPin}>${m.copyPin}</button>
      <button type="button" class="button primary" part="button close-button" @click=${() => view.close('pin')}>${view.common.close}</button>
    </div>`;
}

function renderPortalOn(view: DialogsView) {
  const { m } = view;
  return html`<h2 id=${view.dialogs['portal-on'].titleId}>${m.turnOnTitle}</h2>
    <p id="portal-on-body">${m.turnOnBody}</p>
    ${dialogError(view, 'portal-on')}
    <div class="actions">${cancelButton(view, 'portal-on')}${confirmButton(view, 'portal-on', m.turnOn, { onClick: view.turnPortalOn })}</div>`;
}

/** Every dialog of the widget; each renders its content only while open. */
export function renderDialogs(view: DialogsView, pendingAddress: string): TemplateResult {
  const { dialogs } = view;
  return html`${dialogs.invite.render(() => renderInvite(view))}${dialogs.email.render(() => renderEmail(view))}${dialogs['confirm-primary'].render(
    () => renderConfirmPrimary(view, pendingAddress),
    { describedBy: 'confirm-primary-body' },
  )}${dialogs.disable.render(() => renderDisable(view), { describedBy: 'disable-body' })}${dialogs.pin.render(() => renderPin(view))}${dialogs['portal-on'].render(
    () => renderPortalOn(view),
    { describedBy: 'portal-on-body' },
  )}`;
}
