import { html, nothing, type TemplateResult } from 'lit';

export interface BusyButtonOptions {
  /** What the button says (`aria-label` may say more). */
  label: unknown;
  /** Its action is running: disabled, `aria-busy`, with a spinner. */
  busy: boolean;
  /** Cannot run now for another reason (another action runs, nothing chosen). */
  disabled?: boolean;
  /** Classes after `button`: `primary`, `danger`, `small destructive`… */
  kind?: string;
  /** Parts after `button`, e.g. `confirm-button`. */
  part: string;
  type?: 'button' | 'submit';
  id?: string;
  ariaLabel?: string;
  describedBy?: string;
  /** Focusable but refused (a cooldown): says so to assistive technology and ignores clicks. */
  unavailable?: boolean;
  /** A key for the action, e.g. `remind:doc_1`, kept on the element to find it after a render. */
  action?: string;
  onClick?: (event: Event) => void;
}

/** The one button that runs an action: disabled and `aria-busy` (with a spinner) while it runs. */
export function busyButton(o: BusyButtonOptions): TemplateResult {
  return html`<button
    type=${o.type ?? 'button'}
    id=${o.id ?? nothing}
    class="button ${o.kind ?? ''}"
    part="button ${o.part}"
    data-action=${o.action ?? nothing}
    aria-label=${o.ariaLabel ?? nothing}
    aria-describedby=${o.describedBy ?? nothing}
    aria-disabled=${o.unavailable ? 'true' : nothing}
    aria-busy=${o.busy ? 'true' : 'false'}
    ?disabled=${o.busy || !!o.disabled}
    @click=${(event: Event) => (o.unavailable ? undefined : o.onClick?.(event))}
  >
    ${o.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${o.label}
  </button>`;
}
