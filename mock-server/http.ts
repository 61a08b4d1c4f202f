/// <reference types="node" />
/**
 * The mock as a real HTTP server on 127.0.0.1 (for a host app on another origin, curl, Postman):
 *
 *   npm run mock-server -- --port 4010 --world default [--staff front-desk] [--latency 200] [--allow-origin https://ehr.test]
 *
 * Each incoming request becomes a fetch `Request` answered by msw's `getResponse` with the same
 * handlers the browser and Node mocks use. What a fetch `Request` cannot carry is answered here, the
 * same way: malformed paths (400), methods no path has (405), bodies too large (413) or too slow
 * (408). Browsers may call it only from loopback origins and the ones named with `--allow-origin`:
 * any other page a developer visits cannot read or write the running mock.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse, type HttpHandler } from 'msw';
import { operations, type Operation } from '../src/api/operations.js';
import { INSURANCE_IMAGE_MAX_BYTES } from '../src/schemas/index.js';
import { FaultSwitches } from './faults.js';
import { isWorldName, WORLD_NAMES, type WorldName } from './fixtures.js';
import { allowedMethods, createHandlers, matchOperation, unroutedProblem } from './handlers/index.js';
import { MAX_JSON_BYTES, preparedProblem, problem, type ProblemError } from './respond.js';
import { MockStore } from './store.js';
import { isStaffRole, STAFF_ROLES } from './staff.js';
import type { StaffRole } from '../src/schemas/index.js';

export const API_PATH = '/api/portal';

export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Accept-Language', 'Accept'];
export const CORS_EXPOSE_HEADERS = ['ETag', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'Allow'];
const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** Methods a fetch `Request` can carry and some path answers; anything else (TRACE, PROPFIND, …) is 405 here. */
const ROUTABLE_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Time to receive the request line and headers, and then the body (a 1-byte-a-second body is cut). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'expect', 'proxy-connection', 'te', 'trailer']);

export interface HttpMockOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  host?: string;
  world?: WorldName;
  /** Who is signed in: `owner` (default), `clinician`, `front-desk` or `biller`. */
  staff?: StaffRole;
  latencyMs?: number;
  now?: Date | string | number;
  seed?: number;
  /** Browser origins allowed besides loopback ones (`http(s)://localhost|127.0.0.1|[::1]:<any port>`). */
  allowOrigins?: readonly string[];
  /** Default `DEFAULT_HEADERS_TIMEOUT_MS`. */
  headersTimeoutMs?: number;
  /** Default `DEFAULT_BODY_TIMEOUT_MS`. */
  bodyTimeoutMs?: number;
}

export interface HttpMock {
  /** The API base, e.g. `http://127.0.0.1:4010/api/portal`. */
  url: string;
  port: number;
  store: MockStore;
  faults: FaultSwitches;
  server: Server;
  /** Fixtures of `world` again, no faults, and the staff member it started with. */
  reset(world?: WorldName): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin of a URL (`https://ehr.example.test`), or a thrown error naming what is wrong. */
export function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--allow-origin ${JSON.stringify(value)} is not a URL (e.g. https://ehr.example.test)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--allow-origin ${JSON.stringify(value)} must be an http or https origin`);
  return url.origin;
}

/** Whether a browser page at `origin` may call the mock: loopback pages, and the ones allowed by name. */
export function isAllowedOrigin(origin: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (!origin) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': CORS_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS.join(', '),
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
  };
}

/**
 * Whether every `%` of a raw path starts a valid UTF-8 percent-encoding (what msw's router needs) and
 * no segment is `.` or `..`, plain or encoded: URL parsing would resolve them into another path
 * (`/contacts/%2e%2e` → `/clients/cl_1`), so an id is never one.
 */
export function isWellFormedPath(rawPath: string): boolean {
  try {
    return rawPath.split('/').every((segment) => {
      const decoded = decodeURIComponent(segment);
      return decoded !== '.' && decoded !== '..';
    });
  } catch {
    return false;
  }
}

type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too_large' } | { kind: 'timeout' } | { kind: 'gone' };

/**
 * The body, unless it is larger than `limit` (the rest is read and dropped, so the client gets the
 * answer) or does not arrive within `timeoutMs`.
 */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    };
    const onEnd = () => finish(size > limit ? { kind: 'too_large' } : { kind: 'ok', body: Buffer.concat(chunks) });
    const onGone = () => finish({ kind: 'gone' });
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

function requestBodyExpected(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? '0') > 0 || req.headers['transfer-encoding'] !== undefined;
}

function problemParts(e: ProblemError, requestId: string): { status: number; headers: Record<string, string>; body: string } {
  const prepared = preparedProblem(e);
  return { status: prepared.status, headers: { ...prepared.headers, 'X-Request-Id': requestId }, body: JSON.stringify(prepared.body) };
}

interface Context {
  handlers: HttpHandler[];
  store: MockStore;
  origin: string;
  allowOrigins: ReadonlySet<string>;
  bodyTimeoutMs: number;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const requestOrigin = req.headers.origin;
  const originAllowed = requestOrigin === undefined || isAllowedOrigin(requestOrigin, ctx.allowOrigins);
  const cors = corsHeaders(originAllowed ? requestOrigin : undefined);
  const method = (req.method ?? 'GET').toUpperCase();
  let closeAfter = false;

  const send = (status: number, headers: Record<string, string>, body: Buffer | null) => {
    const out: Record<string, string> = { ...headers, ...cors };
    if (!Object.keys(out).some((k) => k.toLowerCase() === 'x-request-id')) out['X-Request-Id'] = ctx.store.nextRequestId();
    if (closeAfter) out['Connection'] = 'close';
    if (body && method !== 'HEAD') out['Content-Length'] = String(body.length);
    res.writeHead(status, out);
    res.end(method === 'HEAD' ? undefined : (body ?? undefined));
  };
  const sendProblem = (e: ProblemError) => {
    const p = problemParts(e, ctx.store.nextRequestId());
    send(p.status, p.headers, Buffer.from(p.body));
  };

  // Any other page the developer visits must not read or write the mock (nor learn it is there).
  if (!originAllowed) {
    closeAfter = requestBodyExpected(req);
    sendProblem(problem('forbidden', 'This origin may not call the mock: start it with --allow-origin <origin>.'));
    return;
  }
  if (method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Content-Length': '0', 'X-Request-Id': ctx.store.nextRequestId() });
    res.end();
    return;
  }

  const rawPath = (req.url ?? '/').split('?')[0]!;
  if (!isWellFormedPath(rawPath)) {
    // An operation's path with a malformed id is a bad request; a path no operation has is not found.
    closeAfter = requestBodyExpected(req);
    const known = rawPath.startsWith(API_PATH) && allowedMethods(rawPath.slice(API_PATH.length)).length > 0;
    sendProblem(known ? problem('bad_request', 'A path id is not valid: malformed percent-encoding, or a dot segment.', { errors: [{ path: 'path', message: 'Malformed id' }] }) : problem('not_found', 'No such route.'));
    return;
  }
  const url = new URL(req.url ?? '/', ctx.origin);
  const apiPath = url.pathname.startsWith(API_PATH) ? url.pathname.slice(API_PATH.length) : null;
  if (!ROUTABLE_METHODS.has(method)) {
    closeAfter = requestBodyExpected(req);
    sendProblem(apiPath === null ? problem('not_found', 'No such route.') : unroutedProblem(apiPath));
    return;
  }

  // Read a body only for an operation that takes one, up to its limit; any other body is not read.
  const name = apiPath === null ? undefined : matchOperation(method, apiPath);
  const takes = name ? (operations[name] as Operation).body : undefined;
  let body: Buffer | null = null;
  if (takes && method !== 'GET' && method !== 'HEAD') {
    const image = takes === 'image';
    const read = await readBody(req, image ? INSURANCE_IMAGE_MAX_BYTES : MAX_JSON_BYTES, ctx.bodyTimeoutMs);
    if (read.kind === 'gone') return;
    if (read.kind !== 'ok') {
      closeAfter = true;
      if (read.kind === 'timeout') sendProblem(problem('request_timeout', 'The body did not arrive in time.'));
      else sendProblem(image ? problem('image_too_large', `Images can be at most ${INSURANCE_IMAGE_MAX_BYTES / 1024 / 1024} MB.`) : problem('payload_too_large', `Bodies can be at most ${MAX_JSON_BYTES / 1024 / 1024} MB.`));
      return;
    }
    body = read.body;
  } else if (requestBodyExpected(req)) {
    closeAfter = true;
  }

  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(key)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const request = new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(body && body.length ? { body: new Uint8Array(body) } : {}),
  });

  const response = await getResponse(ctx.handlers, request);
  if (controller.signal.aborted) return;
  if (!response) {
    sendProblem(problem('not_found', 'No such route.'));
    return;
  }
  if (response.type === 'error') {
    // A network fault: drop the connection without an answer.
    req.socket.destroy();
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  send(response.status, out, response.body ? Buffer.from(await response.arrayBuffer()) : null);
}

/** A raw answer on a socket the HTTP parser gave up on (headers too slow, malformed request). */
function answerClientError(socket: Duplex, e: ProblemError, requestId: string): void {
  if (!socket.writable) return;
  const p = problemParts(e, requestId);
  const reason = e.status === 408 ? 'Request Timeout' : 'Bad Request';
  const head = [`HTTP/1.1 ${p.status} ${reason}`, ...Object.entries(p.headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(p.body)}`, 'Connection: close'];
  socket.end(`${head.join('\r\n')}\r\n\r\n${p.body}`);
}

export async function startHttpMock(options: HttpMockOptions = {}): Promise<HttpMock> {
  const host = options.host ?? '127.0.0.1';
  const staff = options.staff ?? 'owner';
  const store = new MockStore({ world: options.world ?? 'default', staff, ...(options.now !== undefined ? { now: options.now } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const faults = new FaultSwitches({ latencyMs: options.latencyMs ?? 0 });
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const ctx: Context = {
    handlers: createHandlers(store, faults, { base: `*${API_PATH}` }),
    store,
    origin: '',
    allowOrigins: new Set((options.allowOrigins ?? []).map(parseOrigin)),
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };

  const server = createServer(
    {
      headersTimeout: headersTimeout,
      // A backstop for the whole request; the body has its own, answered, limit.
      requestTimeout: headersTimeout + ctx.bodyTimeoutMs + 5_000,
      // How often Node looks for timed-out connections (its default, 30 s, would make 5 s 35).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      handle(req, res, ctx).catch(() => {
        // The handlers never throw; this is the transport failing. Answer if we still can.
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const p = problemParts(problem('internal', 'Unexpected error.'), store.nextRequestId());
        res.writeHead(p.status, { ...p.headers, Connection: 'close' });
        res.end(p.body);
      });
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    answerClientError(socket, timedOut ? problem('request_timeout', 'The request did not arrive in time.') : problem('bad_request', 'The request is not valid HTTP.'), store.nextRequestId());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4010);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  ctx.origin = origin;

  return {
    url: `${origin}${API_PATH}`,
    port,
    store,
    faults,
    server,
    reset(world) {
      faults.clear();
      store.setStaff(staff);
      store.reset(world ?? store.world);
    },
    close() {
      faults.releaseHanging();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4010' },
      world: { type: 'string', default: 'default' },
      staff: { type: 'string', default: 'owner' },
      latency: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'headers-timeout': { type: 'string', default: String(DEFAULT_HEADERS_TIMEOUT_MS) },
      'body-timeout': { type: 'string', default: String(DEFAULT_BODY_TIMEOUT_MS) },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number from 0 to 65535');
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be a number of milliseconds');
  if (!isWorldName(values.world)) throw new Error(`--world must be one of: ${WORLD_NAMES.join(', ')}`);
  if (!isStaffRole(values.staff)) throw new Error(`--staff must be one of: ${STAFF_ROLES.join(', ')}`);
  const headersTimeoutMs = Number(values['headers-timeout']);
  const bodyTimeoutMs = Number(values['body-timeout']);
  if (!Number.isInteger(headersTimeoutMs) || headersTimeoutMs < 100) throw new Error('--headers-timeout must be a number of milliseconds, at least 100');
  if (!Number.isInteger(bodyTimeoutMs) || bodyTimeoutMs < 100) throw new Error('--body-timeout must be a number of milliseconds, at least 100');
  const allowOrigins = values['allow-origin'].map(parseOrigin);

  const mock = await startHttpMock({ port, host: values.host, world: values.world, staff: values.staff, latencyMs, allowOrigins, headersTimeoutMs, bodyTimeoutMs });
  console.log(`Mock portal API: ${mock.url} (world: ${values.world})`);
  if (allowOrigins.length) console.log(`Browser origins allowed besides loopback: ${allowOrigins.join(', ')}`);
  console.log(`Signed in as ${mock.store.staff.displayName} (${mock.store.staff.role}); other roles: --staff ${STAFF_ROLES.join(' | ')}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`mock-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
