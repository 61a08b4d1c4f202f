import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { invitationDecision, type InvitationSubject } from '../../src/domain/invitation-rules.js';

const now = new Date('2026-06-15T12:00:00Z');
const practice = { portalEnabled: true, resendCooldownMinutes: 10 };
const subject = (s: Partial<InvitationSubject> = {}): InvitationSubject => ({ state: 'not_invited', firstSignInAt: null, invitations: [], ...s });

describe('invitationDecision', () => {
  test('someone never invited can be sent a first invitation', () => {
    assert.deepEqual(invitationDecision(subject(), practice, now), { allowed: true, kind: 'send' });
  });
  test('an invited person can be sent it again once 10 minutes have passed since the last one', () => {
    const invited = subject({ state: 'invited', invitations: [{ sentAt: '2026-06-14T09:00:00Z' }, { sentAt: '2026-06-15T11:57:00Z' }] });
    assert.deepEqual(invitationDecision(invited, practice, now), { allowed: false, code: 'resend_cooldown', retryAt: new Date('2026-06-15T12:07:00Z') });
    assert.deepEqual(invitationDecision(invited, practice, new Date('2026-06-15T12:07:00Z')), { allowed: true, kind: 'resend' });
  });
  test('after a first sign-in there is nothing to resend', () => {
    assert.deepEqual(invitationDecision(subject({ state: 'active', firstSignInAt: '2026-06-01T09:00:00Z' }), practice, now), { allowed: false, code: 'already_signed_in' });
    assert.deepEqual(invitationDecision(subject({ state: 'invited', firstSignInAt: '2026-06-01T09:00:00Z' }), practice, now), { allowed: false, code: 'already_signed_in' });
  });
  test('inviting a disabled person re-enables them, even if they signed in before', () => {
    assert.deepEqual(invitationDecision(subject({ state: 'disabled', firstSignInAt: '2026-06-01T09:00:00Z' }), practice, now), { allowed: true, kind: 'send' });
  });
  test('nobody is invited while the practice has the portal off', () => {
    assert.deepEqual(invitationDecision(subject({ state: 'disabled' }), { ...practice, portalEnabled: false }, now), { allowed: false, code: 'portal_off_for_practice' });
  });
});
