import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentPlan } from '../../src/domain/assignment-plan.js';
import type { ClientSummary, Contact, PortalAccess } from '../../src/schemas/index.js';
import { buildClientSummary, buildContact } from '../../mock-server/fixtures.js';

const now = new Date('2025-06-15T12:00:00Z');
const practice = { portalEnabled: true, minorOwnAccessAge: 13 };

const adult: ClientSummary = buildClientSummary({ emails: [{ address: 'a@example.com', consent: true, primary: true }] });
const minor: ClientSummary = { ...adult, dateOfBirth: '2015-01-01', emails: [] };
const access = (state: PortalAccess['state'], email: string | null = 'a@example.com') => ({ state, email });

function guardian(id: string, address: string, legalGuardian = true): Contact {
  return buildContact({ id, relationship: 'mother', legalGuardian, emails: [{ address, consent: true, primary: true }] });
}

describe('assignmentPlan', () => {
  test('an invited adult gets one email per document', () => {
    const plan = assignmentPlan(3, adult, access('invited'), [], practice, now);
    assert.deepEqual(plan, { recipients: [{ who: 'client', address: 'a@example.com' }], grantsAccess: false, emailCount: 3, blocker: null });
  });

  test('a client without portal access is granted it: one invitation more per recipient', () => {
    const plan = assignmentPlan(2, adult, access('not_invited', null), [], practice, now);
    assert.equal(plan.grantsAccess, true);
    assert.equal(plan.emailCount, 3);
  });

  test("a minor's emails go to every legal guardian, not to other contacts", () => {
    const contacts = [guardian('ct_1', 'mom@example.com'), guardian('ct_2', 'dad@example.com'), guardian('ct_3', 'aunt@example.com', false)];
    const plan = assignmentPlan(2, minor, access('active', null), contacts, practice, now);
    assert.deepEqual(
      plan.recipients.map((r) => r.address),
      ['mom@example.com', 'dad@example.com'],
    );
    assert.equal(plan.emailCount, 4);
    assert.equal(plan.blocker, null);
  });

  test('granting access to a minor invites each guardian too', () => {
    const plan = assignmentPlan(1, minor, access('not_invited', null), [guardian('ct_1', 'mom@example.com'), guardian('ct_2', 'dad@example.com')], practice, now);
    assert.equal(plan.emailCount, 4);
  });

  test('a minor without a legal guardian cannot be sent anything', () => {
    const plan = assignmentPlan(2, minor, access('not_invited', null), [guardian('ct_1', 'p@example.com', false)], practice, now);
    assert.deepEqual(plan, { recipients: [], grantsAccess: true, emailCount: 0, blocker: 'no_legal_guardian' });
  });

  test('an address without consent receives nothing', () => {
    const noConsent = { ...adult, emails: [{ address: 'a@example.com', consent: false, primary: true }] };
    const plan = assignmentPlan(1, noConsent, access('not_invited', null), [], practice, now);
    assert.equal(plan.blocker, 'no_consented_email');
    assert.equal(plan.emailCount, 0);
  });

  test('disabled access is not quietly restored by sharing documents', () => {
    const plan = assignmentPlan(1, adult, access('disabled'), [], practice, now);
    assert.equal(plan.blocker, 'access_disabled');
    assert.equal(plan.emailCount, 0);
  });

  test('the practice portal switch comes before anything about the client', () => {
    const plan = assignmentPlan(1, minor, access('disabled', null), [], { ...practice, portalEnabled: false }, now);
    assert.equal(plan.blocker, 'portal_off_for_practice');
    assert.deepEqual(plan.recipients, []);
  });

  test('nothing selected sends nothing, even when access would be granted', () => {
    assert.equal(assignmentPlan(0, adult, access('invited'), [], practice, now).emailCount, 0);
    assert.equal(assignmentPlan(0, adult, access('not_invited', null), [], practice, now).emailCount, 0);
  });
});
