/** A client's activity trail: every accepted write, newest first (recorded by `withActivity`). */
import type { OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { requireClient } from './shared.js';

export function activityHandlers(store: MockStore): Pick<OperationImpls, 'listActivity'> {
  return {
    listActivity: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        return { body: store.activityOf(rec.id).page(ctx.query.kind, ctx.query.cursor, ctx.query.limit) };
      },
    },
  };
}
