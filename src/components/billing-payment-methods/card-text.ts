import type { CardMethod } from '../../schemas/index.js';
import type { BillingMessages } from './billing-payment-methods.messages.js';

/** A card's expiry as printed on cards, `MM/YYYY`: the same in every language. */
export function expiryText(card: Pick<CardMethod, 'expMonth' | 'expYear'>): string {
  return `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
}

/** "Visa ending in 4242": how a card is named in sentences, buttons and dialogs. */
export function cardName(t: BillingMessages, card: Pick<CardMethod, 'brand' | 'last4'>): string {
  return t.cardName(t.brand(card.brand), card.last4);
}
