/** Small formatting helpers the message catalogs of every language share. */

/** A count with the locale's digit grouping: 10,000 / 10.000. */
export const formatCount = (value: number, locale: string): string => value.toLocaleString(locale);

/** "a, b and c" / "a, b y c". */
export const joinList = (items: readonly string[], locale: string): string => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
