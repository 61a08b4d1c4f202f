import type { AccessState, BulkSkipReason, OverviewFinding } from '../../schemas/index.js';
import { defineMessages } from '../../i18n/messages.js';
import { formatCount as n, joinList } from '../../i18n/text.js';

const clients = (count: number) => (count === 1 ? '1 client' : `${n(count, 'en')} clients`);
const emails = (count: number) => (count === 1 ? '1 email' : `${n(count, 'en')} emails`);
const families = (count: number) => (count === 1 ? '1 family' : `${n(count, 'en')} families`);

/** Every string `<portal-practice-overview>` shows, in English (other languages: the sibling `.es.ts` file). */
export const messages = defineMessages('portal-practice-overview', {
  heading: 'Portal access across the practice',
  summary: (total: number) => `${clients(total)}: who got into the portal, and what holds the others back.`,
  portalOff: 'The client portal is off for the whole practice: nobody can sign in or receive invitations until it is turned on again.',
  funnel: 'Clients by portal access',
  state: (state: AccessState) => ({ not_invited: 'Not invited', invited: 'Invited', active: 'Active', disabled: 'Disabled' })[state],
  stageCount: (count: number) => clients(count),
  heldBy: 'Held by',
  nothingHolds: 'Nothing holds these clients back.',
  finding: (finding: OverviewFinding) =>
    ({
      portal_off: 'Portal off for the practice',
      no_email: 'No email address',
      no_consent: 'No email with consent',
      no_legal_guardian: 'Minor without a legal guardian',
      email_typo: 'Address looks mistyped',
      bounced: 'Invitation bounced',
      marked_spam: 'Marked as spam',
      invitation_expired: 'Invitation link expired',
      access_disabled: 'Access disabled',
      not_invited: 'Never invited',
      never_signed_in: 'Invited, never signed in',
      signed_in: 'Signed in',
    })[finding],
  findingButton: (label: string, count: number) => `${label}: ${clients(count)}`,
  /** What the finding's list is for, under its heading. */
  findingHelp: (finding: OverviewFinding, days: number) =>
    ({
      portal_off: 'Turn the portal on in the practice settings.',
      no_email: 'Add an address on the client’s page (for a minor: the legal guardian’s).',
      no_consent: 'Record consent, or use an address the client agreed to, on the client’s page.',
      no_legal_guardian: 'Add a legal guardian on the client’s page: a minor’s invitations go to them.',
      email_typo: 'Never sent in bulk. Correct each address on the client’s page; the likely one is suggested.',
      bounced: 'Never sent in bulk. Fix the address on the client’s page, then invite again.',
      marked_spam: 'Never sent in bulk. Ask the family to mark the email as not spam, then send it again.',
      invitation_expired: 'Send a new invitation: the old link no longer works.',
      access_disabled: 'Someone ended this access on purpose: restore it client by client.',
      not_invited: 'These clients can be invited now.',
      never_signed_in: `Invited ${days === 1 ? '1 day' : `${n(days, 'en')} days`} ago or more and never signed in.`,
      signed_in: 'These clients have signed in.',
    })[finding],
  listHeading: (label: string, total: number) => `${label}: ${clients(total)}`,
  close: 'Close list',
  filterLabel: 'Filter by name',
  noMatch: 'No client in this list matches that name.',
  empty: 'No client has this finding.',
  name: 'Client',
  evidence: 'Details',
  fix: 'Fix',
  evidenceTypo: (address: string, suggestion: string) => `${address}: did you mean ${suggestion}?`,
  evidenceBounced: (address: string, when: string) => `Sent to ${address} ${when}; it bounced.`,
  evidenceSpam: (address: string, when: string) => `${address} marked the invitation as spam (${when}).`,
  evidenceExpired: (when: string) => `Link expired ${when}.`,
  evidenceDisabled: (when: string) => `Disabled ${when}.`,
  evidenceWaiting: (days: number) => `Invited ${days === 1 ? '1 day' : `${n(days, 'en')} days`} ago.`,
  evidenceSignedIn: (when: string) => `Last sign-in ${when}.`,
  evidenceGuardian: 'About a legal guardian’s address.',
  evidenceConsented: (address: string) => `Consented address: ${address}.`,
  sendInvitation: 'Send invitation',
  openClient: 'Open client',
  openClientFor: (name: string) => `Open client: ${name}`,
  sendInvitationFor: (name: string) => `Send invitation: ${name}`,
  invitationSent: (name: string) => `Invitation sent to ${name}.`,
  pageStatus: (from: number, to: number, total: number) => `${n(from, 'en')}–${n(to, 'en')} of ${n(total, 'en')}`,
  previous: 'Previous',
  next: 'Next',
  paging: 'Pages',

  bulkInvite: (finding: OverviewFinding) => (finding === 'not_invited' ? 'Invite all…' : 'Resend to all…'),
  bulkTitle: (label: string) => `Invitations for “${label}”`,
  bulkChecking: 'Checking who can be sent an invitation…',
  /** "Sends 14 emails to 12 families; 3 skipped: 2 in cooldown, 1 has no consented email." */
  bulkPreview: (emailCount: number, familyCount: number) => `Sends ${emails(emailCount)} to ${families(familyCount)}`,
  bulkDone: (emailCount: number, familyCount: number) => `Sent ${emails(emailCount)} to ${families(familyCount)}`,
  bulkNothing: 'Nothing to send',
  skippedPart: (count: number, reasons: readonly string[]) => `${n(count, 'en')} skipped: ${joinList(reasons, 'en')}`,
  skipReason: (reason: BulkSkipReason, count: number) =>
    ({
      portal_off: `${n(count, 'en')} while the portal is off`,
      access_disabled: `${n(count, 'en')} with access disabled`,
      already_active: `${n(count, 'en')} signed in before`,
      cooldown: `${n(count, 'en')} in cooldown`,
      no_consent: `${n(count, 'en')} ${count === 1 ? 'has' : 'have'} no consented email`,
      no_recipient: `${n(count, 'en')} without a legal guardian`,
      mistyped_address: `${n(count, 'en')} with a mistyped address`,
      bounced: `${n(count, 'en')} bounced`,
      marked_spam: `${n(count, 'en')} marked as spam`,
    })[reason],
  bulkRemaining: (sent: number, remaining: number) => `This handles the first ${families(sent)}; ${n(remaining, 'en')} more are left for the next run.`,
  bulkConfirm: (emailCount: number) => `Send ${emails(emailCount)}`,
  cancel: 'Cancel',
  done: 'Done',
  notAllowed: 'Your role may not send invitations.',
});

export type PracticeOverviewMessages = (typeof messages)['en'];

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    'portal-practice-overview': (typeof messages)['en'];
  }
}
