import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contactInvitationAddress } from '../../src/domain/contact-invitation-address.js';

const portalUser = (email: string | null) => ({ state: 'invited' as const, email, invitations: [], firstSignInAt: null, lastSignInAt: null });

describe('contactInvitationAddress', () => {
  test('keeps the current portal address while it has consent', () => {
    const emails = [
      { address: 'home@example.com', consent: true, primary: true },
      { address: 'work@example.com', consent: true, primary: false },
    ];
    assert.equal(contactInvitationAddress({ emails, portalUser: portalUser('WORK@example.com') }), 'WORK@example.com');
  });
  test('otherwise the primary consented address, then any consented one', () => {
    const emails = [
      { address: 'old@example.com', consent: false, primary: false },
      { address: 'other@example.com', consent: true, primary: false },
      { address: 'home@example.com', consent: true, primary: true },
    ];
    assert.equal(contactInvitationAddress({ emails, portalUser: portalUser('old@example.com') }), 'home@example.com');
    assert.equal(contactInvitationAddress({ emails: emails.slice(0, 2), portalUser: portalUser(null) }), 'other@example.com');
  });
  test('null when no address has consent', () => {
    assert.equal(contactInvitationAddress({ emails: [{ address: 'a@example.com', consent: false, primary: true }], portalUser: portalUser(null) }), null);
  });
});
