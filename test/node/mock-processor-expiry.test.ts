import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatExpiryInput, parseExpiry } from '../../mock-server/mock-processor.js';

describe('the mock card field formats the expiry as typed', () => {
  test('every way people type November 2030 reads 11/30', () => {
    for (const typed of ['1130', '11/30', '11 / 30', '11 30', '11-30', ' 1130 ']) assert.equal(formatExpiryInput(typed), '11/30', typed);
  });

  test('a one-digit month closed by a separator gets its leading zero', () => {
    assert.equal(formatExpiryInput('1 30'), '01/30');
    assert.equal(formatExpiryInput('1/30'), '01/30');
    assert.equal(formatExpiryInput('1/'), '01/');
    assert.equal(formatExpiryInput('4'), '4');
    assert.equal(formatExpiryInput('43'), '04/3');
  });

  test('keystroke by keystroke, 1130 builds up to 11/30', () => {
    let value = '';
    const seen: string[] = [];
    for (const key of '1130') seen.push((value = formatExpiryInput(value + key)));
    assert.deepEqual(seen, ['1', '11', '11/3', '11/30']);
  });

  test('four-digit years; nothing beyond them', () => {
    assert.equal(formatExpiryInput('112030'), '11/2030');
    assert.equal(formatExpiryInput('11/203099'), '11/2030');
  });

  test('parses what it formats; what is not an expiry stays unparsed for the validation message', () => {
    assert.deepEqual(parseExpiry('1130'), { expMonth: 11, expYear: 2030 });
    assert.deepEqual(parseExpiry('1 30'), { expMonth: 1, expYear: 2030 });
    assert.deepEqual(parseExpiry('11 / 2031'), { expMonth: 11, expYear: 2031 });
    for (const bad of ['', 'abc', '11', '11/3', '113']) assert.equal(parseExpiry(bad), null, bad);
    assert.equal(formatExpiryInput('abc'), 'abc');
  });
});
