import ky, { isHTTPError, isTimeoutError, type KyResponse } from 'ky';
import * as z from 'zod/mini';
import {
  LIST_LIMITS,
  Problem,
  type CardSide,
  type ClientPermissionsUpdate,
  type ContactInput,
  type DocumentAssignment,
  type InvitationRequest,
  type NewCard,
  type PaymentRequest,
  type PortalEmailChange,
  type PracticeSettingsUpdate,
  type BulkInvitationRequest,
  type OverviewClientSearch,
} from '../schemas/index.js';
import { expandPath, operations, type ActivityQuery, type DocumentListQuery, type DocumentSearch, type Operation, type OperationName, type Operations, type OverviewClientQuery, type PageQuery } from './operations.js';
import { findOversized, readBoundedText, validateSliced } from './read-answer.js';
import { AuthError, ConflictError, HttpError, NetworkError, PreconditionFailedError, ResponseValidationError, TimeoutError, type PortalApiErrorInit } from './errors/index.js';

export interface PortalClientOptions {
  /** Base URL of the portal API. A relative one resolves against `document.baseURI`. */
  apiBase: string;
  /** Returns the bearer token; called with `forceRefresh: true` once after a 401. */
  getToken?: (opts: { forceRefresh: boolean }) => Promise<string | null> | string | null;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** Retries of idempotent calls on network errors, timeouts, 408 and 5xx. Default 2. */
  retryLimit?: number;
  /** First retry delay, doubling each time. Default 300. */
  retryDelayMs?: number;
  /** How long `getSession`, `getPractice`, `getClient` and `listDocumentTemplates` results are reused. Default 30000. */
  cacheTtlMs?: number;
  /** Sent as `Accept-Language`. */
  locale?: string;
  fetch?: typeof fetch;
}

/** Query of `listDocuments`: filters and a cursor only, never PHI. */
export type DocumentListParams = Omit<DocumentListQuery, 'limit'> & { limit?: number };
export type PageParams = Omit<PageQuery, 'limit'> & { limit?: number };
/** Query of `listActivity`: a kind and a cursor only, never PHI. */
export type ActivityParams = Omit<ActivityQuery, 'limit'> & { limit?: number };

export interface CallOptions {
  signal?: AbortSignal;
}

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

export interface PortalDataChangedDetail {
  /** `null` for practice-wide changes. */
  clientId: string | null;
  resources: ResourceName[];
  operation: OperationName;
}
export type PortalDataChangedEvent = CustomEvent<PortalDataChangedDetail>;

type Op<N extends OperationName> = Operations[N];
export type ReadOperationName = { [K in OperationName]: Op<K>['method'] extends 'get' ? K : Op<K> extends { safe: true } ? K : never }[OperationName];
type WriteOperationName = Exclude<OperationName, ReadOperationName>;
type Result<N extends OperationName> = Op<N>['response'] extends z.core.$ZodType ? z.output<Op<N>['response']> : void;

/** Which resource each read returns (`null`: nothing a write changes). */
const reads: Record<ReadOperationName, ResourceName | null> = {
  getSession: null,
  getPractice: 'practice',
  getClient: 'client',
  getPortalAccess: 'portal-access',
  getPermissions: 'permissions',
  listContacts: 'contacts',
  listDocumentTemplates: null,
  listClientDocumentTemplates: 'documents',
  searchDocuments: 'documents',
  listDocuments: 'documents',
  getPaymentMethods: 'payment-methods',
  getInvoices: 'invoices',
  listPayments: 'payments',
  listActivity: 'activity',
  getPortalOverview: 'portal-overview',
  listPortalOverviewClients: 'portal-overview',
  searchPortalOverviewClients: 'portal-overview',
};

/** The practice overview counts what these say of every client: a change to any moves it. */
const overviewCounts: readonly ResourceName[] = ['practice', 'client', 'portal-access', 'contacts'];

/** What these reads show: a write that changes one of these makes a widget that made them load again. */
export function resourcesShownBy(names: readonly ReadOperationName[]): ResourceName[] {
  const shown = names.map((name) => reads[name]).filter((r) => r !== null);
  return [...new Set(shown.includes('portal-overview') ? [...shown, ...overviewCounts] : shown)];
}

/** Reads whose results are kept for `cacheTtlMs`; every other GET is only shared while in flight. */
const cachedReads: readonly OperationName[] = ['getSession', 'getPractice', 'getClient', 'listDocumentTemplates'];

/** Which resources each write changes: drives cache invalidation and `portal-data-changed`. */
export const writeEffects: Record<WriteOperationName, readonly ResourceName[] | ((body: never) => readonly ResourceName[])> = {
  updatePractice: ['practice'],
  sendInvitation: ['portal-access'],
  changePortalEmail: ['portal-access', 'client'],
  disablePortalAccess: ['portal-access'],
  createSignInPin: ['portal-access'],
  updatePermissions: ['permissions'],
  createContact: ['contacts'],
  updateContact: ['contacts'],
  removeContact: ['contacts', 'permissions'],
  inviteContact: ['contacts', 'permissions'],
  assignDocuments: ['documents', 'portal-access'],
  remindDocument: ['documents'],
  cancelDocument: ['documents'],
  addCard: ['payment-methods'],
  setDefaultPaymentMethod: ['payment-methods'],
  removePaymentMethod: ['payment-methods'],
  uploadInsuranceCard: ['payment-methods'],
  pay: (body: PaymentRequest) =>
    body.source.kind === 'new_card' && body.source.saveCard ? ['invoices', 'payments', 'payment-methods'] : ['invoices', 'payments'],
  // A dry run changes nothing; a send changes the access of every client it reached (clientId null).
  sendBulkInvitations: (body: BulkInvitationRequest) => (body.dryRun ? [] : ['portal-access', 'contacts', 'portal-overview']),
};

interface CallParams {
  path?: Record<string, string>;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
}

/** One shared GET: in flight (`expires` 0) or cached until `expires`. */
interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  expires: number;
  resource: ResourceName | null;
  clientId: string | undefined;
}

const RETRY_STATUSES = [408, 500, 502, 503, 504];
/** Refusals the server still records in the client's activity trail. */
const RECORDED_REFUSALS: readonly string[] = ['card_declined'];
const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/**
 * The typed portal API client: one method per operation of the table in `operations.ts`.
 * Validates every response, refreshes the token once on 401, retries idempotent calls on transient
 * failures, shares identical GETs between widgets, and announces writes with `portal-data-changed`.
 */
export class PortalClient extends EventTarget {
  readonly options: PortalClientOptions;
  private resolvedBase?: string;
  private readonly entries = new Map<string, Entry>();
  private ended = false;

  /**
   * A request met a final 401 (still refused after a token refresh): the session has ended. Widgets
   * stop polling and refreshing until the host supplies a token again (a new `getToken`, hence a
   * new client) or a request made by a person (Try again) succeeds.
   */
  get sessionEnded(): boolean {
    return this.ended;
  }

  constructor(options: PortalClientOptions) {
    super();
    this.options = options;
  }

  /**
   * Resolved on the first request, not in the constructor: a server render (or a DOM shim without
   * `baseURI`) builds clients from relative bases it never calls.
   */
  private get base(): string {
    if (this.resolvedBase === undefined) {
      const doc = (globalThis as { document?: { baseURI?: string } }).document;
      const { apiBase } = this.options;
      this.resolvedBase = (doc?.baseURI ? new URL(apiBase, doc.baseURI).href : new URL(apiBase).href).replace(/\/+$/, '');
    }
    return this.resolvedBase;
  }

  /**
   * Who is signed in and their capabilities. Read once per page and shared by every widget (kept for
   * `cacheTtlMs`); forgotten when a write answers `403 missing_capability`, so the next read is fresh.
   */
  getSession(opts?: CallOptions) {
    return this.call('getSession', {}, opts);
  }
  getPractice(opts?: CallOptions) {
    return this.call('getPractice', {}, opts);
  }
  updatePractice(update: PracticeSettingsUpdate, version: number, opts?: CallOptions) {
    return this.call('updatePractice', { body: update, version }, opts);
  }
  getClient(clientId: string, opts?: CallOptions) {
    return this.call('getClient', { path: { clientId } }, opts);
  }
  getPortalAccess(clientId: string, opts?: CallOptions) {
    return this.call('getPortalAccess', { path: { clientId } }, opts);
  }
  sendInvitation(clientId: string, request: InvitationRequest = {}, opts?: CallOptions) {
    return this.call('sendInvitation', { path: { clientId }, body: request }, opts);
  }
  /** `version`: the portal access version read, so a change made elsewhere meanwhile is refused (412). */
  changePortalEmail(clientId: string, change: PortalEmailChange, version: number, opts?: CallOptions) {
    return this.call('changePortalEmail', { path: { clientId }, body: change, version }, opts);
  }
  disablePortalAccess(clientId: string, version: number, opts?: CallOptions) {
    return this.call('disablePortalAccess', { path: { clientId }, version }, opts);
  }
  createSignInPin(clientId: string, opts?: CallOptions) {
    return this.call('createSignInPin', { path: { clientId } }, opts);
  }
  getPermissions(clientId: string, opts?: CallOptions) {
    return this.call('getPermissions', { path: { clientId } }, opts);
  }
  updatePermissions(clientId: string, update: ClientPermissionsUpdate, version: number, opts?: CallOptions) {
    return this.call('updatePermissions', { path: { clientId }, body: update, version }, opts);
  }
  listContacts(clientId: string, opts?: CallOptions) {
    return this.call('listContacts', { path: { clientId } }, opts);
  }
  createContact(clientId: string, contact: ContactInput, opts?: CallOptions) {
    return this.call('createContact', { path: { clientId }, body: contact }, opts);
  }
  updateContact(clientId: string, contactId: string, contact: ContactInput, version: number, opts?: CallOptions) {
    return this.call('updateContact', { path: { clientId, contactId }, body: contact, version }, opts);
  }
  removeContact(clientId: string, contactId: string, version: number, opts?: CallOptions) {
    return this.call('removeContact', { path: { clientId, contactId }, version }, opts);
  }
  inviteContact(clientId: string, contactId: string, request: InvitationRequest = {}, opts?: CallOptions) {
    return this.call('inviteContact', { path: { clientId, contactId }, body: request }, opts);
  }
  listDocumentTemplates(opts?: CallOptions) {
    return this.call('listDocumentTemplates', {}, opts);
  }
  /** The templates, each with the client's newest document from it: what "Assign documents" offers. */
  listClientDocumentTemplates(clientId: string, opts?: CallOptions) {
    return this.call('listClientDocumentTemplates', { path: { clientId } }, opts);
  }
  listDocuments(clientId: string, query?: DocumentListParams, opts?: CallOptions) {
    return this.call('listDocuments', { path: { clientId }, query }, opts);
  }
  /** `listDocuments` with a title search; a POST so the typed text stays out of the URL. */
  searchDocuments(clientId: string, search: DocumentSearch, opts?: CallOptions) {
    return this.call('searchDocuments', { path: { clientId }, body: search }, opts);
  }
  assignDocuments(clientId: string, assignment: DocumentAssignment, opts?: CallOptions) {
    return this.call('assignDocuments', { path: { clientId }, body: assignment }, opts);
  }
  remindDocument(clientId: string, documentId: string, opts?: CallOptions) {
    return this.call('remindDocument', { path: { clientId, documentId } }, opts);
  }
  cancelDocument(clientId: string, documentId: string, opts?: CallOptions) {
    return this.call('cancelDocument', { path: { clientId, documentId } }, opts);
  }
  getPaymentMethods(clientId: string, opts?: CallOptions) {
    return this.call('getPaymentMethods', { path: { clientId } }, opts);
  }
  addCard(clientId: string, card: NewCard, opts?: CallOptions) {
    return this.call('addCard', { path: { clientId }, body: card }, opts);
  }
  setDefaultPaymentMethod(clientId: string, paymentMethodId: string, opts?: CallOptions) {
    return this.call('setDefaultPaymentMethod', { path: { clientId, paymentMethodId } }, opts);
  }
  removePaymentMethod(clientId: string, paymentMethodId: string, opts?: CallOptions) {
    return this.call('removePaymentMethod', { path: { clientId, paymentMethodId } }, opts);
  }
  /** Sends the image as is, with its own content type (JPEG, PNG or WebP, at most 5 MB). */
  uploadInsuranceCard(clientId: string, side: CardSide, file: Blob, opts?: CallOptions) {
    return this.call('uploadInsuranceCard', { path: { clientId, side }, body: file }, opts);
  }
  getInvoices(clientId: string, opts?: CallOptions) {
    return this.call('getInvoices', { path: { clientId } }, opts);
  }
  /** Retrying the same payment must reuse its key: the server then answers without charging again. */
  pay(clientId: string, request: PaymentRequest, idempotencyKey: string, opts?: CallOptions) {
    return this.call('pay', { path: { clientId }, body: request, idempotencyKey }, opts);
  }
  listPayments(clientId: string, query?: PageParams, opts?: CallOptions) {
    return this.call('listPayments', { path: { clientId }, query }, opts);
  }
  /** The client's activity trail, newest first; `kind` keeps one kind of entry. */
  listActivity(clientId: string, query?: ActivityParams, opts?: CallOptions) {
    return this.call('listActivity', { path: { clientId }, query }, opts);
  }
  /** Clients counted by access state and by diagnosis finding, practice-wide, in one answer. */
  getPortalOverview(opts?: CallOptions) {
    return this.call('getPortalOverview', {}, opts);
  }
  /** One page of the clients behind a finding. */
  listPortalOverviewClients(query: OverviewClientQuery, opts?: CallOptions) {
    return this.call('listPortalOverviewClients', { query }, opts);
  }
  /** `listPortalOverviewClients` filtered by name; a POST so the typed name stays out of the URL. */
  searchPortalOverviewClients(search: OverviewClientSearch, opts?: CallOptions) {
    return this.call('searchPortalOverviewClients', { body: search }, opts);
  }
  /**
   * Invitations for a finding's clients or for chosen clients; with `dryRun`, what would happen.
   * Each attempt has its own key; retrying that attempt reuses it, so nothing is sent twice.
   */
  sendBulkInvitations(request: BulkInvitationRequest, idempotencyKey: string, opts?: CallOptions) {
    return this.call('sendBulkInvitations', { body: request, idempotencyKey }, opts);
  }

  /**
   * Forgets cached and in-flight GETs under an API path, whole segments only (`/clients/cl_1`
   * covers `/clients/cl_1/contacts`, not `/clients/cl_10`), or all of them. In-flight requests
   * still answer their current callers.
   */
  invalidate(prefix = ''): void {
    const base = prefix.replace(/\/+$/, '');
    for (const key of [...this.entries.keys()]) {
      if (!base || key === base || key.startsWith(`${base}/`) || key.startsWith(`${base}?`)) this.entries.delete(key);
    }
  }

  private async call<N extends OperationName>(name: N, params: CallParams, opts: CallOptions = {}): Promise<Result<N>> {
    const op: Operation = operations[name];
    const path = params.path ?? {};
    let key = expandPath(op.path, path);
    if (params.query) {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(params.query)) if (v !== undefined) search.set(k, String(v));
      search.sort();
      const qs = search.toString();
      if (qs) key += `?${qs}`;
    }
    if (op.method === 'get') return this.shared(name as ReadOperationName, key, path.clientId, opts.signal) as Promise<Result<N>>;
    // A search sent as a POST: a read, but with a body, so it is neither shared nor announced.
    if (op.safe) return this.send(name, key, { ...params, signal: opts.signal }) as Promise<Result<N>>;

    const write = name as WriteOperationName;
    const effect = writeEffects[write];
    const clientId = path.clientId ?? null;
    // Every accepted write for a client is recorded in its activity trail (docs/api.md, "Activity").
    const resources = [...(typeof effect === 'function' ? effect(params.body as never) : effect), ...(clientId ? (['activity'] as const) : [])];
    try {
      const result = await this.send(name, key, { ...params, signal: opts.signal });
      this.forget(clientId, resources);
      this.dispatchEvent(new CustomEvent<PortalDataChangedDetail>('portal-data-changed', { detail: { clientId, resources, operation: name } }));
      return result as Result<N>;
    } catch (error) {
      // A conflict or stale version means what we hold is out of date.
      if (error instanceof ConflictError || error instanceof PreconditionFailedError) this.forget(clientId, resources);
      // The server took a capability away since the session was read: read it again next time.
      if (error instanceof AuthError && error.code === 'missing_capability') this.entries.delete(expandPath(operations.getSession.path, {}));
      // A declined payment is refused, yet on record: the trail changed.
      if (clientId && error instanceof HttpError && RECORDED_REFUSALS.includes(error.code ?? '')) {
        this.forget(clientId, ['activity']);
        this.dispatchEvent(new CustomEvent<PortalDataChangedDetail>('portal-data-changed', { detail: { clientId, resources: ['activity'], operation: name } }));
      }
      throw error;
    }
  }

  /** Drops cached reads of these resources for this client (practice reads for any client). */
  private forget(clientId: string | null, resources: readonly ResourceName[]): void {
    for (const [key, entry] of this.entries) {
      if (entry.resource && resources.includes(entry.resource) && (entry.resource === 'practice' || entry.clientId === clientId)) {
        this.entries.delete(key);
      }
    }
  }

  /** Coalesces identical GETs and caches the reads that are worth caching. */
  private shared(name: ReadOperationName, key: string, clientId: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    signal?.throwIfAborted();
    let entry = this.entries.get(key);
    if (entry?.expires && entry.expires <= Date.now()) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry?.expires) return entry.promise;
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = {
        controller,
        waiters: 0,
        expires: 0,
        resource: reads[name],
        clientId,
        promise: this.send(name, key, { signal: controller.signal }),
      };
      created.promise.then(
        () => {
          if (this.entries.get(key) !== created) return;
          if (cachedReads.includes(name)) created.expires = Date.now() + (this.options.cacheTtlMs ?? 30_000);
          else this.entries.delete(key);
        },
        () => {
          if (this.entries.get(key) === created) this.entries.delete(key);
        },
      );
      this.entries.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiters++;
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--shared.waiters === 0 && !shared.expires) {
          shared.controller.abort(signal.reason);
          if (this.entries.get(key) === shared) this.entries.delete(key);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** One call with auth: a 401 refreshes the token once and tries again. */
  private async send(name: OperationName, key: string, params: CallParams): Promise<unknown> {
    const op: Operation = operations[name];
    const { signal } = params;
    const idempotent = op.method !== 'post' && op.method !== 'patch' ? true : !!op.idempotencyKey || !!op.safe;
    for (let refreshed = false; ; refreshed = true) {
      let token: string | null | undefined;
      try {
        token = await this.options.getToken?.({ forceRefresh: refreshed });
      } catch {
        signal?.throwIfAborted();
        throw new AuthError(name);
      }
      signal?.throwIfAborted();
      try {
        const response = await this.fetch(op, key, params, token, idempotent);
        this.ended = false;
        return await this.parse(name, op, response, key);
      } catch (error) {
        if (signal?.aborted || isAbort(error)) throw error;
        if (isHTTPError(error)) {
          if (error.response.status === 401 && !refreshed && this.options.getToken) continue;
          if (error.response.status === 401) this.ended = true;
          throw await this.httpError(name, error.response, idempotent);
        }
        if (isTimeoutError(error)) throw new TimeoutError(name, { retryable: idempotent });
        if (error instanceof ResponseValidationError) throw error;
        throw new NetworkError(name, { retryable: idempotent });
      }
    }
  }

  private fetch(op: Operation, key: string, params: CallParams, token: string | null | undefined, idempotent: boolean) {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (this.options.locale) headers['accept-language'] = this.options.locale;
    if (params.version !== undefined) headers['if-match'] = `"${params.version}"`;
    if (params.idempotencyKey) headers['idempotency-key'] = params.idempotencyKey;
    let body: Blob | string | undefined;
    if (params.body instanceof Blob) {
      body = params.body;
      headers['content-type'] = params.body.type || 'application/octet-stream';
    } else if (op.body) {
      body = JSON.stringify(params.body ?? {});
      headers['content-type'] = 'application/json';
    }
    const delayMs = this.options.retryDelayMs ?? 300;
    const custom = this.options.fetch;
    return ky(this.base + key, {
      method: op.method,
      headers,
      body,
      signal: params.signal,
      timeout: this.options.timeoutMs ?? 15_000,
      // Late-bound so a fetch patched after construction (tests, MSW) is used.
      fetch: (input, init) => (custom ?? globalThis.fetch)(input, init),
      retry: {
        limit: idempotent ? (this.options.retryLimit ?? 2) : 0,
        methods: [op.method],
        delay: (attempt) => delayMs * 2 ** (attempt - 1),
        shouldRetry: ({ error }) =>
          !isAbort(error) && !params.signal?.aborted && (isHTTPError(error) ? RETRY_STATUSES.includes(error.response.status) : true),
      },
    });
  }

  /**
   * Reads and checks an answer without ever blocking the page for long: the body is read up to the
   * size limit, lists are checked against their maximums (and a page against the `limit` asked)
   * before any item is validated, and long lists are validated a slice at a time.
   */
  private async parse(name: OperationName, op: Operation, response: KyResponse, key: string): Promise<unknown> {
    if (!op.response) return undefined;
    const init = { status: response.status, requestId: requestId(response) };
    const text = await readBoundedText(response);
    if (typeof text !== 'string') throw new ResponseValidationError(name, [text.path], { ...init, oversized: text });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) throw new ResponseValidationError(name, null, init);
      throw error;
    }
    const oversized = findOversized(op.response, data, op.query ? pageLimit(key) : undefined);
    if (oversized) throw new ResponseValidationError(name, [oversized.path], { ...init, oversized });
    const result = await validateSliced(op.response, data);
    if (!result.success) throw new ResponseValidationError(name, [...new Set(result.paths)], init);
    return result.data;
  }

  private async httpError(name: OperationName, response: Response, idempotent: boolean): Promise<HttpError> {
    const { status } = response;
    let problem: Problem | undefined;
    if (/json/.test(response.headers.get('content-type') ?? '')) {
      try {
        const parsed = z.safeParse(Problem, JSON.parse(await response.text()));
        if (parsed.success) problem = parsed.data;
      } catch {
        // A broken error body still leaves the status to report.
      }
    }
    const header = Number(response.headers.get('retry-after'));
    const init: PortalApiErrorInit & { problem?: Problem } = {
      status,
      code: problem?.code,
      retryable: idempotent && RETRY_STATUSES.includes(status),
      retryAfterSeconds: problem?.retryAfterSeconds ?? (header > 0 ? header : undefined),
      requestId: requestId(response),
      problem,
    };
    if (status === 401 || status === 403) return new AuthError(name, init);
    if (status === 409) return new ConflictError(name, init);
    if (status === 412) return new PreconditionFailedError(name, init);
    return new HttpError(name, init);
  }
}

const requestId = (response: Response) => response.headers.get('x-request-id') ?? undefined;

/** The most items a page may hold: the `limit` the request asked for, else the largest page. */
function pageLimit(key: string): number {
  const asked = Number(new URLSearchParams(key.split('?')[1] ?? '').get('limit'));
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, LIST_LIMITS.page) : LIST_LIMITS.page;
}

export interface PortalClient {
  addEventListener(type: 'portal-data-changed', listener: (event: PortalDataChangedEvent) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: 'portal-data-changed', listener: (event: PortalDataChangedEvent) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** Fails type-check when an operation of the table has no method here. */
type AssertNever<T extends never> = T;
export type MissingClientMethods = AssertNever<Exclude<OperationName, keyof PortalClient>>;
