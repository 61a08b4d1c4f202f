import type { CardMethod } from '../schemas/index.js';

type CardIdentity = Pick<CardMethod, 'brand' | 'last4' | 'expMonth' | 'expYear'>;

/**
 * The saved card that is the same card as `card` (same brand, last 4 and expiry), or null. Tokens
 * differ every time a card is typed, so they cannot tell; these four fields are all the portal ever
 * sees of a card, and two rows showing the same four are the same card to the person reading them.
 * The widget checks before saving (and offers the saved one); the server refuses a duplicate.
 */
export function alreadySavedCard<T extends CardIdentity>(cards: readonly T[], card: CardIdentity): T | null {
  return cards.find((c) => c.brand === card.brand && c.last4 === card.last4 && c.expMonth === card.expMonth && c.expYear === card.expYear) ?? null;
}
