import type { CardMethod } from '../schemas/index.js';
import { cardExpiry } from './card-expiry.js';

/** The saved card a payment starts with: the default one unless it has expired, else the first usable one. */
export function preferredCard<T extends Pick<CardMethod, 'id' | 'isDefault' | 'expMonth' | 'expYear'>>(cards: readonly T[], now: Date): T | null {
  const usable = cards.filter((c) => cardExpiry(c, now) !== 'expired');
  return usable.find((c) => c.isDefault) ?? usable[0] ?? null;
}
