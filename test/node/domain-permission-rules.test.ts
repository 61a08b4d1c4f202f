import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { payBalanceBlockers, permissionProblem, withDependentPermissions } from '../../src/domain/permission-rules.js';

const flags = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true };

describe('pay-balance permission', () => {
  test('lists what blocks it in the order a person fixes them: the payments account first', () => {
    assert.deepEqual(payBalanceBlockers({ billingDocuments: false }, { onlinePayments: 'not_set_up' }), ['no_payments_account', 'billing_documents_off']);
    assert.deepEqual(payBalanceBlockers({ billingDocuments: false }, { onlinePayments: 'active' }), ['billing_documents_off']);
    assert.deepEqual(payBalanceBlockers({ billingDocuments: true }, { onlinePayments: 'active' }), []);
  });
  test('turning billing documents off turns pay-balance off with it, and nothing else', () => {
    assert.deepEqual(withDependentPermissions({ ...flags, billingDocuments: false }), { ...flags, billingDocuments: false, payBalance: false });
    assert.deepEqual(withDependentPermissions(flags), flags);
  });
  test('the server refuses pay-balance without billing documents or without a payments account', () => {
    assert.equal(permissionProblem({ ...flags, billingDocuments: false }, { onlinePayments: 'active' }), 'pay_balance_requires_billing_documents');
    assert.equal(permissionProblem(flags, { onlinePayments: 'not_set_up' }), 'no_payments_account');
    assert.equal(permissionProblem(flags, { onlinePayments: 'active' }), null);
    assert.equal(permissionProblem({ ...flags, payBalance: false, billingDocuments: false }, { onlinePayments: 'not_set_up' }), null);
  });
});
