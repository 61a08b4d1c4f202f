import type { Contact } from '../schemas/index.js';
import { consentedEmails, hasConsent } from './consented-email.js';

/**
 * Where a contact's portal invitation goes: their current portal sign-in address while they still
 * agree to email there, else their first address with consent (primary first); null when none has
 * consent, so nobody can be invited.
 */
export function contactInvitationAddress(contact: Pick<Contact, 'emails' | 'portalUser'>): string | null {
  const current = contact.portalUser.email;
  if (current && hasConsent(contact.emails, current)) return current;
  return consentedEmails(contact.emails)[0]?.address ?? null;
}
