/**
 * What the contract says an answer must look like, read from the SDK's own tables: the operations
 * table (status, schema, versioned or not), the problem codes and their statuses, and the codes
 * each operation may answer with (the same function that writes them into docs/openapi.json).
 */
import * as z from 'zod/mini';
import { declaredProblems, operations, type Operation, type OperationName } from '../src/api/operations.js';
import { Problem, problemStatus, type ProblemCode } from '../src/schemas/index.js';
import { fail } from './check.js';
import type { Exchange } from './probe.js';

export function successStatus(name: OperationName): number {
  const op: Operation = operations[name];
  return op.status ?? (op.response ? 200 : 204);
}

/** Responses with a `version` carry it as the strong ETag `"<version>"` too. */
export function isVersioned(name: OperationName): boolean {
  const shape = (operations[name].response as { shape?: Record<string, unknown> } | null)?.shape;
  return !!shape && 'version' in shape;
}

const declared = new Map<OperationName, ReadonlySet<ProblemCode>>();
/** Problem codes docs/openapi.json declares for an operation. */
export function declaredCodes(name: OperationName): ReadonlySet<ProblemCode> {
  let codes = declared.get(name);
  if (!codes) declared.set(name, (codes = new Set(declaredProblems(name))));
  return codes;
}

/** `METHOD /path` of an exchange, without the base, for messages. */
export function describe(ex: Exchange): string {
  return `${ex.operation ?? ex.method} answered ${ex.status}${ex.contentType ? ` ${ex.contentType}` : ''}`;
}

function got(ex: Exchange): string {
  const code = problemCodeOf(ex);
  const body = code ? ` ${code}` : ex.text && !ex.json ? ` "${ex.text.slice(0, 60).replace(/\s+/g, ' ')}"` : '';
  return `${ex.status}${body}`;
}

export function problemCodeOf(ex: Exchange): string | undefined {
  const code = (ex.json as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Zod issues as `path: what` (never the value: it may be PHI). */
export function issueList(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => {
    const path = i.path.map(String).join('.') || '(body)';
    if (i.code === 'invalid_type') return `${path}: expected ${i.expected}`;
    if (i.code === 'invalid_value') return `${path}: not one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    if (i.code === 'invalid_format') return `${path}: not a valid ${i.format}`;
    return `${path}: ${i.code.replaceAll('_', ' ')}`;
  });
  return parts.join('; ') + (issues.length > max ? ` (+${issues.length - max} more)` : '');
}

const ETAG = /^"(\d+)"$/;

/** The version in a strong ETag, or a failure naming what is wrong with it. */
export function etagVersion(ex: Exchange): number {
  const etag = ex.headers.get('etag');
  if (!etag) fail(`${ex.operation} answered without an ETag header (expected "<version>")`);
  const m = ETAG.exec(etag.trim());
  if (!m) fail(`${ex.operation}: ETag ${etag} is not a strong "<version>" (e.g. "7")`);
  return Number(m[1]);
}

/**
 * The answer is the operation's success: status, `application/json` (nothing for 204), a body that
 * fits the schema, and `ETag` equal to the body's `version`. Returns the parsed body.
 */
export function expectSuccess<N extends OperationName>(ex: Exchange, name: N): Operations[N]['response'] extends z.core.$ZodType ? z.infer<Operations[N]['response']> : null {
  const op: Operation = operations[name];
  const status = successStatus(name);
  if (ex.status !== status) fail(`${name}: expected ${status}, got ${got(ex)}`);
  if (op.response === null) {
    if (ex.text.length) fail(`${name}: a 204 answer has no body, got ${ex.text.length} bytes`);
    return null as never;
  }
  if (ex.contentType !== 'application/json') fail(`${name}: expected Content-Type application/json, got ${ex.contentType || 'none'}`);
  if (ex.json === undefined) fail(`${name}: the body is not valid JSON`);
  const r = z.safeParse(op.response, ex.json);
  if (!r.success) fail(`${name}: the body does not fit ${schemaName(name)}: ${issueList(r.error.issues)}`);
  if (isVersioned(name)) {
    const version = etagVersion(ex);
    const body = (ex.json as { version: number }).version;
    if (version !== body) fail(`${name}: ETag "${version}" differs from the body's version ${body}`);
  }
  return r.data as never;
}

type Operations = typeof operations;

function schemaName(name: OperationName): string {
  return `the ${name} response schema`;
}

/**
 * The answer is an RFC 9457 problem with this code (or one of these): the code's status,
 * `application/problem+json`, the Problem schema, a code docs/openapi.json declares for the
 * operation, and `Retry-After` on a 429.
 */
export function expectProblem(ex: Exchange, expected: ProblemCode | readonly ProblemCode[]): ProblemCode {
  const codes = typeof expected === 'string' ? [expected] : expected;
  const want = codes.map((c) => `${problemStatus[c]} ${c}`).join(' or ');
  const code = problemCodeOf(ex) as ProblemCode | undefined;
  const match = codes.find((c) => c === code && problemStatus[c] === ex.status);
  if (!match) fail(`${ex.operation ?? ex.method}: expected ${want}, got ${got(ex)}`);
  problemShape(ex);
  return match;
}

/** Shape rules every problem answer follows, whatever its code. */
export function problemShape(ex: Exchange): void {
  const where = ex.operation ?? ex.method;
  if (ex.contentType !== 'application/problem+json') fail(`${where}: a ${ex.status} problem needs Content-Type application/problem+json, got ${ex.contentType || 'none'}`);
  const r = z.safeParse(Problem, ex.json);
  if (!r.success) fail(`${where}: the ${ex.status} body is not an RFC 9457 problem with a known code: ${issueList(r.error.issues)}`);
  const body = r.data;
  if (body.status !== ex.status) fail(`${where}: the problem's status member (${body.status}) differs from the HTTP status ${ex.status}`);
  if (problemStatus[body.code] !== ex.status) fail(`${where}: code ${body.code} is answered with ${problemStatus[body.code]}, not ${ex.status}`);
  if (ex.operation && !declaredCodes(ex.operation).has(body.code)) fail(`${where}: code ${body.code} is not one docs/openapi.json lists for ${ex.operation}`);
  if (ex.status === 429) {
    const retry = ex.headers.get('retry-after');
    if (!retry || !/^\d+$/.test(retry.trim())) fail(`${where}: a 429 needs Retry-After in seconds, got ${retry ?? 'none'}`);
    if (body.retryAfterSeconds === undefined) fail(`${where}: a 429 problem needs retryAfterSeconds`);
  }
}

/** Either the success or a problem the operation declares: the shape half of the contract. */
export function expectDocumented(ex: Exchange, name: OperationName): void {
  if (ex.status === successStatus(name)) {
    expectSuccess(ex, name);
    return;
  }
  if (ex.status < 400) fail(`${name}: expected ${successStatus(name)} or a problem, got ${ex.status}`);
  problemShape(ex);
}
