import { BULK_FINDINGS, type OverviewFinding, type BulkFinding, type BulkSkipReason } from '../schemas/index.js';
import { invitationDecision } from './invitation-rules.js';
import { invitationRecipients, type Recipient } from './invitation-recipients.js';
import { diagnosePortalAccess, type DiagnosisInput, type Finding, type FindingId } from './portal-diagnosis.js';

/**
 * The diagnosis run over every client (DESIGN.md, "Practice level"). Nothing here is a second copy
 * of a rule: a client's findings are `diagnosePortalAccess`'s, and whether a bulk send may reach a
 * client is decided by the same invitation, recipient, cooldown and typo rules a single send uses.
 */

/** An invitation counts as unanswered after this many whole days without a sign-in (before that it is simply fresh). */
export const UNANSWERED_AFTER_DAYS = 3;

/** The schema's finding ids and the diagnosis's are one vocabulary: this fails to compile if they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameVocabulary: Same<OverviewFinding, FindingId> = true;
void sameVocabulary;

/**
 * The findings the overview counts for one client: the diagnosis, less a "not signed in yet"
 * for an invitation younger than `unansweredAfterDays` (a family invited this morning is not a
 * problem yet).
 */
export function overviewFindings(findings: readonly Finding[], unansweredAfterDays = UNANSWERED_AFTER_DAYS): Finding[] {
  return findings.filter((f) => f.id !== 'never_signed_in' || (f.days ?? 0) >= unansweredAfterDays);
}

/**
 * The findings whose whole group may get one bulk invitation. Not bounced addresses or spam
 * complaints (the address or the family's mail filter must change first), not disabled access
 * (someone ended it on purpose), not mistyped addresses (corrected one by one): those are fixed
 * client by client.
 */
export { BULK_FINDINGS };
const bulkFindingsAreFindings: readonly FindingId[] = BULK_FINDINGS;
void bulkFindingsAreFindings;

export function isBulkFinding(finding: string): finding is BulkFinding {
  return (BULK_FINDINGS as readonly string[]).includes(finding);
}

export interface BulkInvitationInput extends DiagnosisInput {
  practice: DiagnosisInput['practice'] & { resendCooldownMinutes: number };
}

export type BulkOutcome =
  | { send: true; kind: 'send' | 'resend'; recipients: Recipient[] }
  | { send: false; reason: BulkSkipReason; retryAt?: Date; address?: string; suggestion?: string };

/**
 * Whether a bulk invitation goes to this client, and to whom, or why it skips them. The order
 * matches a single send's: the practice switch, disabled access (re-enabling is a decision about
 * one client), the invitation rules (signed in already, cooldown), who would receive it (consent,
 * a legal guardian), then what the diagnosis says about the addresses: a mistyped one, a bounce
 * or a spam complaint is never sent to again in bulk.
 */
export function bulkInvitationOutcome(input: BulkInvitationInput, findings: readonly Finding[] = diagnosePortalAccess(input)): BulkOutcome {
  const { practice, client, access, contacts, now } = input;
  if (!practice.portalEnabled) return { send: false, reason: 'portal_off' };
  if (access.state === 'disabled') return { send: false, reason: 'access_disabled' };
  const decision = invitationDecision(access, practice, now);
  if (!decision.allowed) {
    if (decision.code === 'resend_cooldown') return { send: false, reason: 'cooldown', ...(decision.retryAt ? { retryAt: decision.retryAt } : {}) };
    return { send: false, reason: decision.code === 'already_signed_in' ? 'already_active' : 'portal_off' };
  }
  const plan = invitationRecipients(client, access, contacts, practice, now);
  if (plan.blocker === 'no_legal_guardian') return { send: false, reason: 'no_recipient' };
  if (plan.blocker === 'no_consented_email' || plan.recipients.length === 0) return { send: false, reason: 'no_consent' };
  const typo = findings.find((f) => f.id === 'email_typo');
  if (typo) return { send: false, reason: 'mistyped_address', ...(typo.address ? { address: typo.address } : {}), ...(typo.suggestion ? { suggestion: typo.suggestion } : {}) };
  if (findings.some((f) => f.id === 'bounced')) return { send: false, reason: 'bounced' };
  if (findings.some((f) => f.id === 'marked_spam')) return { send: false, reason: 'marked_spam' };
  return { send: true, kind: decision.kind, recipients: plan.recipients };
}
