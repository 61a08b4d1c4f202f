import { LOCALES, type Locale } from './locale.js';

/** A message is a plain string or a function of its parameters (plurals, dates, names). */
export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;

/** The shape a translation must match: same keys, same parameters, any text. */
export type CatalogShape<T extends Messages> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** One catalog in every locale: `catalog[locale].key`. */
export type Catalog<T extends Messages> = Record<Locale, CatalogShape<T>>;

/** What a locale pack brings: one translated catalog per catalog id. */
export type Translations = Record<string, Messages>;

const catalogs = new Map<string, Record<string, Messages>>();
/** Every pack registered so far, kept for catalogs defined after it (a pack imported first). */
const packs = new Map<Locale, Translations>();

/**
 * Declares a catalog by its English text. Other languages arrive with their locale pack
 * (`portal-widgets/locales/es`), which is loaded only by pages that use it; until then every
 * locale reads English, and widgets only switch to a locale once its pack is in.
 */
export function defineMessages<T extends Messages>(id: string, en: T): Catalog<T> {
  const catalog = Object.fromEntries(LOCALES.map((locale) => [locale, packs.get(locale)?.[id] ?? en])) as unknown as Catalog<T>;
  catalogs.set(id, catalog as unknown as Record<string, Messages>);
  return catalog;
}

/** Catalog ids a locale pack must translate (tests use it to find a missing one). */
export function catalogIds(): string[] {
  return [...catalogs.keys()];
}

/**
 * Installs a locale pack's catalogs. Called by the pack itself: `import 'portal-widgets/locales/es'`
 * in a bundle, or `locales/es.iife.js` next to the script-tag build.
 */
export function registerTranslations(locale: Locale, pack: Translations): void {
  packs.set(locale, { ...packs.get(locale), ...pack });
  for (const [id, messages] of Object.entries(pack)) {
    const catalog = catalogs.get(id);
    if (catalog) catalog[locale] = messages;
  }
}

export function hasTranslations(locale: Locale): boolean {
  return locale === 'en' || packs.has(locale);
}

/** Whether every catalog defined so far has its `locale` text (a widget's may arrive after the pack). */
export function hasEveryCatalog(locale: Locale): boolean {
  const pack = packs.get(locale);
  return locale === 'en' || (pack !== undefined && catalogIds().every((id) => id in pack));
}
