import type { Locale } from './locale.js';
import { hasEveryCatalog, hasTranslations, onCatalogsChanged } from './messages.js';
import { loadLocalePack } from './load-locale-pack.js';
import { translationLoaders } from './translation-loaders.js';

const failed = new Set<Locale>();
/** What was asked for already: `es` for the pack, `es:<tag>` for a widget's own translations. */
const requested = new Set<string>();
const loading = new Map<Locale, number>();
const listeners = new Set<() => void>();

/**
 * The locale to show for the one asked for, and whether its text is still on its way. Asking
 * starts the load of the pack and of the translations of every widget defined so far (once per
 * page each). A pack that cannot load leaves the widgets in English.
 */
export function displayLocale(wanted: Locale): { locale: Locale; waiting: boolean } {
  if (hasEveryCatalog(wanted)) return { locale: wanted, waiting: false };
  if (failed.has(wanted)) return { locale: 'en', waiting: false };
  const pack = !requested.has(wanted);
  const widgets = translationLoaders(wanted).filter(([owner]) => !requested.has(`${wanted}:${owner}`));
  if (pack || widgets.length > 0) {
    requested.add(wanted);
    for (const [owner] of widgets) requested.add(`${wanted}:${owner}`);
    loading.set(wanted, (loading.get(wanted) ?? 0) + 1);
    // Every widget showing English in place of a language asked for waits on these loads.
    const settled = () => {
      loading.set(wanted, loading.get(wanted)! - 1);
      // A pack that ran but registered nothing (a wrong file) must not leave widgets waiting.
      if (!hasTranslations(wanted)) failed.add(wanted);
      for (const listener of listeners) listener();
    };
    loadLocalePack(wanted, pack, widgets.map(([, load]) => load)).then(settled, settled);
  }
  // Everything asked for has arrived, yet a catalog has no text: it reads English, the rest does not.
  if (!loading.get(wanted) && hasTranslations(wanted)) return { locale: wanted, waiting: false };
  return { locale: 'en', waiting: true };
}

/**
 * Calls `listener` when a pack arrives or fails, so widgets waiting for it render, and when a host
 * registers a locale or overrides strings, so mounted widgets show them.
 */
export function onLocalePackSettled(listener: () => void): () => void {
  listeners.add(listener);
  const unsubscribe = onCatalogsChanged(listener);
  return () => {
    listeners.delete(listener);
    unsubscribe();
  };
}
