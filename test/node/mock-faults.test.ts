/// <reference types="node" />
// Fault switches of the mock: status, network, malformed, schemaBreak, latency, hang, times.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/api/operations.js';
import { createNodeMock } from '../../mock-server/node.js';
import { assertOk, assertProblem, callOperation, responseIssues, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
const api = (name: OperationName, init?: CallInit) => callOperation(BASE, name, init);
const active = { params: { clientId: 'cl_active' } };

after(() => mock.close());
beforeEach(() => {
  mock.reset('default');
  mock.faults.latencyMs = 0;
});

describe('fault switches', () => {
  it('status: a problem with that status (and a code derived from it, or the one given)', async () => {
    mock.faults.set('getPractice', { status: 503 });
    const res = await api('getPractice');
    assertProblem(res, 503, 'unavailable');
    assert.equal(res.headers.get('retry-after'), '1');
    mock.faults.set('getPractice', { status: 500 });
    assertProblem(await api('getPractice'), 500, 'internal');
    mock.faults.set('getPractice', { status: 409, code: 'portal_off_for_practice' });
    assertProblem(await api('getPractice'), 409, 'portal_off_for_practice');
    mock.faults.set('getPractice', { code: 'resend_cooldown' });
    assertProblem(await api('getPractice'), 429, 'resend_cooldown');
    // Other operations are untouched.
    assertOk('getClient', await api('getClient', active));
  });

  it('times: affects that many requests, then the real handler answers', async () => {
    mock.faults.set('getClient', { status: 500, times: 2 });
    assert.equal((await api('getClient', active)).status, 500);
    assert.equal((await api('getClient', active)).status, 500);
    assertOk('getClient', await api('getClient', active));
  });

  it("'*' affects every operation; an operation's own fault wins", async () => {
    mock.faults.set('*', { status: 502 });
    mock.faults.set('getClient', { status: 404 });
    assertProblem(await api('getPractice'), 502, 'unavailable');
    assertProblem(await api('listContacts', active), 502, 'unavailable');
    assertProblem(await api('getClient', active), 404, 'not_found');
    mock.faults.clear();
    assertOk('getPractice', await api('getPractice'));
  });

  it('a faulted write changes nothing', async () => {
    mock.faults.set('sendInvitation', { status: 500, times: 1 });
    assert.equal((await api('sendInvitation', { params: { clientId: 'cl_not_invited' }, body: {} })).status, 500);
    assert.equal(mock.store.emails.length, 0);
    assert.equal(mock.store.client('cl_not_invited')!.access.state, 'not_invited');
  });

  it('network: fetch rejects', async () => {
    mock.faults.set('getInvoices', { network: true, times: 1 });
    await assert.rejects(api('getInvoices', active), TypeError);
    assertOk('getInvoices', await api('getInvoices', active));
  });

  it('malformed: 200 application/json that does not parse', async () => {
    mock.faults.set('listDocuments', { malformed: true });
    const r = await fetch(`${BASE}/clients/cl_active/documents`, { headers: { Authorization: 'Bearer t' } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    await assert.rejects(r.json(), SyntaxError);
  });

  it('schemaBreak: 200 valid JSON that breaks the response schema of every operation', async () => {
    const reads: [OperationName, CallInit][] = [
      ['getPractice', {}],
      ['getClient', active],
      ['getPortalAccess', active],
      ['getPermissions', active],
      ['listContacts', active],
      ['listDocumentTemplates', {}],
      ['listDocuments', active],
      ['getPaymentMethods', active],
      ['getInvoices', active],
      ['listPayments', active],
    ];
    mock.faults.set('*', { schemaBreak: true });
    for (const [name, init] of reads) {
      const res = await api(name, init);
      assert.equal(res.status, 200, name);
      assert.ok(responseIssues(name, res.body).length > 0, `${name} should break its schema`);
    }
    const write = await api('sendInvitation', { params: { clientId: 'cl_not_invited' }, body: {} });
    assert.ok(responseIssues('sendInvitation', write.body).length > 0);
  });

  it('latency: per operation, and the global default', async () => {
    mock.faults.set('getPractice', { latencyMs: 150, times: 1 });
    let t = performance.now();
    assertOk('getPractice', await api('getPractice'));
    assert.ok(performance.now() - t >= 140, 'per-operation latency');
    t = performance.now();
    await api('getPractice');
    assert.ok(performance.now() - t < 140, 'times: 1 used up');
    mock.faults.latencyMs = 120;
    t = performance.now();
    assertOk('getClient', await api('getClient', active));
    assert.ok(performance.now() - t >= 110, 'global latency');
    mock.faults.clear();
    assert.equal(mock.faults.latencyMs, 120, 'clear() keeps the global latency setting');
  });

  it('latency combines with a status fault', async () => {
    mock.faults.set('getClient', { latencyMs: 100, status: 503 });
    const t = performance.now();
    assertProblem(await api('getClient', active), 503, 'unavailable');
    assert.ok(performance.now() - t >= 90);
  });

  it('hang: no answer until the request is aborted (timeouts)', async () => {
    mock.faults.set('getPermissions', { hang: true });
    const t = performance.now();
    await assert.rejects(api('getPermissions', { ...active, signal: AbortSignal.timeout(150) }), (e: Error) => e.name === 'TimeoutError' || e.name === 'AbortError');
    assert.ok(performance.now() - t >= 140);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(mock.faults.hangingCount, 0, 'the aborted request was released');
  });

  it('hang: clear() releases hanging requests (as a network error)', async () => {
    mock.faults.set('getPermissions', { hang: true });
    const pending = api('getPermissions', active);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(mock.faults.hangingCount, 1);
    mock.faults.clear();
    await assert.rejects(pending, TypeError);
  });

  it('faults apply before auth (a fault is what the network does)', async () => {
    mock.faults.set('getPractice', { status: 503, times: 1 });
    assertProblem(await api('getPractice', { token: null }), 503, 'unavailable');
    assertProblem(await api('getPractice', { token: null }), 401, 'unauthorized');
  });
});
