import * as z from 'zod/mini';
import {
  ClientPermissions,
  ClientPermissionsUpdate,
  ClientDocumentTemplate,
  ClientSummary,
  Contact,
  ContactInput,
  DocumentAssignment,
  DocumentAssignmentResult,
  DocumentReminderResult,
  DocumentSort,
  DocumentStatus,
  DocumentTemplate,
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
} from '../schemas/index.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One operation of the portal API. This table is the single description of paths and payloads:
 * the client calls through it, the mock server registers handlers from it, and the OpenAPI
 * document is generated from it.
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
}

const op = <const T extends Operation>(o: T) => o;

export const DocumentListQuery = z.object({
  /** Absent: every document but the cancelled ones; `cancelled`: only those. */
  status: z.optional(DocumentStatus),
  sort: z.optional(DocumentSort),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  /** Rows to skip, to jump straight to a page; not together with `cursor`. */
  offset: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(0), z.maximum(1_000_000))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
});
export type DocumentListQuery = z.input<typeof DocumentListQuery>;

/**
 * `listDocuments` with a title search. Free text never goes in a query string (docs/api.md, "No
 * PHI in URLs"), so the search is a POST body with the same filters, sort and paging.
 */
export const DocumentSearch = z.strictObject({
  /** Documents whose title contains this text, ignoring case and accents. */
  title: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.optional(DocumentStatus),
  sort: z.optional(DocumentSort),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  offset: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
});
export type DocumentSearch = z.input<typeof DocumentSearch>;

export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(200))),
});
export type PageQuery = z.input<typeof PageQuery>;

export const operations = {
  getPractice: op({ method: 'get', path: '/practice', response: PracticeSettings }),
  updatePractice: op({ method: 'patch', path: '/practice', body: PracticeSettingsUpdate, response: PracticeSettings, ifMatch: true }),

  getClient: op({ method: 'get', path: '/clients/{clientId}', response: ClientSummary }),

  getPortalAccess: op({ method: 'get', path: '/clients/{clientId}/portal-access', response: PortalAccess }),
  sendInvitation: op({ method: 'post', path: '/clients/{clientId}/portal-access/invitations', body: InvitationRequest, response: PortalAccess, status: 201 }),
  changePortalEmail: op({ method: 'post', path: '/clients/{clientId}/portal-access/email', body: PortalEmailChange, response: PortalAccess, ifMatch: true }),
  disablePortalAccess: op({ method: 'post', path: '/clients/{clientId}/portal-access/disable', response: PortalAccess, ifMatch: true }),
  createSignInPin: op({ method: 'post', path: '/clients/{clientId}/portal-access/pins', response: SignInPin, status: 201 }),

  getPermissions: op({ method: 'get', path: '/clients/{clientId}/permissions', response: ClientPermissions }),
  updatePermissions: op({ method: 'put', path: '/clients/{clientId}/permissions', body: ClientPermissionsUpdate, response: ClientPermissions, ifMatch: true }),

  listContacts: op({ method: 'get', path: '/clients/{clientId}/contacts', response: z.array(Contact) }),
  createContact: op({ method: 'post', path: '/clients/{clientId}/contacts', body: ContactInput, response: Contact, status: 201 }),
  updateContact: op({ method: 'put', path: '/clients/{clientId}/contacts/{contactId}', body: ContactInput, response: Contact, ifMatch: true }),
  removeContact: op({ method: 'delete', path: '/clients/{clientId}/contacts/{contactId}', response: null, ifMatch: true }),
  inviteContact: op({ method: 'post', path: '/clients/{clientId}/contacts/{contactId}/invitations', body: InvitationRequest, response: Contact, status: 201 }),

  listDocumentTemplates: op({ method: 'get', path: '/document-templates', response: z.array(DocumentTemplate) }),
  listClientDocumentTemplates: op({ method: 'get', path: '/clients/{clientId}/documents/templates', response: z.array(ClientDocumentTemplate) }),
  listDocuments: op({ method: 'get', path: '/clients/{clientId}/documents', query: DocumentListQuery, response: IntakeDocumentPage }),
  searchDocuments: op({ method: 'post', path: '/clients/{clientId}/documents/search', body: DocumentSearch, response: IntakeDocumentPage, safe: true }),
  assignDocuments: op({ method: 'post', path: '/clients/{clientId}/documents', body: DocumentAssignment, response: DocumentAssignmentResult, status: 201 }),
  remindDocument: op({ method: 'post', path: '/clients/{clientId}/documents/{documentId}/reminders', response: DocumentReminderResult, status: 201 }),
  cancelDocument: op({ method: 'post', path: '/clients/{clientId}/documents/{documentId}/cancel', response: IntakeDocument }),

  getPaymentMethods: op({ method: 'get', path: '/clients/{clientId}/payment-methods', response: PaymentMethods }),
  addCard: op({ method: 'post', path: '/clients/{clientId}/payment-methods/cards', body: NewCard, response: CardMethod, status: 201 }),
  setDefaultPaymentMethod: op({ method: 'post', path: '/clients/{clientId}/payment-methods/{paymentMethodId}/default', response: PaymentMethods }),
  removePaymentMethod: op({ method: 'delete', path: '/clients/{clientId}/payment-methods/{paymentMethodId}', response: null }),
  uploadInsuranceCard: op({ method: 'put', path: '/clients/{clientId}/insurance-card/{side}', body: 'image', response: InsuranceMethod }),

  getInvoices: op({ method: 'get', path: '/clients/{clientId}/invoices', response: Invoices }),
  pay: op({ method: 'post', path: '/clients/{clientId}/payments', body: PaymentRequest, response: Payment, status: 201, idempotencyKey: true }),
  listPayments: op({ method: 'get', path: '/clients/{clientId}/payments', query: PageQuery, response: PaymentPage }),
} satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** Fills `{param}` placeholders; every value is URI-encoded (ids only, never names or emails). */
export function expandPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
