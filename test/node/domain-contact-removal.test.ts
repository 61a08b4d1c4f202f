import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contactRemovalEffects } from '../../src/domain/contact-removal.js';
import type { Contact } from '../../src/schemas/index.js';
import { buildContact } from '../../mock-server/fixtures.js';

const now = new Date('2026-06-15T12:00:00Z');
const minor = { dateOfBirth: '2016-01-01' };
const adult = { dateOfBirth: '1980-01-01' };
const contact = (id: string, legalGuardian: boolean, state: Contact['portalUser']['state'] = 'not_enrolled'): Contact => buildContact({ id, legalGuardian, portalUser: { state } });

describe('contactRemovalEffects', () => {
  test('says which portal access ends', () => {
    assert.equal(contactRemovalEffects(contact('a', false, 'active'), adult, [], now).portalAccess, 'active');
    assert.equal(contactRemovalEffects(contact('a', false, 'invited'), adult, [], now).portalAccess, 'invited');
    assert.equal(contactRemovalEffects(contact('a', false), adult, [], now).portalAccess, null);
  });
  test('removing a minor’s last legal guardian leaves invitations nowhere to go', () => {
    const mom = contact('mom', true);
    const dad = contact('dad', true);
    assert.deepEqual(contactRemovalEffects(mom, minor, [mom], now), { portalAccess: null, guardianEmailsStop: true, lastLegalGuardian: true });
    assert.deepEqual(contactRemovalEffects(mom, minor, [mom, dad], now), { portalAccess: null, guardianEmailsStop: true, lastLegalGuardian: false });
    assert.deepEqual(contactRemovalEffects(mom, adult, [mom], now), { portalAccess: null, guardianEmailsStop: false, lastLegalGuardian: false });
  });
});
