/// <reference types="node" />
// The activity trail: every accepted write for a client is recorded by the mock (who, when, what,
// ids; masked addresses, no form text), listed newest first with a kind filter and cursor paging.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/api/operations.js';
import { maskEmail } from '../../src/domain/mask-email.js';
import { ActivityEntry, ActivityKind, ActivityPage, type ActivityKind as Kind } from '../../src/schemas/index.js';
import * as z from 'zod/mini';
import { createNodeMock } from '../../mock-server/node.js';
import { completeDocument } from '../../mock-server/client-actions.js';
import { STAFF_MEMBERS } from '../../mock-server/staff.js';
import { LARGE_ACTIVITY_COUNT } from '../../mock-server/activity-fixtures.js';
import { assertOk, assertProblem, callOperation, imageBytes, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
const api = (name: OperationName, init?: CallInit) => callOperation(BASE, name, init);

after(() => mock.close());
beforeEach(() => {
  mock.store.setNow(NOW);
  mock.reset('default');
  mock.store.setStaff('owner');
});

async function trail(clientId: string, query: CallInit['query'] = {}): Promise<ActivityPage> {
  const res = await api('listActivity', { params: { clientId }, query });
  assertOk('listActivity', res);
  return res.body as ActivityPage;
}

/** The entries a write added, oldest first. */
async function newEntries(clientId: string, write: () => Promise<unknown>): Promise<ActivityEntry[]> {
  const before = (await trail(clientId, { limit: 1 })).total;
  await write();
  mock.store.advance(1000);
  const page = await trail(clientId, { limit: 200 });
  return page.items.slice(0, page.total - before).reverse();
}

const ok = async (name: OperationName, init: CallInit, status?: number) => {
  const res = await api(name, init);
  assertOk(name, res, status);
  return res;
};

const only = (entries: ActivityEntry[], kind: Kind) => {
  assert.deepEqual(
    entries.map((e) => e.kind),
    [kind],
  );
  return entries[0]!;
};

describe('activity: every kind of write is recorded', () => {
  const covered = new Set<Kind>();
  const expectKinds = (entries: ActivityEntry[]) => entries.forEach((e) => covered.add(e.kind));

  it('invitation sent (first, with a message that is not recorded) and resent', async () => {
    const first = await newEntries('cl_not_invited', () => ok('sendInvitation', { params: { clientId: 'cl_not_invited' }, body: { message: 'Secret note for Casey' } }, 201));
    const e = only(first, 'invitation_sent');
    assert.ok(e.kind === 'invitation_sent');
    assert.deepEqual(e.recipients, ['c•••@example.com']);
    assert.equal(e.resend, false);
    assert.equal(e.cause, 'invitation');
    assert.deepEqual(e.actor, { type: 'staff', ...STAFF_MEMBERS.owner });
    assert.equal(e.at, new Date(Date.parse(NOW)).toISOString());
    assert.doesNotMatch(JSON.stringify(e), /Secret note|casey\.placeholder/);
    const again = await newEntries('cl_invited', () => ok('sendInvitation', { params: { clientId: 'cl_invited' }, body: {} }, 201));
    const r = only(again, 'invitation_sent');
    assert.ok(r.kind === 'invitation_sent' && r.resend === true && r.recipients[0] === 'b•••@example.com');
    expectKinds(first);
  });

  it('an invitation to a minor’s legal guardian names the contact', async () => {
    mock.store.client('cl_minor_guardian')!.access = { ...mock.store.client('cl_minor_guardian')!.access, state: 'not_invited', invitations: [], firstSignInAt: null, lastSignInAt: null };
    const e = only(await newEntries('cl_minor_guardian', () => ok('sendInvitation', { params: { clientId: 'cl_minor_guardian' }, body: {} }, 201)), 'invitation_sent');
    assert.ok(e.kind === 'invitation_sent');
    assert.deepEqual(new Set(e.contactIds), new Set(['ct_minor_g_mother', 'ct_minor_g_father']));
    assert.deepEqual(new Set(e.recipients), new Set(['j•••@example.com', 'k•••@example.com']));
  });

  it('email changed (Disable and Resend adds the invitation), access disabled, PIN created', async () => {
    const version = mock.store.client('cl_bounced')!.access.version;
    const entries = await newEntries('cl_bounced', () =>
      ok('changePortalEmail', { params: { clientId: 'cl_bounced' }, ifMatch: version, body: { email: 'emery.typo@gmail.com', scope: 'primary', consent: true, disableAndResend: true } }),
    );
    assert.deepEqual(
      entries.map((e) => e.kind),
      ['portal_email_changed', 'invitation_sent'],
    );
    const change = entries[0]!;
    assert.ok(change.kind === 'portal_email_changed');
    assert.deepEqual([change.from, change.to, change.scope, change.disableAndResend], ['e•••@gmial.com', 'e•••@gmail.com', 'primary', true]);
    assert.ok(entries[1]!.kind === 'invitation_sent' && entries[1]!.cause === 'email_change');
    expectKinds(entries);

    const disabled = await newEntries('cl_active', () => ok('disablePortalAccess', { params: { clientId: 'cl_active' }, ifMatch: mock.store.client('cl_active')!.access.version }));
    expectKinds([only(disabled, 'access_disabled')]);

    const res = await api('createSignInPin', { params: { clientId: 'cl_invited' } });
    assertOk('createSignInPin', res, 201);
    const pin = (res.body as { pin: string }).pin;
    const page = await trail('cl_invited', { limit: 1 });
    const e = page.items[0]!;
    assert.equal(e.kind, 'pin_created');
    assert.ok(!JSON.stringify(e).includes(pin), 'the PIN itself is never recorded');
    expectKinds([e]);
  });

  it('permissions changed, with before and after values for the client and a portal user', async () => {
    const rec = mock.store.client('cl_minor_guardian')!;
    const body = {
      client: { ...rec.permissions.client, secureMessaging: false },
      portalUsers: [{ contactId: 'ct_minor_g_mother', groups: { ...rec.permissions.portalUsers[0]!.groups, billing: true } }],
    };
    const e = only(await newEntries('cl_minor_guardian', () => ok('updatePermissions', { params: { clientId: 'cl_minor_guardian' }, ifMatch: rec.permissions.version, body })), 'permissions_changed');
    assert.ok(e.kind === 'permissions_changed');
    assert.deepEqual(e.changes, [
      { portalUser: null, permission: 'secureMessaging', before: true, after: false },
      { portalUser: { id: 'ct_minor_g_mother', displayName: 'Jordan Minor' }, permission: 'billing', before: false, after: true },
    ]);
    expectKinds([e]);
  });

  it('contact added, updated (which fields), invited as a portal user, removed (still named)', async () => {
    const input = { firstName: 'Quinn', lastName: 'Helper', relationship: 'caregiver', legalGuardian: false, emails: [{ address: 'quinn.helper@example.com', consent: true, primary: true }] };
    const added = only(await newEntries('cl_active', () => ok('createContact', { params: { clientId: 'cl_active' }, body: input }, 201)), 'contact_added');
    assert.ok(added.kind === 'contact_added');
    const id = added.contact.id;
    assert.deepEqual(added.contact, { id, displayName: 'Quinn Helper' });

    const updated = only(
      await newEntries('cl_active', () => ok('updateContact', { params: { clientId: 'cl_active', contactId: id }, ifMatch: 1, body: { ...input, relationship: 'partner', legalGuardian: false } })),
      'contact_updated',
    );
    assert.ok(updated.kind === 'contact_updated');
    assert.deepEqual(updated.fields, ['relationship']);

    const invited = only(await newEntries('cl_active', () => ok('inviteContact', { params: { clientId: 'cl_active', contactId: id }, body: { message: 'hello Quinn' } }, 201)), 'portal_user_invited');
    assert.ok(invited.kind === 'portal_user_invited' && invited.to === 'q•••@example.com' && invited.resend === false);
    assert.doesNotMatch(JSON.stringify(invited), /hello Quinn/);

    const version = mock.store.client('cl_active')!.contacts.find((c) => c.id === id)!.version;
    const removed = only(await newEntries('cl_active', () => ok('removeContact', { params: { clientId: 'cl_active', contactId: id }, ifMatch: version })), 'contact_removed');
    assert.ok(removed.kind === 'contact_removed');
    assert.deepEqual([removed.contact.displayName, removed.wasPortalUser], ['Quinn Helper', true]);
    expectKinds([added, updated, invited, removed]);
  });

  it('documents assigned (granting access records the invitation), reminded, cancelled, completed by the client', async () => {
    const entries = await newEntries('cl_not_invited', () => ok('assignDocuments', { params: { clientId: 'cl_not_invited' }, body: { templateIds: ['tpl_consent', 'tpl_intake'], message: 'private words' } }, 201));
    assert.deepEqual(
      entries.map((e) => e.kind),
      ['invitation_sent', 'documents_assigned'],
    );
    const assigned = entries[1]!;
    assert.ok(assigned.kind === 'documents_assigned');
    assert.deepEqual(
      assigned.documents.map((d) => d.title),
      ['Consent for treatment', 'Intake questionnaire'],
    );
    assert.equal(assigned.portalAccessGranted, true);
    assert.doesNotMatch(JSON.stringify(entries), /private words/);

    const reminded = only(await newEntries('cl_invited', () => ok('remindDocument', { params: { clientId: 'cl_invited', documentId: 'doc_invited_1' } }, 201)), 'document_reminded');
    const cancelled = only(await newEntries('cl_invited', () => ok('cancelDocument', { params: { clientId: 'cl_invited', documentId: 'doc_invited_1' } })), 'document_cancelled');
    assert.ok(cancelled.kind === 'document_cancelled' && cancelled.document.id === 'doc_invited_1');
    const completed = only(await newEntries('cl_invited', async () => completeDocument(mock.store, 'cl_invited', 'doc_invited_2')), 'document_completed');
    assert.deepEqual(completed.actor, { type: 'client' });
    const byGuardian = only(await newEntries('cl_minor_guardian', async () => completeDocument(mock.store, 'cl_minor_guardian', 'doc_minor_g_1', 'ct_minor_g_mother')), 'document_completed');
    assert.deepEqual(byGuardian.actor, { type: 'portal_user', contactId: 'ct_minor_g_mother', displayName: 'Jordan Minor' });
    expectKinds([...entries, reminded, cancelled, completed]);
  });

  it('card added, made default, removed; insurance card uploaded', async () => {
    const card = { token: 'tok_visa_9999', brand: 'visa', last4: '9999', expMonth: 8, expYear: 2030 };
    const added = only(await newEntries('cl_active', () => ok('addCard', { params: { clientId: 'cl_active' }, body: { card, makeDefault: false } }, 201)), 'card_added');
    assert.ok(added.kind === 'card_added');
    assert.deepEqual([added.card, added.isDefault], [{ brand: 'visa', last4: '9999' }, false]);
    assert.doesNotMatch(JSON.stringify(added), /tok_/);
    const made = only(await newEntries('cl_active', () => ok('setDefaultPaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: added.paymentMethodId } })), 'card_made_default');
    const removed = only(await newEntries('cl_active', () => ok('removePaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: added.paymentMethodId } })), 'card_removed');
    assert.ok(removed.kind === 'card_removed' && removed.card.last4 === '9999');
    const uploaded = only(
      await newEntries('cl_active', () => ok('uploadInsuranceCard', { params: { clientId: 'cl_active', side: 'back' }, rawBody: imageBytes('image/png'), contentType: 'image/png' })),
      'insurance_card_uploaded',
    );
    assert.ok(uploaded.kind === 'insurance_card_uploaded' && uploaded.side === 'back' && uploaded.paymentMethodId === 'ins_active_1');
    expectKinds([added, made, removed, uploaded]);
  });

  it('payment made (once, however often it is replayed) and declined; refusals record nothing else', async () => {
    const body = { target: { kind: 'invoices', invoiceIds: ['inv_active_1001'] }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } };
    const made = await newEntries('cl_active', async () => {
      await ok('pay', { params: { clientId: 'cl_active' }, body, idempotencyKey: 'k-1' }, 201);
      const replay = await api('pay', { params: { clientId: 'cl_active' }, body, idempotencyKey: 'k-1' });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    });
    const e = only(made, 'payment_made');
    assert.ok(e.kind === 'payment_made');
    assert.deepEqual([e.amount, e.card, e.invoiceIds], [{ amount: 15_000, currency: 'USD' }, { brand: 'visa', last4: '4242' }, ['inv_active_1001']]);

    const declinedCard = { token: 'tok_decline_0002', brand: 'visa', last4: '0002', expMonth: 8, expYear: 2030 };
    const declined = await newEntries('cl_active', async () => {
      const res = await api('pay', { params: { clientId: 'cl_active' }, body: { target: { kind: 'balance' }, source: { kind: 'new_card', card: declinedCard, saveCard: true } }, idempotencyKey: 'k-2' });
      assertProblem(res, 402, 'card_declined');
    });
    const d = only(declined, 'payment_declined');
    assert.ok(d.kind === 'payment_declined');
    assert.deepEqual([d.amount.amount, d.card.last4, d.invoiceIds.length], [20_000, '0002', 2]);

    const refused = await newEntries('cl_invited', async () => assertProblem(await api('cancelDocument', { params: { clientId: 'cl_invited', documentId: 'doc_invited_3' } }), 409, 'document_signed'));
    assert.equal(refused.length, 0, 'a refused write is not on record');
    expectKinds([e, d]);
  });

  it('covers every kind of the fixed list', () => {
    const missing = ActivityKind.options.filter((k) => !covered.has(k));
    assert.deepEqual(missing, [], 'these kinds were never recorded by a test above');
  });
});

describe('activity: the list', () => {
  it('fixtures start with history; the staff member signed in is the actor', async () => {
    const page = await trail('cl_invited');
    assert.deepEqual(
      page.items.map((e) => e.kind),
      ['document_completed', 'documents_assigned', 'invitation_sent'],
    );
    assert.equal((await trail('cl_empty')).total, 0);
    mock.store.setStaff('front-desk');
    await ok('createSignInPin', { params: { clientId: 'cl_active' } }, 201);
    assert.deepEqual((await trail('cl_active', { limit: 1 })).items[0]!.actor, { type: 'staff', id: 'stf_front_desk', displayName: 'Jordan Lee', role: 'front-desk' });
  });

  it('no full email address anywhere in any fixture trail', async () => {
    for (const clientId of mock.store.clients.keys()) {
      const page = await trail(clientId, { limit: 200 });
      assert.doesNotMatch(JSON.stringify(page), /[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9.-]+\.[a-z]{2,}/, clientId);
    }
  });

  it('cl_large: pages of 50 walk every entry once, newest first, and stay put while new entries arrive', async () => {
    assert.equal(mock.store.activityOf('cl_large').materialized, false, 'generated on first use only');
    const started = performance.now();
    const first = await trail('cl_large', { limit: 50 });
    const firstPageMs = performance.now() - started;
    assert.equal(first.total, LARGE_ACTIVITY_COUNT);
    assert.ok(firstPageMs < 2000, `first page took ${firstPageMs} ms`);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let last = Infinity;
    let pages = 0;
    do {
      const page: ActivityPage = await trail('cl_large', { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of page.items) {
        assert.ok(!seen.has(e.id), `repeated ${e.id}`);
        seen.add(e.id);
        assert.ok(Date.parse(e.at) <= last, 'newest first');
        last = Date.parse(e.at);
      }
      if (pages === 0) {
        // A write arriving between pages: the next page carries on where this one stopped.
        await ok('createSignInPin', { params: { clientId: 'cl_large' } }, 201);
      }
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 100);
    } while (cursor);
    assert.equal(seen.size, LARGE_ACTIVITY_COUNT);
    assert.equal(pages, Math.ceil(LARGE_ACTIVITY_COUNT / 200));
  });

  it('kind filters every page and the total; a bad or foreign cursor answers 400', async () => {
    const all = mock.store.activityOf('cl_large').entries;
    const expected = all.filter((e) => e.kind === 'payment_declined').length;
    assert.ok(expected > 10);
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: ActivityPage = await trail('cl_large', { kind: 'payment_declined', limit: 7, ...(cursor ? { cursor } : {}) });
      assert.equal(page.total, expected);
      assert.ok(page.items.every((e) => e.kind === 'payment_declined'));
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(count, expected);

    const next = (await trail('cl_large', { limit: 5 })).nextCursor!;
    assertProblem(await api('listActivity', { params: { clientId: 'cl_large' }, query: { cursor: next, kind: 'card_added' } }), 400, 'bad_request');
    assertProblem(await api('listActivity', { params: { clientId: 'cl_large' }, query: { cursor: 'nope!' } }), 400, 'bad_request');
    assertProblem(await api('listActivity', { params: { clientId: 'cl_large' }, query: { kind: 'everything' } }), 400, 'bad_request');
    assertProblem(await api('listActivity', { params: { clientId: 'cl_nobody' } }), 404, 'not_found');
    assert.deepEqual(mock.store.internalErrors, []);
  });

  it('every fixture trail fits the schema', async () => {
    for (const log of mock.store.activity.values()) {
      for (const e of log.entries) {
        const r = z.safeParse(ActivityEntry, e);
        assert.ok(r.success, `${e.id}: ${JSON.stringify(r.error?.issues.slice(0, 2))}`);
      }
    }
  });

  it('maskEmail keeps one character and the domain, whatever the address', () => {
    assert.equal(maskEmail('blake@example.com'), 'b•••@example.com');
    assert.equal(maskEmail('  Émile@exämple.test '), 'É•••@exämple.test');
    assert.equal(maskEmail('•x@a.test'), '?•••@a.test');
    assert.equal(maskEmail('no-at-sign'), 'n•••@unknown');
    assert.equal(maskEmail('\u{1F600}smile@a.test'), '\u{1F600}•••@a.test');
  });
});
