import type { Locale } from './locale.js';
import { registerTranslations } from './messages.js';
import type { TranslationLoader } from './translation-loaders.js';

/**
 * Fetches a locale pack (when `pack`) and the translations of the widgets a page defines; each
 * arrives as a chunk of its own, so a page downloads the text of the widgets it shows. The
 * script-tag build swaps this module for `load-locale-pack.script.ts`.
 */
export async function loadLocalePack(locale: Locale, pack: boolean, widgets: TranslationLoader[]): Promise<void> {
  const [, ...parts] = await Promise.allSettled([pack && locale === 'es' ? import('../locales/es.js') : undefined, ...widgets.map((load) => load())]);
  for (const part of parts) if (part.status === 'fulfilled') registerTranslations(locale, part.value.default);
}
