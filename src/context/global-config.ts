import type { PortalClientOptions } from '../api/portal-client.js';
import type { PortalConfig } from './portal-context.js';
import { sharedClient } from './shared-client.js';

export interface ConfigureOptions extends Pick<PortalClientOptions, 'getToken' | 'timeoutMs'> {
  /** Base URL of the portal API, e.g. `https://ehr.example.com/api/portal`. */
  apiBase: string;
  /** `en`, `es` or a locale registered with `registerLocale`; defaults to the page's `<html lang>`. */
  locale?: string;
}

let current: PortalConfig | undefined;
const changes = new EventTarget();

/**
 * Configures widgets that are not inside a `<portal-provider>`. Calling it again (for example to
 * switch the language) updates every mounted widget without remounting it.
 */
export function configure(options: ConfigureOptions): PortalConfig {
  current = {
    client: sharedClient(current?.client, { apiBase: options.apiBase, getToken: options.getToken, timeoutMs: options.timeoutMs }),
    locale: options.locale ?? '',
  };
  changes.dispatchEvent(new Event('change'));
  return current;
}

export function globalConfig(): PortalConfig | undefined {
  return current;
}

/** Subscribes to `configure()` calls; returns the unsubscribe function. */
export function onGlobalConfigChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}
