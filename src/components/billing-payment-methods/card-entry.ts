import * as z from 'zod/mini';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import { TokenizedCard } from '../../schemas/index.js';
import { isCardEntryError, type PaymentProcessor } from './payment-processor.js';
import type { BillingMessages } from './billing-payment-methods.messages.js';
import { reactive } from '../shared/reactive.js';

/** Which form shows the card field: adding a card, or paying with a new one. */
export type CardEntryOwner = 'add' | 'pay';
export type CardEntryState = 'idle' | 'mounting' | 'ready' | 'failed';

/** The slot (and light-DOM container attribute) the processor's card field goes through. */
export const CARD_FIELD_SLOT = 'card-field';

/** What the card entry uses of the widget: its light DOM, its processor, its language and words. */
export interface CardEntryHost extends ReactiveControllerHost, HTMLElement {
  readonly processor?: PaymentProcessor | undefined;
  readonly activeLocale: Locale;
  readonly t: BillingMessages;
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * The processor's card field, mounted into a light-DOM child of the widget that one form at a time
 * slots in. Card data stays inside that container and the processor: this class only ever hands
 * over the token the processor returns.
 */
export class CardEntry implements ReactiveController {
  owner: CardEntryOwner | null = null;
  state: CardEntryState = 'idle';

  #mounted: PaymentProcessor | undefined;
  #created: HTMLElement | undefined;
  /** Bumped on every open and close, so a slow mount that finishes late is ignored. */
  #generation = 0;

  constructor(private readonly host: CardEntryHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  get available(): boolean {
    return this.host.processor !== undefined;
  }

  /**
   * Mounts the card field for `owner` once its slot has rendered; closes it for any other owner.
   * `focus`: put the cursor in the field once mounted (when a dialog opened for entering a card).
   */
  async open(owner: CardEntryOwner, { focus = false } = {}): Promise<void> {
    this.close();
    const processor = this.host.processor;
    if (!processor) return;
    const generation = ++this.#generation;
    this.owner = owner;
    this.state = 'mounting';
    await this.host.updateComplete;
    if (generation !== this.#generation) return;
    this.#mounted = processor;
    try {
      const container = this.container();
      await processor.mount(container, { locale: this.host.activeLocale });
      if (generation === this.#generation) {
        this.state = 'ready';
        if (focus) container.querySelector<HTMLElement>('input, select, textarea, iframe, [tabindex]:not([tabindex="-1"])')?.focus();
      }
    } catch {
      if (generation === this.#generation) this.state = 'failed';
    }
  }

  /** Unmounts the card field (forgetting what was typed) and removes the container the widget made. */
  close(): void {
    this.#generation++;
    if (this.#mounted) {
      try {
        this.#mounted.unmount();
      } catch {
        // A processor that fails to clean up must not break the widget.
      }
      this.#mounted = undefined;
    }
    this.#created?.remove();
    this.#created = undefined;
    this.owner = null;
    this.state = 'idle';
  }

  /** The card field in `owner`'s form, while it loads, and why it failed, with a way to load it again. */
  render(owner: CardEntryOwner) {
    const { t } = this.host;
    return html`${this.owner === owner ? html`<div class="card-field" part="card-field"><slot name="card-field"></slot></div>` : nothing}
    ${this.state === 'mounting' ? html`<p class="pending" part="pending" role="status"><span class="spinner" aria-hidden="true"></span>${t.cardFieldLoading}</p>` : nothing}
    ${this.state === 'failed'
      ? html`<div class="banner danger" role="alert">
          <p>${t.cardFieldFailed}</p>
          <button class="button" part="button" @click=${() => void this.open(owner, { focus: true })}>${t.cardFieldReload}</button>
        </div>`
      : nothing}`;
  }

  /**
   * What to say when `tokenize()` rejected: the processor's own words for an entry to correct;
   * otherwise the processor itself failed, which is reported too.
   */
  failureText(error: unknown, clientId: string): string {
    if (isCardEntryError(error)) return error.message;
    this.host.reportError(error, clientId, 'tokenize');
    return this.host.t.processorFailed;
  }

  /** The token for what was typed; rejects as the processor does, or when it breaks the contract. */
  async tokenize(): Promise<TokenizedCard> {
    if (!this.#mounted || this.state !== 'ready') throw new Error('The card field is not ready.');
    const result = z.safeParse(TokenizedCard, await this.#mounted.tokenize());
    if (!result.success) throw new Error('The payment processor returned something other than a tokenized card.');
    return result.data;
  }

  /** The host page's `[slot="card-field"]` child, or one the widget creates (and later removes). */
  private container(): HTMLElement {
    const own = [...this.host.children].find((c): c is HTMLElement => c instanceof HTMLElement && c.slot === CARD_FIELD_SLOT);
    if (own) return own;
    const div = document.createElement('div');
    div.slot = CARD_FIELD_SLOT;
    this.host.append(div);
    this.#created = div;
    return div;
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(CardEntry, 'owner', 'state');
