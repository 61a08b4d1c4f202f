import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { Id, Money, Timestamp, pageOf } from './common.js';
import { CardBrand, CardSide } from './billing.js';
import { Relationship } from './contact.js';
import { ClientPermissionKey, PermissionGroup } from './permissions.js';
import { LIST_LIMITS } from './limits.js';
import { StaffRole } from './staff.js';

/**
 * What happened, from a fixed list: one kind per write the API accepts for a client (and a
 * declined payment, which is refused yet worth a record). Nothing else is ever recorded.
 */
export const ACTIVITY_KINDS = [
  'invitation_sent',
  'portal_email_changed',
  'access_disabled',
  'pin_created',
  'permissions_changed',
  'contact_added',
  'contact_updated',
  'contact_removed',
  'portal_user_invited',
  'documents_assigned',
  'document_reminded',
  'document_cancelled',
  'document_completed',
  'card_added',
  'card_removed',
  'card_made_default',
  'insurance_card_uploaded',
  'payment_made',
  'payment_declined',
] as const;
/** `ACTIVITY_KINDS` as a schema; the list stays plain so the activity log's filter builds no schema when it loads. */
export const ActivityKind = lazySchema(() => z.enum(ACTIVITY_KINDS));
export type ActivityKind = z.infer<typeof ActivityKind>;

/**
 * An email address as the trail keeps it: the first character of the local part, `•••`, the
 * domain (`b•••@example.com`). The server masks when it records, so no answer, CSV or log of
 * the trail ever holds a full address; the domain stays, as it is what tells a typo (`gmial.com`).
 */
export const MaskedEmail = lazySchema(() => z.string().check(z.maxLength(254), z.regex(/^[^\s@•]•••@[^\s@]{1,253}$/u)));

const DisplayName = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(401)));

/**
 * A contact as they were named when the entry was recorded: the contact record's own name (what
 * its id identified then), so the entry still reads right after the contact is renamed or removed.
 */
export const ActivityContact = lazySchema(() => z.object({ id: Id, displayName: DisplayName }));
export type ActivityContact = z.infer<typeof ActivityContact>;

/** A document and its template's title at the time (a practice's template, not free text). */
export const ActivityDocument = lazySchema(() => z.object({ id: Id, title: z.string().check(z.maxLength(300)) }));
export type ActivityDocument = z.infer<typeof ActivityDocument>;

const ActivityCard = lazySchema(() => z.object({ brand: CardBrand, last4: z.string().check(z.regex(/^\d{4}$/)) }));

/** Who did it: a staff member (as signed in then), the client, or one of the client's portal users. */
export const ActivityActor = lazySchema(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff'), id: Id, displayName: z.string().check(z.minLength(1), z.maxLength(200)), role: StaffRole }),
  z.object({ type: z.literal('client') }),
  z.object({ type: z.literal('portal_user'), contactId: Id, displayName: DisplayName }),
]));
export type ActivityActor = z.infer<typeof ActivityActor>;

/** One permission that a `permissions_changed` entry changed: the client's own (`portalUser` null) or a portal user's group. */
export const PermissionChange = lazySchema(() => z.object({
  portalUser: z.nullable(ActivityContact),
  permission: z.union([ClientPermissionKey, PermissionGroup]),
  before: z.boolean(),
  after: z.boolean(),
}));
export type PermissionChange = z.infer<typeof PermissionChange>;

/** The contact fields an update changed (names of fields, never their values). */
export const ContactField = lazySchema(() => z.enum(['name', 'relationship', 'legalGuardian', 'emails']));
export type ContactField = z.infer<typeof ContactField>;

/** Why an invitation went out: sent on its own, by "Disable and Resend", or with documents to a client without access. */
export const InvitationCause = lazySchema(() => z.enum(['invitation', 'email_change', 'documents']));
export type InvitationCause = z.infer<typeof InvitationCause>;

const base = {
  id: Id,
  at: Timestamp,
  clientId: Id,
  actor: ActivityActor,
};

const entry = <K extends ActivityKind, S extends z.core.$ZodLooseShape>(kind: K, shape: S) => z.object({ ...base, kind: z.literal(kind), ...shape });

const ids = (max: number) => z.array(Id).check(z.maxLength(max));

/**
 * One record of the activity trail: when, who, what (a kind) and the ids involved, with what a
 * reader needs to make sense of them later (masked addresses, the contact's name then, the
 * document's title, before and after values). Never free text from a form: no invitation
 * message, no typed note, no card number, no PIN.
 */
export const ActivityEntry = lazySchema(() => z.discriminatedUnion('kind', [
  entry('invitation_sent', {
    recipients: z.array(MaskedEmail).check(z.minLength(1), z.maxLength(LIST_LIMITS.contacts + 1)),
    /** The guardians or portal users it went to (for a minor); empty when it went to the client. */
    contactIds: ids(LIST_LIMITS.contacts),
    /** An invitation had been sent before. */
    resend: z.boolean(),
    cause: InvitationCause,
  }),
  entry('portal_email_changed', {
    from: z.nullable(MaskedEmail),
    to: MaskedEmail,
    scope: z.enum(['portal', 'primary']),
    /** Access at the old address ended and the new one was invited (an `invitation_sent` follows). */
    disableAndResend: z.boolean(),
  }),
  entry('access_disabled', {}),
  entry('pin_created', { expiresAt: Timestamp }),
  entry('permissions_changed', { changes: z.array(PermissionChange).check(z.maxLength(LIST_LIMITS.permissionChanges)) }),
  entry('contact_added', { contact: ActivityContact, relationship: Relationship, legalGuardian: z.boolean() }),
  entry('contact_updated', { contact: ActivityContact, fields: z.array(ContactField).check(z.maxLength(4)) }),
  entry('contact_removed', { contact: ActivityContact, wasPortalUser: z.boolean() }),
  entry('portal_user_invited', { contact: ActivityContact, to: MaskedEmail, resend: z.boolean() }),
  entry('documents_assigned', {
    documents: z.array(ActivityDocument).check(z.minLength(1), z.maxLength(LIST_LIMITS.templates)),
    emailsSent: z.int().check(z.nonnegative()),
    portalAccessGranted: z.boolean(),
  }),
  entry('document_reminded', { document: ActivityDocument, emailsSent: z.int().check(z.nonnegative()) }),
  entry('document_cancelled', { document: ActivityDocument }),
  entry('document_completed', { document: ActivityDocument }),
  entry('card_added', { paymentMethodId: Id, card: ActivityCard, isDefault: z.boolean() }),
  entry('card_removed', { paymentMethodId: Id, card: ActivityCard }),
  entry('card_made_default', { paymentMethodId: Id, card: ActivityCard }),
  entry('insurance_card_uploaded', { paymentMethodId: Id, side: CardSide }),
  entry('payment_made', { paymentId: Id, amount: Money, card: ActivityCard, invoiceIds: ids(LIST_LIMITS.invoices) }),
  entry('payment_declined', { amount: Money, card: ActivityCard, invoiceIds: ids(LIST_LIMITS.invoices) }),
]));
export type ActivityEntry = z.infer<typeof ActivityEntry>;

/** One page of a client's trail, newest first. */
export const ActivityPage = lazySchema(() => pageOf(ActivityEntry));
export type ActivityPage = z.infer<typeof ActivityPage>;
