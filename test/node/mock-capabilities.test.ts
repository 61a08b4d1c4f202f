/// <reference types="node" />
// Staff roles in the mock: `GET /session` answers the signed-in staff member and their role's
// capabilities, and every operation that needs a capability answers 403 `missing_capability`
// (naming it) to a role without it, before the body or any record is looked at; a role with it
// gets past that check. Driven by the operations table, so a new operation is covered by itself.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { PortalClient } from '../../src/api/portal-client.js';
import { AuthError } from '../../src/api/errors/index.js';
import { Capability, type StaffRole } from '../../src/schemas/index.js';
import { createNodeMock } from '../../mock-server/node.js';
import { capabilitiesOf, STAFF_CAPABILITIES, STAFF_ROLES } from '../../mock-server/staff.js';
import { assertOk, assertProblem, callOperation, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const mock = createNodeMock({ now: '2025-06-16T12:00:00.000Z' });
after(() => mock.close());
beforeEach(() => {
  mock.reset('default');
  // Some cases narrow the capabilities by hand: back to the role's.
  Reflect.deleteProperty(mock.store, 'capabilities');
});

const names = Object.keys(operations) as OperationName[];
const gated = names.filter((name) => (operations[name] as Operation).capability !== undefined);

/** Path ids of a fixture client (unknown ids are fine: the capability is checked first). */
function init(name: OperationName): CallInit {
  const op: Operation = operations[name];
  const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, m[1] === 'clientId' ? 'cl_active' : m[1] === 'side' ? 'front' : 'x_1']));
  return { params, ...(op.body === 'image' ? { rawBody: new Uint8Array([1]), contentType: 'image/png' } : op.body ? { body: {} } : {}), ...(op.ifMatch ? { ifMatch: 1 } : {}), ...(op.idempotencyKey ? { idempotencyKey: `k-${name}` } : {}) };
}

/** A role of the matrix without this capability. */
const roleWithout = (c: Capability): StaffRole | undefined => STAFF_ROLES.find((r) => !STAFF_CAPABILITIES[r].includes(c));

describe('staff roles in the mock', () => {
  it('GET /session answers the signed-in staff member and exactly their role’s capabilities', async () => {
    for (const role of STAFF_ROLES) {
      mock.store.setStaff(role);
      const res = await callOperation(BASE, 'getSession');
      assertOk('getSession', res);
      const body = res.body as { staff: { role: string; displayName: string }; capabilities: string[] };
      assert.equal(body.staff.role, role);
      assert.ok(body.staff.displayName.length > 0);
      assert.deepEqual([...body.capabilities].sort(), [...STAFF_CAPABILITIES[role]].sort(), role);
    }
  });

  it('the owner has every capability; every capability is someone’s and withheld from someone but activity.view', () => {
    assert.deepEqual([...STAFF_CAPABILITIES.owner].sort(), [...Capability.options].sort());
    const withheld = Capability.options.filter((c) => roleWithout(c) === undefined);
    assert.deepEqual(withheld, ['activity.view']);
  });

  for (const name of gated) {
    const capability = (operations[name] as Operation).capability!;
    it(`${name}: 403 missing_capability (${capability}) for a role without it, past that check for one with it`, async () => {
      // A capability every role holds (activity.view) is withheld by hand, as another server might.
      const without = roleWithout(capability);
      if (without) mock.store.setStaff(without);
      else mock.store.capabilities = () => capabilitiesOf('owner').filter((c) => c !== capability);
      const before = JSON.stringify(mock.store.client('cl_active')!.access);
      const refused = assertProblem(await callOperation(BASE, name, init(name)), 403, 'missing_capability');
      assert.equal(refused.capability, capability);
      assert.equal(JSON.stringify(mock.store.client('cl_active')!.access), before, 'nothing changed');

      Reflect.deleteProperty(mock.store, 'capabilities');
      mock.store.setStaff('owner');
      const allowed = await callOperation(BASE, name, init(name));
      assert.notEqual((allowed.body as { code?: string } | null)?.code, 'missing_capability', `${name} as owner: ${allowed.status}`);
      assert.deepEqual(mock.store.internalErrors, []);
    });
  }

  it('a second capability for some requests: Disable and Resend needs portal.invite, saving a card with a payment billing.cards', async () => {
    const access = mock.store.client('cl_invited')!.access;
    const email = { email: 'new.address@example.com', scope: 'portal', consent: true, disableAndResend: true };
    mock.store.capabilities = () => ['portal.email'];
    const refused = assertProblem(await callOperation(BASE, 'changePortalEmail', { params: { clientId: 'cl_invited' }, body: email, ifMatch: access.version }), 403, 'missing_capability');
    assert.equal(refused.capability, 'portal.invite');
    assertOk('changePortalEmail', await callOperation(BASE, 'changePortalEmail', { params: { clientId: 'cl_invited' }, body: { ...email, disableAndResend: false }, ifMatch: access.version }));

    mock.store.capabilities = () => ['billing.view', 'billing.charge'];
    const card = { token: 'tok_visa_4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
    const pay = (saveCard: boolean, key: string) =>
      callOperation(BASE, 'pay', { params: { clientId: 'cl_active' }, body: { target: { kind: 'balance' }, source: { kind: 'new_card', card, saveCard } }, idempotencyKey: key });
    assert.equal(assertProblem(await pay(true, 'k-save'), 403, 'missing_capability').capability, 'billing.cards');
    assertOk('pay', await pay(false, 'k-nosave'));
    assert.deepEqual(mock.store.internalErrors, []);
  });

  it('reset() signs the staff member the mock started with back in', async () => {
    mock.store.setStaff('biller');
    mock.reset('default');
    assert.equal(mock.store.staff.role, 'owner');
  });

  it('the client caches the session, reads it again after a missing_capability, and carries the capability on the error', async () => {
    mock.store.setStaff('front-desk');
    let sessions = 0;
    const client = new PortalClient({
      apiBase: BASE,
      getToken: () => 't',
      retryLimit: 0,
      fetch: (input, init) => {
        if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/session')) sessions++;
        return fetch(input, init);
      },
    });
    const first = await client.getSession();
    assert.equal(first.staff.role, 'front-desk');
    assert.ok(!first.capabilities.includes('portal.disable'));
    await client.getSession();
    assert.equal(sessions, 1, 'read once, then cached');
    const access = await client.getPortalAccess('cl_active');
    const error = await client.disablePortalAccess('cl_active', access.version).catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(error.code, 'missing_capability');
    assert.equal(error.problem?.capability, 'portal.disable');
    await client.getSession();
    assert.equal(sessions, 2, 'read again after the server refused a capability');
  });

  it('capabilities this SDK does not know are dropped, not an error', async () => {
    mock.store.capabilities = () => ['portal.invite', 'reports.export' as Capability];
    const client = new PortalClient({ apiBase: BASE, getToken: () => 't' });
    assert.deepEqual((await client.getSession()).capabilities, ['portal.invite']);
  });
});

describe('--staff on the command line', () => {
  it('an unknown role exits 1 naming the roles', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const script = fileURLToPath(new URL('../../mock-server/http.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--staff', 'janitor'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 1);
    assert.match(err, /--staff must be one of: owner, clinician, front-desk, biller/);
  });
});
