/** Small formatting helpers the message catalogs of every language share. */

// `toLocaleString` and a new `Intl.ListFormat` per call build a formatter each time (the intake
// list formats dozens of counts per render): one per locale is kept instead.
const counts = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();

/** A count with the locale's digit grouping: 10,000 / 10.000. */
export function formatCount(value: number, locale: string): string {
  let format = counts.get(locale);
  if (!format) counts.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** "a, b and c" / "a, b y c". */
export function joinList(items: readonly string[], locale: string): string {
  let format = lists.get(locale);
  if (!format) lists.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}
