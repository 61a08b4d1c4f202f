/// <reference types="node" />
// Malformed requests to every operation over real HTTP (raw node:http, so nothing is normalized on
// the way): bad percent-encoding in paths, methods no path has, HEAD, wrong content types, invalid
// and wrongly shaped bodies, oversized bodies, no token, odd If-Match. Every answer: no 5xx,
// `X-Request-Id`; every error a problem+json document whose status and code the operation declares
// (what docs/openapi.json lists for it); 405s carry the path's methods in `Allow`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { declaredProblems, expandPath, operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { INSURANCE_IMAGE_MAX_BYTES, Problem, problemStatus } from '../../src/schemas/index.js';
import { startHttpMock, type HttpMock } from '../../mock-server/http.js';
import { MAX_JSON_BYTES } from '../../mock-server/respond.js';

const NOW = '2025-06-16T12:00:00.000Z';
let mock: HttpMock;
before(async () => {
  mock = await startHttpMock({ port: 0, now: NOW });
});
after(() => mock.close());

const names = Object.keys(operations) as OperationName[];
const PARAMS: Record<string, string> = { clientId: 'cl_active', contactId: 'ct_active_spouse', documentId: 'doc_active_1', paymentMethodId: 'pm_active_visa', side: 'front' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
/** A body of the right shape for every operation with a JSON body (the content-type cases send it). */
const VALID_BODY: Partial<Record<OperationName, unknown>> = {
  updatePractice: { portalEnabled: true },
  sendInvitation: {},
  changePortalEmail: { email: 'avery.new@example.com', scope: 'portal', consent: true, disableAndResend: false },
  updatePermissions: { client: { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true }, portalUsers: [] },
  createContact: { firstName: 'Sam', lastName: 'Helper', relationship: 'caregiver', legalGuardian: false, emails: [] },
  updateContact: { firstName: 'Riley', lastName: 'Testwood', relationship: 'spouse', legalGuardian: false, emails: [] },
  inviteContact: {},
  assignDocuments: { templateIds: ['tpl_phq9'] },
  searchDocuments: { title: 'intake' },
  addCard: { card: { token: 'tok_visa_4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 }, makeDefault: false },
  pay: { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } },
  searchPortalOverviewClients: { finding: 'not_invited', name: 'a' },
  sendBulkInvitations: { finding: 'not_invited', dryRun: true },
};
const BAD_ENCODINGS = ['%ZZ', '%', '%4', '%FF', '%C0%AF', '%E2%82', 'a%2', '%%41'];
/** Methods HTTP parsers know and no path answers (`FOO` never gets past the parser: see the last test). */
const ODD_METHODS = ['TRACE', 'PROPFIND', 'PURGE', 'M-SEARCH', 'LINK', 'MKCOL'];
const BAD_CONTENT_TYPES: (string | null)[] = [null, 'text/plain', 'application/json; charset=utf-16', 'application/json;charset=ISO-8859-1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json'];
const INVALID_JSON = ['{', '{"a":', '[1,', 'nul', '{}{}', "{'a':1}", '\u0000', '{"a":1,}', '\uFEFF{}x'];
const WRONG_SHAPES = ['null', '[]', '42', '"text"', 'true', '{"unknown":1}', '[{"a":1}]', '{"email":[],"templateIds":{},"card":7,"target":"all"}'];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One raw request: the path is sent byte for byte; the body with exactly the headers given. */
function send(method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: mock.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path}: no answer`)));
    req.on('error', reject);
    req.end(body);
  });
}

const counts = new Map<number, number>();
let total = 0;

/** What an answer may be: the operation's success or one of its declared problems, or 405/404 for no operation. */
function check(label: string, answer: Answer, expect: { op?: OperationName; allow?: string[]; status?: number; code?: string; head?: boolean; unparsed?: boolean }): void {
  total++;
  counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
  const where = `${label} → ${answer.status} ${answer.text.slice(0, 200)}`;
  assert.ok(answer.status < 500, where);
  assert.match(String(answer.headers['x-request-id'] ?? ''), /^req_\d+$/, `${where}: X-Request-Id`);
  if (expect.head) assert.equal(answer.text, '', `${where}: HEAD has no body`);
  if (expect.status !== undefined) assert.equal(answer.status, expect.status, where);
  if (answer.status < 400) {
    assert.ok(expect.op, `${where}: success without an operation`);
    const op: Operation = operations[expect.op];
    assert.equal(answer.status, op.status ?? (op.response ? 200 : 204), where);
    return;
  }
  if (expect.head) return;
  assert.match(String(answer.headers['content-type'] ?? ''), /^application\/problem\+json/, `${where}: content type`);
  const parsed = Problem.safeParse(JSON.parse(answer.text));
  assert.ok(parsed.success, `${where}: a problem document`);
  const body = parsed.data;
  assert.equal(body.status, answer.status, `${where}: status in the body`);
  assert.equal(problemStatus[body.code], answer.status, `${where}: the code's status`);
  if (expect.code !== undefined) assert.equal(body.code, expect.code, where);
  if (expect.allow) {
    assert.equal(body.code, 'method_not_allowed', where);
    assert.deepEqual(String(answer.headers['allow'] ?? '').split(', ').sort(), [...expect.allow].sort(), `${where}: Allow`);
  } else if (expect.op) {
    assert.ok(declaredProblems(expect.op).includes(body.code), `${where}: ${body.code} is not declared for ${expect.op}`);
  } else if (!expect.unparsed) {
    assert.equal(body.code, 'not_found', where);
  }
}

const auth = { Authorization: 'Bearer fuzz' };
const pathOf = (name: OperationName, params: Record<string, string> = PARAMS) => `/api/portal${expandPath(operations[name].path, params)}`;
/** Every path param replaced, one at a time, by a raw (already "encoded") string. */
function rawPaths(name: OperationName, raw: string): string[] {
  const keys = [...operations[name].path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return keys.map((key) => `/api/portal${operations[name].path.replace(/\{(\w+)\}/g, (_, k: string) => (k === key ? raw : encodeURIComponent(PARAMS[k]!)))}`);
}
/** The methods of every path template of the document the concrete path fits, plus HEAD where there is a GET. */
function methodsOf(concrete: string): string[] {
  const fits = (template: string) => new RegExp(`^/api/portal${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(concrete);
  const methods = [...new Set(names.filter((n) => fits(operations[n].path)).map((n) => operations[n].method.toUpperCase()))];
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
}
function versionHeader(name: OperationName): Record<string, string> {
  if (!(operations[name] as Operation).ifMatch) return {};
  const rec = mock.store.client('cl_active')!;
  const version = name === 'updatePractice' ? mock.store.practice.version : name === 'updatePermissions' ? rec.permissions.version : name.endsWith('Contact') ? (rec.contacts.find((c) => c.id === 'ct_active_spouse')?.version ?? 1) : rec.access.version;
  return { 'If-Match': `"${version}"` };
}
const keyHeader = (name: OperationName): Record<string, string> => ((operations[name] as Operation).idempotencyKey ? { 'Idempotency-Key': `fuzz-${total}` } : {});

describe('malformed requests to every operation over HTTP', () => {
  for (const name of names) {
    const op: Operation = operations[name];
    it(`${name}: paths, methods, content types, bodies, sizes → declared answers`, async () => {
      mock.reset('default');
      const path = pathOf(name);
      const method = op.method.toUpperCase();
      const json = op.body !== undefined && op.body !== 'image';
      const baseHeaders = () => ({ ...auth, ...versionHeader(name), ...keyHeader(name) });
      const validBody = () => (op.body === 'image' ? PNG : json ? JSON.stringify(VALID_BODY[name]) : undefined);
      const typed = (): Record<string, string> => (op.body === 'image' ? { 'Content-Type': 'image/png' } : json ? { 'Content-Type': 'application/json' } : {});

      // Paths: bad percent-encoding in each id → 400; around a path without ids → no such route.
      for (const raw of BAD_ENCODINGS) {
        const paths = rawPaths(name, raw);
        for (const p of paths) check(`${method} ${p}`, await send(method, p, { ...baseHeaders(), ...typed() }, validBody()), { op: name, status: 400, code: 'bad_request' });
        if (!paths.length) check(`${method} ${path}${raw}`, await send(method, `${path}${raw}`, { ...baseHeaders(), ...typed() }, validBody()), { status: 404 });
      }
      // Odd ids (well encoded): unknown → 404 or a 400 naming the field, both declared.
      for (const raw of ['cl_nobody', '%00', '%3Cscript%3E', '%E2%80%AE', 'x'.repeat(300), '%20', '%2F']) {
        for (const p of rawPaths(name, raw)) check(`${method} ${p}`, await send(method, p, { ...baseHeaders(), ...typed() }, validBody()), { op: name });
      }
      // Dot segments would resolve to another path: refused as ids.
      for (const raw of ['..', '.', '%2e%2e', '%2E', '.%2e']) {
        for (const p of rawPaths(name, raw)) check(`${method} ${p}`, await send(method, p, { ...baseHeaders(), ...typed() }, validBody()), { op: name, status: 400, code: 'bad_request' });
      }

      // Methods: ones no path has, and the table's methods this path lacks → 405 with Allow.
      const allow = methodsOf(path);
      for (const m of [...ODD_METHODS, ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].filter((x) => !allow.includes(x))]) {
        check(`${m} ${path}`, await send(m, path, { ...auth }), { allow, status: 405, head: m === 'HEAD' });
      }
      // HEAD on a GET: the GET's status and headers, no body.
      if (method === 'GET') {
        const get = await send('GET', path, auth);
        const head = await send('HEAD', path, auth);
        check(`HEAD ${path}`, head, { op: name, status: get.status, head: true });
        assert.equal(head.headers['content-type'], get.headers['content-type']);
        assert.equal(head.headers['etag'], get.headers['etag']);
        check(`HEAD ${path} (no token)`, await send('HEAD', path, {}), { op: name, status: 401, head: true });
      }

      // No token → 401; odd If-Match → 400 (documented pattern), missing → 428.
      check(`${method} ${path} (no token)`, await send(method, path, { ...typed() }, validBody()), { op: name, status: 401, code: 'unauthorized' });
      if (op.ifMatch) {
        for (const ifMatch of ['*', 'W/"1"', '"1", "2"', 'garbage']) {
          check(`${method} ${path} If-Match ${ifMatch}`, await send(method, path, { ...auth, ...typed(), 'If-Match': ifMatch }, validBody()), { op: name, status: 400, code: 'bad_request' });
        }
        check(`${method} ${path} no If-Match`, await send(method, path, { ...auth, ...typed() }, validBody()), { op: name, status: 428, code: 'precondition_required' });
      }

      if (json) {
        // Content types: only application/json in UTF-8 → else 415.
        for (const type of BAD_CONTENT_TYPES) {
          const headers = { ...baseHeaders(), ...(type ? { 'Content-Type': type } : {}) };
          check(`${method} ${path} as ${type}`, await send(method, path, headers, validBody()), { op: name, status: 415, code: 'unsupported_media_type' });
        }
        check(`${method} ${path} UTF-16 bytes`, await send(method, path, { ...baseHeaders(), 'Content-Type': 'application/json' }, Buffer.from(String(validBody()), 'utf16le')), { op: name });
        // Bodies: invalid JSON → 400; wrong shapes → 400 (or a rule the operation declares).
        for (const text of INVALID_JSON) check(`${method} ${path} ${JSON.stringify(text)}`, await send(method, path, { ...baseHeaders(), ...typed() }, text), { op: name, status: 400, code: 'bad_request' });
        for (const text of WRONG_SHAPES) check(`${method} ${path} ${text}`, await send(method, path, { ...baseHeaders(), ...typed() }, text), { op: name });
        check(`${method} ${path} deep`, await send(method, path, { ...baseHeaders(), ...typed() }, '['.repeat(5000) + ']'.repeat(5000)), { op: name, status: 400 });
        // Sizes: one byte over the limit → 413 payload_too_large; just under → read (and refused by the schema).
        check(`${method} ${path} oversized`, await send(method, path, { ...baseHeaders(), ...typed() }, new Uint8Array(MAX_JSON_BYTES + 1).fill(0x20)), { op: name, status: 413, code: 'payload_too_large' });
        check(`${method} ${path} large`, await send(method, path, { ...baseHeaders(), ...typed() }, JSON.stringify({ a: 'x'.repeat(MAX_JSON_BYTES - 100) })), { op: name, status: 400 });
      } else if (op.body === 'image') {
        for (const type of BAD_CONTENT_TYPES) {
          const headers = { ...baseHeaders(), ...(type ? { 'Content-Type': type } : {}) };
          check(`${method} ${path} as ${type}`, await send(method, path, headers, PNG), { op: name, status: 415, code: 'unsupported_image' });
        }
        check(`${method} ${path} empty`, await send(method, path, { ...baseHeaders(), ...typed() }, new Uint8Array(0)), { op: name, status: 400 });
        check(`${method} ${path} oversized`, await send(method, path, { ...baseHeaders(), ...typed() }, new Uint8Array(INSURANCE_IMAGE_MAX_BYTES + 1)), { op: name, status: 413, code: 'image_too_large' });
      } else if (method !== 'GET') {
        // An operation without a body ignores one (and closes the connection after answering).
        check(`${method} ${path} with a body`, await send(method, path, { ...baseHeaders(), 'Content-Type': 'text/plain' }, 'ignored'), { op: name });
      }
      assert.deepEqual(mock.store.internalErrors, [], 'no undeclared answer, no bug');
    });
  }

  it('a request line no HTTP parser accepts → 400 bad_request problem', async () => {
    for (const m of ['FOO', 'GETT', 'TRACK']) check(`${m} /api/portal/practice`, await send(m, '/api/portal/practice', auth), { status: 400, code: 'bad_request', unparsed: true });
  });

  it('outside the API, and unknown paths inside it → 404 problems', async () => {
    for (const path of ['/', '/%', '/favicon.ico', '/api/portal', '/api/portal/nope', '/api/portal/clients/cl_active/secrets', '/api/portal/clients/%ZZ/secrets']) {
      for (const m of ['GET', 'TRACE', 'POST']) check(`${m} ${path}`, await send(m, path, auth), { status: 404 });
    }
  });

  after(() => {
    const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    console.log(`fuzz over HTTP: ${total} requests; by status: ${byStatus.join(', ')}`);
  });
});
