import type { ClientSummary, Contact, Invitation, PortalAccess, PracticeSettings } from '../schemas/index.js';
import { isMinor } from './age.js';
import { consentedEmails } from './consented-email.js';
import { suggestEmailCorrection } from './email-typo.js';
import { invitationRecipients } from './invitation-recipients.js';
import { latest } from './resend-cooldown.js';

export type FindingSeverity = 'blocker' | 'warning' | 'info' | 'ok';

export type FindingId =
  | 'portal_off'
  | 'no_email'
  | 'no_consent'
  | 'no_legal_guardian'
  | 'email_typo'
  | 'bounced'
  | 'marked_spam'
  | 'invitation_expired'
  | 'access_disabled'
  | 'not_invited'
  | 'never_signed_in'
  | 'signed_in';

/**
 * The one action that unblocks a finding. `guardians_section`: guardians and their addresses are
 * edited where contacts are managed (`<guardian-manager>`), which the widget asks through an event.
 */
export type DiagnosisFix = 'turn_portal_on' | 'change_email' | 'send_invitation' | 'copy_portal_link' | 'guardians_section';

export interface Finding {
  id: FindingId;
  severity: FindingSeverity;
  fix: DiagnosisFix | null;
  /** Whose address the finding is about: the client's own, or a legal guardian's. */
  about?: 'client' | 'guardian';
  /** The address concerned (mistyped, bounced, marked as spam). */
  address?: string;
  /** The address to put in the change-email form: a corrected or an already consented one. */
  suggestion?: string;
  /** The guardian contact whose address is concerned. */
  contactId?: string;
  /** When it happened: invitation sent or expired, access disabled, last sign-in. */
  at?: string;
  /** Whole days since the invitation went out without a sign-in. */
  days?: number;
}

export interface DiagnosisInput {
  practice: Pick<PracticeSettings, 'portalEnabled' | 'minorOwnAccessAge'>;
  client: ClientSummary;
  access: PortalAccess;
  contacts: readonly Contact[];
  now: Date;
}

const DAY_MS = 86_400_000;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The invitations of the most recent send (a minor's go out to every guardian at once). */
function latestBatch(invitations: readonly Invitation[]): Invitation[] {
  const last = latest(invitations.map((i) => i.sentAt));
  return last ? invitations.filter((i) => i.sentAt === last) : [];
}

/** The client's own finding about missing email or consent, with the address to fix it with. */
function clientEmailFinding(client: ClientSummary, access: PortalAccess): Finding {
  const consented = consentedEmails(client.emails)[0]?.address;
  if (client.emails.length === 0 && !access.email) return { id: 'no_email', severity: 'blocker', fix: 'change_email', about: 'client' };
  // A consented address exists but the portal uses another one: offer it; otherwise consent is missing.
  const suggestion = consented ?? access.email ?? client.emails[0]?.address;
  return { id: 'no_consent', severity: 'blocker', fix: 'change_email', about: 'client', ...(suggestion ? { suggestion } : {}) };
}

/** No guardian address with consent: names the guardian to fix (the first with an address to consent to, else the first). */
function guardianEmailFinding(guardians: readonly Contact[]): Finding {
  const withAddress = guardians.find((g) => g.emails.length > 0);
  const contactId = (withAddress ?? guardians[0])?.id;
  return { id: withAddress ? 'no_consent' : 'no_email', severity: 'blocker', fix: 'guardians_section', about: 'guardian', ...(contactId ? { contactId } : {}) };
}

/**
 * Runs the checklist every vendor's help center leaves to staff ("the family never got the
 * email") and returns what it found, in the order things block: the practice's portal switch,
 * an address with consent, a legal guardian for a minor, a mistyped address, the fate of the last
 * invitation, its expiry, disabled access, a missing invitation, and a long wait without sign-in.
 * Each finding names the one fix that unblocks it. "Signed in fine" closes the list when nothing
 * blocks.
 */
export function diagnosePortalAccess({ practice, client, access, contacts, now }: DiagnosisInput): Finding[] {
  const findings: Finding[] = [];
  const plan = invitationRecipients(client, access, contacts, practice, now);
  const minor = isMinor(client, now);
  const guardians = contacts.filter((c) => c.legalGuardian);

  if (!practice.portalEnabled) findings.push({ id: 'portal_off', severity: 'blocker', fix: 'turn_portal_on' });

  if (plan.blocker === 'no_consented_email') findings.push(minor && guardians.length > 0 ? guardianEmailFinding(guardians) : clientEmailFinding(client, access));
  if (plan.blocker === 'no_legal_guardian') findings.push({ id: 'no_legal_guardian', severity: 'blocker', fix: 'guardians_section' });

  const isClientAddress = (address: string) => (access.email !== null && same(access.email, address)) || client.emails.some((e) => same(e.address, address));
  const guardianOf = (address: string) => guardians.find((g) => g.emails.some((e) => same(e.address, address)));
  const aboutAddress = (address: string): Pick<Finding, 'about' | 'contactId'> => {
    if (isClientAddress(address)) return { about: 'client' };
    const guardian = guardianOf(address);
    return guardian ? { about: 'guardian', contactId: guardian.id } : { about: 'client' };
  };
  const fixFor = (about: Finding['about']): DiagnosisFix => (about === 'guardian' ? 'guardians_section' : 'change_email');

  // Addresses mail goes (or would go) to: the portal address and every guardian recipient.
  const addresses = [...(access.email ? [access.email] : []), ...plan.recipients.map((r) => r.address)];
  const checked = new Set<string>();
  for (const address of addresses) {
    const key = address.toLowerCase();
    if (checked.has(key)) continue;
    checked.add(key);
    const suggestion = suggestEmailCorrection(address);
    if (!suggestion) continue;
    const who = aboutAddress(address);
    findings.push({ id: 'email_typo', severity: 'warning', fix: fixFor(who.about), address, suggestion, ...who });
  }

  const batch = latestBatch(access.invitations);
  const waiting = access.state === 'invited';
  let invitationFailed = false;
  if (waiting) {
    for (const invitation of batch) {
      if (invitation.delivery !== 'bounced' && invitation.delivery !== 'complained') continue;
      invitationFailed = true;
      const who = aboutAddress(invitation.to);
      const suggestion = suggestEmailCorrection(invitation.to);
      findings.push({
        id: invitation.delivery === 'bounced' ? 'bounced' : 'marked_spam',
        severity: invitation.delivery === 'bounced' ? 'blocker' : 'warning',
        // Spam complaints are fixed by the recipient ("Not spam"), then a fresh invitation.
        fix: invitation.delivery === 'bounced' ? fixFor(who.about) : 'send_invitation',
        address: invitation.to,
        at: invitation.sentAt,
        ...(suggestion && invitation.delivery === 'bounced' ? { suggestion } : {}),
        ...who,
      });
    }
  }

  const expiredAt = batch.length > 0 && batch.every((i) => Date.parse(i.expiresAt) <= now.getTime()) ? batch[0]!.expiresAt : null;
  if (waiting && expiredAt) findings.push({ id: 'invitation_expired', severity: 'blocker', fix: 'send_invitation', at: expiredAt });

  if (access.state === 'disabled') findings.push({ id: 'access_disabled', severity: 'blocker', fix: 'send_invitation', ...(access.disabledAt ? { at: access.disabledAt } : {}) });
  if (access.state === 'not_invited' && plan.blocker === null) findings.push({ id: 'not_invited', severity: 'warning', fix: 'send_invitation' });

  if (waiting && !invitationFailed && !expiredAt && batch.length > 0) {
    // The wait is counted from the latest invitation: after a resend (or a new address) the family
    // gets a fresh link, and staff are told about that one, not about one it replaced.
    const sentAt = batch[0]!.sentAt;
    const days = Math.max(0, Math.floor((now.getTime() - Date.parse(sentAt)) / DAY_MS));
    findings.push({
      id: 'never_signed_in',
      severity: days >= 1 ? 'warning' : 'info',
      // Someone who signed in before gets no resend (the rule): give them the link instead.
      fix: access.firstSignInAt ? 'copy_portal_link' : 'send_invitation',
      at: sentAt,
      days,
    });
  }

  if (access.state === 'active' && !findings.some((f) => f.severity === 'blocker')) {
    findings.push({ id: 'signed_in', severity: 'ok', fix: 'copy_portal_link', ...(access.lastSignInAt ? { at: access.lastSignInAt } : {}) });
  }
  return findings;
}
