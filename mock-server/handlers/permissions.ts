/** The four client permissions and the permission groups of the client's portal users. */
import { permissionProblem } from '../../src/domain/index.js';
import { problem, type FieldError, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { requireClient } from './shared.js';

export function permissionHandlers(store: MockStore): Pick<OperationImpls, 'getPermissions' | 'updatePermissions'> {
  return {
    getPermissions: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        return { body: rec.permissions, version: rec.permissions.version };
      },
    },

    updatePermissions: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        ctx.requireVersion(rec.permissions.version);
        const { client, portalUsers } = ctx.body;
        const code = permissionProblem(client, store.practice);
        if (code === 'pay_balance_requires_billing_documents') throw problem(code, 'Turn on access to billing documents to allow paying the balance.');
        if (code === 'no_payments_account') throw problem(code, 'Paying the balance needs an active online-payments account for the practice.');

        // Portal users are enrolled through invitations; this only changes the groups of existing ones.
        const enrolled = new Set(rec.permissions.portalUsers.map((u) => u.contactId));
        const seen = new Set<string>();
        const errors: FieldError[] = [];
        portalUsers.forEach((u, i) => {
          if (!enrolled.has(u.contactId)) errors.push({ path: `$.portalUsers[${i}].contactId`, message: 'Not a portal user of this client' });
          else if (seen.has(u.contactId)) errors.push({ path: `$.portalUsers[${i}].contactId`, message: 'Listed twice' });
          seen.add(u.contactId);
        });
        if (errors.length) throw problem('bad_request', 'Some portal users are not enrolled for this client.', { errors });

        const next = rec.permissions.portalUsers.map((u) => {
          const update = portalUsers.find((x) => x.contactId === u.contactId);
          return update ? { contactId: u.contactId, groups: { ...update.groups } } : u;
        });
        const saved = store.savePermissions(rec, { ...rec.permissions, client: { ...client }, portalUsers: next });
        return { body: saved, version: saved.version };
      },
    },
  };
}
