import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADULT_AGE, ageOn, isMinor } from '../../src/domain/age.js';

describe('ageOn', () => {
  test('a birthday counts from its own day, not before', () => {
    assert.equal(ageOn('2008-06-15', new Date('2026-06-14T23:59:59Z')), 17);
    assert.equal(ageOn('2008-06-15', new Date('2026-06-15T00:00:00Z')), 18);
    assert.equal(ageOn('2008-06-15', new Date('2026-12-31T12:00:00Z')), 18);
  });
  test('someone born on 29 February turns a year older on 1 March in other years', () => {
    assert.equal(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z')), 17);
    assert.equal(ageOn('2008-02-29', new Date('2026-03-01T12:00:00Z')), 18);
  });
});

describe('isMinor', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  test('under 18 is a minor; 18 on the day is an adult', () => {
    assert.equal(ADULT_AGE, 18);
    assert.equal(isMinor({ dateOfBirth: '2008-06-16' }, now), true);
    assert.equal(isMinor({ dateOfBirth: '2008-06-15' }, now), false);
  });
  test('a client with no birth date is treated as an adult (their mail goes to them)', () => {
    assert.equal(isMinor({ dateOfBirth: null }, now), false);
  });
});
