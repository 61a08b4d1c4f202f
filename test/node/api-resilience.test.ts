/// <reference types="node" />
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { HttpError, NetworkError, PortalClient, TimeoutError, isPortalApiError, type PortalClientOptions } from '../../src/api/index.js';

const BASE = 'https://ehr.test/api/portal';
const T = '2024-03-01T10:00:00Z';
const access = { clientId: 'cl_1', state: 'active', email: 'maria@example.com', invitations: [], firstSignInAt: T, lastSignInAt: T, disabledAt: null, version: 2 };
const flags = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: false };
const permissions = { clientId: 'cl_1', client: flags, portalUsers: [], version: 5 };
const payment = { id: 'pay_1', createdAt: T, amount: { amount: 5000, currency: 'USD' }, card: { brand: 'visa', last4: '4242' }, invoiceIds: ['in_1'], status: 'succeeded' };
const payRequest = { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_1' } } as const;
const pin = { pin: '123456', expiresAt: T };

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const api = (extra: Partial<PortalClientOptions> = {}) => new PortalClient({ apiBase: BASE, retryDelayMs: 1, getToken: () => 'tok', ...extra });

/** Answers each request with the next response of the list (the last one repeats). */
function sequence(responses: (() => Response | Promise<Response>)[]) {
  const seen: Request[] = [];
  const resolver = ({ request }: { request: Request }) => {
    seen.push(request.clone());
    const next = responses[Math.min(seen.length - 1, responses.length - 1)]!;
    return next();
  };
  return { seen, resolver };
}

const status = (code: number) => () => new HttpResponse(null, { status: code });
const json = (body: JsonBodyType, code = 200) => () => HttpResponse.json(body, { status: code });

describe('retries', () => {
  test('a GET is retried on 503, then succeeds', async () => {
    const s = sequence([status(503), status(503), json(access)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    assert.deepEqual(await api().getPortalAccess('cl_1'), access);
    assert.equal(s.seen.length, 3);
  });

  for (const code of [408, 500, 502, 504]) {
    test(`a GET is retried on ${code}`, async () => {
      const s = sequence([status(code), json(access)]);
      server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
      await api().getPortalAccess('cl_1');
      assert.equal(s.seen.length, 2);
    });
  }

  test('a GET is retried after a network error', async () => {
    const s = sequence([() => HttpResponse.error(), json(access)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    assert.deepEqual(await api().getPortalAccess('cl_1'), access);
    assert.equal(s.seen.length, 2);
  });

  test('retryLimit bounds the attempts; the last error is retryable', async () => {
    const s = sequence([status(503)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    const error = await api({ retryLimit: 3 }).getPortalAccess('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(s.seen.length, 4);
  });

  test('backoff starts at retryDelayMs and doubles', async () => {
    const at: number[] = [];
    const s = sequence([status(503), status(503), json(access)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, (info) => (at.push(performance.now()), s.resolver(info))));
    await api({ retryDelayMs: 25 }).getPortalAccess('cl_1');
    assert.ok(at[1]! - at[0]! >= 20, `first gap ${at[1]! - at[0]!}`);
    assert.ok(at[2]! - at[1]! >= 45, `second gap ${at[2]! - at[1]!}`);
  });

  test('a PUT (idempotent) is retried, with its If-Match each time', async () => {
    const s = sequence([status(502), json({ ...permissions, version: 6 })]);
    server.use(http.put(`${BASE}/clients/:id/permissions`, s.resolver));
    await api().updatePermissions('cl_1', { client: flags, portalUsers: [] }, 5);
    assert.deepEqual(s.seen.map((r) => r.headers.get('if-match')), ['"5"', '"5"']);
  });

  test('a POST without Idempotency-Key is NOT retried', async () => {
    const s = sequence([status(503), json(pin, 201)]);
    server.use(http.post(`${BASE}/clients/:id/portal-access/pins`, s.resolver));
    const error = await api().createSignInPin('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 503);
    assert.equal(error.retryable, false);
    assert.equal(s.seen.length, 1);
  });

  test('a POST without Idempotency-Key is NOT retried after a network error', async () => {
    const s = sequence([() => HttpResponse.error(), json(pin, 201)]);
    server.use(http.post(`${BASE}/clients/:id/portal-access/pins`, s.resolver));
    assert.ok((await api().createSignInPin('cl_1').catch((e: unknown) => e)) instanceof NetworkError);
    assert.equal(s.seen.length, 1);
  });

  test('pay is retried with the same Idempotency-Key and body', async () => {
    const s = sequence([() => HttpResponse.error(), status(503), json(payment, 201)]);
    server.use(http.post(`${BASE}/clients/:id/payments`, s.resolver));
    assert.deepEqual(await api().pay('cl_1', payRequest, 'key-1'), payment);
    assert.equal(s.seen.length, 3);
    assert.deepEqual(s.seen.map((r) => r.headers.get('idempotency-key')), ['key-1', 'key-1', 'key-1']);
    const bodies = await Promise.all(s.seen.map((r) => r.text()));
    assert.ok(bodies.every((b) => b === JSON.stringify(payRequest)));
  });

  test('429 is not retried (a cooldown is not transient), not even for a GET or pay', async () => {
    const cooldown = () =>
      HttpResponse.json({ type: 'about:blank', title: 'Cooldown', status: 429, code: 'resend_cooldown', retryAfterSeconds: 60 }, { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } });
    const get = sequence([cooldown, json(access)]);
    const post = sequence([cooldown, json(payment, 201)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, get.resolver), http.post(`${BASE}/clients/:id/payments`, post.resolver));
    const a = await api().getPortalAccess('cl_1').catch((e: unknown) => e);
    const b = await api().pay('cl_1', payRequest, 'key-2').catch((e: unknown) => e);
    for (const e of [a, b]) {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 429);
      assert.equal(e.retryable, false);
    }
    assert.equal(get.seen.length, 1);
    assert.equal(post.seen.length, 1);
  });

  test('other 4xx are not retried', async () => {
    const s = sequence([status(404), json(access)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    assert.ok((await api().getPortalAccess('cl_1').catch((e: unknown) => e)) instanceof HttpError);
    assert.equal(s.seen.length, 1);
  });
});

describe('timeouts', () => {
  test('an attempt longer than timeoutMs → TimeoutError, retryable for a GET', async () => {
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, async () => {
        await delay(300);
        return HttpResponse.json(access);
      }),
    );
    const error = await api({ timeoutMs: 20, retryLimit: 0 }).getPortalAccess('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.name, 'TimeoutError');
    assert.equal(error.operation, 'getPortalAccess');
    assert.equal(error.retryable, true);
  });

  test('a timed-out GET attempt is retried', async () => {
    const s = sequence([async () => (await delay(600), HttpResponse.json(access)), json(access)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    assert.deepEqual(await api({ timeoutMs: 150 }).getPortalAccess('cl_1'), access);
    assert.equal(s.seen.length, 2);
  });

  test('a timed-out plain POST is neither retried nor retryable', async () => {
    const s = sequence([async () => (await delay(300), HttpResponse.json(pin, { status: 201 }))]);
    server.use(http.post(`${BASE}/clients/:id/portal-access/pins`, s.resolver));
    const error = await api({ timeoutMs: 20 }).createSignInPin('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.retryable, false);
    assert.equal(s.seen.length, 1);
  });
});

describe('abort', () => {
  const isAbortError = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

  test('aborting a write rejects with the caller’s AbortError, unwrapped', async () => {
    server.use(http.post(`${BASE}/clients/:id/portal-access/pins`, async () => (await delay(300), HttpResponse.json(pin, { status: 201 }))));
    const controller = new AbortController();
    const pending = api().createSignInPin('cl_1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await pending.catch((e: unknown) => e);
    assert.ok(isAbortError(error), String(error));
    assert.equal(isPortalApiError(error), false);
  });

  test('aborting a GET rejects with the AbortError', async () => {
    server.use(http.get(`${BASE}/clients/:id/portal-access`, async () => (await delay(300), HttpResponse.json(access))));
    const controller = new AbortController();
    const pending = api().getPortalAccess('cl_1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await pending.catch((e: unknown) => e);
    assert.ok(isAbortError(error), String(error));
    assert.equal(error, controller.signal.reason);
  });

  test('an already aborted signal sends nothing', async () => {
    let requests = 0;
    server.use(http.post(`${BASE}/clients/:id/payments`, () => (requests++, HttpResponse.json(payment, { status: 201 }))));
    const error = await api().pay('cl_1', payRequest, 'key-3', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    assert.ok(isAbortError(error));
    assert.equal(requests, 0);
  });

  test('aborting during the retry backoff stops retrying', async () => {
    const s = sequence([status(503)]);
    server.use(http.get(`${BASE}/clients/:id/portal-access`, s.resolver));
    const controller = new AbortController();
    const pending = api({ retryDelayMs: 200 }).getPortalAccess('cl_1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await pending.catch((e: unknown) => e);
    assert.ok(isAbortError(error), String(error));
    await delay(250);
    assert.equal(s.seen.length, 1);
  });

  test('aborting while the token is fetched rejects with the AbortError', async () => {
    const controller = new AbortController();
    const error = await api({
      getToken: async () => {
        controller.abort();
        return 'tok';
      },
    })
      .sendInvitation('cl_1', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    assert.ok(isAbortError(error));
  });
});
