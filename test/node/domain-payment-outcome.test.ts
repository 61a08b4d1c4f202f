import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { paymentOutcome } from '../../src/domain/payment-outcome.js';

describe('paymentOutcome', () => {
  test('no answer at all (network error, timeout) leaves the outcome unknown', () => {
    assert.equal(paymentOutcome({}), 'unknown');
    assert.equal(paymentOutcome({ status: undefined }), 'unknown');
  });

  test('server failures and request timeouts leave it unknown', () => {
    for (const status of [408, 500, 502, 503, 504]) assert.equal(paymentOutcome({ status }), 'unknown', String(status));
  });

  test('an unreadable success answer leaves it unknown (the charge may have happened)', () => {
    assert.equal(paymentOutcome({ status: 201 }), 'unknown');
  });

  test('a 4xx answer means the server did not charge', () => {
    for (const status of [400, 402, 403, 409, 422, 429]) assert.equal(paymentOutcome({ status }), 'refused', String(status));
  });
});
