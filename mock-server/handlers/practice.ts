/** Practice settings: read, and turn the portal on or off for everyone (If-Match). */
import type { OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';

export function practiceHandlers(store: MockStore): Pick<OperationImpls, 'getPractice' | 'updatePractice'> {
  return {
    getPractice: {
      run: () => ({ body: store.practice, version: store.practice.version }),
    },
    updatePractice: {
      run(ctx) {
        ctx.requireVersion(store.practice.version);
        const saved = store.savePractice({ ...store.practice, portalEnabled: ctx.body.portalEnabled });
        return { body: saved, version: saved.version };
      },
    },
  };
}
