import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { invitationRecipients } from '../../src/domain/invitation-recipients.js';
import { buildClientSummary, buildContact } from '../../mock-server/fixtures.js';

const now = new Date('2026-06-15T12:00:00Z');
const practice = { minorOwnAccessAge: 13 };
const adult = buildClientSummary({ dateOfBirth: '1990-01-01', emails: [{ address: 'avery@example.com', consent: true, primary: true }] });
const teen = buildClientSummary({ dateOfBirth: '2012-01-01', emails: [{ address: 'teen@example.com', consent: true, primary: true }] });
const child = buildClientSummary({ dateOfBirth: '2018-01-01', emails: [] });
const mom = buildContact({ id: 'ct_mom', legalGuardian: true, emails: [{ address: 'mom@example.com', consent: true, primary: true }] });
const dad = buildContact({ id: 'ct_dad', legalGuardian: true, emails: [{ address: 'dad@example.com', consent: false, primary: true }] });
const aunt = buildContact({ id: 'ct_aunt', legalGuardian: false, emails: [{ address: 'aunt@example.com', consent: true, primary: true }] });

describe('invitationRecipients', () => {
  test('an adult gets portal email at their own consented address', () => {
    assert.deepEqual(invitationRecipients(adult, { email: null }, [mom], practice, now), { recipients: [{ who: 'client', address: 'avery@example.com' }], blocker: null });
  });
  test('an adult whose portal address is not consented cannot be emailed', () => {
    assert.deepEqual(invitationRecipients(adult, { email: 'other@example.com' }, [], practice, now), { recipients: [], blocker: 'no_consented_email' });
  });
  test("a child's email goes to each legal guardian with a consented address, not to other contacts", () => {
    assert.deepEqual(invitationRecipients(child, { email: null }, [mom, dad, aunt], practice, now), { recipients: [{ who: 'ct_mom', address: 'mom@example.com' }], blocker: null });
  });
  test('a minor past the own-access age (13) also gets it at their own address', () => {
    assert.deepEqual(invitationRecipients(teen, { email: null }, [mom], practice, now).recipients, [
      { who: 'ct_mom', address: 'mom@example.com' },
      { who: 'client', address: 'teen@example.com' },
    ]);
  });
  test('a minor with no legal guardian, or none with a consented address, cannot be emailed', () => {
    assert.deepEqual(invitationRecipients(child, { email: null }, [aunt], practice, now), { recipients: [], blocker: 'no_legal_guardian' });
    assert.deepEqual(invitationRecipients(child, { email: null }, [dad], practice, now), { recipients: [], blocker: 'no_consented_email' });
  });
});
