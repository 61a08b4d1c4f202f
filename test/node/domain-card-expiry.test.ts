import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardExpiry } from '../../src/domain/card-expiry.js';

describe('cardExpiry', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  test('a card works through the last day of its expiry month', () => {
    assert.equal(cardExpiry({ expMonth: 6, expYear: 2026 }, new Date('2026-06-30T23:59:59Z')), 'expiring_soon');
    assert.equal(cardExpiry({ expMonth: 6, expYear: 2026 }, new Date('2026-07-01T00:00:00Z')), 'expired');
    assert.equal(cardExpiry({ expMonth: 5, expYear: 2026 }, now), 'expired');
  });
  test('"expiring soon" means within the next 60 days', () => {
    // 31 July ends 46 days after 15 June; 31 August ends 77 days after.
    assert.equal(cardExpiry({ expMonth: 7, expYear: 2026 }, now), 'expiring_soon');
    assert.equal(cardExpiry({ expMonth: 8, expYear: 2026 }, now), 'valid');
    assert.equal(cardExpiry({ expMonth: 12, expYear: 2030 }, now), 'valid');
  });
  test('a practice can ask for a shorter warning', () => {
    assert.equal(cardExpiry({ expMonth: 7, expYear: 2026 }, now, 30), 'valid');
  });
});
