/** Contacts (parents, guardians, helpers) and their enrollment as portal users. */
import { contactInvitationAddress } from '../../src/domain/contact-invitation-address.js';
import { LIST_LIMITS, type Contact } from '../../src/schemas/index.js';
import type { ClientRecord } from '../model.js';
import { problem, type OperationContext, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { enrollContact, normalizeMessage, requireClient, requireContact, requireInvitationAllowed, sendInvitationEmail } from './shared.js';

type ContactOps = 'listContacts' | 'createContact' | 'updateContact' | 'removeContact' | 'inviteContact';

/**
 * The contact a versioned write is for, its `If-Match` checked. A contact someone else removed
 * answers 412 like any other change made first (racing removals: one 204, the rest 412), not 404.
 */
function requireVersionedContact(rec: ClientRecord, ctx: OperationContext<'updateContact' | 'removeContact'>): Contact {
  const id = ctx.param('contactId');
  const contact = rec.contacts.find((c) => c.id === id);
  if (!contact && rec.removedContactIds.has(id)) ctx.requireVersion(null);
  const found = requireContact(rec, id);
  ctx.requireVersion(found.version);
  return found;
}

export function contactHandlers(store: MockStore): Pick<OperationImpls, ContactOps> {
  return {
    listContacts: {
      run: (ctx) => ({ body: requireClient(store, ctx.param('clientId')).contacts }),
    },

    createContact: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        // The list answer must stay within its documented maximum.
        if (rec.contacts.length >= LIST_LIMITS.contacts) throw problem('too_many_contacts', `A client has at most ${LIST_LIMITS.contacts} contacts.`);
        const contact: Omit<Contact, 'version'> = {
          id: store.nextId('ct'),
          clientId: rec.id,
          ...ctx.body,
          emails: ctx.body.emails.map((e) => ({ ...e })),
          portalUser: { state: 'not_enrolled', email: null, invitations: [], firstSignInAt: null, lastSignInAt: null },
        };
        const saved = store.saveContact(rec, contact);
        return { body: saved, version: saved.version };
      },
    },

    updateContact: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const contact = requireVersionedContact(rec, ctx);
        const saved = store.saveContact(rec, { ...contact, ...ctx.body, emails: ctx.body.emails.map((e) => ({ ...e })) });
        return { body: saved, version: saved.version };
      },
    },

    removeContact: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const contact = requireVersionedContact(rec, ctx);
        store.removeContact(rec, contact.id);
        return { body: undefined };
      },
    },

    inviteContact: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const contact = requireContact(rec, ctx.param('contactId'));
        requireInvitationAllowed(store, contact.portalUser);
        const address = contactInvitationAddress(contact);
        if (!address) throw problem('no_consented_email', 'The contact has no email address with consent.');
        const inv = sendInvitationEmail(store, rec.id, address, normalizeMessage(ctx.body.message), contact.id);
        const saved = enrollContact(store, rec, contact, address, inv);
        return { body: saved, version: saved.version };
      },
    },
  };
}
