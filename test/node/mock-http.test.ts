/// <reference types="node" />
// The mock as a real HTTP server on 127.0.0.1, called with real fetch: schemas for every fixture
// client and world, CORS, preflight, unknown routes, faults over the wire, the CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { OperationName } from '../../src/api/operations.js';
import { INSURANCE_IMAGE_MAX_BYTES, type Payment, type PracticeSettings } from '../../src/schemas/index.js';
import { FIXTURE_CLIENT_IDS, WORLD_NAMES } from '../../mock-server/fixtures.js';
import { startHttpMock, type HttpMock } from '../../mock-server/http.js';
import { assertOk, assertProblem, callOperation, imageBytes, type CallInit } from '../../mock-server/testing.js';

const NOW = '2025-06-16T12:00:00.000Z';
let mock: HttpMock;
const api = (name: OperationName, init?: CallInit) => callOperation(mock.url, name, init);

before(async () => {
  mock = await startHttpMock({ port: 0, now: NOW });
});
after(() => mock.close());

const CLIENT_READS: OperationName[] = ['getClient', 'getPortalAccess', 'getPermissions', 'listContacts', 'listDocuments', 'getPaymentMethods', 'getInvoices', 'listPayments'];

describe('HTTP mode', () => {
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/portal$/);
    assert.ok(mock.port > 0);
  });

  for (const world of WORLD_NAMES) {
    it(`world "${world}": every GET for every fixture client fits the response schemas`, async () => {
      mock.reset(world);
      assertOk('getPractice', await api('getPractice'));
      assertOk('listDocumentTemplates', await api('listDocumentTemplates'));
      for (const clientId of FIXTURE_CLIENT_IDS) {
        for (const name of CLIENT_READS) assertOk(name, await api(name, { params: { clientId } }));
      }
      assert.deepEqual(mock.store.internalErrors, []);
    });
  }

  it('worlds: portal-off and no-payments-account change the practice', async () => {
    mock.reset('portal-off');
    assert.equal(((await api('getPractice')).body as PracticeSettings).portalEnabled, false);
    mock.reset('no-payments-account');
    assert.equal(((await api('getPractice')).body as PracticeSettings).onlinePayments, 'not_set_up');
    mock.reset('default');
  });

  it('CORS: loopback origins, exposed ETag and Retry-After, on successes and problems', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:6006', 'http://[::1]:8080', 'https://localhost']) {
      const ok = await api('getPortalAccess', { params: { clientId: 'cl_active' }, headers: { Origin: origin } });
      assertOk('getPortalAccess', ok);
      assert.equal(ok.headers.get('access-control-allow-origin'), origin);
      const exposed = (ok.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      assert.ok(exposed.includes('etag') && exposed.includes('retry-after') && exposed.includes('x-request-id'));
      assert.ok(ok.headers.get('etag'));
    }
    const unauth = await api('getPractice', { token: null, headers: { Origin: 'http://localhost:5173' } });
    assertProblem(unauth, 401, 'unauthorized');
    assert.equal(unauth.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    // curl, Postman, a backend: no Origin, no CORS headers needed.
    const noOrigin = await api('getPractice');
    assertOk('getPractice', noOrigin);
    assert.equal(noOrigin.headers.get('access-control-allow-origin'), null);
  });

  it('CORS: any other origin is refused (403, nothing read or written, no CORS headers)', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io:4010', 'null', 'http://localhost:5173/x']) {
      const read = await api('getPortalAccess', { params: { clientId: 'cl_active' }, headers: { Origin: origin } });
      assertProblem(read, 403, 'forbidden');
      assert.equal(read.headers.get('access-control-allow-origin'), null, origin);
      assert.ok(read.headers.get('x-request-id'));
      const before = mock.store.practice.version;
      const write = await api('updatePractice', { body: { portalEnabled: false }, ifMatch: before, headers: { Origin: origin } });
      assertProblem(write, 403, 'forbidden');
      assert.equal(mock.store.practice.version, before, `${origin} changed nothing`);
      const preflight = await fetch(`${mock.url}/practice`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH' } });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      await preflight.arrayBuffer();
    }
  });

  it('OPTIONS preflight → 204 with the allowed methods and headers', async () => {
    const r = await fetch(`${mock.url}/clients/cl_active/payments`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept-language']) assert.ok(allowed.includes(h), h);
    const methods = r.headers.get('access-control-allow-methods') ?? '';
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) assert.ok(methods.includes(m), m);
    assert.equal(await r.text(), '');
  });

  it('unknown routes → 404 problem (inside and outside the API base)', async () => {
    for (const path of ['/', '/favicon.ico', '/api/portal/nope', '/api/portal/clients/cl_active/secrets']) {
      const r = await fetch(new URL(path, mock.url), { headers: { Authorization: 'Bearer t' } });
      assert.equal(r.status, 404, path);
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(((await r.json()) as { code: string }).code, 'not_found');
    }
  });

  it('writes over the wire: If-Match, image upload, idempotent payment', async () => {
    mock.reset('default');
    assertProblem(await api('updatePractice', { body: { portalEnabled: false } }), 428, 'precondition_required');
    assertOk('updatePractice', await api('updatePractice', { body: { portalEnabled: true }, ifMatch: 1 }));
    assertOk('uploadInsuranceCard', await api('uploadInsuranceCard', { params: { clientId: 'cl_active', side: 'front' }, rawBody: imageBytes('image/jpeg', 50_000), contentType: 'image/jpeg' }));
    assertProblem(await api('uploadInsuranceCard', { params: { clientId: 'cl_active', side: 'back' }, rawBody: new Uint8Array(INSURANCE_IMAGE_MAX_BYTES + 10), contentType: 'image/jpeg' }), 413, 'image_too_large');
    const body = { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } };
    const a = await api('pay', { params: { clientId: 'cl_active' }, body, idempotencyKey: 'http-1' });
    const b = await api('pay', { params: { clientId: 'cl_active' }, body, idempotencyKey: 'http-1' });
    assertOk('pay', a);
    assert.deepEqual(b.body, a.body);
    assert.equal(mock.store.client('cl_active')!.payments.filter((p) => p.id === (a.body as Payment).id).length, 1);
  });

  it('bodies larger than any legitimate one are refused without a crash', async () => {
    const res = await api('createContact', { params: { clientId: 'cl_active' }, rawBody: new Uint8Array(INSURANCE_IMAGE_MAX_BYTES + 2 * 1024 * 1024), contentType: 'application/json' });
    assertProblem(res, 413, 'payload_too_large');
    assert.ok(res.headers.get('x-request-id'));
  });

  it('faults over the wire: network drops the connection; hang waits for the abort; latency delays', async () => {
    mock.faults.set('getClient', { network: true, times: 1 });
    await assert.rejects(api('getClient', { params: { clientId: 'cl_active' } }), TypeError);
    assertOk('getClient', await api('getClient', { params: { clientId: 'cl_active' } }));

    mock.faults.set('getClient', { hang: true, times: 1 });
    await assert.rejects(api('getClient', { params: { clientId: 'cl_active' }, signal: AbortSignal.timeout(150) }));
    for (let i = 0; i < 50 && mock.faults.hangingCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(mock.faults.hangingCount, 0, 'the server saw the client go away');

    mock.faults.set('getClient', { latencyMs: 120, times: 1 });
    const t = performance.now();
    assertOk('getClient', await api('getClient', { params: { clientId: 'cl_active' } }));
    assert.ok(performance.now() - t >= 110);

    mock.faults.set('getClient', { malformed: true, times: 1 });
    const malformed = await api('getClient', { params: { clientId: 'cl_active' } });
    assert.equal(malformed.status, 200);
    assert.equal(malformed.body, undefined, 'not JSON');
  });
});

describe('origins named by the host, and slow clients', () => {
  let strict: HttpMock;
  before(async () => {
    strict = await startHttpMock({ port: 0, now: NOW, allowOrigins: ['https://ehr.example.test/some/page'], headersTimeoutMs: 400, bodyTimeoutMs: 400 });
  });
  after(() => strict.close());

  it('an origin named in allowOrigins is allowed (normalized to its origin), others still refused', async () => {
    const ok = await callOperation(strict.url, 'getPractice', { headers: { Origin: 'https://ehr.example.test' } });
    assertOk('getPractice', ok);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://ehr.example.test');
    assertProblem(await callOperation(strict.url, 'getPractice', { headers: { Origin: 'http://ehr.example.test' } }), 403, 'forbidden');
    assertProblem(await callOperation(strict.url, 'getPractice', { headers: { Origin: 'https://ehr.example.test:8443' } }), 403, 'forbidden');
  });

  /** Sends `head` on a raw socket (and nothing more); resolves with whatever the server answers before closing. */
  function rawExchange(text: string, maxMs: number): Promise<{ answer: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = connect(strict.port, '127.0.0.1', () => socket.write(text));
      let answer = '';
      const guard = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer within ${maxMs} ms: ${answer.slice(0, 200)}`));
      }, maxMs);
      socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
      socket.on('close', () => {
        clearTimeout(guard);
        resolve({ answer, ms: performance.now() - started });
      });
      socket.on('error', () => undefined);
    });
  }

  it('headers that never finish → 408 request_timeout problem, connection closed', async () => {
    const { answer, ms } = await rawExchange('GET /api/portal/practice HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 5_000);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /content-type: application\/problem\+json/i);
    assert.match(answer, /x-request-id: req_\d+/i);
    assert.match(answer, /"code":"request_timeout"/);
    assert.ok(ms >= 350, `waited ${Math.round(ms)} ms`);
  });

  it('a body that trickles in → 408 request_timeout problem, nothing written', async () => {
    const before = strict.store.practice.version;
    const head = `PATCH /api/portal/practice HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nIf-Match: "${before}"\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"portal`;
    const { answer, ms } = await rawExchange(head, 5_000);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /x-request-id: req_\d+/i);
    assert.match(answer, /"code":"request_timeout"/);
    assert.ok(ms >= 350, `waited ${Math.round(ms)} ms`);
    assert.equal(strict.store.practice.version, before);
  });

  it('a request that is not HTTP → 400 bad_request problem', async () => {
    const { answer } = await rawExchange('HELLO THERE\r\n\r\n', 5_000);
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.match(answer, /"code":"bad_request"/);
  });
});

describe('CLI', { concurrency: true }, () => {
  const script = fileURLToPath(new URL('../../mock-server/http.ts', import.meta.url));

  it('prints the URL, serves the world, allows the named origins, stops cleanly on SIGTERM', async () => {
    const args = ['--port', '0', '--world', 'portal-off', '--latency', '0', '--allow-origin', 'https://ehr.example.test', '--allow-origin', 'http://10.0.0.5:3000/'];
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.split('\n').length > 2) resolve(out.trim().split('\n'));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      setTimeout(() => reject(new Error('no output')), 15_000).unref();
    });
    const m = /^Mock portal API: (http:\/\/127\.0\.0\.1:\d+\/api\/portal) \(world: portal-off\)$/.exec(lines[0]!);
    assert.ok(m, lines[0]);
    assert.equal(lines[1], 'Browser origins allowed besides loopback: https://ehr.example.test, http://10.0.0.5:3000');
    const practice = await callOperation(m[1]!, 'getPractice', { headers: { Origin: 'http://10.0.0.5:3000' } });
    assert.equal((practice.body as PracticeSettings).portalEnabled, false);
    assert.equal(practice.headers.get('access-control-allow-origin'), 'http://10.0.0.5:3000');
    assertProblem(await callOperation(m[1]!, 'getPractice', { headers: { Origin: 'https://other.example.test' } }), 403, 'forbidden');
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('an unknown world exits 1 with a message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--world', 'atlantis'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 1);
    assert.match(err, /--world must be one of: default, portal-off, no-payments-account/);
  });

  it('an --allow-origin that is not an http(s) URL exits 1 with a message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--allow-origin', 'ehr.example.test'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 1);
    assert.match(err, /--allow-origin "ehr\.example\.test" is not a URL/);
  });
});
