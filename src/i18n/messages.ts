import { LOCALES, addLocale, type Locale } from './locale.js';

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

/**
 * Every catalog by id, in English: what a host's translation or override must match. Each catalog
 * adds itself where it is defined (as `HTMLElementTagNameMap` gets its elements), so the type lists
 * the catalogs of the widgets a program imports. A message that is a function takes the
 * placeholders as named parameters (`(when: string, date: string) => string`).
 */
export interface PortalMessageCatalogs {}

/**
 * Strings a host gives for one locale: any catalog, any of its keys, each a string or (for a message
 * with placeholders) a function of the same parameters. Unknown catalogs and keys do not type-check.
 */
export type PortalMessages = { [Id in keyof PortalMessageCatalogs]?: Partial<PortalMessageCatalogs[Id]> };

const english = new Map<string, Messages>();
const catalogs = new Map<string, Record<string, Messages>>();
/** Every pack registered so far, kept for catalogs defined after it (a pack imported first). */
const packs = new Map<Locale, Translations>();
/** A host's single strings, by locale; they win over the pack and survive its late arrival. */
const overrides = new Map<Locale, Translations>();
/** Locales made from English by a function (the pseudo-locale), for catalogs defined later too. */
const derived = new Map<Locale, (id: string, en: Messages) => Messages>();
/** Locales registered at run time: complete as they are, English where they say nothing. */
const hostLocales = new Set<Locale>();
const listeners = new Set<() => void>();

/** One catalog's text in one locale: English, under the locale's own, under the host's overrides. */
function compose(id: string, locale: Locale): Messages {
  const en = english.get(id)!;
  const own = derived.get(locale)?.(id, en) ?? packs.get(locale)?.[id];
  const override = overrides.get(locale)?.[id];
  // A pack's catalog is whole, and a locale without one reads the English object itself.
  if (!override && !hostLocales.has(locale)) return own ?? en;
  return { ...en, ...own, ...override };
}

function knownLocales(): Locale[] {
  return [...new Set<Locale>([...LOCALES, ...packs.keys(), ...overrides.keys(), ...derived.keys(), ...hostLocales])];
}

/** Rebuilds every catalog's text in `locale`, then tells mounted widgets to render again. */
function recompose(locale: Locale): void {
  for (const [id, catalog] of catalogs) catalog[locale] = compose(id, locale);
  for (const listener of listeners) listener();
}

/**
 * Declares a catalog by its English text. Other languages arrive with their locale pack
 * (`portal-widgets/locales/es`), which is loaded only by pages that use it; until then every
 * locale reads English, and widgets only switch to a locale once its pack is in.
 */
export function defineMessages<T extends Messages>(id: string, en: T): Catalog<T> {
  english.set(id, en);
  const catalog = Object.fromEntries(knownLocales().map((locale) => [locale, compose(id, locale)])) as unknown as Catalog<T>;
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
  for (const [id, catalog] of catalogs) if (id in pack) catalog[locale] = compose(id, locale);
}

/**
 * Adds a language at run time, with the host's own text: any catalogs and keys, English where it
 * gives none. Widgets asked for `tag` (or a tag of the same language: `fr-CA` for `fr`) show it,
 * mounted ones at once; dates and amounts follow `tag` through `Intl`. For English and Spanish,
 * change single strings with `overrideMessages` instead. Throws a `RangeError` for a tag that is
 * not BCP 47 (`en_US`).
 *
 * @example registerLocale('fr', { common: { loading: 'Chargement…', retry: 'Réessayer' } });
 */
export function registerLocale(tag: string, messages: PortalMessages): void {
  if ((LOCALES as readonly string[]).includes(tag.toLowerCase())) {
    overrideMessages(tag.toLowerCase() as Locale, messages);
    return;
  }
  // A tag `Intl` refuses (`en_US`) would fail every date the widgets format: refused here, at once.
  const locale = Intl.getCanonicalLocales(tag)[0] as Locale;
  addLocale(locale);
  hostLocales.add(locale);
  packs.set(locale, { ...packs.get(locale), ...(messages as Translations) });
  recompose(locale);
}

/**
 * Replaces single strings of a locale (`en`, `es` or one registered), on every widget, mounted
 * ones at once. Given again, a key takes the newer text and the rest stay; a key given as
 * `undefined` goes back to the locale's own text.
 *
 * @example overrideMessages('en', { common: { retry: 'Retry' } });
 */
export function overrideMessages(locale: string, messages: PortalMessages): void {
  const key = (LOCALES as readonly string[]).includes(locale.toLowerCase()) ? (locale.toLowerCase() as Locale) : (locale as Locale);
  const current = overrides.get(key) ?? {};
  const next: Translations = { ...current };
  for (const [id, text] of Object.entries(messages as Translations)) {
    const merged: Messages = { ...current[id], ...text };
    // A key given as `undefined` goes back to the locale's own text.
    for (const key of Object.keys(text)) if (text[key] === undefined) delete merged[key];
    next[id] = merged;
  }
  overrides.set(key, next);
  recompose(key);
}

/** A locale whose every message is made from the English one (the pseudo-locale `en-XA`). */
export function registerDerivedLocale(tag: string, derive: (id: string, en: Messages) => Messages): void {
  const locale = tag as Locale;
  addLocale(tag);
  derived.set(locale, derive);
  recompose(locale);
}

/** Calls `listener` when a host's strings or locales change what a catalog says. */
export function onCatalogsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function hasTranslations(locale: Locale): boolean {
  return locale === 'en' || packs.has(locale) || derived.has(locale);
}

/** Whether every catalog defined so far has its `locale` text (a widget's may arrive after the pack). */
export function hasEveryCatalog(locale: Locale): boolean {
  if (locale === 'en' || derived.has(locale) || hostLocales.has(locale)) return true;
  const pack = packs.get(locale);
  return pack !== undefined && catalogIds().every((id) => id in pack);
}
