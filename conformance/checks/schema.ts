/**
 * schema: every operation of the table answers as docs/openapi.json says (status, content type,
 * body, ETag = version), and problems are RFC 9457 with a code declared for the operation. One
 * check per operation, typed by the operations table so a new operation cannot be forgotten.
 */
import { operations, type OperationName } from '../../src/api/operations.js';
import { CheckFailure, fail, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { expectProblem, expectSuccess } from '../contract.js';
import { expectedInvitation, expectedReminder, expectOutcome } from '../expected.js';
import { assignedDocument, existingAssignedDocument, existingSavedCard, existingTempContact, firstPayment, savedCard, tempContact, TINY_PNG } from '../shared.js';

/** Reads whose only parameter is the client: tried for every client the fixtures name. */
const CLIENT_READS = (Object.keys(operations) as OperationName[]).filter((name) => {
  const op = operations[name];
  return op.method === 'get' && [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).join() === 'clientId';
});

async function readEveryClient(ctx: CheckContext, name: OperationName): Promise<string> {
  const clients = ctx.namedClients();
  if (!clients.length) skip('the fixtures name no client');
  const answers = await Promise.all(clients.map((clientId) => ctx.probe.call(name, { params: { clientId } })));
  answers.forEach((ex, i) => {
    try {
      expectSuccess(ex, name);
    } catch (e) {
      // Say which fixture client: a 404 here is usually an id the fixtures file got wrong.
      if (e instanceof CheckFailure) fail(`${clients[i]}: ${e.message}`);
      throw e;
    }
  });
  return `${clients.length} client(s)`;
}

type Probe = (ctx: CheckContext) => Promise<string | void>;

const probes: Record<OperationName, Probe> = {
  async getSession(ctx) {
    const session = expectSuccess(await ctx.probe.call('getSession'), 'getSession');
    return `signed in as a ${session.staff.role} with ${session.capabilities.length} capabilities`;
  },
  async getPractice(ctx) {
    expectSuccess(await ctx.probe.call('getPractice'), 'getPractice');
  },
  async updatePractice(ctx) {
    ctx.mayWritePractice();
    const practice = await ctx.read('getPractice');
    const ex = await ctx.probe.call('updatePractice', { body: { portalEnabled: practice.portalEnabled }, ifMatch: practice.version });
    const saved = expectSuccess(ex, 'updatePractice');
    if (saved.portalEnabled !== practice.portalEnabled) fail('updatePractice changed portalEnabled although the body kept it');
  },
  async sendInvitation(ctx) {
    const clientId = ctx.client('notInvitedConsentedEmail');
    ctx.mayWrite(clientId);
    const expected = await expectedInvitation(ctx, clientId);
    expectOutcome(await ctx.probe.call('sendInvitation', { params: { clientId }, body: {} }), 'sendInvitation', expected);
    return expected ? `answered ${expected}, as the rules say for ${clientId} now` : undefined;
  },
  async changePortalEmail(ctx) {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    const access = await ctx.access(clientId);
    const email = access.email ?? (await ctx.summary(clientId)).emails.find((e) => e.consent)?.address;
    if (!email) skip(`${clientId} has no portal email to keep`);
    const ex = await ctx.probe.call('changePortalEmail', { params: { clientId }, body: { email, scope: 'portal', consent: true, disableAndResend: false }, ifMatch: access.version });
    const saved = expectSuccess(ex, 'changePortalEmail');
    if (saved.state !== access.state) fail(`changePortalEmail without disableAndResend changed the access state from ${access.state} to ${saved.state}`);
  },
  async disablePortalAccess(ctx) {
    const clientId = ctx.client('disabled');
    ctx.mayWrite(clientId);
    const access = await ctx.access(clientId);
    const saved = expectSuccess(await ctx.probe.call('disablePortalAccess', { params: { clientId }, ifMatch: access.version }), 'disablePortalAccess');
    if (saved.state !== 'disabled') fail(`disablePortalAccess answered state ${saved.state}`);
  },
  async createSignInPin(ctx) {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    expectSuccess(await ctx.probe.call('createSignInPin', { params: { clientId } }), 'createSignInPin');
  },
  getClient: (ctx) => readEveryClient(ctx, 'getClient'),
  getPortalAccess: (ctx) => readEveryClient(ctx, 'getPortalAccess'),
  getPermissions: (ctx) => readEveryClient(ctx, 'getPermissions'),
  async updatePermissions(ctx) {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    const current = await ctx.permissions(clientId);
    const ex = await ctx.probe.call('updatePermissions', { params: { clientId }, body: { client: current.client, portalUsers: current.portalUsers }, ifMatch: current.version });
    const saved = expectSuccess(ex, 'updatePermissions');
    if (saved.version < current.version) fail(`updatePermissions answered version ${saved.version}, older than ${current.version}`);
  },
  listContacts: (ctx) => readEveryClient(ctx, 'listContacts'),
  async createContact(ctx) {
    await tempContact(ctx);
  },
  async updateContact(ctx) {
    const temp = await existingTempContact(ctx);
    const ex = await ctx.probe.call('updateContact', { params: { clientId: temp.clientId, contactId: temp.contact.id }, body: { ...contactInput(temp.contact), lastName: 'Kit-Updated' }, ifMatch: temp.contact.version });
    temp.contact = expectSuccess(ex, 'updateContact');
    if (temp.contact.lastName !== 'Kit-Updated') fail('updateContact answered 200 but the contact kept its old last name');
  },
  async inviteContact(ctx) {
    const temp = await existingTempContact(ctx);
    const ex = await ctx.probe.call('inviteContact', { params: { clientId: temp.clientId, contactId: temp.contact.id }, body: {} });
    temp.contact = expectSuccess(ex, 'inviteContact');
    if (temp.contact.portalUser.state !== 'invited') fail(`inviteContact answered portalUser.state ${temp.contact.portalUser.state}, expected invited`);
  },
  async removeContact(ctx) {
    const temp = await existingTempContact(ctx);
    const current = (await ctx.contacts(temp.clientId)).find((c) => c.id === temp.contact.id);
    if (!current) fail(`listContacts does not list the contact createContact made (${temp.contact.id})`);
    expectSuccess(await ctx.probe.call('removeContact', { params: { clientId: temp.clientId, contactId: current.id }, ifMatch: current.version }), 'removeContact');
    ctx.forget('tempContact');
    if ((await ctx.contacts(temp.clientId)).some((c) => c.id === current.id)) fail('removeContact answered 204 but listContacts still lists the contact');
  },
  async listDocumentTemplates(ctx) {
    const templates = expectSuccess(await ctx.probe.call('listDocumentTemplates'), 'listDocumentTemplates');
    return `${templates.length} template(s)`;
  },
  listDocuments: (ctx) => readEveryClient(ctx, 'listDocuments'),
  listClientDocumentTemplates: (ctx) => readEveryClient(ctx, 'listClientDocumentTemplates'),
  async searchDocuments(ctx) {
    const clients = ctx.namedClients();
    if (!clients.length) skip('the fixtures name no client');
    for (const clientId of clients) expectSuccess(await ctx.probe.call('searchDocuments', { params: { clientId }, body: { title: 'a' } }), 'searchDocuments');
    return `${clients.length} client(s)`;
  },
  async assignDocuments(ctx) {
    await assignedDocument(ctx);
  },
  async remindDocument(ctx) {
    const ref = ctx.document('unsigned');
    ctx.mayWrite(ref.clientId);
    const expected = await expectedReminder(ctx, ref);
    expectOutcome(await ctx.probe.call('remindDocument', { params: ref }), 'remindDocument', expected);
    return expected ? `answered ${expected}, as the rules say for ${ref.documentId} now` : undefined;
  },
  async cancelDocument(ctx) {
    const assigned = await existingAssignedDocument(ctx);
    const doc = expectSuccess(await ctx.probe.call('cancelDocument', { params: { clientId: assigned.clientId, documentId: assigned.document.id } }), 'cancelDocument');
    ctx.forget('assignedDocument');
    if (doc.id !== assigned.document.id) fail(`cancelDocument answered another document (${doc.id})`);
  },
  getPaymentMethods: (ctx) => readEveryClient(ctx, 'getPaymentMethods'),
  async addCard(ctx) {
    await savedCard(ctx);
  },
  async setDefaultPaymentMethod(ctx) {
    const clientId = ctx.client('openInvoices');
    ctx.mayWrite(clientId);
    const methods = await ctx.read('getPaymentMethods', { clientId });
    const card = methods.cards.find((c) => c.isDefault) ?? methods.cards[0];
    if (!card) skip(`${clientId} has no saved card to make the default`);
    const saved = expectSuccess(await ctx.probe.call('setDefaultPaymentMethod', { params: { clientId, paymentMethodId: card.id } }), 'setDefaultPaymentMethod');
    if (!saved.cards.some((c) => c.id === card.id && c.isDefault)) fail('setDefaultPaymentMethod answered 200 but the card is not the default');
  },
  async removePaymentMethod(ctx) {
    const saved = await existingSavedCard(ctx);
    expectSuccess(await ctx.probe.call('removePaymentMethod', { params: { clientId: saved.clientId, paymentMethodId: saved.card.id } }), 'removePaymentMethod');
    ctx.forget('savedCard');
    const after = await ctx.read('getPaymentMethods', { clientId: saved.clientId });
    if (after.cards.some((c) => c.id === saved.card.id)) fail('removePaymentMethod answered 204 but getPaymentMethods still lists the card');
  },
  async uploadInsuranceCard(ctx) {
    const clientId = ctx.client('insuranceMethod');
    ctx.mayWrite(clientId);
    const ex = await ctx.probe.call('uploadInsuranceCard', { params: { clientId, side: 'front' }, rawBody: TINY_PNG, contentType: 'image/png' });
    const method = expectSuccess(ex, 'uploadInsuranceCard');
    if (method.cardImages.front?.contentType !== 'image/png') fail('uploadInsuranceCard answered 200 but cardImages.front is not the PNG just sent');
  },
  getInvoices: (ctx) => readEveryClient(ctx, 'getInvoices'),
  async pay(ctx) {
    await firstPayment(ctx);
  },
  listPayments: (ctx) => readEveryClient(ctx, 'listPayments'),
  listActivity: (ctx) => readEveryClient(ctx, 'listActivity'),
  async getPortalOverview(ctx) {
    const overview = expectSuccess(await ctx.probe.call('getPortalOverview'), 'getPortalOverview');
    const inStates = overview.states.reduce((n, s) => n + s.clients, 0);
    if (inStates !== overview.totalClients) fail(`getPortalOverview: the states count ${inStates} clients, totalClients says ${overview.totalClients}`);
    return `${overview.totalClients} client(s)`;
  },
  async listPortalOverviewClients(ctx) {
    const overview = await ctx.read('getPortalOverview');
    const counted = overview.findings.find((f) => f.clients > 0);
    if (!counted) skip('no finding has a client');
    const page = expectSuccess(await ctx.probe.call('listPortalOverviewClients', { query: { finding: counted.finding, limit: 1 } }), 'listPortalOverviewClients');
    if (page.total !== counted.clients) fail(`listPortalOverviewClients for ${counted.finding} has total ${page.total}; getPortalOverview counted ${counted.clients}`);
    if (page.items.some((c) => c.finding !== counted.finding)) fail(`listPortalOverviewClients for ${counted.finding} listed a client with another finding`);
    return `${counted.finding}: ${page.total} client(s)`;
  },
  async searchPortalOverviewClients(ctx) {
    expectSuccess(await ctx.probe.call('searchPortalOverviewClients', { body: { finding: 'not_invited', name: 'a' } }), 'searchPortalOverviewClients');
  },
  async sendBulkInvitations(ctx) {
    // A dry run only: it sends nothing. Still a POST, which --read-only promises not to send.
    if (ctx.options.readOnly) skip('--read-only: this check sends a POST (a dry run that changes nothing)');
    const ex = await ctx.probe.call('sendBulkInvitations', { body: { finding: 'not_invited', dryRun: true }, idempotencyKey: crypto.randomUUID() });
    const result = expectSuccess(ex, 'sendBulkInvitations');
    if (!result.dryRun) fail('a dry run answered dryRun false');
    if (result.sent + result.skipped !== result.results.length) fail(`sent ${result.sent} + skipped ${result.skipped} is not the ${result.results.length} results listed`);
    return `dry run: ${result.sent} would be sent, ${result.skipped} skipped`;
  },
};

function contactInput(c: { firstName: string; lastName: string; relationship: string; legalGuardian: boolean; emails: unknown[] }) {
  return { firstName: c.firstName, lastName: c.lastName, relationship: c.relationship, legalGuardian: c.legalGuardian, emails: c.emails };
}

async function pages(ctx: CheckContext, name: 'listDocuments' | 'listPayments' | 'listActivity'): Promise<string | null> {
  for (const clientId of ctx.namedClients()) {
    const first = expectSuccess(await ctx.probe.call(name, { params: { clientId }, query: { limit: 1 } }), name);
    if (first.items.length > 1) fail(`${name} with limit=1 answered ${first.items.length} items`);
    if (first.total < 2) continue;
    if (!first.nextCursor) fail(`${name} with limit=1 of ${first.total} items answered nextCursor null`);
    if (first.nextCursor.length > 200) fail(`${name}: nextCursor is ${first.nextCursor.length} characters (at most 200: it travels in the query string)`);
    const second = expectSuccess(await ctx.probe.call(name, { params: { clientId }, query: { limit: 1, cursor: first.nextCursor } }), name);
    if (second.items.length !== 1) fail(`${name}: the second page of ${first.total} items answered ${second.items.length} items`);
    if (second.items[0]!.id === first.items[0]!.id) fail(`${name}: the second page repeats the first page's item`);
    if (second.total !== first.total) fail(`${name}: total changed from ${first.total} to ${second.total} between pages`);
    return `${name} on ${clientId}`;
  }
  return null;
}

export const schemaChecks: Check[] = [
  ...(Object.keys(probes) as OperationName[]).map(
    (name): Check => ({
      id: `schema.${name}`,
      group: 'schema',
      title: `${name} answers as docs/openapi.json says`,
      remedy: `Answer ${operations[name].method.toUpperCase()} ${operations[name].path} with the status, Content-Type, body and ETag docs/openapi.json gives for ${name}.`,
      doc: 'operations',
      run: probes[name],
    }),
  ),
  {
    id: 'schema.pagination',
    group: 'schema',
    title: 'listDocuments and listPayments page with limit and an opaque cursor',
    remedy: 'Honour limit, return nextCursor until the last page, and keep total the same on every page.',
    doc: 'pagination',
    async run(ctx) {
      const covered = [await pages(ctx, 'listDocuments'), await pages(ctx, 'listPayments')].filter(Boolean);
      if (!covered.length) skip('no named client has two documents or two payments to page through');
      return covered.join(', ');
    },
  },
  {
    id: 'schema.not-found',
    group: 'schema',
    title: 'an unknown client answers 404 not_found as a problem',
    remedy: 'Answer an id that does not exist with 404 and an application/problem+json body with code not_found.',
    doc: 'errors',
    async run(ctx) {
      expectProblem(await ctx.probe.call('getClient', { params: { clientId: 'cl_conformance_no_such_client' } }), 'not_found');
    },
  },
];
