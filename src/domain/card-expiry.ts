import type { CardMethod } from '../schemas/index.js';

export type CardExpiry = 'valid' | 'expiring_soon' | 'expired';

/** Cards work through the last day of their expiry month; "soon" is within the next 60 days. */
export function cardExpiry(card: Pick<CardMethod, 'expMonth' | 'expYear'>, now: Date, soonDays = 60): CardExpiry {
  const endOfMonth = Date.UTC(card.expYear, card.expMonth, 1) - 1;
  if (endOfMonth < now.getTime()) return 'expired';
  return endOfMonth - now.getTime() <= soonDays * 86_400_000 ? 'expiring_soon' : 'valid';
}
