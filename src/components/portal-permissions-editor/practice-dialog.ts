import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import { messages } from './portal-permissions-editor.messages.js';
import { dialogClosed } from '../shared/dialog-closed.js';

/** A practice admin's pending request to turn the portal on (`to: true`) or off for the whole practice. */
export interface PracticeChange {
  to: boolean;
  busy: boolean;
  error: string | null;
}

export interface PracticeDialogOptions {
  locale: Locale;
  change: PracticeChange | null;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** The confirmation that names what turning the practice portal on or off does to everyone. */
export function renderPracticeDialog(o: PracticeDialogOptions): TemplateResult {
  const m = messages[o.locale];
  const c = o.change;
  return html`<dialog
    id="ppe-practice-dialog"
    part="dialog practice-dialog"
    aria-labelledby="ppe-practice-dialog-title"
    aria-describedby="ppe-practice-dialog-body"
    @cancel=${(e: Event) => c?.busy && e.preventDefault()}
    @close=${dialogClosed(o.onClose)}
  >
    ${c
      ? html`<h3 id="ppe-practice-dialog-title">${c.to ? m.turnOnTitle : m.turnOffTitle}</h3>
          <p id="ppe-practice-dialog-body">${c.to ? m.turnOnBody : m.turnOffBody}</p>
          ${c.error ? html`<p class="field-error" role="alert">${c.error}</p>` : nothing}
          <div class="actions">
            <button type="button" class="button" part="button" ?disabled=${c.busy} @click=${o.onCancel}>${commonMessages[o.locale].cancel}</button>
            <button
              type="button"
              class="button ${c.to ? 'primary' : 'danger'}"
              part="button confirm-button"
              ?disabled=${c.busy}
              aria-busy=${c.busy ? 'true' : 'false'}
              @click=${o.onConfirm}
            >
              ${c.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${c.to ? m.turnOn : m.turnOff}
            </button>
          </div>`
      : nothing}
  </dialog>`;
}
