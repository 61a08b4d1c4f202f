import type { Locale } from './locale.js';
import { hasTranslations, onTranslations } from './messages.js';
import { loadLocalePack } from './load-locale-pack.js';

const failed = new Set<Locale>();
const requested = new Set<Locale>();
const failureListeners = new Set<() => void>();

/**
 * The locale to show for the one asked for, and whether its pack is still on its way. Asking
 * starts the load (once per page). A pack that cannot load leaves the widgets in English.
 */
export function displayLocale(wanted: Locale): { locale: Locale; waiting: boolean } {
  if (hasTranslations(wanted)) return { locale: wanted, waiting: false };
  if (failed.has(wanted)) return { locale: 'en', waiting: false };
  if (!requested.has(wanted)) {
    requested.add(wanted);
    loadLocalePack(wanted).then(
      () => {
        // A pack that ran but registered nothing (a wrong file) must not leave widgets waiting.
        if (!hasTranslations(wanted)) markFailed(wanted);
      },
      () => markFailed(wanted),
    );
  }
  return { locale: 'en', waiting: true };
}

function markFailed(locale: Locale): void {
  failed.add(locale);
  for (const listener of failureListeners) listener();
}

/** Calls `listener` when a pack arrives or fails, so widgets waiting for it render. */
export function onLocalePackSettled(listener: () => void): () => void {
  const off = onTranslations(listener);
  failureListeners.add(listener);
  return () => {
    off();
    failureListeners.delete(listener);
  };
}
