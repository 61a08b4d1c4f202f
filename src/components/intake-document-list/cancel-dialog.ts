import { html, nothing } from 'lit';
import type { IntakeDocument } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';
import { busyButton } from '../shared/busy-button.js';

export interface CancelDialogView {
  m: IntakeDocumentListMessages;
  titleId: string;
  doc: IntakeDocument | null;
  cancelling: boolean;
  error: string | null;
  onKeep(): void;
  onConfirm(): void;
}

/** "Cancel this document?": Keep (focused first, the safe choice) or Cancel document (the dialog's content, while open). */
export function cancelDialog(v: CancelDialogView) {
  const { m } = v;
  return html`<h3 id=${v.titleId}>${m.cancelTitle}</h3>
    <p id="cancel-body">${v.doc ? m.cancelBody(v.doc.title) : nothing}</p>
    ${v.error ? html`<p class="field-error" part="action-error" role="alert">${v.error}</p>` : nothing}
    <div class="actions">
      <button class="button" part="button" ?disabled=${v.cancelling} @click=${v.onKeep}>${m.keepDocument}</button>
      ${busyButton({ label: m.confirmCancel, busy: v.cancelling, kind: 'danger', part: 'confirm-button', onClick: v.onConfirm })}
    </div>`;
}
