/// <reference types="node" />
// The contract declares every answer. Each operation's problems come from its row and the rules it
// applies (`declaredProblems`, `operationRules`); docs/openapi.json lists exactly those. This drives
// every rule case — each operation for every fixture client in every world, repeated where a
// cooldown or a removal changes the answer, plus the states no fixture starts in — and fails when
// any answer's status or code is not declared for its operation, or when a rule code an operation
// declares is never reached (declared for nothing).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { declaredProblems, operationRules, operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { LIST_LIMITS, problemStatus, type Contact, type ProblemCode } from '../../src/schemas/index.js';
import { FIXTURE_CLIENT_IDS, WORLD_NAMES, type WorldName } from '../../mock-server/fixtures.js';
import { createNodeMock } from '../../mock-server/node.js';
import type { MockStore } from '../../mock-server/store.js';
import { callOperation, type CallInit, type CallResult } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
after(() => mock.close());

const names = Object.keys(operations) as OperationName[];
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const flags = (billingDocuments: boolean, payBalance: boolean) => ({ appointmentRequests: true, secureMessaging: true, billingDocuments, payBalance });
const newCard = (token: string) => ({ token, brand: 'visa', last4: token.slice(-4), expMonth: 12, expYear: 2030 });

const reached = new Map<OperationName, Set<ProblemCode>>(names.map((n) => [n, new Set()]));
const undeclared: string[] = [];
let calls = 0;
let keys = 0;

/** One call; its answer must be the operation's success or a problem it declares. */
async function call(name: OperationName, init: CallInit, label: string): Promise<CallResult> {
  const res = await callOperation(BASE, name, init);
  calls++;
  const op: Operation = operations[name];
  const success = op.response === null ? 204 : (op.status ?? 200);
  if (res.status === success) return res;
  const code = (res.body as { code?: ProblemCode } | null)?.code;
  if (!code || !declaredProblems(name).includes(code) || problemStatus[code] !== res.status) undeclared.push(`${label} ${name} → ${res.status} ${code ?? res.text.slice(0, 80)}`);
  else reached.get(name)!.add(code);
  return res;
}

const versionOf = (store: MockStore, clientId: string, what: 'access' | 'permissions') => store.client(clientId)?.[what].version ?? 1;

/** Every operation for one client, in an order that reaches the rules: reads, sends (twice), changes, removals, then the same after disabling. */
async function driveClient(world: WorldName, clientId: string): Promise<void> {
  const store = mock.store;
  const label = `${world}/${clientId}`;
  const c = { clientId };
  const rec = () => store.client(clientId)!;
  const liveDocs = () => rec().documents.filter((d) => d.cancelledAt === null).slice(0, 3).map((d) => d.id);
  const methodIds = () => [...rec().cards.map((m) => m.id), ...rec().insurance.map((m) => m.id)];

  for (const name of names.filter((n) => operations[n].method === 'get' && operations[n].path.includes('{clientId}'))) await call(name, { params: c }, label);
  await call('createSignInPin', { params: c }, label);
  await call('assignDocuments', { params: c, body: { templateIds: ['tpl_phq9'] } }, label);
  await call('pay', { params: c, body: { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard('tok_visa_4242'), saveCard: false } }, idempotencyKey: `dc-${++keys}` }, label);
  for (let i = 0; i < 2; i++) await call('sendInvitation', { params: c, body: {} }, label);
  for (const contact of rec().contacts) for (let i = 0; i < 2; i++) await call('inviteContact', { params: { ...c, contactId: contact.id }, body: {} }, label);
  await call('changePortalEmail', { params: c, ifMatch: versionOf(store, clientId, 'access'), body: { email: `new.${clientId}@example.com`, scope: 'portal', consent: false, disableAndResend: false } }, label);
  await call('changePortalEmail', { params: c, ifMatch: versionOf(store, clientId, 'access'), body: { email: `new.${clientId}@example.com`, scope: 'primary', consent: true, disableAndResend: true } }, label);
  for (const [billing, pay] of [[false, true], [true, false], [true, true]] as const) {
    await call('updatePermissions', { params: c, ifMatch: versionOf(store, clientId, 'permissions'), body: { client: flags(billing, pay), portalUsers: [] } }, label);
  }
  await call('assignDocuments', { params: c, body: { templateIds: ['tpl_phq9'] } }, label);
  for (const documentId of liveDocs()) for (let i = 0; i < 2; i++) await call('remindDocument', { params: { ...c, documentId } }, label);
  // The same card twice: the second is already saved.
  for (const token of ['tok_visa_4242', 'tok_visa_4242', 'tok_decline_0002']) await call('addCard', { params: c, body: { card: newCard(token), makeDefault: false } }, label);
  const saved = rec().cards[0]?.id ?? 'pm_nobody';
  // Declined, unknown invoice, an amount, then the balance (which leaves nothing to pay).
  const payments: unknown[] = [
    { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard('tok_decline_0002'), saveCard: false } },
    { target: { kind: 'invoices', invoiceIds: ['inv_nobody'] }, source: { kind: 'new_card', card: newCard('tok_visa_4242'), saveCard: false } },
    { target: { kind: 'balance', amount: 100 }, source: { kind: 'saved_card', paymentMethodId: saved } },
    { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: saved } },
    { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: saved } },
  ];
  for (const body of payments) await call('pay', { params: c, body, idempotencyKey: `dc-${++keys}` }, label);
  await call('pay', { params: c, body: payments[1] }, label);
  await call('pay', { params: c, body: payments[0], idempotencyKey: `dc-${keys}` }, label);
  await call('uploadInsuranceCard', { params: { ...c, side: 'front' }, rawBody: PNG, contentType: 'image/png' }, label);
  for (const paymentMethodId of methodIds()) await call('setDefaultPaymentMethod', { params: { ...c, paymentMethodId } }, label);
  for (const paymentMethodId of methodIds()) await call('removePaymentMethod', { params: { ...c, paymentMethodId } }, label);
  for (const contact of [...rec().contacts]) {
    const params = { ...c, contactId: contact.id };
    const input = { firstName: contact.firstName, lastName: contact.lastName, relationship: contact.relationship, legalGuardian: contact.legalGuardian, emails: contact.emails };
    await call('updateContact', { params, body: input, ifMatch: contact.version + 1 }, label);
    await call('updateContact', { params, body: input, ifMatch: contact.version }, label);
    const version = rec().contacts.find((x: Contact) => x.id === contact.id)!.version;
    for (let i = 0; i < 2; i++) await call('removeContact', { params, ifMatch: version }, label);
  }
  // Out of every cooldown; then with no contacts left, and with access disabled.
  store.advance(11 * 60_000);
  for (const documentId of liveDocs()) await call('remindDocument', { params: { ...c, documentId } }, label);
  await call('disablePortalAccess', { params: c, ifMatch: versionOf(store, clientId, 'access') }, label);
  await call('createSignInPin', { params: c }, label);
  store.advance(11 * 60_000);
  for (const documentId of liveDocs()) await call('remindDocument', { params: { ...c, documentId } }, label);
  for (const documentId of liveDocs()) await call('cancelDocument', { params: { ...c, documentId } }, label);
  assert.deepEqual(store.internalErrors, [], `${label}: no undeclared answer, no bug`);
}

describe('every answer is declared for its operation', () => {
  for (const world of WORLD_NAMES) {
    it(`world "${world}": every operation for every fixture client`, async () => {
      for (const clientId of FIXTURE_CLIENT_IDS) {
        mock.reset(world);
        await driveClient(world, clientId);
      }
      mock.reset(world);
      await call('getPractice', {}, world);
      await call('listDocumentTemplates', {}, world);
      await call('updatePractice', { body: { portalEnabled: true }, ifMatch: mock.store.practice.version }, world);
      for (const name of names) {
        const params = Object.fromEntries([...operations[name].path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, m[1] === 'side' ? 'front' : 'nobody']));
        await call(name, { params, token: null }, `${world}/no token`);
        if (Object.keys(params).length) await call(name, { params }, `${world}/unknown ids`);
      }
      assert.deepEqual(undeclared, []);
    });
  }

  it('a state no fixture starts in: no consented address left', async () => {
    mock.reset('default');
    // An adult whose every address lost consent: reminders have nobody to go to.
    const invited = mock.store.client('cl_invited')!;
    invited.summary = { ...invited.summary, emails: invited.summary.emails.map((e) => ({ ...e, consent: false })) };
    invited.access = { ...invited.access, email: null };
    await call('remindDocument', { params: { clientId: 'cl_invited', documentId: 'doc_invited_1' } }, 'no consent');
    await call('sendInvitation', { params: { clientId: 'cl_invited' }, body: {} }, 'no consent');
    assert.deepEqual(undeclared, []);
    assert.deepEqual(mock.store.internalErrors, []);
  });

  it('a state no fixture starts in: a client with the most contacts allowed', async () => {
    mock.reset('default');
    const input = { firstName: 'Sam', lastName: 'Lee', relationship: 'other', legalGuardian: false, emails: [] };
    const params = { clientId: 'cl_active' };
    for (let n = mock.store.client('cl_active')!.contacts.length; n < LIST_LIMITS.contacts; n++) await call('createContact', { params, body: input }, 'most contacts');
    const refused = await call('createContact', { params, body: input }, 'most contacts');
    assert.equal(refused.status, 409);
    assert.equal(mock.store.client('cl_active')!.contacts.length, LIST_LIMITS.contacts, 'nothing added');
    assert.deepEqual(undeclared, []);
    assert.deepEqual(mock.store.internalErrors, []);
  });

  it('every rule code an operation declares is reached by some case', () => {
    const missing = names.flatMap((name) => [...new Set(operationRules[name].flat())].filter((code) => !reached.get(name)!.has(code)).map((code) => `${name}: ${code}`));
    assert.deepEqual(missing, []);
    const ruleCodes = names.reduce((n, name) => n + new Set(operationRules[name].flat()).size, 0);
    console.log(`declared codes: ${calls} rule-case calls over ${names.length} operations (${WORLD_NAMES.length} worlds × ${FIXTURE_CLIENT_IDS.length} clients); ${ruleCodes} operation × rule-code pairs, all reached; 0 undeclared answers`);
  });
});
