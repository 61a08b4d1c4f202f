/// <reference types="node" />
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { cardExpiry, isMinor, ageOn } from '../../src/domain/index.js';
import { CardMethod, ClientPermissions, ClientSummary, Contact, DocumentTemplate, InsuranceMethod, IntakeDocument, Invoice, Payment, PortalAccess, PracticeSettings } from '../../src/schemas/index.js';
import { LARGE_PRACTICE_SIZE, PRACTICE_SIZE, practiceClientId } from '../../mock-server/overview-fixtures.js';
import { FIXTURE_CLIENT_IDS, HOSTILE_EMAILS, HOSTILE_STRINGS, TEMPLATES, WORLD_NAMES } from '../../mock-server/fixtures.js';
import { toCard, toDocument, toInvoice } from '../../mock-server/model.js';
import { MockStore } from '../../mock-server/store.js';
import { FaultSwitches } from '../../mock-server/faults.js';

const NOW = '2025-06-16T12:00:00.000Z';

function check(schema: z.core.$ZodType, value: unknown, label: string): void {
  const r = z.safeParse(schema, value);
  assert.ok(r.success, `${label}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))}`);
}

describe('mock store fixtures', () => {
  for (const world of WORLD_NAMES) {
    it(`every fixture of world "${world}" fits the schemas`, () => {
      const store = new MockStore({ world, now: NOW });
      check(PracticeSettings, store.practice, 'practice');
      for (const t of store.templates) check(DocumentTemplate, t, t.id);
      // The fixture clients, then the generated practice (mock-server/overview-fixtures.ts).
      const generated = world === 'large-practice' ? LARGE_PRACTICE_SIZE : PRACTICE_SIZE;
      assert.deepEqual([...store.clients.keys()], [...FIXTURE_CLIENT_IDS, ...Array.from({ length: generated }, (_, i) => practiceClientId(i))]);
      // Every generated client of the default size, and a sample of the large world's.
      const sample = Array.from({ length: Math.min(generated, PRACTICE_SIZE) }, (_, i) => practiceClientId(Math.floor((i * generated) / Math.min(generated, PRACTICE_SIZE))));
      for (const id of [...FIXTURE_CLIENT_IDS, ...sample]) {
        if (id === 'cl_large') continue; // checked on its own (10,000 items)
        const rec = store.client(id)!;
        check(ClientSummary, rec.summary, `${id} summary`);
        check(PortalAccess, rec.access, `${id} access`);
        check(ClientPermissions, rec.permissions, `${id} permissions`);
        for (const c of rec.contacts) check(Contact, c, `${id} contact ${c.id}`);
        for (const d of rec.documents) check(IntakeDocument, toDocument(d), `${id} ${d.id}`);
        for (const c of rec.cards) check(CardMethod, toCard(c), `${id} ${c.id}`);
        for (const i of rec.insurance) check(InsuranceMethod, i, `${id} ${i.id}`);
        for (const i of rec.invoices) check(Invoice, toInvoice(i), `${id} ${i.id}`);
        for (const p of rec.payments) check(Payment, p, `${id} ${p.id}`);
      }
    });
  }

  it('worlds set the practice switches', () => {
    assert.equal(new MockStore({ world: 'default', now: NOW }).practice.portalEnabled, true);
    assert.equal(new MockStore({ world: 'portal-off', now: NOW }).practice.portalEnabled, false);
    const noPay = new MockStore({ world: 'no-payments-account', now: NOW });
    assert.equal(noPay.practice.onlinePayments, 'not_set_up');
    // The store never holds a permission set the server would refuse.
    for (const rec of noPay.clients.values()) assert.equal(rec.permissions.client.payBalance, false);
  });

  it('is deterministic: same clock and seed → same data, ids and PIN sequence', () => {
    const a = new MockStore({ now: NOW });
    const b = new MockStore({ now: NOW });
    const dump = (s: MockStore) => JSON.stringify([...s.clients.values()].filter((c) => c.id !== 'cl_large').map((c) => [c.summary, c.access, c.contacts, c.documents, c.cards, c.invoices, c.payments]));
    assert.equal(dump(a), dump(b));
    assert.deepEqual([a.nextId('doc'), a.random()], [b.nextId('doc'), b.random()]);
    assert.equal(JSON.stringify(a.client('cl_large')!.documents.slice(0, 50)), JSON.stringify(b.client('cl_large')!.documents.slice(0, 50)));
    a.reset();
    assert.equal(a.nextId('doc'), 'doc_1001');
  });

  it('dates are relative to the clock at reset', () => {
    const store = new MockStore({ now: NOW });
    const invited = store.client('cl_invited')!.access.invitations[0]!;
    assert.equal(Date.parse(NOW) - Date.parse(invited.sentAt), 3 * 86_400_000);
    store.setNow('2030-01-01T00:00:00.000Z');
    store.reset();
    assert.equal(Date.parse('2030-01-01T00:00:00.000Z') - Date.parse(store.client('cl_invited')!.access.invitations[0]!.sentAt), 3 * 86_400_000);
  });

  it('cl_active: adult, signed in, all permissions, default + expiring-soon card, insurance without images, 3 open + 2 paid shared invoices', () => {
    const store = new MockStore({ now: NOW });
    const now = store.now();
    const rec = store.client('cl_active')!;
    assert.equal(isMinor(rec.summary, now), false);
    assert.equal(rec.access.state, 'active');
    assert.ok(rec.access.firstSignInAt);
    assert.deepEqual(rec.permissions.client, { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true });
    assert.deepEqual(rec.cards.map((c) => [c.isDefault, cardExpiry(c, now)]), [[true, 'valid'], [false, 'expiring_soon']]);
    assert.deepEqual(rec.insurance[0]!.cardImages, { front: null, back: null });
    const shared = rec.invoices.filter((i) => i.shared);
    assert.equal(shared.filter((i) => i.status === 'open').length, 3);
    assert.equal(shared.filter((i) => i.status === 'paid').length, 2);
    assert.ok(rec.insurancePayments.length >= 1);
    assert.equal(rec.documents.filter((d) => d.status === 'completed').length, 2);
  });

  it('expiring-soon card stays expiring soon whatever the day of the month', () => {
    for (const day of ['2025-01-01', '2025-01-31', '2025-02-28', '2025-07-01', '2025-07-15', '2025-12-31']) {
      const store = new MockStore({ now: `${day}T23:30:00.000Z` });
      assert.equal(cardExpiry(store.client('cl_active')!.cards[1]!, store.now()), 'expiring_soon', day);
    }
  });

  it('minors: ages 10 and 14; guardians as specified', () => {
    const store = new MockStore({ now: NOW });
    const now = store.now();
    const ng = store.client('cl_minor_no_guardian')!;
    assert.equal(ageOn(ng.summary.dateOfBirth!, now), 10);
    assert.ok(ng.contacts.length > 0 && ng.contacts.every((c) => !c.legalGuardian));
    const g = store.client('cl_minor_guardian')!;
    assert.equal(ageOn(g.summary.dateOfBirth!, now), 14);
    const mother = g.contacts.find((c) => c.relationship === 'mother')!;
    const father = g.contacts.find((c) => c.relationship === 'father')!;
    assert.equal(mother.legalGuardian && mother.portalUser.state, 'active');
    assert.ok(g.permissions.portalUsers.some((u) => u.contactId === mother.id));
    assert.equal(father.legalGuardian && father.portalUser.state, 'not_enrolled');
  });

  it('cl_large is generated on first use: 10,000 documents and payments, newest payment first', () => {
    const store = new MockStore({ now: NOW });
    const rec = store.client('cl_large')!;
    assert.deepEqual(rec.materialized, { documents: false, payments: false });
    const t = performance.now();
    assert.equal(rec.documents.length, 10_000);
    assert.equal(rec.payments.length, 10_000);
    assert.ok(performance.now() - t < 4000, 'generation is cheap (~100 ms unloaded)');
    for (let i = 1; i < rec.payments.length; i++) assert.ok(rec.payments[i - 1]!.createdAt > rec.payments[i]!.createdAt);
    check(z.array(Payment), rec.payments, 'large payments');
    check(z.array(IntakeDocument), rec.documents.map(toDocument), 'large documents');
    assert.equal(new Set(rec.documents.map((d) => d.id)).size, 10_000);
  });

  it('HOSTILE_STRINGS: at least 20 payloads, each fits a name (≤ 200 chars); cl_hostile is full of them', () => {
    assert.ok(HOSTILE_STRINGS.length >= 20);
    for (const s of HOSTILE_STRINGS) assert.ok(s.length <= 200, s.slice(0, 20));
    assert.ok(HOSTILE_STRINGS.some((s) => s.includes('<img src=x onerror=alert(1)>')));
    assert.ok(HOSTILE_STRINGS.some((s) => s.includes('\u202E')));
    const rec = new MockStore({ now: NOW }).client('cl_hostile')!;
    const hostile = (s: string) => HOSTILE_STRINGS.some((h) => h.startsWith(s) || s === h);
    assert.ok(hostile(rec.summary.firstName) && hostile(rec.summary.lastName));
    assert.ok(rec.summary.emails.every((e) => HOSTILE_EMAILS.includes(e.address)));
    assert.ok(rec.documents.every((d) => hostile(d.title)));
    assert.ok(rec.invoices.every((i) => hostile(i.description) && hostile(i.number)));
    assert.ok(rec.access.invitations.every((i) => i.message !== null && hostile(i.message)));
    assert.ok(rec.contacts.every((c) => hostile(c.firstName) && hostile(c.lastName)));
    assert.ok(hostile(rec.insurance[0]!.payerName));
  });

  it('templates: six realistic intake forms', () => {
    assert.equal(TEMPLATES.length, 6);
    assert.ok(TEMPLATES.some((t) => t.title === 'PHQ-9 depression screening'));
  });
});

describe('mock store behaviour', () => {
  it('versions bump on every write of versioned resources', () => {
    const store = new MockStore({ now: NOW });
    const rec = store.client('cl_active')!;
    assert.equal(store.savePractice(store.practice).version, 2);
    assert.equal(store.saveAccess(rec, rec.access).version, 2);
    assert.equal(store.savePermissions(rec, rec.permissions).version, 2);
    assert.equal(store.saveContact(rec, rec.contacts[0]!).version, 2);
  });

  it('clock: frozen, advanced, back to real time', () => {
    const store = new MockStore({ now: NOW });
    assert.equal(store.nowIso(), NOW);
    store.advance(60_000);
    assert.equal(store.nowIso(), '2025-06-16T12:01:00.000Z');
    store.setNow(null);
    assert.ok(Math.abs(store.now().getTime() - Date.now()) < 1000);
    assert.throws(() => store.setNow('not a date'), RangeError);
  });

  it('emails: logged with delivery; the bounce list and @bounce.test bounce', () => {
    const store = new MockStore({ now: NOW });
    assert.equal(store.sendEmail({ kind: 'invitation', to: 'EMERY.TYPO@gmial.com', clientId: 'cl_bounced' }).delivery, 'bounced');
    assert.equal(store.sendEmail({ kind: 'document', to: 'someone@bounce.test', clientId: 'cl_active' }).delivery, 'bounced');
    assert.equal(store.sendEmail({ kind: 'reminder', to: 'ok@example.com', clientId: 'cl_active' }).delivery, 'delivered');
    assert.equal(store.emails.length, 3);
    assert.equal(store.emailsFor('cl_active').length, 2);
    store.reset();
    assert.equal(store.emails.length, 0);
  });

  it('reset rejects an unknown world', () => {
    assert.throws(() => new MockStore({ now: NOW }).reset('nope' as never), RangeError);
  });

  it('fault switches: per operation or *, times, unknown operation refused', () => {
    const f = new FaultSwitches();
    f.set('*', { status: 503 });
    f.set('getPractice', { status: 500, times: 2 });
    assert.equal(f.take('getPractice')?.status, 500);
    assert.equal(f.take('getPractice')?.status, 500);
    assert.equal(f.take('getPractice')?.status, 503);
    assert.equal(f.take('getClient')?.status, 503);
    f.clear();
    assert.equal(f.take('getClient'), undefined);
    assert.throws(() => f.set('nope' as never, { status: 500 }), RangeError);
    assert.throws(() => f.set('getClient', { times: 0 }), RangeError);
  });
});
