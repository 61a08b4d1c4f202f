/// <reference types="node" />
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  AuthError,
  ConflictError,
  HttpError,
  NetworkError,
  PortalApiError,
  PortalClient,
  PreconditionFailedError,
  ResponseValidationError,
  TimeoutError,
  isPortalApiError,
} from '../../src/api/index.js';

const BASE = 'https://ehr.test/api/portal';
const NAME = 'Maria';
const EMAIL = 'maria.lopez@example.com';
const client = { id: 'cl_1', firstName: NAME, lastName: 'Lopez', dateOfBirth: '2015-04-02', emails: [{ address: EMAIL, consent: true, primary: true }] };
const access = { clientId: 'cl_1', state: 'active', email: EMAIL, invitations: [], firstSignInAt: null, lastSignInAt: null, disabledAt: null, version: 2 };

const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  HttpResponse.json({ type: `https://docs.example.com/problems/${code}`, title: code, status, code, ...extra }, {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_42', ...headers },
  });

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const api = (extra: Partial<ConstructorParameters<typeof PortalClient>[0]> = {}) =>
  new PortalClient({ apiBase: BASE, retryLimit: 0, retryDelayMs: 1, getToken: () => 'tok', ...extra });

/** Asserts nothing a person could be identified by leaks into what gets logged. */
function assertNoPhi(error: unknown) {
  const e = error as Error;
  for (const text of [e.message, String(e), e.stack ?? '']) {
    assert.ok(!text.includes(NAME), `name in: ${text}`);
    assert.ok(!text.includes(EMAIL), `email in: ${text}`);
    assert.ok(!text.includes('Lopez'), `name in: ${text}`);
  }
}

describe('error classes', () => {
  test('each has a literal name, extends PortalApiError and carries safe fields', () => {
    const all = [
      [new NetworkError('getClient', { retryable: true }), 'NetworkError'],
      [new TimeoutError('getClient'), 'TimeoutError'],
      [new HttpError('getClient', { status: 404, code: 'not_found' }), 'HttpError'],
      [new ConflictError('sendInvitation', { status: 409, code: 'already_signed_in' }), 'ConflictError'],
      [new PreconditionFailedError('updatePermissions', { status: 412, code: 'stale_version' }), 'PreconditionFailedError'],
      [new AuthError('getClient', { status: 401 }), 'AuthError'],
      [new ResponseValidationError('getClient', ['firstName']), 'ResponseValidationError'],
    ] as const;
    for (const [error, name] of all) {
      assert.equal(error.name, name);
      assert.ok(error instanceof PortalApiError);
      assert.ok(error instanceof Error);
      assert.ok(isPortalApiError(error));
      assert.match(error.message, new RegExp(`^${error.operation}: `));
    }
    for (const sub of [all[3][0], all[4][0], all[5][0]]) assert.ok(sub instanceof HttpError);
    assert.equal(all[0][0].retryable, true);
    assert.equal(all[1][0].retryable, false);
    assert.equal(new ConflictError('sendInvitation', { status: 409, code: 'already_signed_in', requestId: 'req_1' }).message, 'sendInvitation: HTTP error (409, already_signed_in, request req_1)');
  });

  test('isPortalApiError is false for other errors and non-errors', () => {
    assert.equal(isPortalApiError(new Error('x')), false);
    assert.equal(isPortalApiError(new DOMException('aborted', 'AbortError')), false);
    assert.equal(isPortalApiError(null), false);
    assert.equal(isPortalApiError('HttpError'), false);
  });

  test('isPortalApiError recognises an error from another copy of the SDK', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('portal-widgets.api-error')]: true });
    assert.equal(isPortalApiError(foreign), true);
  });
});

describe('HTTP errors from problem documents', () => {
  const cases = [
    { status: 404, code: 'not_found', cls: HttpError },
    { status: 409, code: 'already_signed_in', cls: ConflictError },
    { status: 409, code: 'no_legal_guardian', cls: ConflictError },
    { status: 412, code: 'stale_version', cls: PreconditionFailedError },
    { status: 428, code: 'precondition_required', cls: HttpError },
    { status: 403, code: 'missing_permission', cls: AuthError },
    { status: 422, code: 'no_consented_email', cls: HttpError },
    { status: 400, code: 'bad_request', cls: HttpError },
  ] as const;
  for (const { status, code, cls } of cases) {
    test(`${status} ${code} → ${cls.name}`, async () => {
      server.use(http.post(`${BASE}/clients/:id/portal-access/invitations`, () => problem(status, code, { detail: `Nothing for ${EMAIL}` })));
      const error = await api()
        .sendInvitation('cl_1')
        .then(() => assert.fail('should reject'), (e: unknown) => e);
      assert.ok(error instanceof cls, `got ${String(error)}`);
      assert.ok(error instanceof HttpError);
      assert.equal(error.name, cls.name);
      assert.equal(error.operation, 'sendInvitation');
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.problem?.code, code);
      assert.equal(error.requestId, 'req_42');
      assert.equal(error.retryable, false);
      assertNoPhi(error);
    });
  }

  test('400 carries field paths from the problem', async () => {
    server.use(http.post(`${BASE}/clients/:id/portal-access/email`, () => problem(400, 'bad_request', { errors: [{ path: 'email', message: 'Invalid email' }] })));
    const error = await api()
      .changePortalEmail('cl_1', { email: 'not-an-email', scope: 'portal', consent: true, disableAndResend: false }, 2)
      .catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.deepEqual(error.problem?.errors, [{ path: 'email', message: 'Invalid email' }]);
    assert.ok(!error.message.includes('not-an-email'));
  });

  test('429 cooldown carries retryAfterSeconds from the problem, else from Retry-After', async () => {
    server.use(http.post(`${BASE}/clients/:id/portal-access/invitations`, () => problem(429, 'resend_cooldown', { retryAfterSeconds: 240 })));
    const a = await api().sendInvitation('cl_1').catch((e: unknown) => e);
    assert.ok(a instanceof HttpError);
    assert.equal(a.retryAfterSeconds, 240);
    assert.equal(a.retryable, false);

    server.use(http.post(`${BASE}/clients/:id/documents/:doc/reminders`, () => problem(429, 'reminder_cooldown', {}, { 'retry-after': '90' })));
    const b = await api().remindDocument('cl_1', 'doc_1').catch((e: unknown) => e);
    assert.ok(b instanceof HttpError);
    assert.equal(b.code, 'reminder_cooldown');
    assert.equal(b.retryAfterSeconds, 90);
  });

  test('a non-problem error body still gives an HttpError with the status', async () => {
    server.use(http.get(`${BASE}/clients/:id`, () => new HttpResponse(`<h1>Bad gateway for ${EMAIL}</h1>`, { status: 502, headers: { 'content-type': 'text/html' } })));
    const error = await api().getClient('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 502);
    assert.equal(error.code, undefined);
    assert.equal(error.problem, undefined);
    assert.equal(error.retryable, true, 'a 502 on a GET may be tried again');
    assertNoPhi(error);
  });

  test('a problem body that breaks the Problem schema is dropped, the status kept', async () => {
    server.use(http.get(`${BASE}/clients/:id`, () => problem(409, 'not_a_real_code')));
    const error = await api().getClient('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, undefined);
    assert.equal(error.problem, undefined);
  });
});

describe('contract violations', () => {
  test('a response that breaks the schema → ResponseValidationError with paths, no values', async () => {
    const broken = { ...client, lastName: undefined, emails: [{ address: `${NAME} <${EMAIL}`, consent: 'yes', primary: true }] };
    server.use(http.get(`${BASE}/clients/:id`, () => HttpResponse.json(broken, { headers: { 'x-request-id': 'req_7' } })));
    const error = await api().getClient('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.equal(error.name, 'ResponseValidationError');
    assert.equal(error.operation, 'getClient');
    assert.equal(error.status, 200);
    assert.equal(error.requestId, 'req_7');
    assert.equal(error.malformed, false);
    assert.deepEqual([...error.issues].sort(), ['emails.0.address', 'emails.0.consent', 'lastName']);
    assert.match(error.message, /lastName/);
    assertNoPhi(error);
    assert.ok(!JSON.stringify(error).includes(EMAIL));
  });

  test('a wrong root type reports (root)', async () => {
    server.use(http.get(`${BASE}/clients/:id/contacts`, () => HttpResponse.json({ items: [] })));
    const error = await api().listContacts('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual(error.issues, ['(root)']);
  });

  test('malformed JSON → ResponseValidationError, not a SyntaxError', async () => {
    server.use(http.get(`${BASE}/clients/:id`, () => new HttpResponse(`{"firstName":"${NAME}",`, { headers: { 'content-type': 'application/json' } })));
    const error = await api().getClient('cl_1').catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.equal(error.malformed, true);
    assert.deepEqual(error.issues, []);
    assertNoPhi(error);
  });

  test('an empty body where JSON is due is malformed too', async () => {
    server.use(http.post(`${BASE}/clients/:id/portal-access/disable`, () => new HttpResponse(null, { status: 200 })));
    const error = await api().disablePortalAccess('cl_1', 2).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.equal(error.malformed, true);
  });
});

describe('authentication', () => {
  test('a 401 refreshes the token once and retries with the new one', async () => {
    const sent: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, ({ request }) => {
        const auth = request.headers.get('authorization');
        sent.push(auth);
        return auth === 'Bearer fresh' ? HttpResponse.json(access) : problem(401, 'unauthorized');
      }),
    );
    const calls: boolean[] = [];
    const client = api({
      getToken: async ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    assert.deepEqual(await client.getPortalAccess('cl_1'), access);
    assert.deepEqual(calls, [false, true]);
    assert.deepEqual(sent, ['Bearer stale', 'Bearer fresh']);
  });

  test('a second 401 → AuthError, with no third request', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/clients/:id/portal-access`, () => {
        requests++;
        return problem(401, 'unauthorized');
      }),
    );
    const calls: boolean[] = [];
    const error = await api({ retryLimit: 2, getToken: ({ forceRefresh }) => (calls.push(forceRefresh), 'tok') })
      .getPortalAccess('cl_1')
      .catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthorized');
    assert.equal(requests, 2);
    assert.deepEqual(calls, [false, true]);
  });

  test('a 401 without getToken → AuthError at once', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/practice`, () => {
        requests++;
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const error = await new PortalClient({ apiBase: BASE }).getPractice().catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(requests, 1);
  });

  test('a getToken that throws → AuthError, and no request is sent', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/practice`, () => {
        requests++;
        return new HttpResponse(null, { status: 500 });
      }),
    );
    const error = await api({
      getToken: () => {
        throw new Error(`session of ${EMAIL} expired`);
      },
    })
      .getPractice()
      .catch((e: unknown) => e);
    assert.ok(error instanceof AuthError);
    assert.equal(requests, 0);
    assertNoPhi(error);
  });
});

describe('network failures', () => {
  test('a failed fetch → NetworkError, retryable for a GET, not for a plain POST', async () => {
    server.use(
      http.get(`${BASE}/clients/:id`, () => HttpResponse.error()),
      http.post(`${BASE}/clients/:id/portal-access/pins`, () => HttpResponse.error()),
    );
    const get = await api().getClient('cl_1').catch((e: unknown) => e);
    assert.ok(get instanceof NetworkError);
    assert.equal(get.name, 'NetworkError');
    assert.equal(get.retryable, true);
    assert.equal(get.status, undefined);
    const post = await api().createSignInPin('cl_1').catch((e: unknown) => e);
    assert.ok(post instanceof NetworkError);
    assert.equal(post.retryable, false);
  });
});
