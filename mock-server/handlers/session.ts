/** Who is signed in and what their role may do (mock-server/staff.ts). */
import type { OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';

export function sessionHandlers(store: MockStore): Pick<OperationImpls, 'getSession'> {
  return {
    getSession: {
      run: () => ({ body: { staff: store.staff, capabilities: store.capabilities() } }),
    },
  };
}
