import type { Locale } from './locale.js';
import { formatDate, formatDateTime, formatMoney, formatRelative } from './format.js';
import { formatCount, joinList } from './text.js';

const warmed = new Set<Locale>();

/**
 * Builds the `Intl` formatters the widgets use, once per locale and page. The first of each loads
 * locale data (a first `Intl.RelativeTimeFormat` alone takes about 25 ms); done while the first
 * requests are on their way, that work is off the path from "data arrived" to "data on screen".
 */
export function warmFormatters(locale: Locale): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  const now = new Date();
  formatDate(now.toISOString(), locale);
  formatDateTime(now, locale);
  formatRelative(now, now, locale);
  formatMoney({ amount: 0, currency: 'USD' }, locale);
  formatCount(0, locale);
  joinList([], locale);
}
