import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guardianAdvice } from '../../src/domain/guardian-advice.js';
import type { ClientSummary } from '../../src/schemas/index.js';
import { buildClientSummary } from '../../mock-server/fixtures.js';

const now = new Date('2026-06-15T12:00:00Z');
const practice = { minorOwnAccessAge: 13 };
const person = (dateOfBirth: string | null, consent = true): ClientSummary => buildClientSummary({ dateOfBirth, emails: [{ address: 'sam@example.com', consent, primary: true }] });

describe('guardianAdvice', () => {
  test('a minor without a legal guardian is flagged; a non-guardian parent does not count', () => {
    assert.equal(guardianAdvice(person('2016-01-01'), [{ legalGuardian: false }], practice, now).missingLegalGuardian, true);
    assert.equal(guardianAdvice(person('2016-01-01'), [{ legalGuardian: true }], practice, now).missingLegalGuardian, false);
    assert.equal(guardianAdvice(person('1990-01-01'), [], practice, now).missingLegalGuardian, false);
  });
  test('an adult with a consented address should be the primary portal user', () => {
    assert.equal(guardianAdvice(person('1990-01-01'), [], practice, now).clientShouldBePrimaryUser, true);
    assert.equal(guardianAdvice(person('1990-01-01', false), [], practice, now).clientShouldBePrimaryUser, false);
    assert.equal(guardianAdvice(person(null), [], practice, now).clientShouldBePrimaryUser, true, 'no birth date: treated as an adult');
    assert.equal(guardianAdvice(person('2016-01-01'), [], practice, now).clientShouldBePrimaryUser, false);
  });
  test('from the practice’s own-access age on, the guardian’s view is partial', () => {
    assert.equal(guardianAdvice(person('2013-06-16'), [], practice, now).partialGuardianView, null, 'turns 13 tomorrow');
    assert.deepEqual(guardianAdvice(person('2013-06-15'), [], practice, now).partialGuardianView, { age: 13, ownAccessAge: 13 });
    assert.deepEqual(guardianAdvice(person('2013-06-16'), [], { minorOwnAccessAge: 12 }, now).partialGuardianView, { age: 12, ownAccessAge: 12 });
    assert.equal(guardianAdvice(person('2000-01-01'), [], practice, now).partialGuardianView, null, 'adults are not minors');
  });
});
