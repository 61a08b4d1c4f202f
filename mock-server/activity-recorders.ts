/**
 * How the mock records the activity trail: in one place, around the operations rather than inside
 * each of them. Every write for a client has a recorder that turns the request and its answer (and
 * what it looked like before, where the entry needs "before" values) into entries; `withActivity`
 * runs it after the operation succeeded. A declined payment is refused yet recorded too. Nothing
 * typed into a form is copied: recorders read ids, the records those ids name, and the answer.
 */
import type { OperationName } from '../src/api/operations.js';
import { paymentAmount } from '../src/domain/index.js';
import { maskEmail } from '../src/domain/mask-email.js';
import type { ActivityContact, ClientPermissionFlags, Contact, ContactField, InvitationCause, PermissionChange, PortalUserGroups } from '../src/schemas/index.js';
import { currentActor } from './actor.js';
import { recordActivity, type ActivityDraft } from './activity-log.js';
import { toInvoice, type ClientRecord, type StoredCard } from './model.js';
import { ProblemError, type OperationContext, type OperationImpl, type Reply } from './respond.js';
import type { MockStore, SentEmail } from './store.js';

interface Recorder<N extends OperationName, B> {
  /** What the entries need from before the write (the old permissions, the removed contact…). */
  before(store: MockStore, ctx: OperationContext<N>, rec: ClientRecord): B;
  /** The entries for an accepted write. `sent`: the emails it sent. */
  after(ctx: OperationContext<N>, reply: Reply<N>, before: B, rec: ClientRecord, sent: readonly SentEmail[]): ActivityDraft[];
  /** The entries for a refused write that is still on record. */
  refused?(error: ProblemError, ctx: OperationContext<N>, before: B, rec: ClientRecord): ActivityDraft[];
}

const contactRef = (c: Pick<Contact, 'id' | 'firstName' | 'lastName'>): ActivityContact => ({
  id: c.id,
  // A contact with no name left (a fixture) is still named by something readable.
  displayName: `${c.firstName} ${c.lastName}`.trim().slice(0, 401) || c.id,
});

const nothing = () => undefined;

/** The invitation emails an operation sent, as one `invitation_sent` entry (none sent: none). */
function invitationEntry(sent: readonly SentEmail[], resend: boolean, cause: InvitationCause): ActivityDraft[] {
  const invitations = sent.filter((e) => e.kind === 'invitation');
  if (!invitations.length) return [];
  return [
    {
      kind: 'invitation_sent',
      recipients: [...new Set(invitations.map((e) => maskEmail(e.to)))],
      contactIds: [...new Set(invitations.flatMap((e) => (e.contactId ? [e.contactId] : [])))],
      resend,
      cause,
    },
  ];
}

function permissionChanges(rec: ClientRecord, before: { client: ClientPermissionFlags; portalUsers: readonly { contactId: string; groups: PortalUserGroups }[] }): PermissionChange[] {
  const after = rec.permissions;
  const changes: PermissionChange[] = [];
  for (const key of Object.keys(after.client) as (keyof ClientPermissionFlags)[]) {
    if (before.client[key] !== after.client[key]) changes.push({ portalUser: null, permission: key, before: before.client[key], after: after.client[key] });
  }
  for (const user of after.portalUsers) {
    const old = before.portalUsers.find((u) => u.contactId === user.contactId);
    const contact = rec.contacts.find((c) => c.id === user.contactId);
    const ref = contact ? contactRef(contact) : { id: user.contactId, displayName: user.contactId };
    for (const group of Object.keys(user.groups) as (keyof PortalUserGroups)[]) {
      if (old && old.groups[group] !== user.groups[group]) changes.push({ portalUser: ref, permission: group, before: old.groups[group], after: user.groups[group] });
    }
  }
  return changes;
}

function changedFields(a: Contact, b: Contact): ContactField[] {
  const fields: ContactField[] = [];
  if (a.firstName !== b.firstName || a.lastName !== b.lastName) fields.push('name');
  if (a.relationship !== b.relationship) fields.push('relationship');
  if (a.legalGuardian !== b.legalGuardian) fields.push('legalGuardian');
  if (JSON.stringify(a.emails) !== JSON.stringify(b.emails)) fields.push('emails');
  return fields;
}

const cardOf = (c: Pick<StoredCard, 'brand' | 'last4'>) => ({ brand: c.brand, last4: c.last4 });

type Recorders = { [N in OperationName]?: Recorder<N, any> };

/** One recorder per write for a client (`updatePractice` is practice-wide: no client trail). */
export const recorders: Recorders = {
  sendInvitation: {
    before: (_s, _c, rec) => rec.access.invitations.length > 0,
    after: (_c, _r, hadInvitation: boolean, _rec, sent) => invitationEntry(sent, hadInvitation, 'invitation'),
  },
  changePortalEmail: {
    before: (_s, _c, rec) => ({ email: rec.access.email, hadInvitation: rec.access.invitations.length > 0 }),
    after: (ctx, _r, before: { email: string | null; hadInvitation: boolean }, rec, sent) => [
      {
        kind: 'portal_email_changed',
        from: before.email ? maskEmail(before.email) : null,
        to: maskEmail(rec.access.email ?? ctx.body.email),
        scope: ctx.body.scope,
        disableAndResend: ctx.body.disableAndResend === true,
      },
      ...invitationEntry(sent, before.hadInvitation, 'email_change'),
    ],
  },
  disablePortalAccess: { before: nothing, after: () => [{ kind: 'access_disabled' }] },
  createSignInPin: {
    before: nothing,
    // The PIN itself is shown once to staff and never kept: only when it expires.
    after: (_c, reply) => [{ kind: 'pin_created', expiresAt: reply.body.expiresAt }],
  },
  updatePermissions: {
    before: (_s, _c, rec) => ({ client: { ...rec.permissions.client }, portalUsers: rec.permissions.portalUsers.map((u) => ({ contactId: u.contactId, groups: { ...u.groups } })) }),
    after: (_c, _r, before, rec) => [{ kind: 'permissions_changed', changes: permissionChanges(rec, before) }],
  },
  createContact: {
    before: nothing,
    after: (_c, reply) => [{ kind: 'contact_added', contact: contactRef(reply.body), relationship: reply.body.relationship, legalGuardian: reply.body.legalGuardian }],
  },
  updateContact: {
    before: (_s, ctx, rec) => rec.contacts.find((c) => c.id === ctx.param('contactId')),
    after: (_c, reply, before: Contact | undefined) => [{ kind: 'contact_updated', contact: contactRef(reply.body), fields: before ? changedFields(before, reply.body) : [] }],
  },
  removeContact: {
    before: (_s, ctx, rec) => {
      const contact = rec.contacts.find((c) => c.id === ctx.param('contactId'));
      return contact && { contact, wasPortalUser: rec.permissions.portalUsers.some((u) => u.contactId === contact.id) };
    },
    after: (_c, _r, before: { contact: Contact; wasPortalUser: boolean } | undefined) =>
      before ? [{ kind: 'contact_removed', contact: contactRef(before.contact), wasPortalUser: before.wasPortalUser }] : [],
  },
  inviteContact: {
    before: (_s, ctx, rec) => (rec.contacts.find((c) => c.id === ctx.param('contactId'))?.portalUser.invitations.length ?? 0) > 0,
    after: (_c, reply, hadInvitation: boolean, _rec, sent) => {
      const to = sent.find((e) => e.kind === 'invitation')?.to ?? reply.body.portalUser.email;
      return to ? [{ kind: 'portal_user_invited', contact: contactRef(reply.body), to: maskEmail(to), resend: hadInvitation }] : [];
    },
  },
  assignDocuments: {
    before: (_s, _c, rec) => rec.access.invitations.length > 0,
    after: (_c, reply, hadInvitation: boolean, _rec, sent) => [
      // Sharing documents with a client without access sent the invitation first.
      ...(reply.body.portalAccessGranted ? invitationEntry(sent, hadInvitation, 'documents') : []),
      {
        kind: 'documents_assigned',
        documents: reply.body.documents.map((d) => ({ id: d.id, title: d.title })),
        emailsSent: reply.body.emailsSent,
        portalAccessGranted: reply.body.portalAccessGranted,
      },
    ],
  },
  remindDocument: {
    before: nothing,
    after: (_c, reply) => [{ kind: 'document_reminded', document: { id: reply.body.document.id, title: reply.body.document.title }, emailsSent: reply.body.emailsSent }],
  },
  cancelDocument: {
    before: nothing,
    after: (_c, reply) => [{ kind: 'document_cancelled', document: { id: reply.body.id, title: reply.body.title } }],
  },
  addCard: {
    before: nothing,
    after: (_c, reply) => [{ kind: 'card_added', paymentMethodId: reply.body.id, card: cardOf(reply.body), isDefault: reply.body.isDefault }],
  },
  setDefaultPaymentMethod: {
    before: nothing,
    after: (ctx, _r, _b, rec) => {
      const card = rec.cards.find((c) => c.id === ctx.param('paymentMethodId'));
      return card ? [{ kind: 'card_made_default', paymentMethodId: card.id, card: cardOf(card) }] : [];
    },
  },
  removePaymentMethod: {
    before: (_s, ctx, rec) => rec.cards.find((c) => c.id === ctx.param('paymentMethodId')),
    after: (_c, _r, card: StoredCard | undefined) => (card ? [{ kind: 'card_removed', paymentMethodId: card.id, card: cardOf(card) }] : []),
  },
  uploadInsuranceCard: {
    before: nothing,
    after: (ctx, reply) => [{ kind: 'insurance_card_uploaded', paymentMethodId: reply.body.id, side: ctx.param('side') === 'back' ? 'back' : 'front' }],
  },
  pay: {
    before: (_s, _c, rec) => rec.cards.map((c) => c.id),
    after: (ctx, reply, savedBefore: string[], rec) => {
      const entries: ActivityDraft[] = [{ kind: 'payment_made', paymentId: reply.body.id, amount: reply.body.amount, card: reply.body.card, invoiceIds: reply.body.invoiceIds }];
      // "Save this card" with the payment saved it: that is on record too.
      if (ctx.body.source.kind === 'new_card') {
        const added = rec.cards.find((c) => !savedBefore.includes(c.id));
        if (added) entries.push({ kind: 'card_added', paymentMethodId: added.id, card: cardOf(added), isDefault: added.isDefault });
      }
      return entries;
    },
    refused: (error, ctx, _b, rec) => {
      if (error.code !== 'card_declined') return [];
      const { source, target } = ctx.body;
      const card = source.kind === 'saved_card' ? rec.cards.find((c) => c.id === source.paymentMethodId) : source.card;
      const amount = paymentAmount(target, rec.invoices.filter((i) => i.shared).map(toInvoice));
      if (!card || !amount.ok) return [];
      return [{ kind: 'payment_declined', amount: { amount: amount.amount, currency: amount.currency }, card: cardOf(card), invoiceIds: amount.invoiceIds }];
    },
  },
};

/**
 * The operation with its trail: the recorder's "before" is taken, the operation runs, and its
 * entries are recorded under the signed-in staff member. An idempotent replay never runs the
 * operation again, so it is never recorded twice.
 */
export function withActivity<N extends OperationName>(name: N, impl: OperationImpl<N>, store: MockStore): OperationImpl<N> {
  const recorder = recorders[name] as Recorder<N, unknown> | undefined;
  if (!recorder) return impl;
  return {
    ...impl,
    run(ctx) {
      const rec = store.client(ctx.param('clientId'));
      // An unknown client: the operation answers 404 itself, and there is nothing to record.
      if (!rec) return impl.run(ctx);
      const before = recorder.before(store, ctx, rec);
      const emailsBefore = store.emails.length;
      let reply: Reply<N>;
      try {
        reply = impl.run(ctx);
      } catch (error) {
        if (error instanceof ProblemError && recorder.refused) record(store, rec.id, recorder.refused(error, ctx, before, rec));
        throw error;
      }
      record(store, rec.id, recorder.after(ctx, reply, before, rec, store.emails.slice(emailsBefore)));
      return reply;
    },
  };
}

function record(store: MockStore, clientId: string, drafts: readonly ActivityDraft[]): void {
  if (!drafts.length) return;
  const actor = currentActor(store);
  for (const draft of drafts) recordActivity(store, clientId, { type: 'staff', ...actor }, draft);
}
