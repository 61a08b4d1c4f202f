import type { ClientSummary, Contact, PortalAccess, PracticeSettings, ProblemCode } from '../schemas/index.js';
import { assignmentEmailCount } from './document-rules.js';
import { invitationRecipients, type Recipient } from './invitation-recipients.js';

/** Every code `assignmentPlan` can block with. */
export const ASSIGNMENT_BLOCKERS = ['portal_off_for_practice', 'access_disabled', 'no_consented_email', 'no_legal_guardian'] as const satisfies readonly ProblemCode[];
export type AssignmentBlocker = (typeof ASSIGNMENT_BLOCKERS)[number];

export interface AssignmentPlan {
  /** Who the emails go to: the client, or a minor's legal guardians. */
  recipients: Recipient[];
  /** The client has no portal access yet: sharing documents grants it and invites every recipient. */
  grantsAccess: boolean;
  /** Emails the assignment sends: one per document per recipient, plus the invitations. */
  emailCount: number;
  /** Why nothing can be assigned; `null` when it can. */
  blocker: AssignmentBlocker | null;
}

/**
 * What assigning `documentCount` documents to a client will do, computed before anything is sent so
 * staff can read "this sends N emails to …" and the number is the one the server then sends.
 */
export function assignmentPlan(
  documentCount: number,
  client: ClientSummary,
  access: Pick<PortalAccess, 'state' | 'email'>,
  contacts: readonly Contact[],
  practice: Pick<PracticeSettings, 'portalEnabled' | 'minorOwnAccessAge'>,
  now: Date,
): AssignmentPlan {
  const plan = invitationRecipients(client, access, contacts, practice, now);
  // Staff disabled access on purpose: sharing documents must not quietly undo that.
  const blocker: AssignmentBlocker | null = !practice.portalEnabled ? 'portal_off_for_practice' : access.state === 'disabled' ? 'access_disabled' : plan.blocker;
  const recipients = blocker ? [] : plan.recipients;
  const grantsAccess = access.state === 'not_invited';
  // With no document there is no request at all, so not even the invitation goes out.
  const emailCount = documentCount > 0 ? assignmentEmailCount(documentCount, recipients.length, grantsAccess) : 0;
  return { recipients, grantsAccess, emailCount, blocker };
}
