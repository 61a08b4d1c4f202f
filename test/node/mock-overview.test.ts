/// <reference types="node" />
// The practice overview against the mock: counts that match the generated practice, lists that
// page and filter, and bulk invitations that obey the single-send rules (a dry run that matches the
// send, a second send at once that sends nothing, mistyped and bounced addresses never sent to).
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createNodeMock } from '../../mock-server/node.js';
import { FIXTURE_CLIENT_IDS } from '../../mock-server/fixtures.js';
import { LARGE_PRACTICE_SIZE, PRACTICE_SIZE, practiceClientId, scenarioOf, type Scenario } from '../../mock-server/overview-fixtures.js';
import { assertOk, assertProblem, callOperation } from '../../mock-server/testing.js';
import type { BulkInvitationResult, OverviewClientPage, OverviewFinding, PortalOverview } from '../../src/schemas/index.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
after(() => mock.close());
beforeEach(() => mock.reset('default'));

let keys = 0;
const key = () => `ov-${++keys}`;

async function overview(): Promise<PortalOverview> {
  const res = await callOperation(BASE, 'getPortalOverview');
  assertOk('getPortalOverview', res);
  return res.body as PortalOverview;
}
const count = (o: PortalOverview, finding: OverviewFinding) => o.findings.find((f) => f.finding === finding)!.clients;

async function listAll(finding: OverviewFinding, limit = 25): Promise<OverviewClientPage['items']> {
  const items: OverviewClientPage['items'] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const res = await callOperation(BASE, 'listPortalOverviewClients', { query: { finding, limit, cursor } });
    assertOk('listPortalOverviewClients', res);
    const page = res.body as OverviewClientPage;
    assert.ok(page.items.length <= limit);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

async function bulk(body: unknown, idempotencyKey = key()): Promise<BulkInvitationResult> {
  const res = await callOperation(BASE, 'sendBulkInvitations', { body, idempotencyKey });
  assertOk('sendBulkInvitations', res);
  return res.body as BulkInvitationResult;
}

/** How many generated clients of the default world were made for these scenarios (the generator's table, not the overview). */
function generated(...scenarios: Scenario[]): number {
  let n = 0;
  for (let i = 0; i < PRACTICE_SIZE; i++) if (scenarios.includes(scenarioOf(i))) n++;
  return n;
}

describe('GET /portal-overview', () => {
  it('counts every client once by state, and by every finding the generated practice was built for', async () => {
    const o = await overview();
    assert.equal(o.totalClients, PRACTICE_SIZE + FIXTURE_CLIENT_IDS.length);
    assert.equal(o.states.reduce((n, s) => n + s.clients, 0), o.totalClients);
    assert.deepEqual(o.states.map((s) => s.state), ['not_invited', 'invited', 'active', 'disabled']);
    // Fixture clients named for a finding (cl_not_invited, cl_disabled…) are added to the generated ones.
    assert.equal(count(o, 'not_invited'), generated('notInvited', 'notInvitedMinor', 'notInvitedTypo') + 1);
    assert.equal(count(o, 'access_disabled'), generated('disabled') + 1);
    assert.equal(count(o, 'marked_spam'), generated('markedSpam'));
    assert.equal(count(o, 'no_email'), generated('noEmail'));
    assert.equal(count(o, 'invitation_expired'), generated('expired', 'expiredNoConsent', 'expiredMinorNoGuardian'));
    assert.equal(count(o, 'bounced'), generated('bounced', 'bouncedTypo') + 1);
    // Every finding but "portal off" has clients in the default world.
    for (const f of o.findings) if (f.finding !== 'portal_off') assert.ok(f.clients > 0, `${f.finding} has clients`);
    assert.equal(count(o, 'portal_off'), 0);
  });

  it('world portal-off: every client is held by the practice switch', async () => {
    mock.reset('portal-off');
    const o = await overview();
    assert.equal(o.portalEnabled, false);
    assert.equal(count(o, 'portal_off'), o.totalClients);
    assert.equal(count(o, 'signed_in'), 0);
  });

  it('world large-practice: 20,000 generated clients answer in one request, and lists page', async () => {
    mock.reset('large-practice');
    const o = await overview();
    assert.equal(o.totalClients, LARGE_PRACTICE_SIZE + FIXTURE_CLIENT_IDS.length);
    const res = await callOperation(BASE, 'listPortalOverviewClients', { query: { finding: 'never_signed_in', limit: 200 } });
    assertOk('listPortalOverviewClients', res);
    const page = res.body as OverviewClientPage;
    assert.equal(page.items.length, 200);
    assert.equal(page.total, count(o, 'never_signed_in'));
    assert.ok(page.nextCursor);
  });
});

describe('GET /portal-overview/clients', () => {
  it('lists each client of a finding once, by last name, with the evidence and the fix', async () => {
    const o = await overview();
    const typos = await listAll('email_typo', 10);
    assert.equal(typos.length, count(o, 'email_typo'));
    assert.equal(new Set(typos.map((c) => c.clientId)).size, typos.length);
    for (const c of typos) {
      assert.equal(c.finding, 'email_typo');
      assert.ok(c.evidence.address && c.evidence.suggestion, `${c.clientId}: the mistyped address and the suggestion`);
      assert.notEqual(c.evidence.address, c.evidence.suggestion);
    }
    const bounced = await listAll('bounced');
    assert.ok(bounced.some((c) => c.clientId === 'cl_bounced' && c.evidence.address === 'emery.typo@gmial.com'));
    const lastNames = (await listAll('signed_in', 50)).map((c) => c.displayName.split(' ').slice(1).join(' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    assert.deepEqual(lastNames, [...lastNames].sort());
  });

  it('a fresh invitation is not a finding yet; "not signed in" counts from the threshold', async () => {
    const waiting = await listAll('never_signed_in');
    assert.ok(waiting.every((c) => (c.evidence.days ?? 0) >= 3), 'only invitations 3 days old or more');
    assert.ok(!waiting.some((c) => c.clientId === 'cl_invited' && (c.evidence.days ?? 0) < 3));
  });

  it('a name search filters the finding (accents and case ignored) and pages the same way', async () => {
    const res = await callOperation(BASE, 'searchPortalOverviewClients', { body: { finding: 'signed_in', name: 'ALVAREZ' } });
    assertOk('searchPortalOverviewClients', res);
    const page = res.body as OverviewClientPage;
    assert.ok(page.total > 0);
    assert.ok(page.items.every((c) => c.displayName.includes('Álvarez')));
  });

  it('refuses a cursor from another finding', async () => {
    const first = (await callOperation(BASE, 'listPortalOverviewClients', { query: { finding: 'signed_in', limit: 5 } })).body as OverviewClientPage;
    assertProblem(await callOperation(BASE, 'listPortalOverviewClients', { query: { finding: 'not_invited', cursor: first.nextCursor! } }), 400, 'bad_request');
  });
});

describe('POST /portal-overview/bulk-invitations', () => {
  for (const finding of ['not_invited', 'never_signed_in', 'invitation_expired'] as const) {
    it(`${finding}: the dry run says exactly what the send then does, and the counts change`, async () => {
      const before = await overview();
      const dry = await bulk({ finding, dryRun: true });
      assert.equal(mock.store.emails.length, 0, 'a dry run sends nothing');
      assert.equal((await overview()).findings.find((f) => f.finding === finding)!.clients, count(before, finding), 'a dry run changes nothing');
      const sent = await bulk({ finding, dryRun: false });
      assert.deepEqual({ ...sent, dryRun: true }, dry);
      assert.equal(sent.dryRun, false);
      assert.ok(sent.sent > 0);
      assert.equal(mock.store.emails.length, sent.emails, 'one email per recipient');
      assert.equal(new Set(mock.store.emails.map((e) => e.clientId)).size, sent.sent);
      assert.equal(count(await overview(), finding), count(before, finding) - sent.sent);
    });
  }

  it('not_invited: mistyped addresses are never sent to; a minor\'s invitation goes to both guardians', async () => {
    const dry = await bulk({ finding: 'not_invited', dryRun: true });
    const typoClients = Array.from({ length: PRACTICE_SIZE }, (_, i) => i).filter((i) => scenarioOf(i) === 'notInvitedTypo').map(practiceClientId);
    assert.ok(typoClients.length > 0);
    for (const id of typoClients) assert.deepEqual(dry.results.find((r) => r.clientId === id), { clientId: id, outcome: 'skipped', reason: 'mistyped_address', emails: 0 });
    const minors = Array.from({ length: PRACTICE_SIZE }, (_, i) => i).filter((i) => scenarioOf(i) === 'notInvitedMinor').map(practiceClientId);
    for (const id of minors) assert.equal(dry.results.find((r) => r.clientId === id)?.emails, 2);
    assert.equal(dry.emails, dry.results.reduce((n, r) => n + r.emails, 0));
    assert.ok(dry.emails > dry.sent, 'more emails than families');
    await bulk({ finding: 'not_invited', dryRun: false });
    const sentTo = mock.store.emails.map((e) => e.to.split('@')[1]);
    assert.deepEqual(sentTo.filter((domain) => domain !== 'example.com'), [], 'only real addresses');
  });

  it('never_signed_in and invitation_expired: skips with their reasons (signed in before, no consent, no guardian, typo)', async () => {
    const waiting = await bulk({ finding: 'never_signed_in', dryRun: true });
    const reasons = Object.fromEntries(waiting.skippedBy.map((s) => [s.reason, s.clients]));
    assert.equal(reasons.already_active, generated('activeSignedInBeforeReinvited'));
    assert.equal(reasons.mistyped_address, generated('invitedWaitingTypo'));
    const expired = await bulk({ finding: 'invitation_expired', dryRun: true });
    const why = Object.fromEntries(expired.skippedBy.map((s) => [s.reason, s.clients]));
    assert.equal(why.no_consent, generated('expiredNoConsent'));
    assert.equal(why.no_recipient, generated('expiredMinorNoGuardian'));
    assert.equal(expired.sent, generated('expired'));
  });

  it('a second bulk resend at once sends nothing: every client is in the cooldown', async () => {
    const first = await bulk({ finding: 'never_signed_in', dryRun: false });
    const ids = first.results.filter((r) => r.outcome === 'sent').map((r) => r.clientId);
    const emails = mock.store.emails.length;
    const again = await bulk({ clientIds: ids, dryRun: false });
    assert.equal(again.sent, 0);
    assert.equal(again.emails, 0);
    assert.deepEqual(again.skippedBy, [{ reason: 'cooldown', clients: ids.length }]);
    assert.ok(again.results.every((r) => r.retryAt && Date.parse(r.retryAt) === Date.parse(NOW) + 10 * 60_000));
    assert.equal(mock.store.emails.length, emails);
    // By finding, they have left "not signed in after 3 days": a fresh invitation is no finding.
    assert.equal((await bulk({ finding: 'never_signed_in', dryRun: false })).sent, 0);
  });

  it('portal off: everyone is skipped for it and nothing is sent', async () => {
    mock.reset('portal-off');
    const r = await bulk({ finding: 'not_invited', dryRun: false });
    assert.equal(r.sent, 0);
    assert.ok(r.results.length > 0);
    assert.deepEqual(r.skippedBy, [{ reason: 'portal_off', clients: r.results.length }]);
    const chosen = await bulk({ clientIds: ['cl_not_invited', 'cl_invited'], dryRun: false });
    assert.deepEqual(chosen.skippedBy, [{ reason: 'portal_off', clients: 2 }]);
    assert.equal(mock.store.emails.length, 0);
  });

  it('chosen clients: unknown ids are refused, duplicates count once, an Idempotency-Key is required and replays', async () => {
    assertProblem(await callOperation(BASE, 'sendBulkInvitations', { body: { clientIds: ['cl_nobody'], dryRun: true }, idempotencyKey: key() }), 400, 'bad_request');
    assertProblem(await callOperation(BASE, 'sendBulkInvitations', { body: { clientIds: ['cl_not_invited'], dryRun: true } }), 400, 'idempotency_key_required');
    assertProblem(await callOperation(BASE, 'sendBulkInvitations', { body: { finding: 'signed_in', dryRun: true }, idempotencyKey: key() }), 400, 'bad_request');
    const k = key();
    const once = await bulk({ clientIds: ['cl_not_invited', 'cl_not_invited', 'cl_active', 'cl_bounced'], dryRun: false }, k);
    assert.deepEqual(
      once.results.map((r) => [r.clientId, r.outcome, r.reason ?? null]),
      [
        ['cl_not_invited', 'sent', null],
        ['cl_active', 'skipped', 'already_active'],
        ['cl_bounced', 'skipped', 'mistyped_address'],
      ],
    );
    const replay = await bulk({ clientIds: ['cl_not_invited', 'cl_not_invited', 'cl_active', 'cl_bounced'], dryRun: false }, k);
    assert.deepEqual(replay, once);
    assert.equal(mock.store.emails.length, 1, 'the replay sent nothing');
  });
});
