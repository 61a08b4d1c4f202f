import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changedContactDetails, contactFormValues, storedNameProblems, validateContactForm, visibleName, type ContactFormValues } from '../../src/domain/contact-form.js';
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

describe('untouched names round-trip', () => {
  const legacy: Contact = { ...contact, firstName: 'line1\nline2', lastName: ' Lopez ' };
  test('a name left as stored is sent exactly so, spaces included; a changed one is trimmed', () => {
    const r = validateContactForm({ ...contactFormValues({ ...contact, lastName: ' Lopez ' }), relationship: 'father' }, contact.emails, { ...contact, lastName: ' Lopez ' });
    assert.ok(r.ok);
    assert.equal(r.input.lastName, ' Lopez ');
    assert.equal(r.input.relationship, 'father');
    const typed = validateContactForm({ ...contactFormValues(contact), lastName: ' Lopez Diaz ' }, contact.emails, contact);
    assert.ok(typed.ok);
    assert.equal(typed.input.lastName, 'Lopez Diaz');
  });
  test('a stored name the API refuses is never altered to pass: it is a problem on its field', () => {
    const r = validateContactForm({ ...contactFormValues(legacy), relationship: 'father' }, legacy.emails, legacy);
    assert.deepEqual(!r.ok && r.problems, { firstName: 'line_breaks' });
  });
  test('the problem is known when the form opens', () => {
    assert.deepEqual(storedNameProblems(legacy), { firstName: 'line_breaks' });
    assert.deepEqual(storedNameProblems({ firstName: 'Ana\u202E', lastName: 'bell\u0007' }), { firstName: 'hidden_characters', lastName: 'hidden_characters' });
    assert.deepEqual(storedNameProblems({ firstName: 'Ana\u200F', lastName: ' Lopez ' }), {}, 'direction marks and spaces are fine');
    assert.deepEqual(storedNameProblems(contact), {});
  });
  test('retyped, the name is what the person sees', () => {
    assert.equal(visibleName('line1\nline2'), 'line1 line2');
    assert.equal(visibleName('line1\r\nline2\u0000'), 'line1 line2');
    const r = validateContactForm({ ...contactFormValues(legacy), firstName: 'line1 line2' }, legacy.emails, legacy);
    assert.ok(r.ok);
    assert.equal(r.input.firstName, 'line1 line2');
  });
  test('a blank name is required', () => {
    const r = validateContactForm({ ...filled, firstName: '   ' }, [], { firstName: '   ' });
    assert.deepEqual(!r.ok && r.problems, { firstName: 'required' });
  });
});

describe('changedContactDetails', () => {
  test('names what differs', () => {
    assert.deepEqual(changedContactDetails(contact, contact), []);
    assert.deepEqual(changedContactDetails(contact, { ...contact, lastName: 'Diaz', legalGuardian: false, emails: [] }), ['name', 'legalGuardian', 'emails']);
    assert.deepEqual(changedContactDetails(contact, { ...contact, relationship: 'guardian' }), ['relationship']);
  });
});
