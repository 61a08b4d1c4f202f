import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paymentBlocker } from '../../src/domain/payment-rules.js';

const all = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true };
const open = { portalEnabled: true, onlinePayments: 'active' as const };

describe('paymentBlocker', () => {
  it('lets a client with both billing permissions pay when the practice can take cards', () => {
    assert.equal(paymentBlocker(all, open), null);
  });
  it('blocks first on a portal the practice turned off, whatever else is true', () => {
    assert.equal(paymentBlocker(all, { ...open, portalEnabled: false }), 'portal_off_for_practice');
    assert.equal(paymentBlocker({ ...all, payBalance: false }, { portalEnabled: false, onlinePayments: 'not_set_up' }), 'portal_off_for_practice');
  });
  it('then on the payments account, then on the permissions', () => {
    assert.equal(paymentBlocker({ ...all, payBalance: false }, { ...open, onlinePayments: 'restricted' }), 'no_payments_account');
    assert.equal(paymentBlocker({ ...all, payBalance: false }, open), 'missing_permission');
    assert.equal(paymentBlocker({ ...all, billingDocuments: false }, open), 'missing_permission');
  });
});
