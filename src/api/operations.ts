import * as z from 'zod/mini';
import { lazySchema } from '../schemas/lazy.js';
import {
  ActivityKind,
  ActivityPage,
  ClientPermissions,
  ClientPermissionsUpdate,
  ClientDocumentTemplates,
  ClientSummary,
  Contact,
  Contacts,
  ContactInput,
  DocumentAssignment,
  DocumentAssignmentResult,
  DocumentReminderResult,
  DocumentSort,
  DocumentStatus,
  DocumentTemplates,
  IntakeDocument,
  IntakeDocumentPage,
  InvitationRequest,
  Invoices,
  NewCard,
  Payment,
  PaymentMethods,
  PaymentPage,
  PaymentRequest,
  PortalAccess,
  PortalEmailChange,
  PracticeSettings,
  PracticeSettingsUpdate,
  SignInPin,
  CardMethod,
  InsuranceMethod,
  Session,
  type Capability,
  type ProblemCode,
  PortalOverview,
  OverviewClientPage,
  OverviewClientSearch,
  OverviewFinding,
  BulkInvitationRequest,
  BulkInvitationResult,
} from '../schemas/index.js';
import { ASSIGNMENT_BLOCKERS } from '../domain/assignment-plan.js';
import { CANCEL_REFUSALS, REMINDER_REFUSALS, RESEND_CONFIRMATION_REFUSALS } from '../domain/document-rules.js';
import { RECIPIENT_BLOCKERS } from '../domain/invitation-recipients.js';
import { INVITATION_REFUSALS, REENABLE_REFUSALS } from '../domain/invitation-rules.js';
import { PAYMENT_AMOUNT_REFUSALS, PAYMENT_BLOCKERS } from '../domain/payment-rules.js';
import { PERMISSION_PROBLEMS } from '../domain/permission-rules.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a widget shows, named so it can tell which of its data a write changed. */
export type ResourceName =
  | 'practice'
  | 'client'
  | 'portal-access'
  | 'permissions'
  | 'contacts'
  | 'documents'
  | 'payment-methods'
  | 'invoices'
  | 'payments'
  /** A client's activity trail: every accepted write for the client adds to it. */
  | 'activity'
  | 'portal-overview';

/**
 * One operation of the portal API: its row holds what the browser needs to call it. The client's
 * method (its arguments, caching, invalidation, events) is built from the row, the mock server
 * routes and checks requests by it, and the OpenAPI document and docs/*.md lists are generated from
 * it. Keyed by the row's name, and asked for by type-check: the problem codes its rules answer
 * (`operationRules`, below the rows, so they stay out of the browser bundle), its behaviour in the
 * mock (`mock-server/handlers`) and its prose (`scripts/openapi/operation-docs.ts`).
 */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI-style path, relative to the API base: `/clients/{clientId}`. */
  path: string;
  /** JSON request body; `'image'` for a raw image upload. */
  body?: z.core.$ZodType | 'image';
  query?: z.core.$ZodObject;
  /** Response body; `null` for 204 No Content. */
  response: z.core.$ZodType | null;
  /** 201 for creations; 200 otherwise (204 when `response` is null). */
  status?: 200 | 201;
  /** Sends `If-Match: "<version>"`; a stale version answers 412. */
  ifMatch?: boolean;
  /** Requires an `Idempotency-Key` header (and may then be retried). */
  idempotencyKey?: boolean;
  /**
   * A read sent as a POST so its free text (a search) stays out of the URL, where logs keep it:
   * changes nothing, is retried like a GET and is never announced as a write.
   */
  safe?: boolean;
  /**
   * The capability the signed-in staff member needs (`GET /session` lists theirs); without it the
   * server answers `403 missing_capability` before looking at the request. Every write has one.
   */
  capability?: Capability;
  /**
   * A second capability some requests need as well: `applies` says which (from the valid body),
   * `when` says it in the API documentation.
   */
  alsoRequires?: { capability: Capability; when: string; applies: (body: never) => boolean };
  /**
   * A read: the resource it returns, so a write's effects can tell which answers it made stale
   * (`null`: nothing a write changes). Every read has one.
   */
  resource?: ResourceName | null;
  /** A read whose answer is kept for `cacheTtlMs`; every other read is only shared while in flight. */
  cached?: true;
  /**
   * A write: the resources it changes (from the body when a function). Drives cache invalidation
   * and `portal-data-changed`; every accepted write for a client also adds to its `activity`.
   */
  effects?: readonly ResourceName[] | ((body: never) => readonly ResourceName[]);
  /**
   * A write that answers with the resource as a read of it would (the same schema): the client
   * keeps the answer for that read instead of forgetting it, so the refresh that follows the write
   * is served without a request.
   */
  returnsRead?: string;
}

const op = <const T extends Operation>(o: T) => o;

export const DocumentListQuery = lazySchema(() => z.object({
  /** Absent: every document but the cancelled ones; `cancelled`: only those. */
  status: z.optional(DocumentStatus),
  sort: z.optional(DocumentSort),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  /** Rows to skip, to jump straight to a page; not together with `cursor`. */
  offset: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(0), z.maximum(1_000_000))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
}));
export type DocumentListQuery = z.input<typeof DocumentListQuery>;

/**
 * `listDocuments` with a title search. Free text never goes in a query string (docs/api.md, "No
 * PHI in URLs"), so the search is a POST body with the same filters, sort and paging.
 */
export const DocumentSearch = lazySchema(() => z.strictObject({
  /** Documents whose title contains this text, ignoring case and accents. */
  title: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.optional(DocumentStatus),
  sort: z.optional(DocumentSort),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  offset: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
}));
export type DocumentSearch = z.input<typeof DocumentSearch>;

export const PageQuery = lazySchema(() => z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
}));
export type PageQuery = z.input<typeof PageQuery>;

/** `listActivity`: newest first, optionally one kind only; walked with `nextCursor`. */
export const ActivityQuery = lazySchema(() => z.object({
  kind: z.optional(ActivityKind),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
}));
export type ActivityQuery = z.input<typeof ActivityQuery>;
/** `listPortalOverviewClients`: the clients behind one finding, a page at a time (ids and the finding only: no PHI). */
export const OverviewClientQuery = lazySchema(() => z.object({
  finding: OverviewFinding,
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
}));
export type OverviewClientQuery = z.input<typeof OverviewClientQuery>;

export const operations = {
  /**
   * Who is signed in and their capabilities. Read once per page and shared by every widget (kept for
   * `cacheTtlMs`); forgotten when a write answers `403 missing_capability`, so the next read is fresh.
   */
  getSession: op({ method: 'get', path: '/session', response: Session, resource: null, cached: true }),

  getPractice: op({ method: 'get', path: '/practice', response: PracticeSettings, resource: 'practice', cached: true }),
  updatePractice: op({ method: 'patch', path: '/practice', body: PracticeSettingsUpdate, response: PracticeSettings, ifMatch: true, capability: 'practice.settings', effects: ['practice'], returnsRead: 'getPractice' }),

  getClient: op({ method: 'get', path: '/clients/{clientId}', response: ClientSummary, resource: 'client', cached: true }),

  getPortalAccess: op({ method: 'get', path: '/clients/{clientId}/portal-access', response: PortalAccess, resource: 'portal-access' }),
  sendInvitation: op({ method: 'post', path: '/clients/{clientId}/portal-access/invitations', body: InvitationRequest, response: PortalAccess, status: 201, capability: 'portal.invite', effects: ['portal-access'], returnsRead: 'getPortalAccess' }),
  /** `version`: the portal access version read, so a change made elsewhere meanwhile is refused (412). */
  changePortalEmail: op({ method: 'post', path: '/clients/{clientId}/portal-access/email', body: PortalEmailChange, response: PortalAccess, ifMatch: true, capability: 'portal.email',
    alsoRequires: { capability: 'portal.invite', when: 'with `disableAndResend` (the new address is invited)', applies: (body: PortalEmailChange) => body.disableAndResend },
    effects: ['portal-access', 'client'], returnsRead: 'getPortalAccess' }),
  disablePortalAccess: op({ method: 'post', path: '/clients/{clientId}/portal-access/disable', response: PortalAccess, ifMatch: true, capability: 'portal.disable', effects: ['portal-access'], returnsRead: 'getPortalAccess' }),
  createSignInPin: op({ method: 'post', path: '/clients/{clientId}/portal-access/pins', response: SignInPin, status: 201, capability: 'portal.pin', effects: ['portal-access'] }),

  getPermissions: op({ method: 'get', path: '/clients/{clientId}/permissions', response: ClientPermissions, resource: 'permissions' }),
  updatePermissions: op({ method: 'put', path: '/clients/{clientId}/permissions', body: ClientPermissionsUpdate, response: ClientPermissions, ifMatch: true, capability: 'permissions.edit', effects: ['permissions'], returnsRead: 'getPermissions' }),

  listContacts: op({ method: 'get', path: '/clients/{clientId}/contacts', response: Contacts, resource: 'contacts' }),
  createContact: op({ method: 'post', path: '/clients/{clientId}/contacts', body: ContactInput, response: Contact, status: 201, capability: 'contacts.edit', effects: ['contacts'] }),
  updateContact: op({ method: 'put', path: '/clients/{clientId}/contacts/{contactId}', body: ContactInput, response: Contact, ifMatch: true, capability: 'contacts.edit', effects: ['contacts'] }),
  removeContact: op({ method: 'delete', path: '/clients/{clientId}/contacts/{contactId}', response: null, ifMatch: true, capability: 'contacts.edit', effects: ['contacts', 'permissions'] }),
  inviteContact: op({ method: 'post', path: '/clients/{clientId}/contacts/{contactId}/invitations', body: InvitationRequest, response: Contact, status: 201, capability: 'portal.invite', effects: ['contacts', 'permissions'] }),

  listDocumentTemplates: op({ method: 'get', path: '/document-templates', response: DocumentTemplates, resource: null, cached: true }),
  /** The templates, each with the client's newest document from it: what "Assign documents" offers. */
  listClientDocumentTemplates: op({ method: 'get', path: '/clients/{clientId}/documents/templates', response: ClientDocumentTemplates, resource: 'documents' }),
  listDocuments: op({ method: 'get', path: '/clients/{clientId}/documents', query: DocumentListQuery, response: IntakeDocumentPage, resource: 'documents' }),
  /** `listDocuments` with a title search; a POST so the typed text stays out of the URL. */
  searchDocuments: op({ method: 'post', path: '/clients/{clientId}/documents/search', body: DocumentSearch, response: IntakeDocumentPage, safe: true, resource: 'documents' }),
  assignDocuments: op({ method: 'post', path: '/clients/{clientId}/documents', body: DocumentAssignment, response: DocumentAssignmentResult, status: 201, capability: 'documents.assign', effects: ['documents', 'portal-access'] }),
  remindDocument: op({ method: 'post', path: '/clients/{clientId}/documents/{documentId}/reminders', response: DocumentReminderResult, status: 201, capability: 'documents.assign', effects: ['documents'] }),
  cancelDocument: op({ method: 'post', path: '/clients/{clientId}/documents/{documentId}/cancel', response: IntakeDocument, capability: 'documents.cancel', effects: ['documents'] }),

  getPaymentMethods: op({ method: 'get', path: '/clients/{clientId}/payment-methods', response: PaymentMethods, capability: 'billing.view', resource: 'payment-methods' }),
  addCard: op({ method: 'post', path: '/clients/{clientId}/payment-methods/cards', body: NewCard, response: CardMethod, status: 201, capability: 'billing.cards', effects: ['payment-methods'] }),
  setDefaultPaymentMethod: op({ method: 'post', path: '/clients/{clientId}/payment-methods/{paymentMethodId}/default', response: PaymentMethods, capability: 'billing.cards', effects: ['payment-methods'], returnsRead: 'getPaymentMethods' }),
  removePaymentMethod: op({ method: 'delete', path: '/clients/{clientId}/payment-methods/{paymentMethodId}', response: null, capability: 'billing.cards', effects: ['payment-methods'] }),
  /** Sends the image as is, with its own content type (JPEG, PNG or WebP, at most 5 MB). */
  uploadInsuranceCard: op({ method: 'put', path: '/clients/{clientId}/insurance-card/{side}', body: 'image', response: InsuranceMethod, capability: 'billing.cards', effects: ['payment-methods'] }),

  getInvoices: op({ method: 'get', path: '/clients/{clientId}/invoices', response: Invoices, capability: 'billing.view', resource: 'invoices' }),
  /** Retrying the same payment must reuse its key: the server then answers without charging again. */
  pay: op({ method: 'post', path: '/clients/{clientId}/payments', body: PaymentRequest, response: Payment, status: 201, idempotencyKey: true, capability: 'billing.charge',
    alsoRequires: { capability: 'billing.cards', when: 'when a new card is saved with the payment (`source.saveCard`)', applies: (body: PaymentRequest) => body.source.kind === 'new_card' && body.source.saveCard },
    effects: (body: PaymentRequest) => (body.source.kind === 'new_card' && body.source.saveCard ? ['invoices', 'payments', 'payment-methods'] : ['invoices', 'payments']) }),
  listPayments: op({ method: 'get', path: '/clients/{clientId}/payments', query: PageQuery, response: PaymentPage, capability: 'billing.view', resource: 'payments' }),

  /** The client's activity trail, newest first; `kind` keeps one kind of entry. */
  listActivity: op({ method: 'get', path: '/clients/{clientId}/activity', query: ActivityQuery, response: ActivityPage, capability: 'activity.view', resource: 'activity' }),
  /** Clients counted by access state and by diagnosis finding, practice-wide, in one answer. */
  getPortalOverview: op({ method: 'get', path: '/portal-overview', response: PortalOverview, resource: 'portal-overview' }),
  /** One page of the clients behind a finding. */
  listPortalOverviewClients: op({ method: 'get', path: '/portal-overview/clients', query: OverviewClientQuery, response: OverviewClientPage, resource: 'portal-overview' }),
  /** `listPortalOverviewClients` filtered by name; a POST so the typed name stays out of the URL. */
  searchPortalOverviewClients: op({ method: 'post', path: '/portal-overview/search', body: OverviewClientSearch, response: OverviewClientPage, safe: true, resource: 'portal-overview' }),
  // A dry run changes nothing; a send changes the access of every client it reached (clientId null).
  /**
   * Invitations for a finding's clients or for chosen clients; with `dryRun`, what would happen.
   * Each attempt has its own key; retrying that attempt reuses it, so nothing is sent twice.
   */
  sendBulkInvitations: op({ method: 'post', path: '/portal-overview/bulk-invitations', body: BulkInvitationRequest, response: BulkInvitationResult, idempotencyKey: true, capability: 'portal.invite',
    effects: (body: BulkInvitationRequest) => (body.dryRun ? [] : ['portal-access', 'contacts', 'portal-overview']) }),
} satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** Fails type-check when a write (not a GET, not a safe POST) has no `capability`: every write is someone's to make. */
type WritesWithoutCapability = {
  [K in OperationName]: Operations[K] extends { method: 'get' } | { safe: true } | { capability: Capability } ? never : K;
}[OperationName];
type AssertNone<T extends never> = T;
export type MissingCapabilities = AssertNone<WritesWithoutCapability>;

/** Reads: GETs, and searches sent as a POST (`safe`). */
export type ReadOperationName = { [K in OperationName]: Operations[K] extends { method: 'get' } | { safe: true } ? K : never }[OperationName];
export type WriteOperationName = Exclude<OperationName, ReadOperationName>;

/**
 * Fails type-check when a read does not say which resource it returns, a write does not say what it
 * changes, or a write's `returnsRead` is not a read answering with the same schema.
 */
type RowsOutOfShape = {
  [K in OperationName]: K extends ReadOperationName
    ? Operations[K] extends { resource: ResourceName | null } ? never : K
    : Operations[K] extends { effects: unknown }
      ? Operations[K] extends { returnsRead: infer R }
        ? R extends ReadOperationName ? (Operations[R]['response'] extends Operations[K]['response'] ? never : K) : K
        : never
      : K;
}[OperationName];
export type MisshapenRows = AssertNone<RowsOutOfShape>;

/** The capabilities one request needs: its operation's, and the second one when its body calls for it. */
export function requiredCapabilities(name: OperationName, body?: unknown): Capability[] {
  const op: Operation = operations[name];
  const needed: Capability[] = op.capability ? [op.capability] : [];
  if (op.alsoRequires && body !== undefined && op.alsoRequires.applies(body as never)) needed.push(op.alsoRequires.capability);
  return needed;
}


/**
 * Rules only the server enforces (no widget decides with them), by the codes they answer. The
 * rules widgets share live in `src/domain` with their own code lists.
 */
const SERVER_RULES = {
  /** A new portal email needs the client's consent to it. */
  emailConsent: ['no_consented_email'],
  /** A contact is invited at a consented address of theirs. */
  contactAddress: ['no_consented_email'],
  /** PINs need the portal on and access not disabled (never invited: 403 `forbidden`). */
  signInPin: ['portal_off_for_practice', 'access_disabled'],
  /** Reminders are portal email: the portal on, access not disabled. */
  reminderAccess: ['portal_off_for_practice', 'access_disabled'],
  /** Saving cards needs an active online-payments account. */
  savedCards: ['no_payments_account'],
  /** A card with the same brand, last 4 and expiry is already saved (domain/saved-card). */
  savedCardDuplicate: ['card_already_saved'],
  /** The processor declines the card (or it has expired). */
  charge: ['card_declined'],
  /** A payment body never carries an amount. */
  noAmount: ['amount_not_allowed'],
  /** Insurance card images need an insurance method on the profile. */
  insuranceMethod: ['no_insurance_method'],
  /** A client has at most `LIST_LIMITS.contacts` contacts: the list answer never exceeds its maximum. */
  contactLimit: ['too_many_contacts'],
} as const satisfies Record<string, readonly ProblemCode[]>;

/**
 * The rules each operation applies, as the lists of codes they answer (`src/domain` lists, or
 * `SERVER_RULES`): with what its row implies (`declaredProblems`) this is every problem an operation
 * can answer. The OpenAPI document declares exactly these; the mock server records any other answer
 * as a bug. Beside the rows rather than in them: only the mock, the OpenAPI script and the
 * conformance kit read it, so it stays out of the browser bundle (about 1 KB).
 */
export const operationRules: Record<OperationName, readonly (readonly ProblemCode[])[]> = {
  getSession: [],
  getPractice: [],
  updatePractice: [],
  getClient: [],
  getPortalAccess: [],
  sendInvitation: [INVITATION_REFUSALS, RECIPIENT_BLOCKERS],
  changePortalEmail: [SERVER_RULES.emailConsent, REENABLE_REFUSALS, RECIPIENT_BLOCKERS],
  disablePortalAccess: [],
  createSignInPin: [SERVER_RULES.signInPin],
  getPermissions: [],
  updatePermissions: [PERMISSION_PROBLEMS],
  listContacts: [],
  createContact: [SERVER_RULES.contactLimit],
  updateContact: [],
  removeContact: [],
  inviteContact: [INVITATION_REFUSALS, SERVER_RULES.contactAddress],
  listDocumentTemplates: [],
  listClientDocumentTemplates: [],
  listDocuments: [],
  searchDocuments: [],
  assignDocuments: [ASSIGNMENT_BLOCKERS, RESEND_CONFIRMATION_REFUSALS],
  remindDocument: [REMINDER_REFUSALS, SERVER_RULES.reminderAccess, RECIPIENT_BLOCKERS],
  cancelDocument: [CANCEL_REFUSALS],
  getPaymentMethods: [],
  addCard: [SERVER_RULES.savedCards, SERVER_RULES.savedCardDuplicate, SERVER_RULES.charge],
  setDefaultPaymentMethod: [],
  removePaymentMethod: [],
  uploadInsuranceCard: [SERVER_RULES.insuranceMethod],
  getInvoices: [],
  pay: [PAYMENT_BLOCKERS, PAYMENT_AMOUNT_REFUSALS, SERVER_RULES.charge, SERVER_RULES.noAmount],
  listPayments: [],
  listActivity: [],
  getPortalOverview: [],
  listPortalOverviewClients: [],
  searchPortalOverviewClients: [],
  // Every rule a single invitation meets answers per client (`results[].reason`), never as a problem.
  sendBulkInvitations: [],
};

/**
 * Every problem code an operation can answer: what its row implies (auth, path ids, body, query,
 * If-Match, Idempotency-Key) plus the codes of the rules it applies (`operationRules`).
 */
export function declaredProblems(name: OperationName): ProblemCode[] {
  const op: Operation = operations[name];
  const codes: ProblemCode[] = ['unauthorized', 'forbidden'];
  if (op.capability) codes.push('missing_capability');
  // A path id can be malformed (bad percent-encoding) or unknown.
  if (op.path.includes('{')) codes.push('bad_request', 'not_found');
  if (op.query) codes.push('bad_request');
  if (op.body) codes.push('bad_request', 'request_timeout');
  if (op.body === 'image') codes.push('unsupported_image', 'image_type_mismatch', 'image_too_large');
  else if (op.body) codes.push('unsupported_media_type', 'payload_too_large');
  if (op.ifMatch) codes.push('bad_request', 'stale_version', 'precondition_required');
  if (op.idempotencyKey) codes.push('idempotency_key_required', 'idempotency_key_reused');
  for (const rule of operationRules[name]) codes.push(...rule);
  codes.push('internal', 'unavailable');
  return [...new Set(codes)];
}

/** Fills `{param}` placeholders; every value is URI-encoded (ids only, never names or emails). */
export function expandPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
