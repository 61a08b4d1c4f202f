import type { Money } from '../schemas/index.js';
import type { Locale } from './locale.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatDate(iso: string, locale: Locale): string {
  return cached(`d${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, locale: Locale): string {
  return cached(`dt${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

export function formatMoney(money: Money, locale: Locale): string {
  return cached(`m${locale}${money.currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency })).format(money.amount / 100);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 12 minutes"; the past under a minute reads "now", the future "in 1 minute" (a wait is never "now"). */
export function formatRelative(iso: string | Date, now: Date, locale: Locale): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const rtf = cached(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return diff > 0 ? rtf.format(1, 'minute') : rtf.format(0, 'second');
}

/** A time of day: "3:42 PM". */
export function formatTime(iso: string, locale: Locale): string {
  return cached(`t${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(new Date(iso));
}

/** A whole day, for a heading: "Monday, June 16, 2025". */
export function formatDay(iso: string | Date, locale: Locale): string {
  return cached(`D${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full' })).format(new Date(iso));
}
