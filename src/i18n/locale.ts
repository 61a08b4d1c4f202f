export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps any BCP 47 tag (`es-MX`, `en-GB`) to a supported locale; falls back to the page, then English. */
export function resolveLocale(tag?: string | null): Locale {
  // Optional chaining all the way: a server-side DOM shim has a `document` without an element.
  const candidates = [tag, (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang];
  for (const candidate of candidates) {
    const base = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (base && (LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}
