import { html, nothing } from 'lit';
import type { BulkFinding, BulkInvitationResult } from '../../schemas/index.js';
import { busyButton } from '../shared/busy-button.js';
import type { PracticeOverviewMessages } from './portal-practice-overview.messages.js';

/** Where a bulk invitation stands: checking (the dry run), previewing it, sending, done. */
export type BulkPhase = 'checking' | 'preview' | 'sending' | 'done';

export interface BulkState {
  finding: BulkFinding;
  phase: BulkPhase;
  /** The dry run, then (when done) what was sent. */
  result: BulkInvitationResult | null;
  error: string | null;
  /** The send's key, kept so trying the same send again cannot send twice. */
  sendKey: string | null;
}

/** "Sends 14 emails to 12 families; 3 skipped: 2 in cooldown, 1 has no consented email." */
export function bulkSentence(m: PracticeOverviewMessages, r: BulkInvitationResult): string {
  const head = r.sent === 0 ? m.bulkNothing : r.dryRun ? m.bulkPreview(r.emails, r.sent) : m.bulkDone(r.emails, r.sent);
  if (r.skipped === 0) return `${head}.`;
  const reasons = [...r.skippedBy].sort((a, b) => b.clients - a.clients).map((s) => m.skipReason(s.reason, s.clients));
  return `${head}; ${m.skippedPart(r.skipped, reasons)}.`;
}

export interface BulkDialogView {
  m: PracticeOverviewMessages;
  bulk: BulkState | null;
  label: string;
  retryLabel: string;
  /** The role may not send: no Try again. */
  refused: boolean;
  /** The id its heading takes (the dialog's name). */
  titleId: string;
  onCancel(): void;
  onConfirm(): void;
  onRetry(): void;
}

/** The dry run, then the send, then what happened: one dialog, one status sentence at a time (its content, while open). */
export function bulkDialog(v: BulkDialogView) {
  const { m, bulk } = v;
  const busy = bulk?.phase === 'checking' || bulk?.phase === 'sending';
  const r = bulk?.result ?? null;
  const canSend = bulk?.phase === 'preview' && !!r && r.sent > 0 && !bulk.error;
  return html`<h3 id=${v.titleId}>${m.bulkTitle(v.label)}</h3>
    <div id="bulk-status" role="status" aria-live="polite">
      ${bulk?.phase === 'checking' ? html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${m.bulkChecking}</p>` : nothing}
      ${r && bulk?.phase !== 'checking' ? html`<p class="bulk-sentence" part="bulk-summary">${bulkSentence(m, r)}</p>` : nothing}
      ${r && r.remaining > 0 && bulk?.phase === 'preview' ? html`<p class="muted">${m.bulkRemaining(r.results.length, r.remaining)}</p>` : nothing}
    </div>
    ${bulk?.error ? html`<p class="banner danger" part="dialog-error" role="alert">${bulk.error}</p>` : nothing}
    <div class="actions">
      ${bulk?.phase === 'done'
        ? html`<button class="button primary" part="button done-button" @click=${v.onCancel}>${m.done}</button>`
        : html`<button class="button" part="button cancel-button" ?disabled=${busy} @click=${v.onCancel}>${m.cancel}</button>
            ${bulk?.error && !v.refused
              ? html`<button class="button primary" part="button retry-button" @click=${v.onRetry}>${v.retryLabel}</button>`
              : busyButton({ label: m.bulkConfirm(r?.emails ?? 0), busy: bulk?.phase === 'sending', disabled: !canSend, kind: 'primary', part: 'confirm-button', onClick: v.onConfirm })}`}
    </div>`;
}
