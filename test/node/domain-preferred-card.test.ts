import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { preferredCard } from '../../src/domain/preferred-card.js';

const now = new Date('2025-06-15T12:00:00Z');
const card = (id: string, isDefault: boolean, expYear: number, expMonth = 12) => ({ id, isDefault, expMonth, expYear });

describe('preferredCard', () => {
  test('picks the default card', () => {
    assert.equal(preferredCard([card('a', false, 2030), card('b', true, 2030)], now)?.id, 'b');
  });

  test('skips an expired default for the first card that still works', () => {
    assert.equal(preferredCard([card('old', true, 2024), card('x', false, 2020), card('ok', false, 2027)], now)?.id, 'ok');
  });

  test('a card expiring at the end of this month still works', () => {
    assert.equal(preferredCard([card('june', true, 2025, 6)], now)?.id, 'june');
  });

  test('null when there is no usable card', () => {
    assert.equal(preferredCard([], now), null);
    assert.equal(preferredCard([card('old', true, 2025, 5)], now), null);
  });
});
