import type { TokenizedCard } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';

/** What the widget tells an adapter when it mounts the card field. */
export interface CardFieldContext {
  /** The widget's language: the card field's labels and messages should use it. */
  locale: Locale;
}

/**
 * A payment processor's card entry, adapted for `<billing-payment-methods>`. The widget gives the
 * adapter a light-DOM container (slotted into the widget, because processors such as Stripe
 * Elements refuse to mount inside a shadow root); the adapter renders its card field there and,
 * when the person confirms, turns what they typed into a token. The widget and the portal API only
 * ever see the {@link TokenizedCard}: never a card number, expiry input or CVC.
 *
 * See docs/payments.md for the contract in full and a Stripe adapter.
 */
export interface PaymentProcessor {
  /** Renders the card field into `container`. May be called again after `unmount()`. */
  mount(container: HTMLElement, context: CardFieldContext): Promise<void> | void;
  /**
   * Tokenizes what was typed. Rejects with a {@link CardEntryError} when the entry is incomplete or
   * invalid (its message is shown to the person as is); any other rejection means the processor
   * itself failed.
   */
  tokenize(): Promise<TokenizedCard>;
  /** Removes the card field and forgets what was typed. */
  unmount(): void;
}

/** Why a card entry cannot be tokenized: something the person can fix. */
export type CardEntryErrorCode = 'incomplete' | 'invalid' | 'invalid_number' | 'invalid_expiry' | 'invalid_cvc';

/** A brand that survives two copies of the SDK on one page, where `instanceof` does not. */
const BRAND = Symbol.for('portal-widgets.card-entry-error');

/**
 * A card entry the person must correct. `message` is shown to them as is, so an adapter writes it
 * in the language it was mounted with, and never puts card data in it.
 */
export class CardEntryError extends Error {
  override name: string = 'CardEntryError';
  readonly code: CardEntryErrorCode;
  constructor(code: CardEntryErrorCode, message: string) {
    super(message);
    this.code = code;
    (this as unknown as Record<symbol, boolean>)[BRAND] = true;
  }
}

/** True for a {@link CardEntryError} from this or another copy of the SDK. */
export function isCardEntryError(error: unknown): error is CardEntryError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
