import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { correctDomain, editDistance, suggestEmailCorrection } from '../../src/domain/email-typo.js';

describe('editDistance', () => {
  test('counts insertions, deletions, substitutions and neighbour swaps as one step each', () => {
    assert.equal(editDistance('gmail', 'gmail'), 0);
    assert.equal(editDistance('gmial', 'gmail'), 1);
    assert.equal(editDistance('gmal', 'gmail'), 1);
    assert.equal(editDistance('gmaill', 'gmail'), 1);
    assert.equal(editDistance('gnail', 'gmail'), 1);
    assert.equal(editDistance('cmo', 'com'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('suggestEmailCorrection', () => {
  const cases: [string, string][] = [
    ['emery.typo@gmial.com', 'emery.typo@gmail.com'],
    ['ana@gamil.com', 'ana@gmail.com'],
    ['ana@gmai.com', 'ana@gmail.com'],
    ['ana@gmail.cmo', 'ana@gmail.com'],
    ['ana@gmail.con', 'ana@gmail.com'],
    ['ana@gmail.co', 'ana@gmail.com'],
    ['ana@gmailcom', 'ana@gmail.com'],
    ['ana@gmial.cmo', 'ana@gmail.com'],
    ['ana@yaho.com', 'ana@yahoo.com'],
    ['ana@yahooo.com', 'ana@yahoo.com'],
    ['ana@hotmial.com', 'ana@hotmail.com'],
    ['ana@hotmal.com', 'ana@hotmail.com'],
    ['ana@outlok.com', 'ana@outlook.com'],
    ['ana@iclod.com', 'ana@icloud.com'],
    ['ana@aol.cmo', 'ana@aol.com'],
    ['ana@comcast.nte', 'ana@comcast.net'],
    ['ana@comcats.net', 'ana@comcast.net'],
    ['ana@protonmial.com', 'ana@protonmail.com'],
    ['ana@riverbend-counseling.ocm', 'ana@riverbend-counseling.com'],
    ['ana@acme.cm', 'ana@acme.com'],
    ['ana@acme.org', ''],
  ];
  for (const [typed, meant] of cases) {
    test(`${typed} → ${meant || 'no suggestion'}`, () => assert.equal(suggestEmailCorrection(typed), meant || null));
  }

  test('keeps the local part exactly as typed, upper case and all', () => {
    assert.equal(suggestEmailCorrection('  Ana.Lopez+portal@GMIAL.COM '), 'Ana.Lopez+portal@gmail.com');
  });

  test('leaves well-known and ordinary addresses alone', () => {
    for (const ok of ['a@gmail.com', 'a@yahoo.co.uk', 'a@hotmail.co.uk', 'a@mail.com', 'a@email.com', 'a@ymail.com', 'a@proton.me', 'a@example.com', 'a@riverbend-counseling.test', 'a@uni.edu']) {
      assert.equal(suggestEmailCorrection(ok), null, ok);
    }
  });

  test('does not "correct" short or unrelated domains that merely look similar', () => {
    // aon.com, att.com and life.com are real; three- and four-letter provider names are not guessed at.
    for (const ok of ['a@aon.com', 'a@att.com', 'a@life.com', 'a@horizon.com', 'a@outlook.fr', 'a@yahoo.de', 'a@gmx.de']) {
      assert.equal(suggestEmailCorrection(ok), null, ok);
    }
  });

  test('a country-code TLD under a generic second level is real (company.com.cm)', () => {
    assert.equal(correctDomain('company.com.cm'), null);
    assert.equal(correctDomain('company.cm'), 'company.com');
  });

  test('answers null for things that are not addresses', () => {
    for (const bad of ['', 'no-at-sign', '@gmial.com', 'ana@']) assert.equal(suggestEmailCorrection(bad), null, bad);
  });
});
