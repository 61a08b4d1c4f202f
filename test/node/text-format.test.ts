import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, joinList } from '../../src/i18n/text.js';

describe('catalog text helpers', () => {
  it('group digits and join lists the way each language does', () => {
    assert.equal(formatCount(10000, 'en'), '10,000');
    assert.equal(formatCount(10000, 'es'), (10000).toLocaleString('es'));
    assert.equal(joinList(['a', 'b', 'c'], 'en'), 'a, b, and c');
    assert.equal(joinList(['a', 'b', 'c'], 'es'), 'a, b y c');
    // A second call in another language is not served the first language's formatter.
    assert.equal(formatCount(1234.5, 'en'), '1,234.5');
    assert.equal(joinList(['x', 'y'], 'es'), 'x y y');
  });
});
