import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changedContactDetails, contactFormValues, validateContactForm, type ContactFormValues } from '../../src/domain/contact-form.js';
import type { Contact } from '../../src/schemas/index.js';
import { buildContact } from '../../mock-server/fixtures.js';

const filled: ContactFormValues = { firstName: ' Dana ', lastName: 'Lopez', relationship: 'mother', legalGuardian: true, email: ' dana@example.com ', emailConsent: true };

const contact: Contact = {
  ...buildContact({
    firstName: 'Dana',
    lastName: 'Lopez',
    relationship: 'mother',
    legalGuardian: true,
    emails: [
      { address: 'work@example.com', consent: false, primary: false },
      { address: 'dana@example.com', consent: true, primary: true },
    ],
  }),
  version: 2,
};

describe('contactFormValues', () => {
  test('a new contact starts empty, optionally pre-set as a legal guardian', () => {
    assert.deepEqual(contactFormValues(), { firstName: '', lastName: '', relationship: '', legalGuardian: false, email: '', emailConsent: false });
    assert.equal(contactFormValues(null, { legalGuardian: true }).legalGuardian, true);
  });
  test('an existing contact shows its primary address and that address’s consent', () => {
    assert.deepEqual(contactFormValues(contact), { firstName: 'Dana', lastName: 'Lopez', relationship: 'mother', legalGuardian: true, email: 'dana@example.com', emailConsent: true });
  });
});

describe('validateContactForm', () => {
  test('trims, and sends the address as primary with its consent', () => {
    const r = validateContactForm(filled);
    assert.ok(r.ok);
    assert.deepEqual(r.input, { firstName: 'Dana', lastName: 'Lopez', relationship: 'mother', legalGuardian: true, emails: [{ address: 'dana@example.com', consent: true, primary: true }] });
  });
  test('an address is optional', () => {
    const r = validateContactForm({ ...filled, email: '  ', emailConsent: true });
    assert.ok(r.ok);
    assert.deepEqual(r.input.emails, []);
  });
  test('names and relationship are required; every problem is reported at once', () => {
    const r = validateContactForm({ ...filled, firstName: '   ', lastName: '', relationship: '', email: 'not-an-address' });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.problems, { firstName: 'required', lastName: 'required', relationship: 'required', email: 'invalid_email' });
  });
  test('names over 200 characters are too long', () => {
    const r = validateContactForm({ ...filled, lastName: 'x'.repeat(201) });
    assert.deepEqual(!r.ok && r.problems, { lastName: 'too_long' });
  });
  test('editing keeps the other addresses, demoted below the edited primary', () => {
    const r = validateContactForm({ ...contactFormValues(contact), email: 'dana.new@example.com' }, contact.emails);
    assert.ok(r.ok);
    assert.deepEqual(r.input.emails, [
      { address: 'dana.new@example.com', consent: true, primary: true },
      { address: 'work@example.com', consent: false, primary: false },
    ]);
  });
  test('typing an address that is already one of the others does not duplicate it', () => {
    const r = validateContactForm({ ...contactFormValues(contact), email: 'WORK@example.com', emailConsent: true }, contact.emails);
    assert.ok(r.ok);
    assert.deepEqual(r.input.emails, [{ address: 'WORK@example.com', consent: true, primary: true }]);
  });
  test('clearing the primary address promotes the next one', () => {
    const r = validateContactForm({ ...contactFormValues(contact), email: '' }, contact.emails);
    assert.ok(r.ok);
    assert.deepEqual(r.input.emails, [{ address: 'work@example.com', consent: false, primary: true }]);
  });
});

describe('changedContactDetails', () => {
  test('names what differs', () => {
    assert.deepEqual(changedContactDetails(contact, contact), []);
    assert.deepEqual(changedContactDetails(contact, { ...contact, lastName: 'Diaz', legalGuardian: false, emails: [] }), ['name', 'legalGuardian', 'emails']);
    assert.deepEqual(changedContactDetails(contact, { ...contact, relationship: 'guardian' }), ['relationship']);
  });
});
