import type { Locale } from './locale.js';
import { formatDate, formatDateTime, formatMoney, formatRelative } from './format.js';
import { formatCount, joinList } from './text.js';

const warmed = new Set<Locale>();

/** One step per `Intl` formatter the widgets use: each loads its share of the locale's data. */
function warmSteps(locale: Locale): (() => unknown)[] {
  const now = new Date();
  return [
    () => formatDate(now.toISOString(), locale),
    () => formatDateTime(now, locale),
    () => formatRelative(now, now, locale),
    () => formatMoney({ amount: 0, currency: 'USD' }, locale),
    () => formatCount(0, locale),
    () => joinList([], locale),
  ];
}

/**
 * Builds the `Intl` formatters the widgets use, once per locale and page. The first of each loads
 * locale data (a first `Intl.RelativeTimeFormat` alone takes about 25 ms).
 */
export function warmFormatters(locale: Locale): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  for (const step of warmSteps(locale)) step();
}

/**
 * `warmFormatters`, one formatter per idle period: done while the first requests are on their way,
 * that work is off the path from "data arrived" to "data on screen"; when the answers come at once
 * there is no idle time before the first paint, and the render builds only the formatters it shows
 * (the rest wait for the page to be idle). One formatter at a time, so an answer arriving meanwhile
 * waits for one formatter at most.
 */
export function warmFormattersWhenIdle(locale: Locale): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  const steps = warmSteps(locale);
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 0);
  const next = () => {
    steps.shift()?.();
    if (steps.length) idle(next);
  };
  idle(next);
}
