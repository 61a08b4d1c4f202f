import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { EmailAddress, Id, Timestamp, pageOf } from './common.js';
import { AccessState } from './portal-access.js';
import { LIST_LIMITS } from './limits.js';

/**
 * What the diagnosis finds about one client's portal access (`src/domain/portal-diagnosis.ts`),
 * in the order things block. The overview counts clients by these.
 */
export const OverviewFinding = lazySchema(() => z.enum([
  'portal_off',
  'no_email',
  'no_consent',
  'no_legal_guardian',
  'email_typo',
  'bounced',
  'marked_spam',
  'invitation_expired',
  'access_disabled',
  'not_invited',
  'never_signed_in',
  'signed_in',
]));
export type OverviewFinding = z.infer<typeof OverviewFinding>;

/** The one action that unblocks a finding. */
export const OverviewFix = lazySchema(() => z.enum(['turn_portal_on', 'change_email', 'send_invitation', 'copy_portal_link', 'guardians_section']));
export type OverviewFix = z.infer<typeof OverviewFix>;

/**
 * Findings a bulk invitation may be sent for: never invited, invited and not signed in after some
 * days, link expired. A plain list (the overview reads it when it loads, and builds no schema).
 */
export const BULK_FINDINGS = ['not_invited', 'never_signed_in', 'invitation_expired'] as const;
export const BulkFinding = lazySchema(() => z.enum(BULK_FINDINGS));
export type BulkFinding = z.infer<typeof BulkFinding>;

/** Why a bulk invitation skipped a client. */
export const BulkSkipReason = lazySchema(() => z.enum(['portal_off', 'access_disabled', 'already_active', 'cooldown', 'no_consent', 'no_recipient', 'mistyped_address', 'bounced', 'marked_spam']));
export type BulkSkipReason = z.infer<typeof BulkSkipReason>;

const Count = lazySchema(() => z.int().check(z.nonnegative()));

export const FindingCount = lazySchema(() => z.object({ finding: OverviewFinding, clients: Count }));
export type FindingCount = z.infer<typeof FindingCount>;

export const StateCount = lazySchema(() => z.object({
  state: AccessState,
  clients: Count,
  /** What the clients in this state are held by, most clients first (a client may have several). */
  findings: z.array(FindingCount).check(z.maxLength(12)),
}));
export type StateCount = z.infer<typeof StateCount>;

export const PortalOverview = lazySchema(() => z.object({
  totalClients: Count,
  portalEnabled: z.boolean(),
  /** Invitations count as unanswered (`never_signed_in`) after this many days without a sign-in. */
  unansweredAfterDays: Count,
  /** Clients in each access state, in funnel order: not invited, invited, active, disabled. */
  states: z.array(StateCount).check(z.maxLength(4)),
  /** Clients with each finding, in the order things block; findings no client has are listed with 0. */
  findings: z.array(FindingCount).check(z.maxLength(12)),
  computedAt: Timestamp,
}));
export type PortalOverview = z.infer<typeof PortalOverview>;

/** What a finding is based on: the addresses, dates and people concerned. */
export const FindingEvidence = lazySchema(() => z.object({
  about: z.optional(z.enum(['client', 'guardian'])),
  /** The address concerned (mistyped, bounced, marked as spam). */
  address: z.optional(EmailAddress),
  /** The address that was probably meant, or an already consented one. */
  suggestion: z.optional(EmailAddress),
  contactId: z.optional(Id),
  at: z.optional(Timestamp),
  /** Whole days since the invitation went out without a sign-in. */
  days: z.optional(Count),
}));
export type FindingEvidence = z.infer<typeof FindingEvidence>;

export const OverviewClient = lazySchema(() => z.object({
  clientId: Id,
  displayName: z.string().check(z.maxLength(401)),
  state: AccessState,
  finding: OverviewFinding,
  fix: z.nullable(OverviewFix),
  evidence: FindingEvidence,
}));
export type OverviewClient = z.infer<typeof OverviewClient>;

export const OverviewClientPage = lazySchema(() => pageOf(OverviewClient));
export type OverviewClientPage = z.infer<typeof OverviewClientPage>;

const BULK_MAX = LIST_LIMITS.bulkInvitations;

/** Send invitations to a finding's clients, or to chosen clients; `dryRun` says what would happen without sending. */
export const BulkInvitationRequest = lazySchema(() => z.union([
  z.strictObject({ finding: BulkFinding, dryRun: z.boolean() }),
  z.strictObject({ clientIds: z.array(Id).check(z.minLength(1), z.maxLength(BULK_MAX)), dryRun: z.boolean() }),
]));
export type BulkInvitationRequest = z.infer<typeof BulkInvitationRequest>;

export const BulkInvitationOutcome = lazySchema(() => z.object({
  clientId: Id,
  outcome: z.enum(['sent', 'skipped']),
  /** Why it was skipped; absent when sent. */
  reason: z.optional(BulkSkipReason),
  /** Emails this client's invitation took (a minor's go to each legal guardian); 0 when skipped. */
  emails: Count,
  /** For a cooldown: when an invitation may go again. */
  retryAt: z.optional(Timestamp),
}));
export type BulkInvitationOutcome = z.infer<typeof BulkInvitationOutcome>;

export const BulkInvitationResult = lazySchema(() => z.object({
  dryRun: z.boolean(),
  /** Families (clients) sent to, or that would be. */
  sent: Count,
  /** Emails sent, or that would be. */
  emails: Count,
  skipped: Count,
  /** Skipped clients by reason; reasons nobody was skipped for are left out. */
  skippedBy: z.array(z.object({ reason: BulkSkipReason, clients: Count })).check(z.maxLength(9)),
  /** One entry per client handled, in the finding's list order. */
  results: z.array(BulkInvitationOutcome).check(z.maxLength(BULK_MAX)),
  /** Clients of the finding left for another request (a finding larger than one batch). */
  remaining: Count,
}));
export type BulkInvitationResult = z.infer<typeof BulkInvitationResult>;

/** A name search within one finding's clients; a POST so the typed name stays out of URLs. */
export const OverviewClientSearch = lazySchema(() => z.strictObject({
  finding: OverviewFinding,
  /** Clients whose name contains this text, ignoring case and accents. */
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
}));
export type OverviewClientSearch = z.infer<typeof OverviewClientSearch>;
