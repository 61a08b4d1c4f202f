import type { DocumentSort, DocumentStatus } from '../../schemas/index.js';
import { defineMessages } from '../../i18n/messages.js';
import { formatCount as n, joinList as list } from '../../i18n/text.js';


export const messages = defineMessages('intake-document-list', {
  staffHeading: 'Intake documents',
  clientHeading: 'Your documents',
  assign: 'Assign documents',
  status: (status: DocumentStatus) => ({ sent: 'Sent', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' })[status],
  /** The same statuses as the client reads them: "Sent" is what the practice did, not where the client is. */
  clientStatus: (status: DocumentStatus) => ({ sent: 'Not started', in_progress: 'In progress', completed: 'Completed', cancelled: 'Withdrawn' })[status],
  statusFilter: 'Status',
  allStatuses: 'All but cancelled',
  clientAllStatuses: 'All documents',
  sortLabel: 'Sort by',
  sort: (sort: DocumentSort) =>
    ({ sent_desc: 'Newest sent first', sent_asc: 'Oldest sent first', activity_desc: 'Latest activity first', title_asc: 'Title (A to Z)' })[sort],
  clientSort: (sort: DocumentSort) =>
    ({ sent_desc: 'Newest first', sent_asc: 'Oldest first', activity_desc: 'Recently worked on', title_asc: 'Title (A to Z)' })[sort],
  filtersLabel: 'Filter and sort documents',
  searchLabel: 'Search by title',
  clearSearch: 'Clear search',
  emptySearch: (query: string) => `No documents with “${query}” in the title.`,
  tableCaption: (from: number, to: number, total: number) => `Intake documents ${n(from, 'en')} to ${n(to, 'en')} of ${n(total, 'en')}`,
  tableRegion: 'Intake documents table',
  colDocument: 'Document',
  colStatus: 'Status',
  colSections: 'Required sections',
  colActions: 'Actions',
  sentOnStaff: (when: string) => `Sent ${when}`,
  activityOn: (when: string) => `Last activity ${when}`,
  cancelledOn: (when: string) => `Cancelled ${when}`,
  noActions: 'No actions',
  sectionsOf: (done: number, total: number) => `${n(done, 'en')} of ${n(total, 'en')}`,
  sectionsProgress: (title: string) => `Required sections completed: ${title}`,
  noRequiredSections: 'None required',
  signedOn: (when: string) => `Signed ${when}`,
  remind: 'Remind',
  remindLabel: (title: string) => `Remind: ${title}`,
  reminderSent: (title: string, emails: number) => `Reminder for “${title}” sent (${emails === 1 ? '1 email' : `${n(emails, 'en')} emails`}).`,
  cancel: 'Cancel',
  cancelLabel: (title: string) => `Cancel: ${title}`,
  signedIsFinal: 'Signed documents are final.',
  cancelTitle: 'Cancel this document?',
  cancelBody: (title: string) => `“${title}” will be withdrawn from the client’s portal and can no longer be filled out. This cannot be undone.`,
  keepDocument: 'Keep document',
  confirmCancel: 'Cancel document',
  cancelled: (title: string) => `“${title}” was cancelled.`,
  cancelledKept: 'Cancelled documents stay listed under Status: Cancelled.',
  emptyTitle: 'No intake documents yet',
  emptyBody: 'Assign documents from your templates. The client gets one email per document and fills them out in the portal.',
  emptyFiltered: (status: string) => `No documents with status “${status}”.`,
  showAll: 'Show all documents',
  emptyPage: 'This page has no documents any more.',
  clientEmptyTitle: 'Nothing to fill out',
  clientEmptyBody: 'When your practice shares documents with you, they appear here.',
  pager: 'Pages',
  previous: 'Previous',
  next: 'Next',
  showing: (from: number, to: number, total: number) => `Showing ${n(from, 'en')}–${n(to, 'en')} of ${n(total, 'en')}`,
  updating: 'Updating…',
  pageLabel: 'Page',
  pageCount: (pages: number) => `of ${n(pages, 'en')}`,
  goToPage: 'Go',
  pageInvalid: (pages: number) => `Enter a page from 1 to ${n(pages, 'en')}.`,
  refreshFailed: (reason: string) => `The list could not be refreshed, so it may be out of date. ${reason}`,
  portalOff: 'The client portal is turned off for the whole practice: clients cannot open documents, and no new ones can be assigned.',
  accessDisabled: 'Portal access is disabled for this client: they cannot open these documents. Reminders and new documents wait until access is restored with a new invitation.',
  dismiss: 'Dismiss',
  completedNow: (title: string) => `“${title}” was completed.`,
  // assign dialog
  assignTitle: 'Assign documents',
  templatesLegend: 'Templates',
  alreadySentLegend: 'Already sent to this client',
  allTemplatesSent: 'Every template was already sent to this client. Choose “Send again” below to send another copy.',
  latestOpen: (status: string, sent: string) => `${status}, sent ${sent}`,
  latestCompleted: (when: string) => `Completed ${when}`,
  stillOpenHint: 'Still open: a reminder from the list may be all that is needed.',
  sendAgain: 'Send again',
  sendAgainLabel: (title: string) => `Send again: ${title}`,
  sendsAgain: (titles: readonly string[]) => `Sent again: ${list(titles, 'en')}.`,
  requiredSections: (count: number) => (count === 1 ? '1 required section' : `${n(count, 'en')} required sections`),
  noTemplates: 'There are no document templates yet. Create templates in the practice settings first.',
  messageLabel: 'Message (optional)',
  messageHint: 'Added to every email this sends.',
  chooseTemplate: 'Select at least one template.',
  willSend: (emails: number, to: readonly string[]) => `This sends ${emails === 1 ? '1 email' : `${n(emails, 'en')} emails`} to ${list(to, 'en')}.`,
  perDocument: 'One email per document to each recipient.',
  toGuardians: 'The client is a minor: portal emails go to the legal guardians.',
  grantsAccess: 'The client has no portal access yet: this grants portal access and sends an invitation.',
  addGuardian: 'Add a legal guardian with an email address in the client’s contacts, then assign again.',
  addConsent: 'Record an email address the client agreed to receive email at, then assign again.',
  restoreAccess: 'Restore portal access by sending the client a new invitation, then assign again.',
  send: 'Assign and send',
  assigned: (documents: number, emails: number, to: readonly string[]) =>
    `${documents === 1 ? '1 document' : `${n(documents, 'en')} documents`} assigned: ${emails === 1 ? '1 email' : `${n(emails, 'en')} emails`} sent to ${list(to, 'en')}.`,
  accessGranted: 'Portal access was granted and an invitation was sent.',
  // client view
  fillOut: 'Fill out',
  fillOutLabel: (title: string) => `Fill out: ${title}`,
  sentOn: (when: string) => `Received ${when}`,
  completedOn: (when: string) => `Completed on ${when}`,
  sectionsDone: (done: number, total: number) => `${n(done, 'en')} of ${n(total, 'en')} required sections done`,
});

export type IntakeDocumentListMessages = (typeof messages)['en'];

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    'intake-document-list': (typeof messages)['en'];
  }
}
