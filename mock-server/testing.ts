/**
 * Helpers for tests that talk to the mock over `fetch`: call an operation by its name in the
 * operations table (so paths are never written twice) and check the answer against its schemas.
 */
import * as z from 'zod/mini';
import { expandPath, operations, type Operation, type OperationName } from '../src/api/operations.js';
import { Problem } from '../src/schemas/index.js';

export const TEST_TOKEN = 'test-token';

export interface CallInit {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** JSON body (serialized); use `rawBody` for anything else. */
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
  /** Bearer token; `null` sends no Authorization header. Default `TEST_TOKEN`. */
  token?: string | null;
  /** Sent as `If-Match: "<version>"` (a string is sent as is). */
  ifMatch?: number | string;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `null` for an empty body. */
  body: unknown;
  text: string;
}

export function operationUrl(base: string, name: OperationName, params: Record<string, string> = {}, query: CallInit['query'] = {}): string {
  const url = new URL(base.replace(/\/+$/, '') + expandPath(operations[name].path, params));
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.href;
}

/** Calls one operation of the table against the mock at `base` (e.g. `http://127.0.0.1:4010/api/portal`). */
export async function callOperation(base: string, name: OperationName, init: CallInit = {}): Promise<CallResult> {
  const op = operations[name];
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
  const token = init.token === undefined ? TEST_TOKEN : init.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (init.ifMatch !== undefined) headers['If-Match'] = typeof init.ifMatch === 'number' ? `"${init.ifMatch}"` : init.ifMatch;
  if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
  let body: BodyInit | undefined;
  if (init.rawBody !== undefined) {
    body = init.rawBody;
    if (init.contentType) headers['Content-Type'] = init.contentType;
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = init.contentType ?? 'application/json';
  }
  const response = await fetch(operationUrl(base, name, init.params, init.query), {
    method: op.method.toUpperCase(),
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Issues of a successful answer against the operation's response schema (empty when it fits). */
export function responseIssues(name: OperationName, body: unknown): string[] {
  const schema = operations[name].response;
  if (schema === null) return body === null ? [] : ['expected no content'];
  const r = z.safeParse(schema, body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`);
}

/** Issues of an error answer against the Problem schema. */
export function problemIssues(body: unknown): string[] {
  const r = z.safeParse(Problem, body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`);
}

/** Throws unless the answer is the operation's success status with a body that fits its schema. */
export function assertOk(name: OperationName, res: CallResult, status?: number): void {
  const op: Operation = operations[name];
  const expected = status ?? (op.response === null ? 204 : (op.status ?? 200));
  if (res.status !== expected) throw new Error(`${name}: expected ${expected}, got ${res.status} ${res.text.slice(0, 400)}`);
  const issues = responseIssues(name, res.body);
  if (issues.length) throw new Error(`${name}: response does not fit the schema: ${issues.slice(0, 5).join('; ')}`);
  if (res.headers.get('cache-control') !== 'no-store') throw new Error(`${name}: Cache-Control is not no-store`);
}

/** Throws unless the answer is a problem document with this status and code. */
export function assertProblem(res: CallResult, status: number, code: string): Problem {
  const body = res.body as Problem | null;
  if (res.status !== status || body?.code !== code) throw new Error(`expected ${status} ${code}, got ${res.status} ${res.text.slice(0, 400)}`);
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) throw new Error(`problem content type: ${res.headers.get('content-type')}`);
  const issues = problemIssues(body);
  if (issues.length) throw new Error(`problem does not fit the schema: ${issues.join('; ')}`);
  if (body.type !== `https://portal-widgets.dev/problems/${code}`) throw new Error(`problem type: ${body.type}`);
  return body;
}

const IMAGE_SIGNATURES = {
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
} as const;

/** `size` bytes that start like a real image of `type` (its signature), for upload tests. */
export function imageBytes(type: keyof typeof IMAGE_SIGNATURES, size = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(size, IMAGE_SIGNATURES[type].length));
  bytes.set(IMAGE_SIGNATURES[type]);
  return bytes;
}
