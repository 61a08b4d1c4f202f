import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { consentedEmails, hasConsent } from '../../src/domain/consented-email.js';

const emails = [
  { address: 'work@example.com', consent: true, primary: false },
  { address: 'old@example.com', consent: false, primary: false },
  { address: 'Home@Example.com', consent: true, primary: true },
];

describe('consentedEmails', () => {
  test('only addresses the person agreed to, the primary one first', () => {
    assert.deepEqual(
      consentedEmails(emails).map((e) => e.address),
      ['Home@Example.com', 'work@example.com'],
    );
  });
  test('nobody to write to when nothing is consented', () => {
    assert.deepEqual(consentedEmails([{ address: 'old@example.com', consent: false, primary: true }]), []);
  });
});

describe('hasConsent', () => {
  test('matches an address whatever its case and surrounding spaces', () => {
    assert.equal(hasConsent(emails, '  home@example.COM '), true);
  });
  test('an address on file without consent, or not on file, is not consented', () => {
    assert.equal(hasConsent(emails, 'old@example.com'), false);
    assert.equal(hasConsent(emails, 'someone@example.com'), false);
  });
});
