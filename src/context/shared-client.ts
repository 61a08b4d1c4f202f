import { PortalClient, type PortalClientOptions } from '../api/portal-client.js';

/** What the widgets' client is made from: a change to any of them makes a new client. */
export type SharedClientOptions = Pick<PortalClientOptions, 'apiBase' | 'getToken' | 'timeoutMs'>;

/**
 * The client for these options: the previous one while they are the same (its cache and session
 * stay shared by the widgets), a new one when any differs. `<portal-provider>` and `configure()`
 * both decide through it, so they honour the same options.
 */
export function sharedClient(previous: PortalClient | undefined, options: SharedClientOptions): PortalClient {
  const same = previous && previous.options.apiBase === options.apiBase && previous.options.getToken === options.getToken && previous.options.timeoutMs === options.timeoutMs;
  return same ? previous : new PortalClient(options);
}
