import { html, nothing } from 'lit';
import { isMinor } from '../../domain/age.js';
import { assignmentPlan, type AssignmentBlocker } from '../../domain/assignment-plan.js';
import { problemMessages, type commonMessages } from '../../i18n/common.messages.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDate } from '../../i18n/format.js';
import type { ClientDocumentTemplate, ClientSummary, Contact, IntakeDocument, PortalAccess, PracticeSettings } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';
import { busyButton } from '../shared/busy-button.js';
import { bidi } from '../shared/bidi.js';

/** What the dialog needs to know before it can say who gets how many emails. */
export interface AssignContext {
  clientId: string;
  /** Each with the client's newest document from it: those are offered only as "Send again". */
  templates: ClientDocumentTemplate[];
  client: ClientSummary;
  access: PortalAccess;
  contacts: Contact[];
  practice: PracticeSettings;
}

export interface AssignDialogView {
  m: IntakeDocumentListMessages;
  titleId: string;
  common: (typeof commonMessages)['en'];
  locale: Locale;
  now: Date;
  /** Loaded context; `undefined` while loading or after a failure. */
  context: AssignContext | undefined;
  loading: boolean;
  loadError: string | null;
  selected: ReadonlySet<string>;
  message: string;
  fieldError: string;
  sending: boolean;
  sendError: string | null;
  onRetry(): void;
  onToggle(templateId: string, checked: boolean): void;
  onMessage(text: string): void;
  onSubmit(context: AssignContext): void;
  onDismiss(): void;
}

function blockerHint(m: IntakeDocumentListMessages, blocker: AssignmentBlocker): string {
  if (blocker === 'no_legal_guardian') return m.addGuardian;
  if (blocker === 'no_consented_email') return m.addConsent;
  if (blocker === 'access_disabled') return m.restoreAccess;
  return '';
}

/** "Sent Nov 3, 2025", "In progress, sent Nov 3, 2025" or "Completed Nov 5, 2025": what the client already has. */
function latestLine(v: AssignDialogView, doc: IntakeDocument): string {
  const { m } = v;
  if (doc.status === 'completed') return m.latestCompleted(formatDate(doc.completedAt ?? doc.sentAt, v.locale));
  if (doc.status === 'sent') return m.sentOnStaff(formatDate(doc.sentAt, v.locale));
  return m.latestOpen(m.status(doc.status), formatDate(doc.sentAt, v.locale));
}

function templateOption(v: AssignDialogView, t: ClientDocumentTemplate) {
  return html`<div class="template render-in-view">
    <input
      type="checkbox"
      id="tpl-${t.id}"
      aria-describedby="tpl-${t.id}-hint"
      .checked=${v.selected.has(t.id)}
      ?disabled=${v.sending}
      @change=${(e: Event) => v.onToggle(t.id, (e.target as HTMLInputElement).checked)}
    />
    <label for="tpl-${t.id}">${bidi(t.title)}</label>
    <p class="hint" id="tpl-${t.id}-hint">${bidi(t.description)} ${v.m.requiredSections(t.requiredSections)}</p>
  </div>`;
}

/** A template the client already has: its status and date, and a separate, explicit "Send again". */
function alreadySentOption(v: AssignDialogView, t: ClientDocumentTemplate, doc: IntakeDocument) {
  const { m } = v;
  const open = doc.status !== 'completed';
  return html`<div class="template already-sent render-in-view" data-template=${t.id}>
    <div class="already-sent-head">
      <span class="template-title" id="tpl-${t.id}-title">${bidi(t.title)}</span>
      <span class="badge ${open ? 'warning' : 'success'}" part="status-badge">${latestLine(v, doc)}</span>
    </div>
    ${open ? html`<p class="hint" id="tpl-${t.id}-hint">${m.stillOpenHint}</p>` : nothing}
    <div class="send-again">
      <input
        type="checkbox"
        id="tpl-${t.id}"
        aria-label=${m.sendAgainLabel(t.title)}
        aria-describedby=${open ? `tpl-${t.id}-hint` : nothing}
        .checked=${v.selected.has(t.id)}
        ?disabled=${v.sending}
        @change=${(e: Event) => v.onToggle(t.id, (e.target as HTMLInputElement).checked)}
      />
      <label for="tpl-${t.id}" aria-hidden="true">${m.sendAgain}</label>
    </div>
  </div>`;
}

function body(v: AssignDialogView, ctx: AssignContext) {
  const { m } = v;
  if (ctx.templates.length === 0) return html`<p class="empty" part="empty">${m.noTemplates}</p>`;
  const fresh = ctx.templates.filter((t) => !t.latestDocument);
  const sent = ctx.templates.filter((t) => t.latestDocument);
  const resends = sent.filter((t) => v.selected.has(t.id)).map((t) => t.title);
  const plan = assignmentPlan(v.selected.size, ctx.client, ctx.access, ctx.contacts, ctx.practice, v.now);
  const minor = isMinor(ctx.client, v.now);
  const submit = (e: Event) => {
    e.preventDefault();
    v.onSubmit(ctx);
  };
  return html`<form class="stack" @submit=${submit} novalidate>
    <fieldset class="templates" part="templates" aria-describedby=${v.fieldError ? 'templates-error' : nothing}>
      <legend>${m.templatesLegend}</legend>
      ${fresh.length ? fresh.map((t) => templateOption(v, t)) : html`<p class="hint">${m.allTemplatesSent}</p>`}
      ${v.fieldError ? html`<p class="field-error" id="templates-error" role="alert">${v.fieldError}</p>` : nothing}
    </fieldset>
    ${sent.length
      ? html`<fieldset class="templates" part="templates already-sent">
          <legend>${m.alreadySentLegend}</legend>
          ${sent.map((t) => alreadySentOption(v, t, t.latestDocument!))}
        </fieldset>`
      : nothing}
    <div class="field">
      <label for="assign-message">${m.messageLabel}</label>
      <textarea
        id="assign-message"
        part="message"
        rows="3"
        maxlength="2000"
        aria-describedby="assign-message-hint"
        .value=${v.message}
        ?disabled=${v.sending}
        @input=${(e: Event) => v.onMessage((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span class="hint" id="assign-message-hint">${m.messageHint}</span>
    </div>
    <div class="summary" part="assign-summary" role="status">
      ${plan.blocker
        ? html`<div class="banner danger">
            <p>${problemMessages[v.locale][plan.blocker]}</p>
            ${blockerHint(m, plan.blocker) ? html`<p>${blockerHint(m, plan.blocker)}</p>` : nothing}
          </div>`
        : v.selected.size === 0
          ? html`<p class="muted">${m.chooseTemplate}</p>`
          : html`<div class="banner info">
              <p class="email-count">${m.willSend(plan.emailCount, [...new Set(plan.recipients.map((r) => r.address))])}</p>
              ${resends.length ? html`<p class="sends-again">${m.sendsAgain(resends)}</p>` : nothing}
              <p>${m.perDocument}</p>
              ${minor ? html`<p>${m.toGuardians}</p>` : nothing}
              ${plan.grantsAccess ? html`<p class="grants-access">${m.grantsAccess}</p>` : nothing}
            </div>`}
    </div>
    ${v.sendError ? html`<p class="field-error" part="action-error" role="alert">${v.sendError}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button" part="button" ?disabled=${v.sending} @click=${v.onDismiss}>${v.common.cancel}</button>
      ${busyButton({ label: m.send, busy: v.sending, disabled: plan.blocker !== null, type: 'submit', kind: 'primary', part: 'send-button' })}
    </div>
  </form>`;
}

/** The dialog's content, while open: loading, a load error with retry, or the form with its live summary. */
export function assignDialog(v: AssignDialogView) {
  return html`<h3 id=${v.titleId}>${v.m.assignTitle}</h3>
    ${content(v)}`;
}

function content(v: AssignDialogView) {
  if (v.loadError)
    return html`<div class="error" part="error" role="alert">
        <p>${v.loadError}</p>
        <button type="button" class="button" part="button retry-button" @click=${v.onRetry}>${v.common.retry}</button>
      </div>
      <div class="actions"><button type="button" class="button" part="button" @click=${v.onDismiss}>${v.common.cancel}</button></div>`;
  if (v.loading || !v.context)
    return html`<div class="pending" part="pending" role="status"><span class="spinner" aria-hidden="true"></span>${v.common.loading}</div>
      <div class="actions"><button type="button" class="button" part="button" @click=${v.onDismiss}>${v.common.cancel}</button></div>`;
  return body(v, v.context);
}
