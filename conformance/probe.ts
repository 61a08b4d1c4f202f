/**
 * The kit's HTTP client: calls an operation of the operations table by name (paths are never
 * written twice), with the bearer token, a timeout and the SDK's refresh-once-after-401. Every
 * exchange is kept, so the privacy checks can read every problem the backend sent.
 */
import { expandPath, operations, type OperationName } from '../src/api/operations.js';
import type { TokenSource } from './token.js';

export interface CallInit {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** JSON body; `rawBody` for anything else. */
  body?: unknown;
  rawBody?: Uint8Array | string;
  contentType?: string;
  /** `null`: no Authorization header; a string: this token; default: the kit's token. */
  token?: string | null;
  /** Raw Authorization header (overrides `token`). */
  authorization?: string;
  /** A version number is sent as the strong ETag `"<n>"`. */
  ifMatch?: number | string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Repeat once with a fresh token after a 401 (default true when the kit's own token is used). */
  refreshOn401?: boolean;
}

export interface Exchange {
  operation: OperationName | null;
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON; `undefined` when the body is empty or not JSON. */
  json: unknown;
  contentType: string;
  ms: number;
}

/** The request never got an answer: refused, unknown host, timed out, TLS. One line, no stack. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running on that port?)',
  ENOTFOUND: 'host not found (check the host name in --base-url)',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  ECONNRESET: 'the server closed the connection without answering',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the server closed the connection without answering',
  CERT_HAS_EXPIRED: 'TLS: the server certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate (trust it with NODE_EXTRA_CA_CERTS)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in the chain (trust it with NODE_EXTRA_CA_CERTS)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: cannot verify the certificate (trust its CA with NODE_EXTRA_CA_CERTS)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: the certificate does not match the host name',
};

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms (--timeout-ms)`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code && CAUSES[code]) return CAUSES[code];
  if (code) return `${code}${cause?.message ? `: ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

export interface ProbeOptions {
  baseUrl: string;
  tokens: TokenSource;
  timeoutMs: number;
}

export class Probe {
  readonly exchanges: Exchange[] = [];
  /** 401s answered to the kit's own token that a fresh token then fixed. */
  refreshes = 0;
  readonly #options: ProbeOptions;
  readonly #base: string;

  constructor(options: ProbeOptions) {
    this.#options = options;
    this.#base = options.baseUrl.replace(/\/+$/, '');
  }

  get base(): string {
    return this.#base;
  }

  url(name: OperationName, params: Record<string, string> = {}, query: CallInit['query'] = {}): string {
    const url = new URL(this.#base + expandPath(operations[name].path, params));
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.href;
  }

  /** Calls one operation of the table. */
  async call(name: OperationName, init: CallInit = {}): Promise<Exchange> {
    const op = operations[name];
    const ownToken = init.token === undefined && init.authorization === undefined;
    const first = await this.#send(name, op.method.toUpperCase(), this.url(name, init.params, init.query), init, ownToken ? await this.#options.tokens.get() : undefined);
    if (first.status === 401 && ownToken && (init.refreshOn401 ?? true)) {
      // As the SDK does: one fresh token, one more try; a second 401 is final.
      const again = await this.#send(name, op.method.toUpperCase(), this.url(name, init.params, init.query), init, await this.#options.tokens.get({ forceRefresh: true }));
      if (again.status !== 401) this.refreshes++;
      return again;
    }
    return first;
  }

  /** Any request (CORS preflights, the base-URL diagnosis). */
  async raw(method: string, url: string, headers: Record<string, string>, operation: OperationName | null = null): Promise<Exchange> {
    return this.#fetch(operation, method, url, { headers });
  }

  async #send(name: OperationName, method: string, url: string, init: CallInit, ownToken: string | undefined): Promise<Exchange> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
    const token = init.token === undefined ? ownToken : init.token;
    if (init.authorization !== undefined) headers['Authorization'] = init.authorization;
    else if (token !== null && token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    if (init.ifMatch !== undefined) headers['If-Match'] = typeof init.ifMatch === 'number' ? `"${init.ifMatch}"` : init.ifMatch;
    if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
    let body: BodyInit | undefined;
    if (init.rawBody !== undefined) {
      body = typeof init.rawBody === 'string' ? init.rawBody : new Blob([init.rawBody as Uint8Array<ArrayBuffer>]);
      if (init.contentType) headers['Content-Type'] = init.contentType;
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['Content-Type'] = init.contentType ?? 'application/json';
    }
    return this.#fetch(name, method, url, { headers, ...(body !== undefined ? { body } : {}) });
  }

  async #fetch(operation: OperationName | null, method: string, url: string, init: { headers: Record<string, string>; body?: BodyInit }): Promise<Exchange> {
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method, ...init, redirect: 'manual', signal: AbortSignal.timeout(this.#options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(`${method} ${url}`, networkReason(error, this.#options.timeoutMs));
    }
    let json: unknown;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const exchange: Exchange = {
      operation,
      method,
      url,
      status: response.status,
      headers: response.headers,
      text,
      json,
      contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      ms: performance.now() - started,
    };
    this.exchanges.push(exchange);
    return exchange;
  }
}
