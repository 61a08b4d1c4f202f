/// <reference types="node" />
// The mock as a real HTTP server on 127.0.0.1, called with real fetch: schemas for every fixture
// client and world, CORS, preflight, unknown routes, faults over the wire, the CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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

  it('CORS: any origin, exposed ETag and Retry-After, on successes and problems', async () => {
    const ok = await api('getPortalAccess', { params: { clientId: 'cl_active' }, headers: { Origin: 'https://ehr.example.test' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://ehr.example.test');
    const exposed = (ok.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    assert.ok(exposed.includes('etag') && exposed.includes('retry-after'));
    assert.ok(ok.headers.get('etag'));
    const unauth = await api('getPractice', { token: null, headers: { Origin: 'http://localhost:5173' } });
    assertProblem(unauth, 401, 'unauthorized');
    assert.equal(unauth.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const noOrigin = await api('getPractice');
    assert.equal(noOrigin.headers.get('access-control-allow-origin'), '*');
  });

  it('OPTIONS preflight → 204 with the allowed methods and headers', async () => {
    const r = await fetch(`${mock.url}/clients/cl_active/payments`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://ehr.example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), 'https://ehr.example.test');
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
    assert.equal(res.status, 413);
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

describe('CLI', { concurrency: true }, () => {
  const script = fileURLToPath(new URL('../../mock-server/http.ts', import.meta.url));

  it('prints the URL, serves the world, stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--world', 'portal-off', '--latency', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      setTimeout(() => reject(new Error('no output')), 15_000).unref();
    });
    const m = /^Mock portal API: (http:\/\/127\.0\.0\.1:\d+\/api\/portal) \(world: portal-off\)$/.exec(line);
    assert.ok(m, line);
    const practice = await callOperation(m[1]!, 'getPractice');
    assert.equal((practice.body as PracticeSettings).portalEnabled, false);
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
});
