import type { ClientSummary, Contact } from '../schemas/index.js';
import { isMinor } from './age.js';

export interface ContactRemovalEffects {
  /** The portal access that ends with the contact: signing in (`active`), a pending invitation, or none. */
  portalAccess: 'active' | 'invited' | 'disabled' | null;
  /** Portal emails for the minor stop going to this legal guardian. */
  guardianEmailsStop: boolean;
  /** It is the minor's last legal guardian: invitations will have nowhere to go. */
  lastLegalGuardian: boolean;
}

/** What removing a contact takes away, so the confirmation can say it before it happens. */
export function contactRemovalEffects(contact: Contact, client: Pick<ClientSummary, 'dateOfBirth'>, contacts: readonly Contact[], now: Date): ContactRemovalEffects {
  const minor = isMinor(client, now);
  const state = contact.portalUser.state;
  const guardianEmailsStop = minor && contact.legalGuardian;
  return {
    portalAccess: state === 'not_enrolled' ? null : state,
    guardianEmailsStop,
    lastLegalGuardian: guardianEmailsStop && !contacts.some((c) => c.id !== contact.id && c.legalGuardian),
  };
}
