import { html, nothing } from 'lit';
import type { BulkFinding, BulkInvitationResult } from '../../schemas/index.js';
import { dialogClosed } from '../shared/dialog-closed.js';
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
  onClose(): void;
  /** Escape while a request is in flight. */
  onEscape(e: Event): void;
  onCancel(): void;
  onConfirm(): void;
  onRetry(): void;
}

/** The dry run, then the send, then what happened: one dialog, one status sentence at a time. */
export function bulkDialog(v: BulkDialogView) {
  const { m, bulk } = v;
  const busy = bulk?.phase === 'checking' || bulk?.phase === 'sending';
  const r = bulk?.result ?? null;
  const canSend = bulk?.phase === 'preview' && !!r && r.sent > 0 && !bulk.error;
  return html`<dialog id="bulk-dialog" part="dialog bulk-dialog" aria-labelledby="bulk-title" aria-describedby="bulk-status" @close=${dialogClosed(v.onClose)} @cancel=${v.onEscape}>
    <h3 id="bulk-title">${m.bulkTitle(v.label)}</h3>
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
              : html`<button class="button primary" part="button confirm-button" ?disabled=${!canSend} aria-busy=${bulk?.phase === 'sending' ? 'true' : 'false'} @click=${v.onConfirm}>
                  ${bulk?.phase === 'sending' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${m.bulkConfirm(r?.emails ?? 0)}
                </button>`}`}
    </div>
  </dialog>`;
}
