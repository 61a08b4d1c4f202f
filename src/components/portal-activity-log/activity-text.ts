import type { ActivityActor, ActivityEntry, ActivityKind } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { formatMoney } from '../../i18n/format.js';
import { permissionMessages } from '../shared/permissions.messages.js';
import type { PortalActivityLogMessages } from './portal-activity-log.messages.js';

/** The filter's kinds, grouped as staff think of them. */
export const KIND_GROUPS = [
  { category: 'access', kinds: ['invitation_sent', 'portal_email_changed', 'access_disabled', 'pin_created'] },
  { category: 'permissions', kinds: ['permissions_changed'] },
  { category: 'contacts', kinds: ['contact_added', 'contact_updated', 'contact_removed', 'portal_user_invited'] },
  { category: 'documents', kinds: ['documents_assigned', 'document_reminded', 'document_cancelled', 'document_completed'] },
  { category: 'billing', kinds: ['card_added', 'card_removed', 'card_made_default', 'insurance_card_uploaded', 'payment_made', 'payment_declined'] },
] as const satisfies readonly { category: string; kinds: readonly ActivityKind[] }[];

/** Titles named in full before "and N more". */
const TITLES_SHOWN = 3;

export function whoText(actor: ActivityActor, m: PortalActivityLogMessages): string {
  switch (actor.type) {
    case 'staff':
      return m.staffWho(actor.displayName, m.role(actor.role));
    case 'client':
      return m.clientWho;
    case 'portal_user':
      return m.portalUserWho(actor.displayName);
  }
}

/** One line: who did what ("Jordan Lee (front desk) resent the portal invitation to b•••@example.com"). */
export function describeEntry(e: ActivityEntry, m: PortalActivityLogMessages, locale: Locale): string {
  const who = whoText(e.actor, m);
  const p = permissionMessages[locale];
  switch (e.kind) {
    case 'invitation_sent': {
      const line = m.invitationSent(who, e.recipients, e.resend);
      return e.cause === 'invitation' ? line : m.withNote(line, e.cause === 'email_change' ? m.becauseEmailChange : m.becauseDocuments);
    }
    case 'portal_email_changed': {
      const line = m.emailChanged(who, e.from, e.to);
      return e.scope === 'primary' ? m.withNote(line, m.alsoPrimary) : line;
    }
    case 'access_disabled':
      return m.accessDisabled(who);
    case 'pin_created':
      return m.pinCreated(who);
    case 'permissions_changed':
      return m.permissionsChanged(
        who,
        e.changes.map((c) => {
          const label = c.portalUser ? m.portalUserPermission(c.portalUser.displayName, p[`group.${c.permission as 'basic'}`]) : p[`permission.${c.permission as 'payBalance'}`];
          return m.permissionChange(label ?? c.permission, c.after);
        }),
      );
    case 'contact_added':
      return m.contactAdded(who, e.contact.displayName, p[`relationship.${e.relationship}`].toLowerCase(), e.legalGuardian);
    case 'contact_updated':
      return m.contactUpdated(who, e.contact.displayName, e.fields.map((f) => m.contactField(f)));
    case 'contact_removed':
      return m.contactRemoved(who, e.contact.displayName, e.wasPortalUser);
    case 'portal_user_invited':
      return m.portalUserInvited(who, e.contact.displayName, e.to, e.resend);
    case 'documents_assigned': {
      const titles = e.documents.slice(0, TITLES_SHOWN).map((d) => d.title);
      const line = m.documentsAssigned(who, titles, Math.max(0, e.documents.length - TITLES_SHOWN), e.emailsSent);
      return e.portalAccessGranted ? m.withNote(line, m.accessGranted) : line;
    }
    case 'document_reminded':
      return m.documentReminded(who, e.document.title);
    case 'document_cancelled':
      return m.documentCancelled(who, e.document.title);
    case 'document_completed':
      return m.documentCompleted(who, e.document.title);
    case 'card_added':
      return m.cardAdded(who, m.card(e.card.brand, e.card.last4), e.isDefault);
    case 'card_removed':
      return m.cardRemoved(who, m.card(e.card.brand, e.card.last4));
    case 'card_made_default':
      return m.cardMadeDefault(who, m.card(e.card.brand, e.card.last4));
    case 'insurance_card_uploaded':
      return m.insuranceUploaded(who, e.side);
    case 'payment_made':
      return m.paymentMade(who, formatMoney(e.amount, locale), m.card(e.card.brand, e.card.last4));
    case 'payment_declined':
      return m.paymentDeclined(who, formatMoney(e.amount, locale), m.card(e.card.brand, e.card.last4));
  }
}

/** Every id an entry involves, for the CSV: contacts, documents, cards, payments, invoices. */
export function entryIds(e: ActivityEntry): string[] {
  const ids: string[] = [];
  switch (e.kind) {
    case 'invitation_sent':
      ids.push(...e.contactIds);
      break;
    case 'permissions_changed':
      for (const c of e.changes) if (c.portalUser && !ids.includes(c.portalUser.id)) ids.push(c.portalUser.id);
      break;
    case 'contact_added':
    case 'contact_updated':
    case 'contact_removed':
    case 'portal_user_invited':
      ids.push(e.contact.id);
      break;
    case 'documents_assigned':
      ids.push(...e.documents.map((d) => d.id));
      break;
    case 'document_reminded':
    case 'document_cancelled':
    case 'document_completed':
      ids.push(e.document.id);
      break;
    case 'card_added':
    case 'card_removed':
    case 'card_made_default':
    case 'insurance_card_uploaded':
      ids.push(e.paymentMethodId);
      break;
    case 'payment_made':
      ids.push(e.paymentId, ...e.invoiceIds);
      break;
    case 'payment_declined':
      ids.push(...e.invoiceIds);
      break;
  }
  return ids;
}
