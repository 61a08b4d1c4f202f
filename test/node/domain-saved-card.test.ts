import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alreadySavedCard } from '../../src/domain/saved-card.js';

const visa = { id: 'pm_1', brand: 'visa', last4: '4242', expMonth: 11, expYear: 2030 } as const;
const mc = { id: 'pm_2', brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2031 } as const;

describe('alreadySavedCard', () => {
  test('finds the saved card with the same brand, last 4 and expiry', () => {
    assert.equal(alreadySavedCard([mc, visa], { brand: 'visa', last4: '4242', expMonth: 11, expYear: 2030 })?.id, 'pm_1');
  });

  test('a card differing in any one of the four is another card', () => {
    for (const other of [
      { brand: 'mastercard', last4: '4242', expMonth: 11, expYear: 2030 },
      { brand: 'visa', last4: '4243', expMonth: 11, expYear: 2030 },
      { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
      { brand: 'visa', last4: '4242', expMonth: 11, expYear: 2031 },
    ] as const) {
      assert.equal(alreadySavedCard([visa, mc], other), null, JSON.stringify(other));
    }
  });

  test('no saved cards: nothing to match', () => {
    assert.equal(alreadySavedCard([], visa), null);
  });
});
