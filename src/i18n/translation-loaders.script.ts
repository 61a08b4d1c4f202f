import type { Locale } from './locale.js';
import type { TranslationLoader } from './translation-loaders.js';

// The script-tag build's stand-in: its Spanish pack (`locales/es.iife.js`) holds every widget's
// translations, so the widgets' own loaders are dropped rather than bundled.
export function addTranslations(_locale: Locale, _owner: string, _load: TranslationLoader): void {}

export function translationLoaders(_locale: Locale): [owner: string, load: TranslationLoader][] {
  return [];
}
