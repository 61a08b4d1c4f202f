/// <reference types="node" />
// Schemas are built on first use (src/schemas/lazy.ts). The first use of an answer's schema is
// while its request is out: the client builds it as the request leaves, so the answer is parsed
// without building anything once it arrives.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

// Counts every zod schema constructed from here on (zod calls this hook for each one it builds).
let constructed = 0;
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = { postProcessor: () => void constructed++ };

const { http, HttpResponse } = await import('msw');
const { setupServer } = await import('msw/node');
const { PortalClient } = await import('../../src/api/index.js');

const BASE = 'https://ehr.test/api/portal';
const T = '2024-03-01T10:00:00Z';
const invitation = { id: 'inv_1', sentAt: T, to: 'maria@example.com', message: null, delivery: 'delivered', expiresAt: '2024-03-08T10:00:00Z' };
const access = { clientId: 'cl_1', state: 'invited', email: 'maria@example.com', invitations: [invitation], firstSignInAt: null, lastSignInAt: null, disabledAt: null, version: 2 };

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

/** Resolves once `check` holds, looking every 5 ms for at most 5 s. */
async function until(check: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 5) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return check();
}

test("an answer's schema is built while its request is out, so parsing the answer builds none", async () => {
  assert.equal(constructed, 0, 'loading the client built a schema');
  let received = false;
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  server.use(
    http.get(`${BASE}/clients/:id/portal-access`, async () => {
      received = true;
      await answered;
      return HttpResponse.json(access);
    }),
  );
  const client = new PortalClient({ apiBase: BASE, getToken: () => 'tok' });
  const pending = client.getPortalAccess('cl_1');
  assert.ok(await until(() => received), 'the request never reached the server');
  // The server holds the answer back: whatever is built now is built while the request is out.
  assert.ok(await until(() => constructed > 0), 'no schema was built while the request was out');
  const builtBeforeAnswer = constructed;
  answer();
  const result = await pending;
  assert.equal(result.invitations[0]?.to, 'maria@example.com');
  assert.equal(constructed, builtBeforeAnswer, 'parsing the answer built schemas');
});
