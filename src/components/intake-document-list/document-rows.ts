import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { canCancelDocument, reminderDecision } from '../../domain/document-rules.js';
import { formatDate, formatRelative } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { commonMessages } from '../../i18n/common.messages.js';
import type { IntakeDocument } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';
import { bidi } from '../shared/bidi.js';
import { busyButton } from '../shared/busy-button.js';

/** Everything the rows need to render: texts, the clock, the practice's rules and the actions. */
export interface RowsView {
  m: IntakeDocumentListMessages;
  common: (typeof commonMessages)['en'];
  locale: Locale;
  now: Date;
  /** The practice's wait between two reminders of one document. */
  cooldownMinutes: number;
  /** Reminders are impossible while the portal is off or the client's access is disabled. */
  canRemind: boolean;
  /** The staff member's role may send reminders (`documents.assign`) and cancel (`documents.cancel`). */
  mayRemind: boolean;
  mayCancel: boolean;
  /** Whether `remind:<id>` / `cancel:<id>` is in flight. */
  busy(action: string): boolean;
  /** The last failed action's sentence, for a document. */
  rowError(documentId: string): string | null;
  onRemind(doc: IntakeDocument): void;
  onCancel(doc: IntakeDocument, trigger: HTMLElement): void;
  onOpen(doc: IntakeDocument): void;
}

const BADGE: Record<IntakeDocument['status'], string> = { sent: 'info', in_progress: 'warning', completed: 'success', cancelled: 'neutral' };

const statusBadge = (v: RowsView, doc: IntakeDocument, label: (s: IntakeDocument['status']) => string) =>
  html`<span class="badge ${BADGE[doc.status]}" part="status-badge">${label(doc.status)}</span>`;

/** The status once, with the dates that matter for it: sent, last activity, signed or cancelled. */
function statusCell(v: RowsView, doc: IntakeDocument) {
  const { m } = v;
  const lines = [m.sentOnStaff];
  const dates = [doc.sentAt];
  if (doc.status === 'completed' && doc.signedAt) {
    lines.push(m.signedOn);
    dates.push(doc.signedAt);
  } else if (doc.status === 'cancelled' && doc.cancelledAt) {
    lines.push(m.cancelledOn);
    dates.push(doc.cancelledAt);
  } else if (doc.lastActivityAt) {
    lines.push(m.activityOn);
    dates.push(doc.lastActivityAt);
  }
  // One line each, never broken: the day is what staff scan for; the exact time is in `datetime`.
  return html`${statusBadge(v, doc, m.status)}
    ${lines.map((line, i) => html`<time class="when" datetime=${dates[i]!}>${line(formatDate(dates[i]!, v.locale))}</time>`)}`;
}

function sections(v: RowsView, doc: IntakeDocument) {
  const { completed, total } = doc.requiredSections;
  if (total === 0) return html`<span class="muted">${v.m.noRequiredSections}</span>`;
  return html`<div class="sections">
    <span class="cell-label" aria-hidden="true">${v.m.colSections}</span>
    <span>${v.m.sectionsOf(completed, total)}</span>
    <progress part="progress" max=${total} .value=${completed} aria-label=${v.m.sectionsProgress(doc.title)}></progress>
  </div>`;
}

function actions(v: RowsView, doc: IntakeDocument) {
  const reminder = reminderDecision(doc, v.cooldownMinutes, v.now);
  const canRemind = v.mayRemind && v.canRemind && (reminder.allowed || reminder.code === 'reminder_cooldown');
  const canCancel = v.mayCancel && canCancelDocument(doc);
  const error = v.rowError(doc.id);
  if (!canRemind && !canCancel && !error) {
    if (doc.status === 'completed') return html`<span class="muted">${v.m.signedIsFinal}</span>`;
    return html`<span class="muted" aria-hidden="true">—</span><span class="visually-hidden">${v.m.noActions}</span>`;
  }

  // A cooling-down Remind stays focusable (aria-disabled) so keyboard users can hear when it comes back.
  const retryAt = !reminder.allowed && reminder.code === 'reminder_cooldown' ? reminder.retryAt : undefined;
  const reminding = v.busy(`remind:${doc.id}`);
  const cancelling = v.busy(`cancel:${doc.id}`);
  // Remind and its cooldown note sit together; Cancel, the destructive one, stands apart and looks it.
  return html`<div class="row-actions">
      ${canRemind
        ? html`<div class="remind">
            ${busyButton({
              label: v.m.remind,
              busy: reminding,
              kind: 'small',
              part: 'remind-button',
              action: `remind:${doc.id}`,
              ariaLabel: v.m.remindLabel(doc.title),
              unavailable: !!retryAt,
              describedBy: retryAt ? `cooldown-${doc.id}` : undefined,
              onClick: () => v.onRemind(doc),
            })}
            ${retryAt ? html`<p class="hint cooldown" id="cooldown-${doc.id}">${v.common.availableAgain(formatRelative(retryAt, v.now, v.locale))}</p>` : nothing}
          </div>`
        : nothing}
      ${canCancel
        ? busyButton({
            label: v.m.cancel,
            busy: cancelling,
            kind: 'small destructive',
            part: 'cancel-button',
            action: `cancel:${doc.id}`,
            ariaLabel: v.m.cancelLabel(doc.title),
            onClick: (e) => v.onCancel(doc, e.currentTarget as HTMLElement),
          })
        : nothing}
    </div>
    ${error ? html`<p class="field-error" part="row-error" role="alert">${error}</p>` : nothing}`;
}

/**
 * The staff table: one row per document of the current page, in four columns (document, status
 * with its dates, required sections, actions). In a narrow column each row becomes a card.
 */
export function staffTable(v: RowsView, docs: readonly IntakeDocument[], caption: string) {
  const { m } = v;
  return html`<div class="table-scroll" part="table" role="region" aria-label=${m.tableRegion} tabindex="0">
    <table class="documents">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${m.colDocument}</th>
          <th scope="col">${m.colStatus}</th>
          <th scope="col">${m.colSections}</th>
          <th scope="col">${m.colActions}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          docs,
          // Keyed by id: when a refresh reorders rows, each row's buttons stay with their document
          // (a click during a refresh must never land on another document's Remind or Cancel).
          (doc) => doc.id,
          (doc) => html`<tr part="row" data-doc=${doc.id} class=${doc.status}>
            <th scope="row" class="title" tabindex="-1">${bidi(doc.title)}</th>
            <td class="status-cell">${statusCell(v, doc)}</td>
            <td class="sections-cell">${sections(v, doc)}</td>
            <td class="actions-cell">${actions(v, doc)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The client's own list: what to fill out, and what is done (read-only). */
export function clientList(v: RowsView, docs: readonly IntakeDocument[]) {
  const { m } = v;
  return html`<ul class="cards" part="rows">
    ${repeat(docs, (doc) => doc.id, (doc) => {
      const done = doc.status === 'completed';
      return html`<li class="card" part="row" data-doc=${doc.id}>
        <div class="card-head">
          <h3 class="title" tabindex="-1">${bidi(doc.title)}</h3>
          ${statusBadge(v, doc, m.clientStatus)}
        </div>
        ${done && doc.completedAt
          ? html`<p class="muted">${m.completedOn(formatDate(doc.completedAt, v.locale))}</p>`
          : html`<p class="muted">${m.sentOn(formatDate(doc.sentAt, v.locale))}</p>
              ${doc.requiredSections.total > 0
                ? html`<p class="sections">
                    <span>${m.sectionsDone(doc.requiredSections.completed, doc.requiredSections.total)}</span>
                    <progress part="progress" max=${doc.requiredSections.total} .value=${doc.requiredSections.completed} aria-label=${m.sectionsProgress(doc.title)}></progress>
                  </p>`
                : nothing}
              <button class="button primary" part="button fill-out-button" aria-label=${m.fillOutLabel(doc.title)} @click=${() => v.onOpen(doc)}>${m.fillOut}</button>`}
      </li>`;
    })}
  </ul>`;
}
