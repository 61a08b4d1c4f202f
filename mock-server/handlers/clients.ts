/** Client summaries. */
import type { OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { requireClient } from './shared.js';

export function clientHandlers(store: MockStore): Pick<OperationImpls, 'getClient'> {
  return {
    getClient: {
      run: (ctx) => ({ body: requireClient(store, ctx.param('clientId')).summary }),
    },
  };
}
