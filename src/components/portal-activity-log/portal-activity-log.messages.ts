import type { ActivityKind, CardBrand, CardSide, StaffRole } from '../../schemas/index.js';
import { defineMessages } from '../../i18n/messages.js';
import { formatCount as n, joinList as list } from '../../i18n/text.js';

/**
 * The trail in words. Each sentence gets its parts already named and formatted (`who`, masked
 * addresses, titles, amounts), so a language only orders them.
 */
export const messages = defineMessages('portal-activity-log', {
  heading: 'Activity',
  intro: 'Every change to this client’s portal, newest first.',
  kindFilter: 'Show',
  allKinds: 'All activity',
  category: (category: 'access' | 'permissions' | 'contacts' | 'documents' | 'billing') =>
    ({ access: 'Portal access', permissions: 'Permissions', contacts: 'Contacts', documents: 'Documents', billing: 'Billing' })[category],
  kind: (kind: ActivityKind) =>
    ({
      invitation_sent: 'Invitation sent',
      portal_email_changed: 'Portal email changed',
      access_disabled: 'Access disabled',
      pin_created: 'Sign-in PIN created',
      permissions_changed: 'Permissions changed',
      contact_added: 'Contact added',
      contact_updated: 'Contact updated',
      contact_removed: 'Contact removed',
      portal_user_invited: 'Portal user invited',
      documents_assigned: 'Documents assigned',
      document_reminded: 'Document reminder sent',
      document_cancelled: 'Document cancelled',
      document_completed: 'Document completed',
      card_added: 'Card saved',
      card_removed: 'Card removed',
      card_made_default: 'Default card changed',
      insurance_card_uploaded: 'Insurance card uploaded',
      payment_made: 'Payment made',
      payment_declined: 'Payment declined',
    })[kind],
  download: 'Download CSV',
  downloading: (done: number, total: number) => `Preparing CSV: ${n(done, 'en')} of ${n(total, 'en')} entries…`,
  downloaded: (count: number, file: string) => `Downloaded ${n(count, 'en')} ${count === 1 ? 'entry' : 'entries'} as ${file}.`,
  downloadFailed: (reason: string) => `The CSV could not be prepared. ${reason}`,
  emptyTitle: 'No activity yet',
  emptyBody: 'Invitations, permission changes, documents, cards and payments for this client will be listed here.',
  emptyFiltered: (kind: string) => `No “${kind}” activity for this client.`,
  showAll: 'Show all activity',
  listLabel: (day: string) => `Activity on ${day}`,
  today: 'Today',
  yesterday: 'Yesterday',
  range: (from: number, to: number, total: number) => `Entries ${n(from, 'en')} to ${n(to, 'en')} of ${n(total, 'en')}`,
  newer: 'Newer',
  older: 'Older',
  pagerLabel: 'Activity pages',
  newActivity: 'There is new activity.',
  showNewest: 'Show newest',
  refreshFailed: (reason: string) => `The activity could not be refreshed. ${reason}`,

  role: (role: StaffRole) => ({ owner: 'owner', clinician: 'clinician', 'front-desk': 'front desk', biller: 'biller' })[role],
  staffWho: (name: string, role: string) => `${name} (${role})`,
  clientWho: 'The client',
  portalUserWho: (name: string) => `${name} (portal user)`,
  invitationSent: (who: string, to: readonly string[], resend: boolean) => `${who} ${resend ? 'resent' : 'sent'} the portal invitation to ${list(to, 'en')}`,
  becauseEmailChange: 'after changing the email (Disable and Resend)',
  becauseDocuments: 'with shared documents',
  emailChanged: (who: string, from: string | null, to: string) => (from ? `${who} changed the portal email from ${from} to ${to}` : `${who} set the portal email to ${to}`),
  alsoPrimary: 'also the primary email',
  accessDisabled: (who: string) => `${who} disabled portal access`,
  pinCreated: (who: string) => `${who} created a sign-in PIN`,
  permissionsChanged: (who: string, changes: readonly string[]) => (changes.length ? `${who} changed permissions: ${changes.join('; ')}` : `${who} saved the permissions without changes`),
  permissionChange: (permission: string, after: boolean) => `${permission} ${after ? 'on' : 'off'}`,
  portalUserPermission: (name: string, group: string) => `${name}: ${group}`,
  contactAdded: (who: string, name: string, relationship: string, guardian: boolean) => `${who} added ${name} (${relationship}${guardian ? ', legal guardian' : ''}) as a contact`,
  contactUpdated: (who: string, name: string, fields: readonly string[]) => (fields.length ? `${who} updated ${list(fields, 'en')} of contact ${name}` : `${who} saved contact ${name} without changes`),
  contactField: (field: 'name' | 'relationship' | 'legalGuardian' | 'emails') =>
    ({ name: 'the name', relationship: 'the relationship', legalGuardian: 'legal guardian', emails: 'the email addresses' })[field],
  contactRemoved: (who: string, name: string, wasPortalUser: boolean) => `${who} removed contact ${name}${wasPortalUser ? ' and their portal access' : ''}`,
  portalUserInvited: (who: string, name: string, to: string, resend: boolean) => `${who} ${resend ? 'resent' : 'sent'} a portal invitation to ${name} at ${to}`,
  documentsAssigned: (who: string, titles: readonly string[], more: number, emails: number) =>
    `${who} assigned ${list(more ? [...titles, `${n(more, 'en')} more`] : titles, 'en')} (${n(emails, 'en')} ${emails === 1 ? 'email' : 'emails'})`,
  accessGranted: 'granting portal access',
  documentReminded: (who: string, title: string) => `${who} sent a reminder for ${title}`,
  documentCancelled: (who: string, title: string) => `${who} cancelled ${title}`,
  documentCompleted: (who: string, title: string) => `${who} completed and signed ${title}`,
  card: (brand: CardBrand, last4: string) => `${({ visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', other: 'card' })[brand]} ending in ${last4}`,
  cardAdded: (who: string, card: string, isDefault: boolean) => `${who} saved the ${card}${isDefault ? ' as the default card' : ''}`,
  cardRemoved: (who: string, card: string) => `${who} removed the ${card}`,
  cardMadeDefault: (who: string, card: string) => `${who} made the ${card} the default card`,
  insuranceUploaded: (who: string, side: CardSide) => `${who} uploaded the ${side === 'front' ? 'front' : 'back'} of the insurance card`,
  paymentMade: (who: string, amount: string, card: string) => `${who} paid ${amount} with the ${card}`,
  paymentDeclined: (who: string, amount: string, card: string) => `${who} tried to pay ${amount} with the ${card}: declined`,
  /** Appended to a sentence: "…, granting portal access". */
  withNote: (sentence: string, note: string) => `${sentence} (${note})`,

  csvAt: 'Date and time (UTC)',
  csvWho: 'Who',
  csvRole: 'Role',
  csvKind: 'Kind',
  csvWhat: 'What happened',
  csvIds: 'Ids',
  csvClient: 'client',
  csvPortalUser: 'portal user',
});

export type PortalActivityLogMessages = (typeof messages)['en'];

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    'portal-activity-log': (typeof messages)['en'];
  }
}
