/// <reference types="node" />
/**
 * The mock as a real HTTP server on 127.0.0.1 (for a host app on another origin, curl, Postman):
 *
 *   npm run mock-server -- --port 4010 --world default [--latency 200]
 *
 * Each incoming request becomes a fetch `Request` answered by msw's `getResponse` with the same
 * handlers the browser and Node mocks use. CORS is open to any origin.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse, type HttpHandler } from 'msw';
import { INSURANCE_IMAGE_MAX_BYTES } from '../src/schemas/index.js';
import { FaultSwitches } from './faults.js';
import { isWorldName, WORLD_NAMES, type WorldName } from './fixtures.js';
import { createHandlers } from './handlers/index.js';
import { problem, problemResponse } from './respond.js';
import { MockStore } from './store.js';

export const API_PATH = '/api/portal';

export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Accept-Language', 'Accept'];
export const CORS_EXPOSE_HEADERS = ['ETag', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed'];
const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Bodies larger than this are not read: the largest legitimate one is an insurance card image. */
const MAX_BODY_BYTES = INSURANCE_IMAGE_MAX_BYTES + 1024 * 1024;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'expect', 'proxy-connection', 'te', 'trailer']);

export interface HttpMockOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  host?: string;
  world?: WorldName;
  latencyMs?: number;
  now?: Date | string | number;
  seed?: number;
}

export interface HttpMock {
  /** The API base, e.g. `http://127.0.0.1:4010/api/portal`. */
  url: string;
  port: number;
  store: MockStore;
  faults: FaultSwitches;
  server: Server;
  reset(world?: WorldName): void;
  close(): Promise<void>;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin && origin !== 'null' ? origin : '*',
    'Access-Control-Allow-Methods': CORS_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS.join(', '),
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** The body, or `null` when it is larger than `limit` (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: Response, extra: Record<string, string>, body: Buffer | null): void {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  Object.assign(headers, extra);
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}

async function handle(req: IncomingMessage, res: ServerResponse, handlers: HttpHandler[], origin: string): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Content-Length': '0' });
    res.end();
    return;
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const method = req.method ?? 'GET';
  let body: Buffer | null = null;
  if (method !== 'GET' && method !== 'HEAD') {
    body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      const tooLarge = /^image\//i.test(req.headers['content-type'] ?? '') ? problem('image_too_large', 'The body is too large.') : problem('bad_request', 'The body is too large.', { status: 413 });
      const response = problemResponse(tooLarge);
      send(res, response, { ...cors, Connection: 'close' }, Buffer.from(await response.arrayBuffer()));
      return;
    }
  }

  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(key)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const request = new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal: controller.signal,
    ...(body && body.length ? { body: new Uint8Array(body) } : {}),
  });

  const response = (await getResponse(handlers, request)) ?? problemResponse(problem('not_found', 'No such route.'));
  if (controller.signal.aborted) return;
  if (response.type === 'error') {
    // A network fault: drop the connection without an answer.
    req.socket.destroy();
    return;
  }
  const payload = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  send(res, response, cors, payload);
}

export async function startHttpMock(options: HttpMockOptions = {}): Promise<HttpMock> {
  const host = options.host ?? '127.0.0.1';
  const store = new MockStore({ world: options.world ?? 'default', ...(options.now !== undefined ? { now: options.now } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const faults = new FaultSwitches({ latencyMs: options.latencyMs ?? 0 });
  const handlers = createHandlers(store, faults, { base: `*${API_PATH}` });
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res, handlers, origin).catch(() => {
      // The handlers never throw; this is the transport failing. Answer if we still can.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({ type: 'https://portal-widgets.dev/problems/internal', title: 'Something went wrong on the server', status: 500, code: 'internal' });
      res.writeHead(500, { ...corsHeaders(req), 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
      res.end(body);
    });
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
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}${API_PATH}`,
    port,
    store,
    faults,
    server,
    reset(world) {
      faults.clear();
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
      latency: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number from 0 to 65535');
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be a number of milliseconds');
  if (!isWorldName(values.world)) throw new Error(`--world must be one of: ${WORLD_NAMES.join(', ')}`);

  const mock = await startHttpMock({ port, host: values.host, world: values.world, latencyMs });
  console.log(`Mock portal API: ${mock.url} (world: ${values.world})`);
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
