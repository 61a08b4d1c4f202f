import type { Locale } from './locale.js';

/**
 * Fetches a locale pack; the pack registers itself when it runs. Bundles get it as a chunk of
 * their own. The script-tag build swaps this module for `load-locale-pack.script.ts`.
 */
export function loadLocalePack(locale: Locale): Promise<unknown> {
  if (locale === 'es') return import('../locales/es.js');
  return Promise.resolve();
}
