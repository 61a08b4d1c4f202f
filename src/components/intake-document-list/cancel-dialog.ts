import { html, nothing } from 'lit';
import type { IntakeDocument } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';
import { dialogClosed } from '../shared/dialog-closed.js';

export interface CancelDialogView {
  m: IntakeDocumentListMessages;
  doc: IntakeDocument | null;
  cancelling: boolean;
  error: string;
  onClose(): void;
  /** Escape while the request is in flight. */
  onEscape(e: Event): void;
  onKeep(): void;
  onConfirm(): void;
}

/** "Cancel this document?": Keep (focused first, the safe choice) or Cancel document. */
export function cancelDialog(v: CancelDialogView) {
  const { m } = v;
  return html`<dialog id="cancel-dialog" part="dialog cancel-dialog" aria-labelledby="cancel-title" aria-describedby="cancel-body" @close=${dialogClosed(v.onClose)} @cancel=${v.onEscape}>
    <h3 id="cancel-title">${m.cancelTitle}</h3>
    <p id="cancel-body">${v.doc ? m.cancelBody(v.doc.title) : nothing}</p>
    ${v.error ? html`<p class="field-error" part="action-error" role="alert">${v.error}</p>` : nothing}
    <div class="actions">
      <button class="button" part="button" ?disabled=${v.cancelling} @click=${v.onKeep}>${m.keepDocument}</button>
      <button class="button danger" part="button confirm-button" ?disabled=${v.cancelling} aria-busy=${v.cancelling ? 'true' : nothing} @click=${v.onConfirm}>
        ${m.confirmCancel}
      </button>
    </div>
  </dialog>`;
}
