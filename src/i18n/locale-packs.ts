import type { Locale } from './locale.js';
import { hasTranslations } from './messages.js';
import { loadLocalePack } from './load-locale-pack.js';

const failed = new Set<Locale>();
const requested = new Set<Locale>();
const listeners = new Set<() => void>();

/**
 * The locale to show for the one asked for, and whether its pack is still on its way. Asking
 * starts the load (once per page). A pack that cannot load leaves the widgets in English.
 */
export function displayLocale(wanted: Locale): { locale: Locale; waiting: boolean } {
  if (hasTranslations(wanted)) return { locale: wanted, waiting: false };
  if (failed.has(wanted)) return { locale: 'en', waiting: false };
  if (!requested.has(wanted)) {
    requested.add(wanted);
    // Every widget showing English in place of a language asked for waits on this one load.
    const settled = () => {
      // A pack that ran but registered nothing (a wrong file) must not leave widgets waiting.
      if (!hasTranslations(wanted)) failed.add(wanted);
      for (const listener of listeners) listener();
    };
    loadLocalePack(wanted).then(settled, settled);
  }
  return { locale: 'en', waiting: true };
}

/** Calls `listener` when a pack arrives or fails, so widgets waiting for it render. */
export function onLocalePackSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
