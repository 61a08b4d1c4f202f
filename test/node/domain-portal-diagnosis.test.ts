import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosePortalAccess, type DiagnosisInput, type Finding } from '../../src/domain/portal-diagnosis.js';
import type { ClientSummary, Contact, Invitation, PortalAccess } from '../../src/schemas/index.js';
import { buildClientSummary, buildContact } from '../../mock-server/fixtures.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const practice = { portalEnabled: true, minorOwnAccessAge: 13 };
const adult: ClientSummary = buildClientSummary({ emails: [{ address: 'ana@example.com', consent: true, primary: true }] });
const minor: ClientSummary = { ...adult, dateOfBirth: '2016-01-01', emails: [] };

function invitation(sentDaysAgo: number, to = 'ana@example.com', delivery: Invitation['delivery'] = 'delivered', id = 'inv_1'): Invitation {
  return { id, sentAt: ago(sentDaysAgo), to, message: null, delivery, expiresAt: ago(sentDaysAgo - 7) };
}

function access(a: Partial<PortalAccess> = {}): PortalAccess {
  return { clientId: 'cl_1', state: 'not_invited', email: 'ana@example.com', invitations: [], firstSignInAt: null, lastSignInAt: null, disabledAt: null, version: 1, ...a };
}

function guardian(id: string, emails: Contact['emails'], legalGuardian = true): Contact {
  return buildContact({ id, firstName: 'G', lastName: 'H', relationship: 'mother', legalGuardian, emails });
}

function diagnose(input: Partial<DiagnosisInput>): Finding[] {
  return diagnosePortalAccess({ practice, client: adult, access: access(), contacts: [], now: NOW, ...input });
}
const ids = (findings: Finding[]) => findings.map((f) => f.id);

describe('diagnosePortalAccess', () => {
  test('a client who signed in and nothing wrong: "signed in fine", fix is the portal link', () => {
    const findings = diagnose({ access: access({ state: 'active', invitations: [invitation(30)], firstSignInAt: ago(29), lastSignInAt: ago(2) }) });
    assert.deepEqual(findings, [{ id: 'signed_in', severity: 'ok', fix: 'copy_portal_link', at: ago(2) }]);
  });

  test('portal off for the practice comes first, whatever else is true, and hides "signed in fine"', () => {
    const findings = diagnose({ practice: { ...practice, portalEnabled: false }, access: access({ state: 'active', invitations: [invitation(30)], firstSignInAt: ago(29), lastSignInAt: ago(2) }) });
    assert.deepEqual(findings, [{ id: 'portal_off', severity: 'blocker', fix: 'turn_portal_on' }]);
  });

  test('no email at all: blocker, fixed by entering an address', () => {
    const findings = diagnose({ client: { ...adult, emails: [] }, access: access({ email: null }) });
    assert.deepEqual(findings[0], { id: 'no_email', severity: 'blocker', fix: 'change_email', about: 'client' });
    assert.deepEqual(ids(findings), ['no_email']);
  });

  test('an address without consent: blocker, the form comes prefilled with that address to record consent', () => {
    const client = { ...adult, emails: [{ address: 'dev@example.com', consent: false, primary: true }] };
    const findings = diagnose({ client, access: access({ email: null }) });
    assert.deepEqual(ids(findings), ['no_consent']);
    assert.equal(findings[0]!.suggestion, 'dev@example.com');
    assert.equal(findings[0]!.fix, 'change_email');
  });

  test('portal address without consent while another one has it: suggests the consented one', () => {
    const client = { ...adult, emails: [{ address: 'old@example.com', consent: false, primary: true }, { address: 'new@example.com', consent: true, primary: false }] };
    const [finding] = diagnose({ client, access: access({ email: 'old@example.com' }) });
    assert.equal(finding!.id, 'no_consent');
    assert.equal(finding!.suggestion, 'new@example.com');
  });

  test('a minor with no legal guardian: a blocker fixed where guardians are managed, even with a parent on file', () => {
    const findings = diagnose({ client: minor, access: access({ email: null }), contacts: [guardian('ct_1', [{ address: 'p@example.com', consent: true, primary: true }], false)] });
    assert.deepEqual(findings, [{ id: 'no_legal_guardian', severity: 'blocker', fix: 'guardians_section' }]);
  });

  test("a minor whose guardians have no consented address: the guardians' consent is what is missing", () => {
    const findings = diagnose({ client: minor, access: access({ email: null }), contacts: [guardian('ct_1', [{ address: 'p@example.com', consent: false, primary: true }])] });
    assert.deepEqual(findings, [{ id: 'no_consent', severity: 'blocker', fix: 'guardians_section', about: 'guardian', contactId: 'ct_1' }]);
    const none = diagnose({ client: minor, access: access({ email: null }), contacts: [guardian('ct_1', [])] });
    assert.equal(none[0]!.id, 'no_email');
  });

  test('a mistyped portal address: warning with the corrected address to prefill', () => {
    const client = { ...adult, emails: [{ address: 'emery@gmial.com', consent: true, primary: true }] };
    const findings = diagnose({ client, access: access({ email: 'emery@gmial.com' }) });
    assert.deepEqual(findings[0], { id: 'email_typo', severity: 'warning', fix: 'change_email', address: 'emery@gmial.com', suggestion: 'emery@gmail.com', about: 'client' });
    assert.deepEqual(ids(findings), ['email_typo', 'not_invited']);
  });

  test("a mistyped guardian address is fixed in the guardians section and names the contact", () => {
    const contacts = [guardian('ct_mom', [{ address: 'mom@yahoo.cmo', consent: true, primary: true }])];
    const findings = diagnose({ client: minor, access: access({ email: null }), contacts });
    assert.deepEqual(findings[0], { id: 'email_typo', severity: 'warning', fix: 'guardians_section', address: 'mom@yahoo.cmo', suggestion: 'mom@yahoo.com', about: 'guardian', contactId: 'ct_mom' });
  });

  test('last invitation bounced at a mistyped address: typo, then bounce with the same correction; no "never signed in"', () => {
    const addr = 'emery@gmial.com';
    const client = { ...adult, emails: [{ address: addr, consent: true, primary: true }] };
    const findings = diagnose({ client, access: access({ state: 'invited', email: addr, invitations: [invitation(2, addr, 'bounced')] }) });
    assert.deepEqual(ids(findings), ['email_typo', 'bounced']);
    assert.deepEqual(findings[1], { id: 'bounced', severity: 'blocker', fix: 'change_email', address: addr, at: ago(2), suggestion: 'emery@gmail.com', about: 'client' });
  });

  test('only the latest invitation counts: an old bounce followed by a delivered one is history', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(5, 'ana@example.com', 'bounced', 'inv_old'), invitation(3, 'ana@example.com', 'delivered', 'inv_new')] }) });
    assert.deepEqual(ids(findings), ['never_signed_in']);
  });

  test('marked as spam: warning, fixed by a fresh invitation once the family marks it "Not spam"', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(1, 'ana@example.com', 'complained')] }) });
    assert.deepEqual(findings, [{ id: 'marked_spam', severity: 'warning', fix: 'send_invitation', address: 'ana@example.com', at: ago(1), about: 'client' }]);
  });

  test('a bounce at a guardian address points to the guardians section', () => {
    const contacts = [guardian('ct_dad', [{ address: 'dad@example.com', consent: true, primary: true }])];
    const findings = diagnose({ client: minor, access: access({ state: 'invited', email: null, invitations: [invitation(1, 'dad@example.com', 'bounced')] }), contacts });
    assert.deepEqual(ids(findings), ['bounced']);
    assert.equal(findings[0]!.fix, 'guardians_section');
    assert.equal(findings[0]!.contactId, 'ct_dad');
  });

  test('an expired invitation never used: blocker, fixed by resending', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(9)] }) });
    assert.deepEqual(findings, [{ id: 'invitation_expired', severity: 'blocker', fix: 'send_invitation', at: ago(2) }]);
  });

  test('disabled access: blocker, fixed by sending an invitation', () => {
    const findings = diagnose({ access: access({ state: 'disabled', invitations: [invitation(90)], firstSignInAt: ago(89), lastSignInAt: ago(30), disabledAt: ago(10) }) });
    assert.deepEqual(findings, [{ id: 'access_disabled', severity: 'blocker', fix: 'send_invitation', at: ago(10) }]);
  });

  test('never invited: warning, fixed by sending the first invitation; not offered when nobody can receive it', () => {
    assert.deepEqual(diagnose({}), [{ id: 'not_invited', severity: 'warning', fix: 'send_invitation' }]);
    const noConsent = diagnose({ client: { ...adult, emails: [{ address: 'x@example.com', consent: false, primary: true }] }, access: access({ email: null }) });
    assert.deepEqual(ids(noConsent), ['no_consent']);
  });

  test('invited days ago and never signed in: warning with the day count; within the first day only info', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(3)] }) });
    assert.deepEqual(findings, [{ id: 'never_signed_in', severity: 'warning', fix: 'send_invitation', at: ago(3), days: 3 }]);
    const fresh = diagnose({ access: access({ state: 'invited', invitations: [invitation(0.1)] }) });
    assert.equal(fresh[0]!.severity, 'info');
    assert.equal(fresh[0]!.days, 0);
  });

  test('counts the wait from the latest invitation: a resend starts a fresh wait (issue #17, item 1)', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(5, undefined, 'delivered', 'a'), invitation(1, undefined, 'delivered', 'b')] }) });
    assert.deepEqual(findings, [{ id: 'never_signed_in', severity: 'warning', fix: 'send_invitation', at: ago(1), days: 1 }]);
    const justResent = diagnose({ access: access({ state: 'invited', invitations: [invitation(3, undefined, 'delivered', 'a'), invitation(0.01, undefined, 'delivered', 'b')] }) });
    assert.deepEqual(justResent, [{ id: 'never_signed_in', severity: 'info', fix: 'send_invitation', at: ago(0.01), days: 0 }]);
  });

  test('a bounced invitation replaced by one to a corrected address: only the new one counts', () => {
    const findings = diagnose({
      client: { ...adult, emails: [{ address: 'ana@gmail.com', consent: true, primary: true }] },
      access: access({ state: 'invited', email: 'ana@gmail.com', invitations: [invitation(2, 'ana@gmial.com', 'bounced', 'a'), invitation(0, 'ana@gmail.com', 'sent', 'b')] }),
    });
    assert.deepEqual(findings, [{ id: 'never_signed_in', severity: 'info', fix: 'send_invitation', at: ago(0), days: 0 }]);
  });

  test('re-invited after having signed in before: the link, not a resend, is the fix', () => {
    const findings = diagnose({ access: access({ state: 'invited', invitations: [invitation(40, undefined, 'delivered', 'a'), invitation(2, undefined, 'delivered', 'b')], firstSignInAt: ago(39), lastSignInAt: ago(20) }) });
    assert.deepEqual(findings, [{ id: 'never_signed_in', severity: 'warning', fix: 'copy_portal_link', at: ago(2), days: 2 }]);
  });

  test('everything at once comes out in the order things block', () => {
    const addr = 'emery@gmial.com';
    const client = { ...adult, emails: [{ address: addr, consent: true, primary: true }] };
    const findings = diagnose({
      practice: { ...practice, portalEnabled: false },
      client,
      access: access({ state: 'invited', email: addr, invitations: [invitation(9, addr, 'bounced')] }),
    });
    assert.deepEqual(ids(findings), ['portal_off', 'email_typo', 'bounced', 'invitation_expired']);
    const order: Finding['id'][] = ['portal_off', 'no_email', 'no_consent', 'no_legal_guardian', 'email_typo', 'bounced', 'marked_spam', 'invitation_expired', 'access_disabled', 'not_invited', 'never_signed_in', 'signed_in'];
    const positions = findings.map((f) => order.indexOf(f.id));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
  });

  test('an active minor whose guardian signed in: signed in fine', () => {
    const contacts = [guardian('ct_mom', [{ address: 'mom@example.com', consent: true, primary: true }])];
    const findings = diagnose({ client: minor, access: access({ state: 'active', email: null, invitations: [invitation(30, 'mom@example.com')], firstSignInAt: ago(29), lastSignInAt: ago(1) }), contacts });
    assert.deepEqual(ids(findings), ['signed_in']);
  });

  test('is pure: the same input gives the same answer and nothing is modified', () => {
    const input: DiagnosisInput = { practice, client: adult, access: access({ state: 'invited', invitations: [invitation(3)] }), contacts: [], now: NOW };
    const frozen = JSON.stringify(input);
    assert.deepEqual(diagnosePortalAccess(input), diagnosePortalAccess(input));
    assert.equal(JSON.stringify(input), frozen);
  });
});
