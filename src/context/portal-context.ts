import { createContext } from '@lit/context';
import type { PortalClient } from '../api/portal-client.js';
import type { Locale } from '../i18n/locale.js';

/** What every widget needs from its host page: the API client and the language to speak. */
export interface PortalConfig {
  client: PortalClient;
  locale: Locale;
}

/**
 * A global key, so a provider from one copy of the SDK still feeds widgets defined by another copy
 * (two copies on a page happen; only the first defines the elements).
 */
export const portalContext = createContext<PortalConfig | undefined>(Symbol.for('portal-widgets.config'));
