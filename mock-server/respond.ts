/**
 * The one request pipeline every operation goes through: faults → auth → query / body validation
 * (with the operation's schemas) → idempotency → the operation → response validation. Problems are
 * RFC 9457 documents; nothing the client submitted is echoed back; nothing ever crashes: an
 * unexpected error answers 500 `internal` and is kept in `store.internalErrors`.
 */
import * as z from 'zod/mini';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { declaredProblems, operations, requiredCapabilities, type Operation, type OperationName, type Operations } from '../src/api/operations.js';
import { INSURANCE_IMAGE_MAX_BYTES, INSURANCE_IMAGE_TYPES, problemStatus, type Capability, type Problem, type ProblemCode } from '../src/schemas/index.js';
import type { FaultSwitches } from './faults.js';
import type { MockStore } from './store.js';

export const PROBLEM_TYPE_BASE = 'https://portal-widgets.dev/problems/';

/** Title of every problem code (its status is `problemStatus`, shared with the API docs). */
export const PROBLEMS: Record<ProblemCode, { title: string }> = {
  bad_request: { title: 'The request is not valid' },
  unauthorized: { title: 'Sign-in required' },
  forbidden: { title: 'Not allowed' },
  not_found: { title: 'Not found' },
  internal: { title: 'Something went wrong on the server' },
  unavailable: { title: 'The service is unavailable' },
  portal_off_for_practice: { title: 'The client portal is turned off for the practice' },
  already_signed_in: { title: 'The client has already signed in' },
  no_consented_email: { title: 'No email address with consent' },
  no_legal_guardian: { title: 'The minor has no legal guardian' },
  resend_cooldown: { title: 'An invitation was sent moments ago' },
  access_disabled: { title: 'Portal access is disabled' },
  stale_version: { title: 'Someone else changed this first' },
  precondition_required: { title: 'If-Match header required' },
  pay_balance_requires_billing_documents: { title: 'Paying the balance needs access to billing documents' },
  no_payments_account: { title: 'The practice has no online-payments account' },
  missing_permission: { title: 'The client is not allowed to do this' },
  amount_not_allowed: { title: 'Payments cannot carry an amount' },
  nothing_to_pay: { title: 'Nothing to pay' },
  invoice_not_payable: { title: 'An invoice cannot be paid' },
  card_declined: { title: 'The card was declined' },
  idempotency_key_required: { title: 'Idempotency-Key header required' },
  idempotency_key_reused: { title: 'Idempotency-Key already used for another request' },
  no_insurance_method: { title: 'No insurance payment method on the profile' },
  unsupported_image: { title: 'Unsupported image type' },
  image_too_large: { title: 'Image too large' },
  document_signed: { title: 'The document is already signed' },
  reminder_cooldown: { title: 'A reminder was sent moments ago' },
  image_type_mismatch: { title: 'The image is not the type it is declared as' },
  card_already_saved: { title: 'This card is already saved' },
  method_not_allowed: { title: 'Method not allowed' },
  request_timeout: { title: 'The request took too long to arrive' },
  payload_too_large: { title: 'The body is too large' },
  unsupported_media_type: { title: 'Unsupported content type' },
  document_already_assigned: { title: 'The client already has this document' },
  missing_capability: { title: 'Your role does not allow this' },
  too_many_contacts: { title: 'The client has the most contacts allowed' },
};

export interface FieldError {
  path: string;
  message: string;
}

/** A problem to answer with; thrown anywhere in the pipeline. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly capability: Capability | undefined;

  constructor(code: ProblemCode, detail?: string, options: { status?: number; retryAfterSeconds?: number; errors?: FieldError[]; headers?: Record<string, string>; capability?: Capability } = {}) {
    super(code);
    this.code = code;
    this.status = options.status ?? problemStatus[code];
    this.detail = detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.capability = options.capability;
  }
}

/** Shorthand: `throw problem('no_consented_email', '…')`. */
export function problem(code: ProblemCode, detail?: string, options?: ConstructorParameters<typeof ProblemError>[2]): ProblemError {
  return new ProblemError(code, detail, options);
}

/** A cooldown problem, with `retryAfterSeconds` and a `Retry-After` header. */
export function cooldownProblem(code: 'resend_cooldown' | 'reminder_cooldown', retryAt: Date | undefined, now: Date, detail: string): ProblemError {
  const seconds = Math.max(1, Math.ceil(((retryAt?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  return problem(code, detail, { retryAfterSeconds: seconds });
}

export function problemBody(e: ProblemError): Problem {
  const body: Problem = { type: PROBLEM_TYPE_BASE + e.code, title: PROBLEMS[e.code].title, status: e.status, code: e.code };
  if (e.detail !== undefined) body.detail = e.detail;
  if (e.retryAfterSeconds !== undefined) body.retryAfterSeconds = e.retryAfterSeconds;
  if (e.errors !== undefined) body.errors = e.errors;
  if (e.capability !== undefined) body.capability = e.capability;
  return body;
}

const BASE_HEADERS = { 'Cache-Control': 'no-store' } as const;

/** A response before it becomes a `Response`: kept as data so idempotent replays are exact. */
export interface Prepared {
  status: number;
  headers: Record<string, string>;
  /** JSON body; `undefined` for no content. */
  body: unknown;
}

export function preparedProblem(e: ProblemError): Prepared {
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': 'application/problem+json', ...e.headers };
  if (e.retryAfterSeconds !== undefined) headers['Retry-After'] = String(e.retryAfterSeconds);
  if (e.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return { status: e.status, headers, body: problemBody(e) };
}

export function toResponse(p: Prepared): Response {
  if (p.body === undefined) return new HttpResponse(null, { status: p.status, headers: p.headers });
  return new HttpResponse(JSON.stringify(p.body), { status: p.status, headers: p.headers });
}

export function problemResponse(e: ProblemError): Response {
  return toResponse(preparedProblem(e));
}

// ---- validation -----------------------------------------------------------------------------------

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += `.${seg}`;
    else out += '[?]';
  }
  return out;
}

/** A message describing what was expected: built from the schema's side of the issue, never the input. */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}`;
    case 'too_big': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' || issue.origin === 'set' ? ' items' : '';
      return `Must be at most ${String(issue.maximum)}${unit}`;
    }
    case 'too_small': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' || issue.origin === 'set' ? ' items' : '';
      return Number(issue.minimum) === 1 && unit ? (unit === ' characters' ? 'Must not be empty' : 'Must have at least 1 item') : `Must be at least ${String(issue.minimum)}${unit}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'Invalid format' : `Invalid ${issue.format}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'Unrecognized field' : `${issue.keys.length} unrecognized fields`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return Array.isArray(options) && options.length ? `Must be one of: ${options.map((v) => JSON.stringify(v)).join(', ')}` : 'Does not match any allowed shape';
    }
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'Invalid value';
  }
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[], pathOf: (path: readonly PropertyKey[]) => string = jsonPath): FieldError[] {
  return issues.slice(0, 50).map((issue) => ({ path: pathOf(issue.path), message: issueMessage(issue) }));
}

/** Validate with a schema or throw 400 `bad_request` with field errors. */
export function validate<T extends z.core.$ZodType>(schema: T, value: unknown, pathOf?: (path: readonly PropertyKey[]) => string): z.core.output<T> {
  const r = z.safeParse(schema, value);
  if (!r.success) throw problem('bad_request', 'The request does not match the schema.', { errors: fieldErrors(r.error.issues, pathOf) });
  return r.data;
}

// ---- operation typing ------------------------------------------------------------------------------

export interface ImageUpload {
  contentType: (typeof INSURANCE_IMAGE_TYPES)[number];
  bytes: number;
  data: ArrayBuffer;
}

type OpOf<N extends OperationName> = Operations[N];
export type BodyOf<N extends OperationName> = OpOf<N> extends { body: infer B } ? (B extends 'image' ? ImageUpload : B extends z.core.$ZodType ? z.core.output<B> : never) : undefined;
export type QueryOf<N extends OperationName> = OpOf<N> extends { query: infer Q } ? (Q extends z.core.$ZodType ? z.core.output<Q> : Record<string, never>) : Record<string, never>;
export type ResponseOf<N extends OperationName> = OpOf<N>['response'] extends z.core.$ZodType ? z.core.input<OpOf<N>['response']> : undefined;

export interface OperationContext<N extends OperationName> {
  operation: N;
  request: Request;
  /** A path parameter (decoded); 404 when absent. */
  param(name: string): string;
  query: QueryOf<N>;
  body: BodyOf<N>;
  /**
   * Checks `If-Match` against the resource's current version: 428 when missing, 400 when it is not
   * one strong ETag `"<version>"` (`*` included), 412 when stale or when the resource was removed
   * (`current` null: someone else deleted it first).
   */
  requireVersion(current: number | null): void;
}

export interface Reply<N extends OperationName> {
  /** Defaults to the operation's status (201 creations, 200, or 204 for no content). */
  status?: number;
  body: ResponseOf<N>;
  /** Sent as `ETag: "<version>"`. */
  version?: number;
  headers?: Record<string, string>;
}

export interface OperationImpl<N extends OperationName> {
  /** Looks at the parsed JSON before schema validation (e.g. `amount` anywhere → 422). */
  inspectRaw?(raw: unknown): void;
  /** The operation itself: synchronous, so an idempotent request is checked and recorded atomically. */
  run(ctx: OperationContext<N>): Reply<N>;
}

export type OperationImpls = { [N in OperationName]: OperationImpl<N> };

export interface PipelineDeps {
  store: MockStore;
  faults: FaultSwitches;
}

// ---- the pipeline -----------------------------------------------------------------------------------

/** `/clients/{clientId}` → `/clients/:clientId` (msw path syntax). */
export function mswPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export function joinBase(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** The largest JSON body any operation accepts (the HTTP server stops reading there too). */
export const MAX_JSON_BYTES = 1024 * 1024;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function codeForStatus(status: number): ProblemCode {
  const map: Record<number, ProblemCode> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 412: 'stale_version', 428: 'precondition_required', 429: 'unavailable', 500: 'internal', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable' };
  return map[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}

/** A JSON value that breaks every response schema in the table (objects lack fields, arrays get an object). */
export const SCHEMA_BREAKING_BODY = Object.freeze({ schemaBreak: true, id: 42, items: 'not-an-array', version: 'not-a-number', status: 'bogus' });

async function applyFault(name: OperationName, deps: PipelineDeps, request: Request): Promise<Response | undefined> {
  const fault = deps.faults.take(name);
  const latency = fault?.latencyMs ?? deps.faults.latencyMs;
  if (latency > 0) await sleep(latency, request.signal);
  if (!fault) return undefined;
  if (fault.hang) {
    await deps.faults.hang(request.signal);
    return HttpResponse.error();
  }
  if (fault.network) return HttpResponse.error();
  if (fault.malformed) return new HttpResponse('{"items": [{"id": "doc_1", "title": "Consent', { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': 'application/json' } });
  if (fault.schemaBreak) return new HttpResponse(JSON.stringify(SCHEMA_BREAKING_BODY), { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': 'application/json' } });
  if (fault.status !== undefined || fault.code !== undefined) {
    const code = fault.code ?? codeForStatus(fault.status!);
    const status = fault.status ?? problemStatus[code];
    const retry = status === 429 || status === 503 ? { retryAfterSeconds: 1 } : {};
    return problemResponse(problem(code, 'Injected fault.', { status, ...retry }));
  }
  return undefined;
}

function requireAuth(request: Request): void {
  const auth = request.headers.get('authorization') ?? '';
  if (!/^Bearer[ \t]+\S+/i.test(auth.trim())) throw problem('unauthorized', 'Send Authorization: Bearer <token>.');
}

/** 403 `missing_capability` unless the signed-in staff member's role has every capability needed. */
function requireCapabilities(name: OperationName, store: MockStore, body?: unknown): void {
  const granted = new Set(store.capabilities());
  const missing = requiredCapabilities(name, body).find((c) => !granted.has(c));
  if (missing) throw problem('missing_capability', `The signed-in staff member's role (${store.staff.role}) does not have the ${missing} capability.`, { capability: missing });
}

function normalizeParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

function parseQuery(schema: z.core.$ZodType, url: URL): unknown {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in raw)) raw[k] = v;
  return validate(schema, raw, (path) => path.map(String).join('.') || '?');
}

/** `application/json`, optionally with `charset=utf-8` (any case, quoted or not); nothing else. */
export function isJsonUtf8(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p.replace(/^charset=/, '').replace(/^"(.*)"$/, '$1') === 'utf-8');
}

const tooLarge = () => problem('payload_too_large', `Bodies can be at most ${MAX_JSON_BYTES / 1024 / 1024} MB.`);

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const data = new Uint8Array(await request.arrayBuffer());
  if (data.byteLength > MAX_JSON_BYTES) throw tooLarge();
  // An empty body is an empty object whatever it is labelled (every field optional: `{}`).
  if (data.byteLength === 0) return {};
  if (!isJsonUtf8(request.headers.get('content-type'))) throw problem('unsupported_media_type', 'Send the body as application/json (UTF-8).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw problem('bad_request', 'The body is not valid UTF-8.', { errors: [{ path: '$', message: 'Invalid UTF-8' }] });
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw problem('bad_request', 'The body is not valid JSON.', { errors: [{ path: '$', message: 'Malformed JSON' }] });
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) throw problem('bad_request', 'The body is nested too deeply.', { errors: [{ path: '$', message: `Nested deeper than ${MAX_JSON_DEPTH} levels` }] });
  return value;
}

const MAX_JSON_DEPTH = 32;

/** Nesting depth of a JSON value, iteratively (a hostile body cannot overflow the stack). */
function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_JSON_DEPTH) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

async function readImage(request: Request): Promise<ImageUpload> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const allowed = INSURANCE_IMAGE_TYPES as readonly string[];
  if (!allowed.includes(type)) throw problem('unsupported_image', `Send the image as one of ${INSURANCE_IMAGE_TYPES.join(', ')}.`);
  const limitMb = INSURANCE_IMAGE_MAX_BYTES / (1024 * 1024);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > INSURANCE_IMAGE_MAX_BYTES) throw problem('image_too_large', `Images can be at most ${limitMb} MB.`);
  const data = await request.arrayBuffer();
  if (data.byteLength > INSURANCE_IMAGE_MAX_BYTES) throw problem('image_too_large', `Images can be at most ${limitMb} MB.`);
  if (data.byteLength === 0) throw problem('bad_request', 'The image is empty.', { errors: [{ path: '$', message: 'Empty body' }] });
  return { contentType: type as ImageUpload['contentType'], bytes: data.byteLength, data };
}

/** Canonical JSON (sorted keys) so the same body in another key order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The version an `If-Match` names: exactly one strong ETag `"<digits>"`; `*`, weak or lists are refused. */
export function ifMatchVersion(header: string): number | null {
  const m = /^"(\d{1,15})"$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}

function prepareReply(name: OperationName, op: Operation, reply: Reply<OperationName>, store: MockStore): Prepared {
  const headers: Record<string, string> = { ...BASE_HEADERS, ...reply.headers };
  if (reply.version !== undefined) headers['ETag'] = `"${reply.version}"`;
  if (op.response === null) return { status: reply.status ?? 204, headers, body: undefined };
  const r = z.safeParse(op.response, reply.body);
  if (!r.success) {
    store.internalErrors.push({ operation: name, at: store.nowIso(), message: 'Response failed schema validation', issues: fieldErrors(r.error.issues) });
    throw problem('internal', 'The server produced an invalid response.');
  }
  headers['Content-Type'] = 'application/json';
  return { status: reply.status ?? op.status ?? 200, headers, body: r.data };
}

const declared = new Map<OperationName, ReadonlySet<ProblemCode>>();

/** A problem the operation does not declare is a bug (the contract would lie): kept in `internalErrors`. */
function checkDeclared(name: OperationName, e: ProblemError, store: MockStore): ProblemError {
  let codes = declared.get(name);
  if (!codes) declared.set(name, (codes = new Set(declaredProblems(name))));
  if (!codes.has(e.code) || e.status !== problemStatus[e.code]) {
    store.internalErrors.push({ operation: name, at: store.nowIso(), message: `Answered ${e.status} ${e.code}, which the operation does not declare` });
  }
  return e;
}

export async function runOperation<N extends OperationName>(name: N, impl: OperationImpl<N>, deps: PipelineDeps, request: Request, rawParams: Record<string, string | readonly string[] | undefined>): Promise<Response> {
  const response = await pipeline(name, impl, deps, request, rawParams);
  if (response.type !== 'error') {
    try {
      response.headers.set('X-Request-Id', deps.store.nextRequestId());
    } catch {
      // Immutable headers: leave them.
    }
  }
  return response;
}

async function pipeline<N extends OperationName>(name: N, impl: OperationImpl<N>, deps: PipelineDeps, request: Request, rawParams: Record<string, string | readonly string[] | undefined>): Promise<Response> {
  const { store } = deps;
  const op: Operation = operations[name];
  try {
    const faulted = await applyFault(name, deps, request);
    if (faulted) return faulted;
    requireAuth(request);
    // Who may do this comes first: a refused request learns nothing about its body or the records.
    requireCapabilities(name, store);
    const params = normalizeParams(rawParams);
    const url = new URL(request.url);
    const query = op.query ? parseQuery(op.query, url) : {};

    let body: unknown = undefined;
    let idempotency: { scope: string; fingerprint: string } | null = null;
    if (op.body === 'image') {
      body = await readImage(request);
    } else if (op.body) {
      let key: string | null = null;
      if (op.idempotencyKey) {
        key = request.headers.get('idempotency-key')?.trim() ?? '';
        if (!key) throw problem('idempotency_key_required', 'Send an Idempotency-Key header (a fresh random value per attempt).');
        if (key.length > 255) throw problem('bad_request', 'The Idempotency-Key is too long.', { errors: [{ path: 'Idempotency-Key', message: 'Must be at most 255 characters' }] });
      }
      const raw = await readJson(request);
      impl.inspectRaw?.(raw);
      if (key !== null) {
        // Keys are scoped to the practice (the mock has one): the same key on another operation or
        // client is another request, so it is part of the fingerprint, not of the scope.
        idempotency = { scope: key, fingerprint: `${name} ${canonicalJson(params)} ${canonicalJson(raw)}` };
        const seen = store.idempotency.get(idempotency.scope);
        if (seen) {
          if (seen.fingerprint !== idempotency.fingerprint) throw problem('idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
          return toResponse({ status: seen.status, headers: { ...seen.headers, 'Idempotent-Replayed': 'true' }, body: seen.body });
        }
      }
      body = validate(op.body, raw);
      // What this particular request does may need a second capability (`alsoRequires`).
      requireCapabilities(name, store, body);
    }

    const ctx: OperationContext<N> = {
      operation: name,
      request,
      query: query as QueryOf<N>,
      body: body as BodyOf<N>,
      param(p) {
        const v = params[p];
        if (v === undefined || v === '') throw problem('not_found');
        return v;
      },
      requireVersion(current) {
        const etag: Record<string, string> = current === null ? {} : { ETag: `"${current}"` };
        const header = request.headers.get('if-match');
        if (header === null || header.trim() === '') throw problem('precondition_required', 'Send If-Match with the ETag you read.', { headers: etag });
        const version = ifMatchVersion(header);
        if (version === null) throw problem('bad_request', 'If-Match must be the one ETag you read, "<version>" (not *, weak or a list).', { errors: [{ path: 'If-Match', message: 'Must be one strong ETag: "<version>"' }] });
        if (current === null) throw problem('stale_version', 'Someone else removed this first.');
        if (version !== current) throw problem('stale_version', 'Reload, then apply your change again.', { headers: etag });
      },
    };

    let prepared: Prepared;
    try {
      prepared = prepareReply(name, op, impl.run(ctx) as Reply<OperationName>, store);
    } catch (e) {
      if (!(e instanceof ProblemError) || e.status >= 500) throw e;
      prepared = preparedProblem(checkDeclared(name, e, store));
    }
    if (idempotency && prepared.status < 500) {
      store.idempotency.set(idempotency.scope, { fingerprint: idempotency.fingerprint, status: prepared.status, body: prepared.body, headers: prepared.headers, createdAt: store.nowIso() });
    }
    return toResponse(prepared);
  } catch (e) {
    if (e instanceof ProblemError) return problemResponse(checkDeclared(name, e, store));
    store.internalErrors.push({ operation: name, at: store.nowIso(), message: e instanceof Error ? `${e.name}: ${e.message}` : 'Non-error thrown' });
    return problemResponse(problem('internal', 'Unexpected error.'));
  }
}

/**
 * The msw handlers of one operation of the table (method and path come from the table only); a
 * GET also answers HEAD, as HTTP expects: the same status and headers, no body.
 */
export function operationHandlers<N extends OperationName>(name: N, impl: OperationImpl<N>, deps: PipelineDeps, base: string): HttpHandler[] {
  const op: Operation = operations[name];
  const path = joinBase(base, mswPath(op.path));
  const handlers = [http[op.method](path, ({ request, params }) => runOperation(name, impl, deps, request, params))];
  if (op.method === 'get') {
    handlers.push(
      http.head(path, async ({ request, params }) => {
        const response = await runOperation(name, impl, deps, request, params);
        return response.type === 'error' ? response : new HttpResponse(null, { status: response.status, headers: response.headers });
      }),
    );
  }
  return handlers;
}
