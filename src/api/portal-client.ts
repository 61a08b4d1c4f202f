import ky, { isHTTPError, isTimeoutError, type KyResponse } from 'ky';
import * as z from 'zod/mini';
import { LIST_LIMITS, Problem, type CardSide } from '../schemas/index.js';
import {
  expandPath,
  operations,
  type ActivityQuery,
  type DocumentListQuery,
  type Operation,
  type OperationName,
  type Operations,
  type PageQuery,
  type ReadOperationName,
  type ResourceName,
  type WriteOperationName,
} from './operations.js';
import { ReadCache, type ReadMeta } from './read-cache.js';
import { warmSoon } from './warm-schema.js';
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
  /**
   * How long the reads the operations table marks `cached` (`getSession`, `getPractice`, `getClient`,
   * `listDocumentTemplates`) are reused, and the longest a write's answer waits for the read it
   * answers (`returnsRead`). Default 30000.
   */
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

export type { ResourceName };

export interface PortalDataChangedDetail {
  /** `null` for practice-wide changes. */
  clientId: string | null;
  resources: ResourceName[];
  operation: OperationName;
}
export type PortalDataChangedEvent = CustomEvent<PortalDataChangedDetail>;

type Result<N extends OperationName> = Operations[N]['response'] extends z.core.$ZodType ? z.output<Operations[N]['response']> : void;

/** Which resources each write changes (its row's `effects`): drives cache invalidation and `portal-data-changed`. */
export const writeEffects = /* @__PURE__ */ Object.fromEntries(
  Object.entries(operations).flatMap(([name, row]: [string, Operation]) => (row.effects ? [[name, row.effects]] : [])),
) as Record<WriteOperationName, NonNullable<Operation['effects']>>;

/** The practice overview counts what these say of every client: a change to any moves it. */
const overviewCounts: readonly ResourceName[] = ['practice', 'client', 'portal-access', 'contacts'];

export type { ReadOperationName };

/** What these reads show (their rows' `resource`): a write that changes one makes a widget that made them load again. */
export function resourcesShownBy(names: readonly ReadOperationName[]): ResourceName[] {
  const shown = names.map((name) => (operations[name] as Operation).resource).filter((r): r is ResourceName => r != null);
  return [...new Set(shown.includes('portal-overview') ? [...shown, ...overviewCounts] : shown)];
}

interface CallParams {
  path?: Record<string, string>;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
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
  private readonly cache = new ReadCache();
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

  // One method per row of the operations table; its arguments are read in the row's order
  // (`OperationArgs`): path ids, the query or body, the version, the idempotency key, options.
  static {
    for (const [name, op] of Object.entries(operations) as [OperationName, Operation][]) {
      const ids = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        writable: true,
        value(this: PortalClient, ...args: unknown[]) {
          let i = 0;
          const params: CallParams = { path: Object.fromEntries(ids.map((id) => [id, args[i++] as string])) };
          if (op.query) params.query = args[i++] as CallParams['query'];
          else if (op.body) params.body = args[i++];
          if (op.ifMatch) params.version = args[i++] as number;
          if (op.idempotencyKey) params.idempotencyKey = args[i++] as string;
          return this.call(name, params, args[i] as CallOptions | undefined);
        },
      });
    }
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
   * Forgets cached and in-flight GETs under an API path, whole segments only (`/clients/cl_1`
   * covers `/clients/cl_1/contacts`, not `/clients/cl_10`), or all of them. In-flight requests
   * still answer their current callers.
   */
  invalidate(prefix = ''): void {
    this.cache.invalidate(prefix);
  }

  /** How the cache treats a read: its row's resource, and its time when the row says to keep it. */
  private readMeta(op: Operation, clientId: string | undefined): ReadMeta {
    return { resource: op.resource ?? null, clientId, ttlMs: op.cached ? (this.options.cacheTtlMs ?? 30_000) : 0 };
  }

  /** Every method of the client comes here, its arguments sorted out by its row (the `static` block above). */
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
    if (op.method === 'get') return this.cache.read(key, this.readMeta(op, path.clientId), (signal) => this.send(name, key, { signal }), opts.signal) as Promise<Result<N>>;
    // A search sent as a POST: a read, but with a body, so it is neither shared nor announced.
    if (op.safe) return this.send(name, key, { ...params, signal: opts.signal }) as Promise<Result<N>>;

    const effect = op.effects ?? [];
    const clientId = path.clientId ?? null;
    // Every accepted write for a client is recorded in its activity trail (docs/api.md, "Activity").
    const resources = [...(typeof effect === 'function' ? effect(params.body as never) : effect), ...(clientId ? (['activity'] as const) : [])];
    try {
      const result = await this.send(name, key, { ...params, signal: opts.signal });
      this.cache.forget(clientId, resources);
      // The answer is the resource as its read would return it: the refresh that follows is served from it.
      const read: Operation | undefined = op.returnsRead ? operations[op.returnsRead as ReadOperationName] : undefined;
      if (read) this.cache.put(expandPath(read.path, path), result, this.readMeta(read, path.clientId), this.options.cacheTtlMs ?? 30_000);
      this.dispatchEvent(new CustomEvent<PortalDataChangedDetail>('portal-data-changed', { detail: { clientId, resources, operation: name } }));
      return result as Result<N>;
    } catch (error) {
      // A conflict or stale version means what we hold is out of date.
      if (error instanceof ConflictError || error instanceof PreconditionFailedError) this.cache.forget(clientId, resources);
      // The server took a capability away since the session was read: read it again next time.
      if (error instanceof AuthError && error.code === 'missing_capability') this.cache.delete(expandPath(operations.getSession.path, {}));
      // A declined payment is refused, yet on record: the trail changed.
      if (clientId && error instanceof HttpError && RECORDED_REFUSALS.includes(error.code ?? '')) {
        this.cache.forget(clientId, ['activity']);
        this.dispatchEvent(new CustomEvent<PortalDataChangedDetail>('portal-data-changed', { detail: { clientId, resources: ['activity'], operation: name } }));
      }
      throw error;
    }
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
        const request = this.fetch(op, key, params, token, idempotent);
        // The answer's schema is built while the request is out, not after the answer arrives.
        if (op.response) warmSoon(op.response);
        const response = await request;
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

/** A path id's argument, named as in the path; the insurance card side is one of two. */
type PathId<K extends string> = K extends 'clientId'
  ? [clientId: string]
  : K extends 'contactId'
    ? [contactId: string]
    : K extends 'documentId'
      ? [documentId: string]
      : K extends 'paymentMethodId'
        ? [paymentMethodId: string]
        : K extends 'side'
          ? [side: CardSide]
          : [id: string];
type PathIds<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? [...PathId<K>, ...PathIds<Rest>] : [];
type Payload<O> = O extends { query: infer Q extends z.core.$ZodType }
  ? [query: z.input<Q>]
  : O extends { body: 'image' }
    ? [file: Blob]
    : O extends { body: infer B extends z.core.$ZodType }
      ? [request: z.output<B>]
      : [];
type Headers<O> = [...(O extends { ifMatch: true } ? [version: number] : []), ...(O extends { idempotencyKey: true } ? [idempotencyKey: string] : [])];
/** A payload that may be empty is optional when nothing but options follows it. */
type OptionalPayload<O> = Payload<O> extends [infer P] ? (Headers<O> extends [] ? ({} extends P ? [payload?: P] : [payload: P]) : [payload: P]) : [];

/** The arguments of an operation's method, in the order its row gives them. */
export type OperationArgs<O extends Operation> = [...PathIds<O['path']>, ...OptionalPayload<O>, ...Headers<O>, opts?: CallOptions];

/** One method per operation, typed by its row: what it takes, and the answer its schema gives. */
export type OperationMethods = { [K in keyof Operations]: (...args: OperationArgs<Operations[K]>) => Promise<Result<K>> };

export interface PortalClient extends OperationMethods {
  addEventListener(type: 'portal-data-changed', listener: (event: PortalDataChangedEvent) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: 'portal-data-changed', listener: (event: PortalDataChangedEvent) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** Fails type-check when an operation of the table has no method here. */
type AssertNever<T extends never> = T;
export type MissingClientMethods = AssertNever<Exclude<OperationName, keyof PortalClient>>;
