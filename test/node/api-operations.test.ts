/// <reference types="node" />
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PortalClient } from '../../src/api/index.js';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import type { ContactInput } from '../../src/schemas/index.js';

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
const email = { address: 'maria.lopez@example.com', consent: true, primary: true };
const client = { id: 'cl_1', firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '2015-04-02', emails: [email] };
const invitation = { id: 'inv_1', sentAt: T, to: email.address, message: null, delivery: 'delivered', expiresAt: '2024-03-08T10:00:00Z' };
const access = { clientId: 'cl_1', state: 'invited', email: email.address, invitations: [invitation], firstSignInAt: null, lastSignInAt: null, disabledAt: null, version: 2 };
const pin = { pin: '123456', expiresAt: T };
const flags = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: false };
const groups = { basic: true, messaging: false, documents: true, scheduling: false, billing: false };
const permissions = { clientId: 'cl_1', client: flags, portalUsers: [{ contactId: 'ct_1', groups }], version: 5 };
const contactInput: ContactInput = { firstName: 'Ana', lastName: 'Lopez', relationship: 'mother', legalGuardian: true, emails: [{ ...email, address: 'ana@example.com' }] };
const contact = {
  id: 'ct_1',
  clientId: 'cl_1',
  ...contactInput,
  portalUser: { state: 'not_enrolled', email: null, invitations: [], firstSignInAt: null, lastSignInAt: null },
  version: 1,
};
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
const card = { id: 'pm_1', kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, isDefault: true };
const insurance = { id: 'pm_2', kind: 'insurance', payerName: 'Acme Health', memberIdMasked: '****1234', cardImages: { front: null, back: null } };
const methods = { clientId: 'cl_1', cards: [card], insurance: [insurance] };
const usd = (amount: number) => ({ amount, currency: 'USD' });
const invoice = { id: 'in_10', number: 'INV-10', description: 'Session', issuedAt: T, dueAt: null, total: usd(12000), status: 'open', paidAt: null };
const payment = { id: 'pay_1', createdAt: T, amount: usd(12000), card: { brand: 'visa', last4: '4242' }, invoiceIds: ['in_10'], status: 'succeeded' };
const overviewRow = { clientId: 'cl_1', displayName: 'Maria Lopez', state: 'invited', finding: 'email_typo', fix: 'change_email', evidence: { about: 'client', address: 'maria@gmial.com', suggestion: 'maria@gmail.com' } };
const tokenized = { token: 'tok_visa_4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } as const;

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

interface Case {
  op: OperationName;
  call: (c: PortalClient) => Promise<unknown>;
  /** Expected URL path and query, relative to BASE. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  response: unknown;
}

const cases: Case[] = [
  {
    op: 'getSession',
    call: (c) => c.getSession(),
    url: '/session',
    response: { staff: { id: 'stf_1', displayName: 'Jordan Lee', role: 'front-desk' }, capabilities: ['portal.invite', 'billing.view'] },
  },
  { op: 'getPractice', call: (c) => c.getPractice(), url: '/practice', response: practice },
  { op: 'updatePractice', call: (c) => c.updatePractice({ portalEnabled: false }, 3), url: '/practice', body: { portalEnabled: false }, headers: { 'if-match': '"3"' }, response: { ...practice, portalEnabled: false, version: 4 } },
  { op: 'getClient', call: (c) => c.getClient('cl_1'), url: '/clients/cl_1', response: client },
  { op: 'getPortalAccess', call: (c) => c.getPortalAccess('cl_1'), url: '/clients/cl_1/portal-access', response: access },
  { op: 'sendInvitation', call: (c) => c.sendInvitation('cl_1', { message: 'Welcome' }), url: '/clients/cl_1/portal-access/invitations', body: { message: 'Welcome' }, response: access },
  {
    op: 'changePortalEmail',
    call: (c) => c.changePortalEmail('cl_1', { email: 'new@example.com', scope: 'portal', consent: true, disableAndResend: true }, 2),
    url: '/clients/cl_1/portal-access/email',
    body: { email: 'new@example.com', scope: 'portal', consent: true, disableAndResend: true },
    headers: { 'if-match': '"2"' },
    response: { ...access, email: 'new@example.com' },
  },
  { op: 'disablePortalAccess', call: (c) => c.disablePortalAccess('cl_1', 2), url: '/clients/cl_1/portal-access/disable', headers: { 'if-match': '"2"' }, response: { ...access, state: 'disabled', disabledAt: T } },
  { op: 'createSignInPin', call: (c) => c.createSignInPin('cl_1'), url: '/clients/cl_1/portal-access/pins', response: pin },
  { op: 'getPermissions', call: (c) => c.getPermissions('cl_1'), url: '/clients/cl_1/permissions', response: permissions },
  {
    op: 'updatePermissions',
    call: (c) => c.updatePermissions('cl_1', { client: flags, portalUsers: [] }, 5),
    url: '/clients/cl_1/permissions',
    body: { client: flags, portalUsers: [] },
    headers: { 'if-match': '"5"' },
    response: { ...permissions, portalUsers: [], version: 6 },
  },
  { op: 'listContacts', call: (c) => c.listContacts('cl_1'), url: '/clients/cl_1/contacts', response: [contact] },
  { op: 'createContact', call: (c) => c.createContact('cl_1', contactInput), url: '/clients/cl_1/contacts', body: contactInput, response: contact },
  { op: 'updateContact', call: (c) => c.updateContact('cl_1', 'ct_1', contactInput, 1), url: '/clients/cl_1/contacts/ct_1', body: contactInput, headers: { 'if-match': '"1"' }, response: { ...contact, version: 2 } },
  { op: 'removeContact', call: (c) => c.removeContact('cl_1', 'ct_1', 2), url: '/clients/cl_1/contacts/ct_1', headers: { 'if-match': '"2"' }, response: null },
  { op: 'inviteContact', call: (c) => c.inviteContact('cl_1', 'ct_1'), url: '/clients/cl_1/contacts/ct_1/invitations', body: {}, response: contact },
  { op: 'listDocumentTemplates', call: (c) => c.listDocumentTemplates(), url: '/document-templates', response: [template] },
  {
    op: 'listClientDocumentTemplates',
    call: (c) => c.listClientDocumentTemplates('cl_1'),
    url: '/clients/cl_1/documents/templates',
    response: [{ ...template, latestDocument: doc }],
  },
  {
    op: 'searchDocuments',
    call: (c) => c.searchDocuments('cl_1', { title: 'intake', status: 'sent', offset: 50, limit: 25 }),
    url: '/clients/cl_1/documents/search',
    body: { title: 'intake', status: 'sent', offset: 50, limit: 25 },
    response: { items: [doc], nextCursor: null, total: 1 },
  },
  {
    op: 'listDocuments',
    call: (c) => c.listDocuments('cl_1', { status: 'sent', sort: 'sent_desc', cursor: 'c1', limit: 20 }),
    url: '/clients/cl_1/documents?cursor=c1&limit=20&sort=sent_desc&status=sent',
    response: { items: [doc], nextCursor: 'c2', total: 3 },
  },
  {
    op: 'assignDocuments',
    call: (c) => c.assignDocuments('cl_1', { templateIds: ['tpl_1', 'tpl_2'], sendAgain: ['tpl_2'] }),
    url: '/clients/cl_1/documents',
    body: { templateIds: ['tpl_1', 'tpl_2'], sendAgain: ['tpl_2'] },
    response: { documents: [doc], emailsSent: 1, recipients: [email.address], portalAccessGranted: false },
  },
  { op: 'remindDocument', call: (c) => c.remindDocument('cl_1', 'doc_1'), url: '/clients/cl_1/documents/doc_1/reminders', response: { document: { ...doc, lastReminderAt: T }, emailsSent: 1 } },
  { op: 'cancelDocument', call: (c) => c.cancelDocument('cl_1', 'doc_1'), url: '/clients/cl_1/documents/doc_1/cancel', response: doc },
  { op: 'getPaymentMethods', call: (c) => c.getPaymentMethods('cl_1'), url: '/clients/cl_1/payment-methods', response: methods },
  { op: 'addCard', call: (c) => c.addCard('cl_1', { card: tokenized, makeDefault: true }), url: '/clients/cl_1/payment-methods/cards', body: { card: tokenized, makeDefault: true }, response: card },
  { op: 'setDefaultPaymentMethod', call: (c) => c.setDefaultPaymentMethod('cl_1', 'pm_1'), url: '/clients/cl_1/payment-methods/pm_1/default', response: methods },
  { op: 'removePaymentMethod', call: (c) => c.removePaymentMethod('cl_1', 'pm_1'), url: '/clients/cl_1/payment-methods/pm_1', response: null },
  {
    op: 'uploadInsuranceCard',
    call: (c) => c.uploadInsuranceCard('cl_1', 'front', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })),
    url: '/clients/cl_1/insurance-card/front',
    headers: { 'content-type': 'image/jpeg' },
    response: { ...insurance, cardImages: { front: { uploadedAt: T, contentType: 'image/jpeg', bytes: 3 }, back: null } },
  },
  { op: 'getInvoices', call: (c) => c.getInvoices('cl_1'), url: '/clients/cl_1/invoices', response: { clientId: 'cl_1', items: [invoice], balance: usd(12000) } },
  {
    op: 'pay',
    call: (c) => c.pay('cl_1', { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_1' } }, 'key-123'),
    url: '/clients/cl_1/payments',
    body: { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_1' } },
    headers: { 'idempotency-key': 'key-123' },
    response: payment,
  },
  { op: 'listPayments', call: (c) => c.listPayments('cl_1', { limit: 10 }), url: '/clients/cl_1/payments?limit=10', response: { items: [payment], nextCursor: null, total: 1 } },
  {
    op: 'listActivity',
    call: (c) => c.listActivity('cl_1', { kind: 'access_disabled', limit: 25 }),
    url: '/clients/cl_1/activity?kind=access_disabled&limit=25',
    response: { items: [{ id: 'act_1', at: '2025-06-01T10:00:00.000Z', clientId: 'cl_1', actor: { type: 'client' }, kind: 'access_disabled' }], nextCursor: null, total: 1 },
  },
  {
    op: 'getPortalOverview',
    call: (c) => c.getPortalOverview(),
    url: '/portal-overview',
    response: { totalClients: 3, portalEnabled: true, unansweredAfterDays: 3, states: [{ state: 'invited', clients: 3, findings: [{ finding: 'never_signed_in', clients: 2 }] }], findings: [{ finding: 'never_signed_in', clients: 2 }], computedAt: T },
  },
  {
    op: 'listPortalOverviewClients',
    call: (c) => c.listPortalOverviewClients({ finding: 'email_typo', cursor: 'c1', limit: 25 }),
    url: '/portal-overview/clients?cursor=c1&finding=email_typo&limit=25',
    response: { items: [overviewRow], nextCursor: null, total: 1 },
  },
  {
    op: 'searchPortalOverviewClients',
    call: (c) => c.searchPortalOverviewClients({ finding: 'email_typo', name: 'Lopez' }),
    url: '/portal-overview/search',
    body: { finding: 'email_typo', name: 'Lopez' },
    response: { items: [overviewRow], nextCursor: null, total: 1 },
  },
  {
    op: 'sendBulkInvitations',
    call: (c) => c.sendBulkInvitations({ finding: 'never_signed_in', dryRun: true }, 'bulk-1'),
    url: '/portal-overview/bulk-invitations',
    body: { finding: 'never_signed_in', dryRun: true },
    headers: { 'idempotency-key': 'bulk-1' },
    response: { dryRun: true, sent: 1, emails: 2, skipped: 1, skippedBy: [{ reason: 'cooldown', clients: 1 }], results: [{ clientId: 'cl_1', outcome: 'sent', emails: 2 }, { clientId: 'cl_2', outcome: 'skipped', reason: 'cooldown', emails: 0, retryAt: T }], remaining: 0 },
  },
];

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

describe('every operation: request as sent, response as parsed', () => {
  test('every operation of the table has a case', () => {
    assert.deepEqual(cases.map((c) => c.op).sort(), (Object.keys(operations) as OperationName[]).sort());
  });

  for (const c of cases) {
    test(c.op, async () => {
      const op: Operation = operations[c.op];
      const seen: Seen[] = [];
      const mswPath = BASE + op.path.replace(/\{(\w+)\}/g, ':$1');
      server.use(
        http[op.method](mswPath, async ({ request }) => {
          seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() });
          if (c.response === null) return new HttpResponse(null, { status: 204 });
          return HttpResponse.json(c.response, { status: op.status ?? 200, headers: { etag: '"9"' } });
        }),
      );
      const api = new PortalClient({ apiBase: `${BASE}/`, getToken: () => 'tok-abc', locale: 'es' });
      const result = await c.call(api);

      assert.equal(seen.length, 1);
      const [req] = seen as [Seen];
      assert.equal(req.method, op.method.toUpperCase());
      assert.equal(req.url.pathname + req.url.search, new URL(BASE + c.url).pathname + new URL(BASE + c.url).search);
      assert.equal(req.headers.get('authorization'), 'Bearer tok-abc');
      assert.equal(req.headers.get('accept-language'), 'es');
      for (const [name, value] of Object.entries(c.headers ?? {})) assert.equal(req.headers.get(name), value, name);
      if (!op.ifMatch) assert.equal(req.headers.get('if-match'), null);
      if (!op.idempotencyKey) assert.equal(req.headers.get('idempotency-key'), null);
      if (c.body !== undefined) {
        assert.equal(req.headers.get('content-type'), 'application/json');
        assert.deepEqual(JSON.parse(req.body), c.body);
      } else if (op.body === 'image') {
        assert.equal(req.body.length > 0, true);
      } else {
        assert.equal(req.body, '');
      }
      if (c.response === null) assert.equal(result, undefined);
      else assert.deepEqual(result, c.response);
    });
  }
});

describe('base URL and headers', () => {
  test('a base without trailing slash and no token sends no Authorization', async () => {
    let auth: string | null = 'unset';
    server.use(
      http.get(`${BASE}/practice`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(practice);
      }),
    );
    const api = new PortalClient({ apiBase: BASE, getToken: () => null });
    await api.getPractice();
    assert.equal(auth, null);
  });

  test('a relative base outside a browser is accepted at construction (server render) and refused at the first request', async () => {
    const api = new PortalClient({ apiBase: '/api/portal' });
    await assert.rejects(api.getPractice(), { name: 'NetworkError' });
  });

  test('a relative base resolves against document.baseURI in a browser', async () => {
    const g = globalThis as { document?: unknown };
    g.document = { baseURI: 'https://ehr.test/app/page' };
    try {
      let url = '';
      server.use(
        http.get(`${BASE}/practice`, ({ request }) => {
          url = request.url;
          return HttpResponse.json(practice);
        }),
      );
      await new PortalClient({ apiBase: '../api/portal' }).getPractice();
      assert.equal(url, `${BASE}/practice`);
    } finally {
      delete g.document;
    }
  });

  test('an id is URI-encoded in the path', async () => {
    let path = '';
    server.use(
      http.get(`${BASE}/clients/:clientId`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(client);
      }),
    );
    await new PortalClient({ apiBase: BASE }).getClient('a/b');
    assert.equal(path, '/api/portal/clients/a%2Fb');
  });

  test('a custom fetch is used', async () => {
    const urls: string[] = [];
    const api = new PortalClient({
      apiBase: BASE,
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return Response.json(practice);
      },
    });
    assert.deepEqual(await api.getPractice(), practice);
    assert.deepEqual(urls, [`${BASE}/practice`]);
  });
});
