import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import { commonMessages } from '../../i18n/common.messages.js';
import { messages } from './portal-permissions-editor.messages.js';
import { busyButton } from '../shared/busy-button.js';

/** A practice admin's pending request to turn the portal on (`to: true`) or off for the whole practice. */
export interface PracticeChange {
  to: boolean;
}

export interface PracticeDialogOptions {
  locale: Locale;
  change: PracticeChange | null;
  titleId: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation that names what turning the practice portal on or off does to everyone. */
export function renderPracticeDialog(o: PracticeDialogOptions): TemplateResult | typeof nothing {
  const m = messages[o.locale];
  const c = o.change;
  if (!c) return nothing;
  return html`<h3 id=${o.titleId}>${c.to ? m.turnOnTitle : m.turnOffTitle}</h3>
    <p id="ppe-practice-dialog-body">${c.to ? m.turnOnBody : m.turnOffBody}</p>
    ${o.error ? html`<p class="field-error" role="alert">${o.error}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button" part="button" ?disabled=${o.busy} @click=${o.onCancel}>${commonMessages[o.locale].cancel}</button>
      ${busyButton({ label: c.to ? m.turnOn : m.turnOff, busy: o.busy, kind: c.to ? 'primary' : 'danger', part: 'confirm-button', onClick: o.onConfirm })}
    </div>`;
}
