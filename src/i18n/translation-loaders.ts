import type { Locale } from './locale.js';
import type { Translations } from './messages.js';

/** Fetches one widget's translations in one locale: its `<tag>.translations.<locale>.ts` module. */
export type TranslationLoader = () => Promise<{ default: Translations }>;

const loaders = new Map<Locale, Map<string, TranslationLoader>>();

/**
 * Says where a widget's translations are. Each widget's define module calls it for its own folder,
 * so the i18n layer never lists the widgets: a page that shows a language loads the translations
 * of the widgets it defines, and only those.
 */
export function addTranslations(locale: Locale, owner: string, load: TranslationLoader): void {
  const forLocale = loaders.get(locale) ?? new Map<string, TranslationLoader>();
  forLocale.set(owner, load);
  loaders.set(locale, forLocale);
}

/** The translation loaders declared for `locale`, by owner (a widget's tag). */
export function translationLoaders(locale: Locale): [owner: string, load: TranslationLoader][] {
  return [...(loaders.get(locale) ?? [])];
}
