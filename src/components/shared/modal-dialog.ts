import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ModalDialogOptions {
  /** The `<dialog>`'s id; its heading takes `titleId` (`<id>-title`), which names the dialog. */
  id: string;
  /** Its own part, after `dialog` (e.g. `remove-dialog`); by default its id. */
  part?: string;
  /** While true, Escape (or any other dismissal by the browser) leaves the dialog open: an action is on its way. */
  busy?: () => boolean;
  /** Where focus goes when the control that opened the dialog is gone or disabled. */
  fallbackFocus?: () => HTMLElement | null | undefined;
  /** After the dialog closed, however it closed: forget what it showed. */
  onClosed?: () => void;
  /** Where the dialog is rendered; by default the host's `renderRoot` (a Lit element's shadow root). */
  root?: () => ParentNode | null | undefined;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Whether focus can go (back) to this control: still on the page, enabled, not in a closed dialog. */
export function canTakeFocus(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element?.isConnected && !(element as HTMLButtonElement).disabled && (element.closest('dialog')?.open ?? true);
}

/**
 * One modal `<dialog>`, owned from opening to closing (Material's `md-dialog` is the model).
 *
 * - `show(opener)` opens it modally after the next render; `close()` closes it at once.
 * - What it shows is rendered only while it is open: a closed dialog holds no stale form and costs
 *   nothing to render. The `<dialog>` element itself stays, so it is the same one on every opening.
 * - Escape is refused while `busy()` (an action is on its way).
 * - A late `close` event of the previous closing (delivered in a task of its own) cannot tear down
 *   the dialog opened again meanwhile.
 * - It is named by its heading (`aria-labelledby` → `titleId`).
 * - On closing, focus returns to the control that opened it, or to `fallbackFocus` when that
 *   control is gone or disabled, after the render that follows (and once `busy()` is over: an
 *   action that closes its dialog on success re-enables the opener only when it ends). A dialog
 *   opened from another dialog leaves focus to that one.
 *
 * It is a controller rather than an element so the `<dialog>` lives in the widget's own shadow
 * root: the widget's styles apply, and ids (`aria-labelledby`, `aria-describedby`) resolve.
 */
export class ModalDialog implements ReactiveController {
  private opened = false;
  private opener: HTMLElement | null = null;
  private openerInDialog = false;
  /** Closed: where focus goes once the render shows the widget without the dialog (and not busy). */
  private focusReturn: { to: 'opener' | 'fallback'; opener: HTMLElement | null; openerInDialog: boolean } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ModalDialogOptions,
  ) {
    host.addController(this);
  }

  /** The id of the heading that names the dialog: give it to the dialog's `<h2>`/`<h3>`. */
  get titleId(): string {
    return `${this.options.id}-title`;
  }

  /** Whether the dialog is open (or opening with the next render). */
  get isOpen(): boolean {
    return this.opened;
  }

  /** The `<dialog>` once rendered. */
  get dialog(): HTMLDialogElement | undefined {
    const root = this.options.root?.() ?? (this.host as { renderRoot?: ParentNode }).renderRoot;
    return root?.querySelector<HTMLDialogElement>(`#${this.options.id}`) ?? undefined;
  }

  /**
   * Opens the dialog. `opener` (the control or the click on it; by default whatever has focus)
   * gets focus back when it closes.
   */
  show(opener?: Element | Event | null): Promise<boolean> {
    const control = opener instanceof Event ? opener.currentTarget : opener === undefined ? deepActiveElement() : opener;
    if (!this.opened) {
      this.opener = control instanceof HTMLElement ? control : null;
      this.openerInDialog = !!this.opener?.closest('dialog');
    }
    this.opened = true;
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  /**
   * Closes the dialog now (busy or not: the code that finished an action closes it). Focus goes
   * back to its opener after the next render that is not busy; `{ focus: 'fallback' }` sends it to the fallback
   * instead (the opener is about to go), `'none'` leaves it alone.
   */
  close(options: { focus?: 'opener' | 'fallback' | 'none' } = {}): void {
    if (!this.opened) return;
    this.opened = false;
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    this.closed(options.focus ?? 'opener');
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    // One owner of the element's state: the content is rendered, then the dialog is shown.
    if (this.opened && dialog?.isConnected && !dialog.open) dialog.showModal();
    // The action that closed the dialog disabled its opener meanwhile: focus returns once it is over.
    const back = this.focusReturn;
    if (!back || this.options.busy?.()) return;
    this.focusReturn = null;
    // Opened again meanwhile: focus is inside it.
    if (this.opened) return;
    if (canTakeFocus(back.opener)) back.opener.focus();
    // Opened from a dialog that closed too: that dialog returns focus to its own opener.
    else if (!(back.to === 'opener' && back.openerInDialog)) this.options.fallbackFocus?.()?.focus();
  }

  hostDisconnected(): void {
    // The browser takes a removed dialog out of the top layer: it is closed, without moving focus
    // (unless an action is on its way: it closes the dialog when done).
    if (this.opened && !this.options.busy?.()) this.close({ focus: 'none' });
  }

  /**
   * The `<dialog>`, with `content` rendered only while open. `describedBy`: the id of the text
   * that says what confirming does.
   */
  render(content: () => unknown, options: { describedBy?: string } = {}): TemplateResult {
    const { id, part } = this.options;
    return html`<dialog
      id=${id}
      part="dialog ${part ?? id}"
      aria-labelledby=${this.titleId}
      aria-describedby=${options.describedBy ?? nothing}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      ${this.opened ? content() : nothing}
    </dialog>`;
  }

  /** Escape (or a light dismissal): refused while busy; otherwise the dialog is closing. */
  private readonly onCancel = (event: Event) => {
    if (this.options.busy?.()) event.preventDefault();
    else {
      this.opened = false;
      this.closed('opener');
    }
  };

  /** Delivered a task after closing: by then the dialog may be open again, and stays so. */
  private readonly onClose = (event: Event) => {
    if (!this.opened || (event.currentTarget as HTMLDialogElement).open) return;
    this.opened = false;
    this.closed('opener');
  };

  private closed(focus: 'opener' | 'fallback' | 'none'): void {
    this.focusReturn = focus === 'none' ? null : { to: focus, opener: focus === 'opener' ? this.opener : null, openerInDialog: this.openerInDialog };
    this.opener = null;
    this.options.onClosed?.();
    this.host.requestUpdate();
  }
}
