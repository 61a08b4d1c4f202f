import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { Relationship, type Contact } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import { visibleName, type ContactDetail, type ContactField, type ContactFieldProblem, type ContactFormValues } from '../../domain/contact-form.js';
import { permissionMessages } from '../shared/permissions.messages.js';
import { fullName } from '../shared/portal-user-groups.js';
import { messages } from './guardian-manager.messages.js';
import { busyButton } from '../shared/busy-button.js';

/** The add / edit contact form while it is open. What the user typed lives here until saved. */
export interface ContactFormState {
  /** The contact being edited (its version is sent as `If-Match`); null when adding. */
  contact: Contact | null;
  /** Opened from "Add legal guardian". */
  guardian: boolean;
  values: ContactFormValues;
  problems: Partial<Record<ContactField, ContactFieldProblem>>;
  /** Someone else saved this contact while it was being edited: what they changed. */
  changedElsewhere: ContactDetail[] | null;
  /** Someone else removed the contact being edited. */
  removedElsewhere: boolean;
}

export interface ContactFormOptions {
  locale: Locale;
  form: ContactFormState | null;
  titleId: string;
  /** Saving is on its way. */
  busy: boolean;
  /** Why the last save failed. */
  error: string | null;
  onInput: (field: keyof ContactFormValues, value: string | boolean) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export const FIELD_IDS: Record<ContactField, string> = { firstName: 'gm-cf-first', lastName: 'gm-cf-last', relationship: 'gm-cf-relationship', email: 'gm-cf-email' };

function problemText(locale: Locale, field: ContactField, problem: ContactFieldProblem): string {
  const m = messages[locale];
  if (problem === 'too_long') return m.tooLong;
  if (problem === 'line_breaks') return m.nameLineBreaks;
  if (problem === 'hidden_characters') return m.nameHiddenCharacters;
  if (problem === 'invalid_email' || field === 'email') return m.invalidEmail;
  return m[`required.${field}`];
}

/** The submit button says what it does: save an edit, add a legal guardian (as long as the box stays checked), or add a contact. */
function submitLabel(f: ContactFormState, locale: Locale): string {
  const m = messages[locale];
  if (f.contact && !f.removedElsewhere) return m.saveContact;
  return f.guardian && f.values.legalGuardian ? m.addGuardianSubmit : m.addContactSubmit;
}

/** `aria-describedby` for a field: its hint, then its error when it has one. */
const describedBy = (form: ContactFormState, field: ContactField, hint?: string) =>
  [hint, form.problems[field] ? `${FIELD_IDS[field]}-error` : ''].filter(Boolean).join(' ') || nothing;

/** The add / edit contact dialog's content: labelled fields, errors tied to them, consent next to the address. */
export function renderContactFormDialog(o: ContactFormOptions): TemplateResult | typeof nothing {
  const m = messages[o.locale];
  const f = o.form;
  const title = !f ? '' : f.contact ? m.editTitle(fullName(f.contact)) : f.guardian ? m.addGuardianTitle : m.addTitle;
  const error = (field: ContactField) =>
    f?.problems[field] ? html`<p class="field-error" id="${FIELD_IDS[field]}-error">${problemText(o.locale, field, f.problems[field]!)}</p>` : nothing;
  const text = (field: 'firstName' | 'lastName', label: string) =>
    html`<div class="field">
      <label for=${FIELD_IDS[field]}>${label}</label>
      <input
        id=${FIELD_IDS[field]}
        type="text"
        autocomplete="off"
        .value=${live(visibleName(f!.values[field]))}
        aria-invalid=${f!.problems[field] ? 'true' : 'false'}
        aria-describedby=${describedBy(f!, field)}
        @input=${(e: Event) => o.onInput(field, (e.target as HTMLInputElement).value)}
      />
      ${error(field)}
    </div>`;
  const check = (field: 'legalGuardian' | 'emailConsent', id: string, label: string, hint: string) =>
    html`<div>
      <label class="check">
        <input type="checkbox" id=${id} .checked=${live(f!.values[field])} aria-describedby="${id}-hint" @change=${(e: Event) => o.onInput(field, (e.target as HTMLInputElement).checked)} />
        ${label}
      </label>
      <p class="hint" id="${id}-hint">${hint}</p>
    </div>`;
  const signIn = f?.contact?.portalUser.email;
  return f
      ? html`<form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            o.onSubmit();
          }}
        >
          <h3 id=${o.titleId}>${title}</h3>
          ${f.changedElsewhere
            ? html`<p class="banner warning" id="gm-cf-elsewhere" tabindex="-1">${m.changedElsewhere(f.changedElsewhere.map((d) => m[`detail.${d}`]).join(', '))}</p>`
            : nothing}
          ${f.removedElsewhere ? html`<p class="banner warning" id="gm-cf-elsewhere" tabindex="-1">${m.removedElsewhere}</p>` : nothing}
          <div class="stack">
            ${text('firstName', m.firstName)} ${text('lastName', m.lastName)}
            <div class="field">
              <label for=${FIELD_IDS.relationship}>${m.relationship}</label>
              <select
                id=${FIELD_IDS.relationship}
                .value=${live(f.values.relationship)}
                aria-invalid=${f.problems.relationship ? 'true' : 'false'}
                aria-describedby=${describedBy(f, 'relationship')}
                @change=${(e: Event) => o.onInput('relationship', (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${f.values.relationship === ''}>${m.chooseRelationship}</option>
                ${Relationship.options.map(
                  (r) => html`<option value=${r} ?selected=${f.values.relationship === r}>${permissionMessages[o.locale][`relationship.${r}`]}</option>`,
                )}
              </select>
              ${error('relationship')}
            </div>
            ${check('legalGuardian', 'gm-cf-guardian', m.legalGuardian, m.legalGuardianHint)}
            <div class="field">
              <label for=${FIELD_IDS.email}>${m.email}</label>
              <span class="hint" id="gm-cf-email-hint">${m.emailHint} ${signIn ? m.portalSignIn(signIn) : nothing}</span>
              <input
                id=${FIELD_IDS.email}
                type="email"
                autocomplete="off"
                .value=${live(f.values.email)}
                aria-invalid=${f.problems.email ? 'true' : 'false'}
                aria-describedby=${describedBy(f, 'email', 'gm-cf-email-hint')}
                @input=${(e: Event) => o.onInput('email', (e.target as HTMLInputElement).value)}
              />
              ${error('email')}
            </div>
            ${check('emailConsent', 'gm-cf-consent', m.emailConsent, m.emailConsentHint)}
          </div>
          ${o.error ? html`<p class="field-error" role="alert">${o.error}</p>` : nothing}
          <div class="actions">
            <button type="button" class="button" part="button" ?disabled=${o.busy} @click=${o.onCancel}>${commonMessages[o.locale].cancel}</button>
            ${busyButton({ label: submitLabel(f, o.locale), busy: o.busy, type: 'submit', kind: 'primary', part: 'confirm-button' })}
          </div>
        </form>`
      : nothing;
}
