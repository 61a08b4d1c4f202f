import * as z from 'zod/mini';
import { ContactInput, HIDDEN_NAME_CHARACTERS, type ClientEmail, type Contact, type Relationship } from '../schemas/index.js';

/** What the add / edit contact form holds: one address (the primary) with its consent. */
export interface ContactFormValues {
  firstName: string;
  lastName: string;
  /** Empty until the person picks one. */
  relationship: Relationship | '';
  legalGuardian: boolean;
  email: string;
  /** "Email ok": the person agreed to receive email at `email`. */
  emailConsent: boolean;
}

export type ContactField = 'firstName' | 'lastName' | 'relationship' | 'email';
/** `line_breaks` and `hidden_characters`: a name holding characters the API refuses (see `HIDDEN_NAME_CHARACTERS`). */
export type ContactFieldProblem = 'required' | 'too_long' | 'invalid_email' | 'line_breaks' | 'hidden_characters';

/** The names as stored: a name field left as it was is sent back exactly so. */
export type StoredNames = Partial<Pick<Contact, 'firstName' | 'lastName'>>;
type NameField = keyof StoredNames;
const NAME_FIELDS: readonly NameField[] = ['firstName', 'lastName'];
const LINE_BREAKS = /[\n\r\u2028\u2029]/;

export type ContactValidation = { ok: true; input: ContactInput } | { ok: false; problems: Partial<Record<ContactField, ContactFieldProblem>> };

/** Form fields in the order they appear, so the first invalid one can take focus. */
export const CONTACT_FIELDS: readonly ContactField[] = ['firstName', 'lastName', 'relationship', 'email'];

const primaryOf = (emails: readonly ClientEmail[]) => emails.find((e) => e.primary) ?? emails[0];

/** The form for a new contact (optionally pre-set as a legal guardian) or an existing one. */
export function contactFormValues(contact?: Pick<Contact, 'firstName' | 'lastName' | 'relationship' | 'legalGuardian' | 'emails'> | null, preset: { legalGuardian?: boolean } = {}): ContactFormValues {
  const primary = contact ? primaryOf(contact.emails) : undefined;
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    relationship: contact?.relationship ?? '',
    legalGuardian: contact?.legalGuardian ?? preset.legalGuardian ?? false,
    email: primary?.address ?? '',
    emailConsent: primary?.consent ?? false,
  };
}

/**
 * What an `<input>` can show of a stored name: an input drops line breaks silently (gluing the
 * words), so line breaks and tabs show as a space and other hidden characters not at all. What the
 * person then types is what is sent; a name left untouched is sent as stored.
 */
export function visibleName(name: string): string {
  return name.replace(/[\t\n\r\u2028\u2029]+/g, ' ').replace(new RegExp(HIDDEN_NAME_CHARACTERS.source, 'g'), '');
}

/** Why the API would refuse this name, if it would. */
function nameProblem(name: string): ContactFieldProblem | undefined {
  if (HIDDEN_NAME_CHARACTERS.test(name)) return LINE_BREAKS.test(name) ? 'line_breaks' : 'hidden_characters';
  if (!/\S/.test(name)) return 'required';
  if (name.length > 200) return 'too_long';
  return undefined;
}

/**
 * The stored names the API would refuse if sent back unchanged (legacy data with a line break, say):
 * shown as field problems as soon as the form opens, so the person knows why before saving.
 */
export function storedNameProblems(stored: StoredNames): Partial<Record<ContactField, ContactFieldProblem>> {
  const problems: Partial<Record<ContactField, ContactFieldProblem>> = {};
  for (const field of NAME_FIELDS) {
    const problem = stored[field] === undefined ? undefined : nameProblem(stored[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/**
 * Checks the form against the `ContactInput` schema (the server's own rules) and builds the input
 * to send. The form edits the primary address only; the contact's other addresses are kept as
 * they are (`existingEmails`), so editing a name never loses an address. A name the person did not
 * change (equal to `stored`) is sent exactly as stored, spaces included; a changed one is trimmed.
 */
export function validateContactForm(values: ContactFormValues, existingEmails: readonly ClientEmail[] = [], stored: StoredNames = {}): ContactValidation {
  const address = values.email.trim();
  const primary = primaryOf(existingEmails);
  const others = existingEmails.filter((e) => e !== primary && e.address.toLowerCase() !== address.toLowerCase()).map((e) => ({ ...e, primary: false }));
  const emails: ClientEmail[] = address ? [{ address, consent: values.emailConsent, primary: true }, ...others] : others.map((e, i) => ({ ...e, primary: i === 0 }));
  const name = (field: NameField) => (values[field] === stored[field] ? values[field] : values[field].trim());
  const candidate = { firstName: name('firstName'), lastName: name('lastName'), relationship: values.relationship, legalGuardian: values.legalGuardian, emails };

  const result = z.safeParse(ContactInput, candidate);
  if (result.success) return { ok: true, input: result.data };
  const problems: Partial<Record<ContactField, ContactFieldProblem>> = {};
  for (const issue of result.error.issues) {
    const [head, index] = issue.path;
    if (head === 'firstName' || head === 'lastName') problems[head] ??= nameProblem(candidate[head]) ?? 'required';
    else if (head === 'relationship') problems.relationship ??= 'required';
    else if (head === 'emails' && (index === 0 || index === undefined)) problems.email ??= 'invalid_email';
  }
  return { ok: false, problems };
}

export type ContactDetail = 'name' | 'relationship' | 'legalGuardian' | 'emails';

/** Which details differ between two versions of a contact (to say what someone else changed). */
export function changedContactDetails(before: Pick<Contact, 'firstName' | 'lastName' | 'relationship' | 'legalGuardian' | 'emails'>, after: typeof before): ContactDetail[] {
  const changed: ContactDetail[] = [];
  if (before.firstName !== after.firstName || before.lastName !== after.lastName) changed.push('name');
  if (before.relationship !== after.relationship) changed.push('relationship');
  if (before.legalGuardian !== after.legalGuardian) changed.push('legalGuardian');
  const key = (emails: readonly ClientEmail[]) => emails.map((e) => `${e.address.toLowerCase()}|${e.consent}|${e.primary}`).join(',');
  if (key(before.emails) !== key(after.emails)) changed.push('emails');
  return changed;
}
