/** Helpers the resource handlers share: lookups, recipient plans, invitations, cursors. */
import { invitationDecision, invitationRecipients, type InvitationDecision, type InvitationSubject, type Recipient } from '../../src/domain/index.js';
import { LIST_LIMITS, type ClientSummary, type Contact, type Invitation, type PortalAccess } from '../../src/schemas/index.js';
import { DEFAULT_PORTAL_USER_GROUPS } from '../fixtures.js';
import type { ClientRecord } from '../model.js';
import { cooldownProblem, problem } from '../respond.js';
import type { MockStore } from '../store.js';

export function requireClient(store: MockStore, clientId: string): ClientRecord {
  const rec = store.client(clientId);
  if (!rec) throw problem('not_found', 'No client with this id.');
  return rec;
}

export function requireContact(rec: ClientRecord, contactId: string): Contact {
  const c = rec.contacts.find((x) => x.id === contactId);
  if (!c) throw problem('not_found', 'No contact with this id for this client.');
  return c;
}

export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function requirePortalOn(store: MockStore): void {
  if (!store.practice.portalEnabled) throw problem('portal_off_for_practice', 'Turn the client portal on for the practice first.');
}

/** Throws the problem for a refused invitation (portal off, already signed in, cooldown). */
export function requireInvitationAllowed(store: MockStore, subject: InvitationSubject): Extract<InvitationDecision, { allowed: true }>['kind'] {
  const now = store.now();
  const d = invitationDecision(subject, store.practice, now);
  if (d.allowed) return d.kind;
  switch (d.code) {
    case 'portal_off_for_practice':
      throw problem('portal_off_for_practice', 'Turn the client portal on for the practice first.');
    case 'already_signed_in':
      throw problem('already_signed_in', 'Resend is only for people who never signed in: share the portal link instead.');
    case 'resend_cooldown':
      throw cooldownProblem('resend_cooldown', d.retryAt, now, 'Wait before sending another invitation to the same person.');
  }
}

/** Who portal emails for this client go to, or the problem that says why nobody can get them. */
export function requireRecipients(store: MockStore, summary: ClientSummary, access: Pick<PortalAccess, 'email'>, contacts: readonly Contact[]): Recipient[] {
  const plan = invitationRecipients(summary, access, contacts, store.practice, store.now());
  if (plan.blocker === 'no_legal_guardian') throw problem('no_legal_guardian', 'Portal emails for a minor go to a legal guardian: add one to the profile.');
  if (plan.blocker === 'no_consented_email' || plan.recipients.length === 0) throw problem('no_consented_email', 'Nobody who would receive portal email has an address with consent.');
  return plan.recipients;
}

export function normalizeMessage(message: string | undefined): string | null {
  return message && message.trim() ? message : null;
}

/** Sends (logs) an invitation email and returns the invitation record. */
export function sendInvitationEmail(store: MockStore, clientId: string, to: string, message: string | null, contactId: string | null = null): Invitation {
  const sent = store.sendEmail({ kind: 'invitation', to, clientId, contactId, message });
  const now = store.now();
  return {
    id: store.nextId('inv'),
    sentAt: now.toISOString(),
    to,
    message,
    delivery: sent.delivery,
    expiresAt: new Date(now.getTime() + store.practice.invitationExpiryDays * 86_400_000).toISOString(),
  };
}

/**
 * Invite the client: one invitation per recipient (for a minor: the legal guardians). Access becomes
 * `invited` (re-enabled if it was disabled). A guardian recipient who was not a portal user yet is
 * enrolled (`invited`, default permission groups): they are who signs in for the minor.
 */
export function inviteClient(store: MockStore, rec: ClientRecord, recipients: readonly Recipient[], message: string | null): PortalAccess {
  const invitations: Invitation[] = [];
  for (const r of recipients) {
    const contactId = r.who === 'client' ? null : r.who;
    const inv = sendInvitationEmail(store, rec.id, r.address, message, contactId);
    invitations.push(inv);
    const contact = contactId ? rec.contacts.find((c) => c.id === contactId) : undefined;
    if (contact && (contact.portalUser.state === 'not_enrolled' || contact.portalUser.state === 'invited')) {
      enrollContact(store, rec, contact, r.address, inv);
    }
  }
  const own = recipients.find((r) => r.who === 'client');
  return store.saveAccess(rec, {
    ...rec.access,
    state: 'invited',
    email: own?.address ?? rec.access.email,
    invitations: keptInvitations(rec.access.invitations, invitations),
    disabledAt: null,
  });
}

/**
 * The invitations kept after sending `sent`: the most recent `LIST_LIMITS.invitations`, the oldest
 * dropped, so an answer never holds more than the contract allows (and a client would refuse).
 */
export function keptInvitations(kept: readonly Invitation[], sent: readonly Invitation[]): Invitation[] {
  return [...kept, ...sent].slice(-LIST_LIMITS.invitations);
}

/** Record an invitation on a contact: `invited`, and a portal user with default groups if new. */
export function enrollContact(store: MockStore, rec: ClientRecord, contact: Contact, address: string, inv: Invitation): Contact {
  const saved = store.saveContact(rec, {
    ...contact,
    portalUser: { ...contact.portalUser, state: 'invited', email: address, invitations: keptInvitations(contact.portalUser.invitations, [inv]) },
  });
  if (!rec.permissions.portalUsers.some((u) => u.contactId === contact.id)) {
    store.savePermissions(rec, { ...rec.permissions, portalUsers: [...rec.permissions.portalUsers, { contactId: contact.id, groups: { ...DEFAULT_PORTAL_USER_GROUPS } }] });
  }
  return saved;
}

// ---- cursors -------------------------------------------------------------------------------------

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
}

/** An opaque cursor: the offset of the next page, bound to the list it came from. */
export function encodeCursor(list: string, offset: number): string {
  return toBase64Url(`${list}|${offset}`);
}

/** The offset a cursor points at; 400 when it is not one of ours or belongs to another list. */
export function decodeCursor(cursor: string, list: string, total: number): number {
  const text = fromBase64Url(cursor);
  const m = text ? /^(.*)\|(\d{1,9})$/.exec(text) : null;
  const offset = m ? Number(m[2]) : NaN;
  if (!m || m[1] !== list || !(offset >= 0) || offset > total) {
    throw problem('bad_request', 'The cursor is not valid for this list; start again without one.', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  return offset;
}

/** One page of `items` (already filtered and sorted). */
export function page<T>(items: readonly T[], list: string, cursor: string | undefined, limit: number | undefined): { slice: T[]; nextCursor: string | null; total: number } {
  const size = limit ?? 50;
  const offset = cursor ? decodeCursor(cursor, list, items.length) : 0;
  const end = offset + size;
  return { slice: items.slice(offset, end), nextCursor: end < items.length ? encodeCursor(list, end) : null, total: items.length };
}
