import { createContext } from '@lit/context';
import type { PortalClient } from '../api/portal-client.js';

/** What every widget needs from its host page: the API client and the language to speak. */
export interface PortalConfig {
  client: PortalClient;
  /** The language tag asked for (`es-MX`; empty: the page's); each widget resolves it as it renders, so a locale registered later applies too. */
  locale: string;
}

/**
 * A global key, so a provider from one copy of the SDK still feeds widgets defined by another copy
 * (two copies on a page happen; only the first defines the elements).
 */
export const portalContext = createContext<PortalConfig | undefined>(Symbol.for('portal-widgets.config'));
