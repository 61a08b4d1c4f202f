/**
 * The prose of each operation: what it is for, its tag, and which widgets call it. Everything else
 * about an operation is its row in `src/api/operations.ts`, which the OpenAPI document reads too;
 * the prose stays here, keyed by the row's name, because the row ships to browsers (words would
 * cost bytes) and `src/api` names no widget. Typed by the table, so a new operation without docs
 * fails type-check.
 */
import type { Operation, OperationName } from '../../src/api/operations.js';
import { problemStatus, type ProblemCode } from '../../src/schemas/index.js';

export const widgets = ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods', 'portal-activity-log', 'portal-practice-overview'] as const;
export type WidgetName = (typeof widgets)[number];

export const tags = {
  Session: 'Who is signed in and what their role may do.',
  Practice: 'Practice-wide portal settings.',
  'Portal access': "A client's own portal access: invitations, email, PINs, disabling.",
  Permissions: 'What the client and their portal users may do in the portal.',
  Contacts: 'Guardians, parents and helpers, and their enrollment as portal users.',
  Documents: 'Intake documents assigned from templates.',
  Billing: 'Saved cards, insurance cards, invoices and card payments.',
  Activity: "Every change to a client's portal on record: who, when, what and the ids involved.",
  'Practice overview': 'The portal diagnosis run over every client: who cannot get in, why, and bulk invitations that obey the same rules as single ones.',
} as const;
export type TagName = keyof typeof tags;

export interface OperationDoc {
  summary: string;
  description: string;
  tag: TagName;
  widgets: readonly WidgetName[];
}

/** Status and meaning of every problem code: one row per rule the server enforces. */
export const problemWhen: Record<ProblemCode, { when: string }> = {
  bad_request: { when: 'The body or query breaks the schema; `errors` lists the paths.' },
  idempotency_key_required: { when: 'A payment or bulk invitation without an `Idempotency-Key` header.' },
  unauthorized: { when: 'No valid bearer token (the client refreshes once, then gives up).' },
  card_declined: { when: 'The processor declined the card.' },
  forbidden: { when: "The signed-in staff user may not do this, or not for this client." },
  missing_permission: { when: 'Paying while the client lacks the pay-balance permission.' },
  not_found: { when: 'The client, contact, document or payment method does not exist.' },
  already_signed_in: { when: 'Resend after the first sign-in: offer the portal link instead.' },
  no_legal_guardian: { when: 'A minor without a legal guardian: portal emails have nowhere to go.' },
  portal_off_for_practice: { when: 'The practice turned the portal off for everyone.' },
  access_disabled: { when: "The client's access is disabled; send a new invitation to re-enable it." },
  no_payments_account: { when: 'No active online-payments account: no card payments or saved cards.' },
  nothing_to_pay: { when: 'The balance is zero or no open invoice was chosen.' },
  invoice_not_payable: { when: 'An invoice is paid, void, not shared or not this client’s.' },
  no_insurance_method: { when: 'Insurance card upload before the practice added an insurance method.' },
  document_signed: { when: 'The document is signed (completed): it cannot be cancelled or reminded.' },
  stale_version: { when: '`If-Match` names an old version: someone else changed it. Reload and retry.' },
  image_too_large: { when: 'The insurance card image is over 5 MB.' },
  unsupported_image: { when: 'The insurance card is not a JPEG, PNG or WebP image.' },
  no_consented_email: { when: 'No email address with consent to send the invitation to.' },
  pay_balance_requires_billing_documents: { when: 'Pay-balance permission without access to billing documents.' },
  amount_not_allowed: { when: 'A payment with an `amount`: only the balance or whole invoices can be paid.' },
  idempotency_key_reused: { when: 'The same `Idempotency-Key` with a different body.' },
  precondition_required: { when: 'A versioned write without `If-Match`.' },
  resend_cooldown: { when: 'An invitation to the same person within the cooldown; see `retryAfterSeconds`.' },
  reminder_cooldown: { when: 'A reminder for the same document within the cooldown; see `retryAfterSeconds`.' },
  document_already_assigned: {
    when: 'Assigning a template the client already has a document from (open or completed) without listing it in `sendAgain`; `errors` names each such `templateIds` entry.',
  },
  internal: { when: 'A server bug. Safe to retry idempotent calls.' },
  unavailable: { when: 'The server is briefly unavailable. Safe to retry idempotent calls.' },
  image_type_mismatch: { when: 'The insurance card image’s bytes are another type than its `Content-Type` says (JPEG bytes sent as `image/png`).' },
  card_already_saved: { when: 'A card with the same brand, last 4 and expiry is already saved for the client.' },
  method_not_allowed: { when: 'A method the path does not answer (`Allow` lists those it does).' },
  request_timeout: { when: 'The body did not arrive within the server’s time limit.' },
  payload_too_large: { when: 'A JSON body over 1 MB.' },
  unsupported_media_type: { when: 'A JSON body not sent as `application/json` (UTF-8).' },
  missing_capability: { when: 'The signed-in staff member’s role lacks the capability this needs; `capability` names it.' },
  too_many_contacts: { when: 'Adding a contact to a client who already has the most allowed (`maxItems` of the contact list, 50). Nothing is added.' },
};

/** Path parameters, by name. */
export const pathParams: Record<string, { description: string; enum?: readonly string[] }> = {
  clientId: { description: 'The client, an opaque id such as `cl_123`. Never a name or email.' },
  contactId: { description: 'A contact of the client.' },
  documentId: { description: 'An intake document of the client.' },
  paymentMethodId: { description: 'A saved card or insurance method of the client.' },
  side: { description: 'Which side of the insurance card.', enum: ['front', 'back'] },
};

/** Query parameters, by name. */
export const queryParams: Record<string, string> = {
  status: 'Only documents in this status.',
  sort: 'Order of the list.',
  cursor: 'Opaque cursor: the `nextCursor` of the previous page. Omit for the first page.',
  offset: 'Items to skip, to jump straight to a page (a multiple of `limit`); not together with `cursor`.',
  limit: 'Items per page, 1 to 200.',
  kind: 'Only entries of this kind.',
  finding: 'The diagnosis finding whose clients to list.',
};

const invite = ['portal-invite-status', 'guardian-manager'] as const;
const billing = ['billing-payment-methods'] as const;

export const operationDocs: Record<OperationName, OperationDoc> = {
  getSession: {
    summary: 'Get the signed-in staff member and their capabilities',
    description:
      'Who the token belongs to (id, display name, role) and the capabilities their role grants. Widgets read it once per page and offer only the actions these allow; every operation that needs a capability answers `403 missing_capability` without it. Unknown capabilities are ignored by the SDK, so a server may add its own.',
    tag: 'Session',
    widgets: ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods'],
  },
  getPractice: {
    summary: 'Get practice settings',
    description: 'Whether the portal is on, the online-payments status, the portal URL and sender address, and the cooldowns. Every widget reads it to explain what is blocked practice-wide.',
    tag: 'Practice',
    widgets: ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods'],
  },
  updatePractice: {
    summary: 'Turn the portal on or off for the practice',
    description: 'Off means no client can sign in or use any feature, whatever their own access says.',
    tag: 'Practice',
    widgets: ['portal-invite-status'],
  },
  getClient: {
    summary: 'Get a client',
    description: 'Name, date of birth (to tell minors) and email addresses with their consent.',
    tag: 'Portal access',
    widgets: ['portal-invite-status', 'guardian-manager'],
  },
  getPortalAccess: {
    summary: "Get a client's portal access",
    description: 'The access state (not invited, invited, active, disabled), sign-in times and every invitation with its delivery status.',
    tag: 'Portal access',
    widgets: ['portal-invite-status'],
  },
  sendInvitation: {
    summary: 'Send or resend the portal invitation',
    description:
      'Sends an invitation, optionally with a custom message. For a minor it goes to the legal guardians. Also re-enables disabled access. Not allowed once the client has signed in, nor within the resend cooldown.',
    tag: 'Portal access',
    widgets: ['portal-invite-status'],
  },
  changePortalEmail: {
    summary: 'Change the portal email',
    description:
      'Changes the sign-in address only (`portal`) or the client’s primary address (`primary`). With `disableAndResend`, access at the old address ends and the new one is invited.',
    tag: 'Portal access',
    widgets: ['portal-invite-status'],
  },
  disablePortalAccess: {
    summary: 'Disable portal access',
    description: 'The client can no longer sign in. A new invitation re-enables access.',
    tag: 'Portal access',
    widgets: ['portal-invite-status'],
  },
  createSignInPin: {
    summary: 'Create a sign-in PIN',
    description: 'A short-lived six-digit PIN for passwordless sign-in, shown once to staff; the server keeps only a hash.',
    tag: 'Portal access',
    widgets: ['portal-invite-status'],
  },
  getPermissions: {
    summary: "Get a client's portal permissions",
    description: "The four client permissions and each portal user's permission groups, with the version to send back as `If-Match`.",
    tag: 'Permissions',
    widgets: ['portal-permissions-editor', 'billing-payment-methods'],
  },
  updatePermissions: {
    summary: "Replace a client's portal permissions",
    description: 'Replaces the whole permission set. Pay-balance needs billing documents and an active online-payments account.',
    tag: 'Permissions',
    widgets: ['portal-permissions-editor'],
  },
  listContacts: {
    summary: "List a client's contacts",
    description: 'Parents, guardians and helpers, with their relationship, legal-guardian flag, emails and portal-user enrollment.',
    tag: 'Contacts',
    widgets: ['guardian-manager', 'portal-invite-status', 'portal-permissions-editor'],
  },
  createContact: {
    summary: 'Add a contact',
    description: 'Adds a parent, guardian or helper. Adding a legal guardian is how a minor’s invitations get somewhere to go.',
    tag: 'Contacts',
    widgets: ['guardian-manager'],
  },
  updateContact: {
    summary: 'Update a contact',
    description: 'Replaces the contact’s details.',
    tag: 'Contacts',
    widgets: ['guardian-manager'],
  },
  removeContact: {
    summary: 'Remove a contact',
    description: 'Removes the contact. If they were a portal user of the client, their portal access ends with the removal and their permission groups are deleted.',
    tag: 'Contacts',
    widgets: ['guardian-manager'],
  },
  inviteContact: {
    summary: 'Invite a contact as a portal user',
    description: 'Enrolls the contact as a portal user of the client and emails them an invitation, or resends it.',
    tag: 'Contacts',
    widgets: invite,
  },
  listDocumentTemplates: {
    summary: 'List document templates',
    description: 'The templates intake documents are assigned from.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  listClientDocumentTemplates: {
    summary: "List templates with the client's documents from them",
    description:
      'Every template, each with the newest document the client has from it (open or completed, never cancelled), so staff see what was already sent before sending it again.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  listDocuments: {
    summary: "List a client's intake documents",
    description:
      'One page of documents with their status and required-section progress, filtered (status, title) and sorted. Cancelled documents are listed only with `status=cancelled`. `offset` jumps to a page; `cursor` walks from one.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  searchDocuments: {
    summary: "Search a client's intake documents by title",
    description:
      '`listDocuments` with a title search (case- and accent-insensitive "contains"), as a POST so the typed text stays out of URLs and logs. Same filters, sort, paging and answer; changes nothing.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  assignDocuments: {
    summary: 'Assign documents',
    description:
      'Creates one document per template and emails the client one message per document (and recipient). Sharing with a client without portal access grants it and sends the invitation. A template the client already has a document from (open or completed) is sent again only when listed in `sendAgain`; otherwise the request is refused with `409 document_already_assigned` and nothing is sent.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  remindDocument: {
    summary: 'Remind about a document',
    description: 'Emails a reminder to fill out and sign the document. Not for completed documents, nor within the reminder cooldown.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  cancelDocument: {
    summary: 'Cancel a document',
    description: 'Withdraws a document the client has not signed yet.',
    tag: 'Documents',
    widgets: ['intake-document-list'],
  },
  getPaymentMethods: {
    summary: "Get a client's payment methods",
    description: 'Saved cards (brand, last 4, expiry: never a number) and insurance methods with their card images.',
    tag: 'Billing',
    widgets: billing,
  },
  addCard: {
    summary: 'Save a card',
    description: 'Saves a card the processor tokenized. Card numbers never reach this API.',
    tag: 'Billing',
    widgets: billing,
  },
  setDefaultPaymentMethod: {
    summary: 'Make a card the default',
    description: 'Makes the saved card the default payment method.',
    tag: 'Billing',
    widgets: billing,
  },
  removePaymentMethod: {
    summary: 'Remove a saved card',
    description: 'Removes the saved card from the profile.',
    tag: 'Billing',
    widgets: billing,
  },
  uploadInsuranceCard: {
    summary: 'Upload an insurance card image',
    description: 'Stores one side of the insurance card: the raw JPEG, PNG or WebP image, at most 5 MB. Needs an insurance method on the profile.',
    tag: 'Billing',
    widgets: billing,
  },
  getInvoices: {
    summary: "Get a client's invoices",
    description: 'The invoices shared with the client and the outstanding balance.',
    tag: 'Billing',
    widgets: billing,
  },
  pay: {
    summary: 'Pay the balance or whole invoices',
    description:
      'Charges a saved or freshly tokenized card for the full balance or whole invoices: never an amount. Needs an `Idempotency-Key`: a retry with the same key and body returns the first answer and charges nothing more.',
    tag: 'Billing',
    widgets: billing,
  },
  listPayments: {
    summary: "List a client's card payments",
    description: 'Card payments, newest first. Insurance payments and invoices are not included.',
    tag: 'Billing',
    widgets: billing,
  },
  listActivity: {
    summary: "List a client's activity trail",
    description:
      "Every write the API accepted for the client (and each declined payment), newest first: when, who (a staff member with their role, the client, or a portal user), what (a kind from a fixed list) and the ids involved. Email addresses are masked (`b•••@example.com`) when recorded; free text from forms (invitation messages) is never recorded. `kind` keeps one kind; `cursor` walks older entries and stays valid while new ones arrive.",
    tag: 'Activity',
    widgets: ['portal-activity-log'],
  },
  getPortalOverview: {
    summary: 'Count clients by portal access state and diagnosis finding',
    description:
      'The diagnosis `<portal-invite-status>` shows for one client, run over every client of the practice, as counts: clients per access state (not invited, invited, active, disabled) with what holds each group, and clients per finding. A client can have several findings. "Not signed in yet" counts only invitations at least `unansweredAfterDays` old. One answer whatever the size of the practice.',
    tag: 'Practice overview',
    widgets: ['portal-practice-overview'],
  },
  listPortalOverviewClients: {
    summary: 'List the clients behind one finding',
    description: 'One page of the clients with a finding, by last name: id, display name, access state, the finding\'s evidence (addresses, dates, the guardian concerned) and the fix that unblocks it.',
    tag: 'Practice overview',
    widgets: ['portal-practice-overview'],
  },
  searchPortalOverviewClients: {
    summary: 'Search the clients behind one finding by name',
    description: '`listPortalOverviewClients` filtered by name (case- and accent-insensitive "contains"), as a POST so the typed name stays out of URLs and logs. Changes nothing.',
    tag: 'Practice overview',
    widgets: ['portal-practice-overview'],
  },
  sendBulkInvitations: {
    summary: 'Send invitations to a finding\'s clients (or a dry run)',
    description:
      'Sends the portal invitation to every client of a finding (`not_invited`, `never_signed_in`, `invitation_expired`) or to chosen `clientIds`, each under the rules of a single send: the practice portal on, access not disabled, never signed in, out of the resend cooldown, an address with consent (a legal guardian for a minor). Mistyped, bounced and spam-complaint addresses are never sent to in bulk. Each client is answered `sent` or `skipped` with its reason, with the number of emails. `dryRun: true` answers exactly what a send would do now and sends nothing. At most 500 clients per request (`remaining` says how many of the finding are left). Needs an `Idempotency-Key`, and the staff capability `portal.invite` (otherwise 403).',
    tag: 'Practice overview',
    widgets: ['portal-practice-overview'],
  },
};

/** Status (from the shared table) and when each problem happens. */
export const problems = Object.fromEntries(
  Object.entries(problemWhen).map(([code, { when }]) => [code, { status: problemStatus[code as ProblemCode], when }]),
) as Record<ProblemCode, { status: number; when: string }>;

