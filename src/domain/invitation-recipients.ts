import type { ClientSummary, Contact, PortalAccess, PracticeSettings, ProblemCode } from '../schemas/index.js';
import { ageOn, isMinor } from './age.js';
import { consentedEmails, hasConsent } from './consented-email.js';

export interface Recipient {
  /** `client` for the client's own address, or the id of a legal guardian contact. */
  who: 'client' | string;
  address: string;
}

/** Why nobody can receive portal email (the API declares them for each operation that emails). */
export const RECIPIENT_BLOCKERS = ['no_consented_email', 'no_legal_guardian'] as const satisfies readonly ProblemCode[];

export interface RecipientPlan {
  recipients: Recipient[];
  /** Why nobody can be invited, when `recipients` is empty. */
  blocker: (typeof RECIPIENT_BLOCKERS)[number] | null;
}

/**
 * Who portal emails for a client go to. An adult gets them at the portal address (if consented);
 * a minor's go to every legal guardian with a consented address (Ambiki), and, once the minor has
 * reached the practice's own-access age, to the minor's own consented portal address too.
 */
export function invitationRecipients(
  client: ClientSummary,
  access: Pick<PortalAccess, 'email'>,
  contacts: readonly Contact[],
  practice: Pick<PracticeSettings, 'minorOwnAccessAge'>,
  now: Date,
): RecipientPlan {
  const own: Recipient[] = [];
  const portalEmail = access.email ?? consentedEmails(client.emails)[0]?.address ?? null;
  if (portalEmail && hasConsent(client.emails, portalEmail)) own.push({ who: 'client', address: portalEmail });

  if (!isMinor(client, now)) {
    return { recipients: own, blocker: own.length ? null : 'no_consented_email' };
  }
  const guardians = contacts.filter((c) => c.legalGuardian);
  if (guardians.length === 0) return { recipients: [], blocker: 'no_legal_guardian' };
  const guardianRecipients = guardians.flatMap((g) => {
    const address = consentedEmails(g.emails)[0]?.address;
    return address ? [{ who: g.id, address }] : [];
  });
  const ownAccess = client.dateOfBirth !== null && ageOn(client.dateOfBirth, now) >= practice.minorOwnAccessAge;
  const recipients = [...guardianRecipients, ...(ownAccess ? own : [])];
  return { recipients, blocker: recipients.length ? null : 'no_consented_email' };
}
