/// <reference types="node" />
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PortalClient, PreconditionFailedError, writeEffects, type PortalClientOptions, type PortalDataChangedDetail } from '../../src/api/index.js';

const BASE = 'https://ehr.test/api/portal';
const T = '2024-03-01T10:00:00Z';
const practice = {
  portalEnabled: true,
  onlinePayments: 'active',
  portalUrl: 'https://portal.example.com/p/1',
  senderAddress: 'portal@example.com',
  minorOwnAccessAge: 13,
  resendCooldownMinutes: 10,
  invitationExpiryDays: 7,
  version: 3,
};
const email = { address: 'maria@example.com', consent: true, primary: true };
const clientOf = (id: string) => ({ id, firstName: 'Maria', lastName: 'Lopez', dateOfBirth: null, emails: [email] });
const access = { clientId: 'cl_1', state: 'active', email: email.address, invitations: [], firstSignInAt: T, lastSignInAt: T, disabledAt: null, version: 2 };
const template = { id: 'tpl_1', title: 'Intake form', description: 'New client intake', requiredSections: 3 };
const doc = {
  id: 'doc_1',
  templateId: 'tpl_1',
  title: 'Intake form',
  status: 'sent',
  sentAt: T,
  lastActivityAt: null,
  completedAt: null,
  lastReminderAt: null,
  requiredSections: { completed: 0, total: 3 },
  signedAt: null,
  fillUrl: 'https://portal.example.com/d/doc_1',
  cancelledAt: null,
};
const contact = {
  id: 'ct_1',
  clientId: 'cl_1',
  firstName: 'Ana',
  lastName: 'Lopez',
  relationship: 'mother',
  legalGuardian: true,
  emails: [],
  portalUser: { state: 'invited', email: 'ana@example.com', invitations: [], firstSignInAt: null, lastSignInAt: null },
  version: 1,
};
const payment = { id: 'pay_1', createdAt: T, amount: { amount: 5000, currency: 'USD' }, card: { brand: 'visa', last4: '4242' }, invoiceIds: ['in_1'], status: 'succeeded' };
const tokenized = { token: 'tok_visa_4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } as const;

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const api = (extra: Partial<PortalClientOptions> = {}) => new PortalClient({ apiBase: BASE, retryDelayMs: 1, getToken: () => 'tok', ...extra });

/** Counts requests per `METHOD path?query`. */
function counter() {
  const counts = new Map<string, number>();
  const hit = (request: Request) => {
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname.replace('/api/portal', '')}${url.search}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  return { counts, hit, get: (key: string) => counts.get(key) ?? 0 };
}

function readHandlers(c: ReturnType<typeof counter>, wait = 0) {
  return [
    http.get(`${BASE}/practice`, async ({ request }) => (c.hit(request), await delay(wait), HttpResponse.json(practice))),
    http.get(`${BASE}/clients/:id`, async ({ request, params }) => (c.hit(request), await delay(wait), HttpResponse.json(clientOf(String(params.id))))),
    http.get(`${BASE}/clients/:id/portal-access`, async ({ request }) => (c.hit(request), await delay(wait), HttpResponse.json(access))),
    http.get(`${BASE}/document-templates`, async ({ request }) => (c.hit(request), await delay(wait), HttpResponse.json([template]))),
    http.get(`${BASE}/clients/:id/documents`, async ({ request }) => (c.hit(request), await delay(wait), HttpResponse.json({ items: [doc], nextCursor: null, total: 1 }))),
  ];
}

describe('coalescing identical GETs', () => {
  test('two concurrent getPractice → one request, same result', async () => {
    const c = counter();
    server.use(...readHandlers(c, 20));
    const client = api();
    const [a, b] = await Promise.all([client.getPractice(), client.getPractice()]);
    assert.deepEqual(a, practice);
    assert.equal(a, b);
    assert.equal(c.get('GET /practice'), 1);
  });

  test('uncached GETs are shared only while in flight', async () => {
    const c = counter();
    server.use(...readHandlers(c, 10));
    const client = api();
    await Promise.all([client.getPortalAccess('cl_1'), client.getPortalAccess('cl_1'), client.getPortalAccess('cl_1')]);
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 1);
    await client.getPortalAccess('cl_1');
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 2);
  });

  test('different clients or queries are different requests; query order does not matter', async () => {
    const c = counter();
    server.use(...readHandlers(c, 10));
    const client = api();
    await Promise.all([
      client.getClient('cl_1'),
      client.getClient('cl_2'),
      client.listDocuments('cl_1', { status: 'sent', limit: 10 }),
      client.listDocuments('cl_1', { limit: 10, status: 'sent' }),
      client.listDocuments('cl_1', { status: 'completed' }),
    ]);
    assert.equal(c.get('GET /clients/cl_1'), 1);
    assert.equal(c.get('GET /clients/cl_2'), 1);
    assert.equal(c.get('GET /clients/cl_1/documents?limit=10&status=sent'), 1);
    assert.equal(c.get('GET /clients/cl_1/documents?status=completed'), 1);
  });

  test('one caller aborting does not cancel the request for the others', async () => {
    let aborted = false;
    const c = counter();
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, async ({ request }) => {
        c.hit(request);
        request.signal.addEventListener('abort', () => (aborted = true));
        await delay(40);
        return HttpResponse.json(access);
      }),
    );
    const client = api();
    const controller = new AbortController();
    const first = client.getPortalAccess('cl_1', { signal: controller.signal });
    const second = client.getPortalAccess('cl_1', { signal: new AbortController().signal });
    setTimeout(() => controller.abort(), 5);
    const error = await first.catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.deepEqual(await second, access);
    assert.equal(aborted, false);
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 1);
  });

  test('when every caller aborts, the request is cancelled and the next call starts afresh', async () => {
    let aborted = 0;
    const c = counter();
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, async ({ request }) => {
        c.hit(request);
        request.signal.addEventListener('abort', () => aborted++);
        await delay(40);
        return HttpResponse.json(access);
      }),
    );
    const client = api();
    const a = new AbortController();
    const b = new AbortController();
    const first = client.getPortalAccess('cl_1', { signal: a.signal });
    const second = client.getPortalAccess('cl_1', { signal: b.signal });
    setTimeout(() => (a.abort(), b.abort()), 5);
    for (const p of [first, second]) assert.equal(((await p.catch((e: unknown) => e)) as Error).name, 'AbortError');
    await delay(10);
    assert.equal(aborted, 1);
    assert.deepEqual(await client.getPortalAccess('cl_1'), access);
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 2);
  });

  test('a caller without a signal keeps the shared request alive', async () => {
    const c = counter();
    server.use(...readHandlers(c, 30));
    const client = api();
    const a = new AbortController();
    const first = client.getPortalAccess('cl_1', { signal: a.signal });
    const second = client.getPortalAccess('cl_1');
    setTimeout(() => a.abort(), 5);
    await first.catch(() => undefined);
    assert.deepEqual(await second, access);
  });
});

describe('caching', () => {
  test('getPractice, getClient and listDocumentTemplates are cached for cacheTtlMs', async () => {
    const c = counter();
    server.use(...readHandlers(c));
    const client = api({ cacheTtlMs: 250 });
    for (let i = 0; i < 3; i++) {
      await client.getPractice();
      await client.getClient('cl_1');
      await client.listDocumentTemplates();
    }
    assert.equal(c.get('GET /practice'), 1);
    assert.equal(c.get('GET /clients/cl_1'), 1);
    assert.equal(c.get('GET /document-templates'), 1);
    await delay(300);
    await client.getPractice();
    assert.equal(c.get('GET /practice'), 2);
  });

  test('a failed GET is not cached', async () => {
    let n = 0;
    server.use(http.get(`${BASE}/practice`, () => (++n === 1 ? new HttpResponse(null, { status: 404 }) : HttpResponse.json(practice))));
    const client = api();
    await assert.rejects(client.getPractice());
    assert.deepEqual(await client.getPractice(), practice);
    assert.equal(n, 2);
  });

  test('caches are per client instance', async () => {
    const c = counter();
    server.use(...readHandlers(c));
    await api().getPractice();
    await api().getPractice();
    assert.equal(c.get('GET /practice'), 2);
  });

  test('invalidate() forgets everything; invalidate(prefix) only matching paths', async () => {
    const c = counter();
    server.use(...readHandlers(c));
    const client = api();
    const load = () => Promise.all([client.getPractice(), client.getClient('cl_1'), client.getClient('cl_2'), client.getClient('cl_10')]);
    const counts = () => [c.get('GET /practice'), c.get('GET /clients/cl_1'), c.get('GET /clients/cl_2'), c.get('GET /clients/cl_10')];
    await load();
    client.invalidate('/clients/cl_1');
    await load();
    assert.deepEqual(counts(), [1, 2, 1, 1], 'whole path segments only');
    client.invalidate('/clients/');
    await load();
    assert.deepEqual(counts(), [1, 3, 2, 2]);
    client.invalidate();
    await load();
    assert.deepEqual(counts(), [2, 4, 3, 3]);
  });

  test('a write invalidates what it changes, for that client only', async () => {
    const c = counter();
    server.use(
      ...readHandlers(c),
      http.post(`${BASE}/clients/:id/portal-access/email`, () => HttpResponse.json(access)),
      http.patch(`${BASE}/practice`, () => HttpResponse.json({ ...practice, version: 4 })),
    );
    const client = api();
    await Promise.all([client.getPractice(), client.getClient('cl_1'), client.getClient('cl_2'), client.listDocumentTemplates()]);
    await client.changePortalEmail('cl_1', { email: 'new@example.com', scope: 'primary', consent: true, disableAndResend: false }, 2);
    await Promise.all([client.getPractice(), client.getClient('cl_1'), client.getClient('cl_2'), client.listDocumentTemplates()]);
    assert.deepEqual([c.get('GET /practice'), c.get('GET /clients/cl_1'), c.get('GET /clients/cl_2'), c.get('GET /document-templates')], [1, 2, 1, 1]);
    // The write answers with the practice settings: the next read is that answer, not a request.
    await client.updatePractice({ portalEnabled: false }, 3);
    assert.equal((await client.getPractice()).version, 4);
    assert.equal(c.get('GET /practice'), 1);
  });

  test('a GET in flight during a write is not cached afterwards', async () => {
    const c = counter();
    server.use(...readHandlers(c, 30), http.patch(`${BASE}/practice`, () => HttpResponse.json({ ...practice, version: 4 })));
    const client = api();
    const pending = client.getPractice();
    await client.updatePractice({ portalEnabled: false }, 3);
    assert.equal((await pending).version, 3);
    // What is kept is the write's answer, not the older read that was in flight.
    assert.equal((await client.getPractice()).version, 4);
    assert.equal(c.get('GET /practice'), 1);
  });

  test("a write that answers with a read's resource is that read's next answer, once", async () => {
    const c = counter();
    let version = 2;
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, ({ request }) => (c.hit(request), HttpResponse.json({ ...access, version }))),
      http.post(`${BASE}/clients/:id/portal-access/invitations`, () => HttpResponse.json({ ...access, state: 'invited', version: ++version }, { status: 201 })),
    );
    const client = api();
    assert.equal((await client.getPortalAccess('cl_1')).version, 2);
    const sent = await client.sendInvitation('cl_1');
    assert.equal(sent.version, 3);
    // The refresh after the write: no request, the write's answer.
    assert.deepEqual(await client.getPortalAccess('cl_1'), sent);
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 1);
    // Portal access is not a kept read: the one after that asks the server again.
    assert.equal((await client.getPortalAccess('cl_1')).version, 3);
    assert.equal(c.get('GET /clients/cl_1/portal-access'), 2);
    // Another client's portal access was not answered by the write.
    await client.getPortalAccess('cl_2');
    assert.equal(c.get('GET /clients/cl_2/portal-access'), 1);
  });

  test('a 412 drops the stale cached resource too', async () => {
    const c = counter();
    server.use(
      ...readHandlers(c),
      http.patch(`${BASE}/practice`, () =>
        HttpResponse.json({ type: 'about:blank', title: 'Stale', status: 412, code: 'stale_version' }, { status: 412, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const client = api();
    const events: unknown[] = [];
    client.addEventListener('portal-data-changed', (e) => events.push(e.detail));
    await client.getPractice();
    await assert.rejects(client.updatePractice({ portalEnabled: false }, 2), PreconditionFailedError);
    await client.getPractice();
    assert.equal(c.get('GET /practice'), 2);
    assert.deepEqual(events, []);
  });
});

describe('portal-data-changed', () => {
  function listen(client: PortalClient) {
    const details: PortalDataChangedDetail[] = [];
    client.addEventListener('portal-data-changed', (event) => {
      assert.ok(event instanceof CustomEvent);
      details.push(event.detail);
    });
    return details;
  }

  test('each successful write announces the client and the resources it touched', async () => {
    server.use(
      http.patch(`${BASE}/practice`, () => HttpResponse.json({ ...practice, version: 4 })),
      http.post(`${BASE}/clients/:id/documents`, () => HttpResponse.json({ documents: [doc], emailsSent: 2, recipients: [email.address], portalAccessGranted: true }, { status: 201 })),
      http.post(`${BASE}/clients/:id/portal-access/email`, () => HttpResponse.json(access)),
      http.post(`${BASE}/clients/:id/contacts/:contactId/invitations`, () => HttpResponse.json(contact, { status: 201 })),
      http.delete(`${BASE}/clients/:id/contacts/:contactId`, () => new HttpResponse(null, { status: 204 })),
      http.post(`${BASE}/clients/:id/payments`, () => HttpResponse.json(payment, { status: 201 })),
    );
    const client = api();
    const details = listen(client);
    await client.updatePractice({ portalEnabled: true }, 3);
    await client.assignDocuments('cl_1', { templateIds: ['tpl_1'] });
    await client.changePortalEmail('cl_1', { email: 'new@example.com', scope: 'portal', consent: true, disableAndResend: true }, 2);
    await client.inviteContact('cl_1', 'ct_1');
    await client.removeContact('cl_1', 'ct_1', 1);
    await client.pay('cl_1', { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_1' } }, 'k1');
    await client.pay('cl_1', { target: { kind: 'invoices', invoiceIds: ['in_1'] }, source: { kind: 'new_card', card: tokenized, saveCard: true } }, 'k2');
    await client.pay('cl_2', { target: { kind: 'balance' }, source: { kind: 'new_card', card: tokenized, saveCard: false } }, 'k3');
    assert.deepEqual(details, [
      // Practice-wide: on no client's activity trail.
      { clientId: null, resources: ['practice'], operation: 'updatePractice' },
      { clientId: 'cl_1', resources: ['documents', 'portal-access', 'activity'], operation: 'assignDocuments' },
      { clientId: 'cl_1', resources: ['portal-access', 'client', 'activity'], operation: 'changePortalEmail' },
      { clientId: 'cl_1', resources: ['contacts', 'permissions', 'activity'], operation: 'inviteContact' },
      { clientId: 'cl_1', resources: ['contacts', 'permissions', 'activity'], operation: 'removeContact' },
      { clientId: 'cl_1', resources: ['invoices', 'payments', 'activity'], operation: 'pay' },
      { clientId: 'cl_1', resources: ['invoices', 'payments', 'payment-methods', 'activity'], operation: 'pay' },
      { clientId: 'cl_2', resources: ['invoices', 'payments', 'activity'], operation: 'pay' },
    ]);
  });

  test('reads and failed writes announce nothing', async () => {
    const c = counter();
    server.use(
      ...readHandlers(c),
      http.post(`${BASE}/clients/:id/portal-access/invitations`, () =>
        HttpResponse.json({ type: 'about:blank', title: 'Signed in', status: 409, code: 'already_signed_in' }, { status: 409, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const client = api();
    const details = listen(client);
    await client.getPractice();
    await client.getPortalAccess('cl_1');
    await assert.rejects(client.sendInvitation('cl_1'));
    assert.deepEqual(details, []);
  });

  test('a declined payment is refused yet on record: only the activity trail is announced', async () => {
    server.use(
      http.post(`${BASE}/clients/:id/payments`, () =>
        HttpResponse.json({ type: 'about:blank', title: 'Declined', status: 402, code: 'card_declined' }, { status: 402, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const client = api();
    const details = listen(client);
    await assert.rejects(client.pay('cl_1', { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_1' } }, 'k9'));
    assert.deepEqual(details, [{ clientId: 'cl_1', resources: ['activity'], operation: 'pay' }]);
  });

  test('listeners can be removed', async () => {
    server.use(http.post(`${BASE}/clients/:id/portal-access/disable`, () => HttpResponse.json(access)));
    const client = api();
    let calls = 0;
    const listener = () => calls++;
    client.addEventListener('portal-data-changed', listener);
    await client.disablePortalAccess('cl_1', 2);
    client.removeEventListener('portal-data-changed', listener);
    await client.disablePortalAccess('cl_1', 2);
    assert.equal(calls, 1);
  });

  test('every write operation has an entry in the effects table, and no read does', () => {
    for (const [name, effect] of Object.entries(writeEffects)) {
      assert.ok(typeof effect === 'function' || effect.length > 0, name);
      assert.ok(!name.startsWith('get') && !name.startsWith('list'), name);
    }
  });
});
