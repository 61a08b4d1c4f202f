import type { Locale } from './locale.js';

// Read while the script-tag build runs: later `document.currentScript` is another script or null.
const sdkScript = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/**
 * The script-tag build's loader: adds `locales/<locale>.iife.js`, found next to
 * `portal-widgets.iife.js`, as one more script (same origin and nonce as the SDK's own, so a
 * strict CSP that allows the SDK allows it). Hosts that prefer no extra request include that file
 * themselves; a pack that is already in is never fetched. That one file holds every widget's
 * translations, so the widgets' own loaders are not used here.
 */
export function loadLocalePack(locale: Locale, pack: boolean): Promise<unknown> {
  if (locale === 'en' || !pack) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (!sdkScript?.src) {
      reject(new Error('locale pack location unknown'));
      return;
    }
    const script = document.createElement('script');
    script.src = new URL(`locales/${locale}.iife.js`, sdkScript.src).href;
    if (sdkScript.nonce) script.nonce = sdkScript.nonce;
    script.crossOrigin = sdkScript.crossOrigin;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`locale pack ${locale} did not load`));
    document.head.append(script);
  });
}
