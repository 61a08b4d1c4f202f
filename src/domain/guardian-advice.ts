import type { ClientSummary, Contact, PracticeSettings } from '../schemas/index.js';
import { ageOn, isMinor } from './age.js';
import { consentedEmails } from './consented-email.js';

export interface GuardianAdvice {
  /** A minor with no legal guardian: portal emails have nowhere to go (Ambiki). */
  missingLegalGuardian: boolean;
  /** An adult with an address they agreed to email at should be the primary portal user themself (seed 004). */
  clientShouldBePrimaryUser: boolean;
  /** A minor at or over the practice's own-access age: guardians see only part of the portal. */
  partialGuardianView: { age: number; ownAccessAge: number } | null;
}

/** What staff should be told about who uses the portal for this client. */
export function guardianAdvice(client: ClientSummary, contacts: readonly Pick<Contact, 'legalGuardian'>[], practice: Pick<PracticeSettings, 'minorOwnAccessAge'>, now: Date): GuardianAdvice {
  const minor = isMinor(client, now);
  const age = client.dateOfBirth === null ? null : ageOn(client.dateOfBirth, now);
  return {
    missingLegalGuardian: minor && !contacts.some((c) => c.legalGuardian),
    clientShouldBePrimaryUser: !minor && consentedEmails(client.emails).length > 0,
    partialGuardianView: minor && age !== null && age >= practice.minorOwnAccessAge ? { age, ownAccessAge: practice.minorOwnAccessAge } : null,
  };
}
