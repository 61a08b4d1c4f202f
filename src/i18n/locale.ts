/** The locales the SDK ships: English built in, Spanish as a locale pack. */
export const LOCALES = ['en', 'es'] as const;

/**
 * The locales catalogs answer for. A host that registers another at run time
 * (`registerLocale('fr', …)`) may declare it here for its own code:
 * `declare module 'portal-widgets' { interface PortalLocales { fr: true } }`.
 */
export interface PortalLocales {
  en: true;
  es: true;
}
export type Locale = Extract<keyof PortalLocales, string>;

/** Locales registered at run time (a host's, the pseudo-locale), by lower-case tag. */
const registered = new Map<string, Locale>();

/** Makes `resolveLocale` answer `tag` (exactly, or for any tag that starts with it). */
export function addLocale(tag: string): void {
  registered.set(tag.toLowerCase(), tag as Locale);
}

/**
 * Maps any BCP 47 tag (`es-MX`, `en-GB`) to a supported locale; falls back to the page, then
 * English. A locale registered at run time is matched first by its whole tag (`en-XA`), then by
 * its language (`fr` for `fr-CA`).
 */
export function resolveLocale(tag?: string | null): Locale {
  // Optional chaining all the way: a server-side DOM shim has a `document` without an element.
  const candidates = [tag, (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang];
  for (const candidate of candidates) {
    const whole = candidate?.trim().toLowerCase().replace(/_/g, '-');
    if (!whole) continue;
    const exact = registered.get(whole);
    if (exact) return exact;
    const base = whole.split('-')[0]!;
    const byLanguage = registered.get(base);
    if (byLanguage) return byLanguage;
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}
