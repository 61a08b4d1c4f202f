// The client's shared reads (src/api/read-cache.ts), on their own: no HTTP, a clock of the test's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ReadCache, type ReadMeta } from '../../src/api/read-cache.js';

const kept: ReadMeta = { resource: 'practice', clientId: undefined, ttlMs: 1000 };
const inFlight = (clientId = 'cl_1'): ReadMeta => ({ resource: 'portal-access', clientId, ttlMs: 0 });

/** A load the test answers by hand, counting how often it started and whether it was aborted. */
function loader<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: unknown) => void; signal: AbortSignal }[] = [];
  const load = (signal: AbortSignal) => new Promise<T>((resolve, reject) => void calls.push({ resolve, reject, signal }));
  return { load, calls };
}

function clock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('ReadCache', () => {
  test('identical reads in flight are one load; the next read after it answers loads again', async () => {
    const cache = new ReadCache();
    const { load, calls } = loader<string>();
    const a = cache.read('/clients/cl_1/portal-access', inFlight(), load);
    const b = cache.read('/clients/cl_1/portal-access', inFlight(), load);
    assert.equal(calls.length, 1);
    calls[0]!.resolve('first');
    assert.deepEqual(await Promise.all([a, b]), ['first', 'first']);
    const c = cache.read('/clients/cl_1/portal-access', inFlight(), load);
    assert.equal(calls.length, 2);
    calls[1]!.resolve('second');
    assert.equal(await c, 'second');
  });

  test('a kept read answers from the cache until its time is up', async () => {
    const time = clock();
    const cache = new ReadCache(time.now);
    const { load, calls } = loader<number>();
    const first = cache.read('/practice', kept, load);
    calls[0]!.resolve(3);
    assert.equal(await first, 3);
    time.advance(999);
    assert.equal(await cache.read('/practice', kept, load), 3);
    assert.equal(calls.length, 1);
    time.advance(1);
    const after = cache.read('/practice', kept, load);
    assert.equal(calls.length, 2);
    calls[1]!.resolve(4);
    assert.equal(await after, 4);
  });

  test('a failed load is not kept', async () => {
    const cache = new ReadCache();
    const { load, calls } = loader<number>();
    const failed = cache.read('/practice', kept, load);
    calls[0]!.reject(new Error('unavailable'));
    await assert.rejects(failed, /unavailable/);
    void cache.read('/practice', kept, load);
    assert.equal(calls.length, 2);
  });

  test('a caller that aborts leaves the others their answer; the load is aborted when nobody waits', async () => {
    const cache = new ReadCache();
    const { load, calls } = loader<string>();
    const one = new AbortController();
    const two = new AbortController();
    const a = cache.read('/clients/cl_1/contacts', inFlight(), load, one.signal);
    const b = cache.read('/clients/cl_1/contacts', inFlight(), load, two.signal);
    one.abort(new Error('left'));
    await assert.rejects(a, /left/);
    assert.equal(calls[0]!.signal.aborted, false);
    two.abort(new Error('left too'));
    await assert.rejects(b, /left too/);
    assert.equal(calls[0]!.signal.aborted, true);
    // The aborted load is gone: the next read starts its own.
    void cache.read('/clients/cl_1/contacts', inFlight(), load);
    assert.equal(calls.length, 2);
  });

  test('an already aborted signal refuses at once, without loading', () => {
    const cache = new ReadCache();
    const { load, calls } = loader<string>();
    assert.throws(() => cache.read('/practice', kept, load, AbortSignal.abort(new Error('gone'))), /gone/);
    assert.equal(calls.length, 0);
  });

  test("put: a write's answer is a kept read's answer for its time", async () => {
    const time = clock();
    const cache = new ReadCache(time.now);
    const { load, calls } = loader<string>();
    cache.put('/practice', 'from the write', kept, 30_000);
    assert.equal(await cache.read('/practice', kept, load), 'from the write');
    assert.equal(await cache.read('/practice', kept, load), 'from the write');
    time.advance(1000);
    void cache.read('/practice', kept, load);
    assert.equal(calls.length, 1);
  });

  test("put: for a read that is not kept, the write's answer serves the next read only", async () => {
    const time = clock();
    const cache = new ReadCache(time.now);
    const { load, calls } = loader<string>();
    cache.put('/clients/cl_1/portal-access', 'from the write', inFlight(), 30_000);
    assert.equal(await cache.read('/clients/cl_1/portal-access', inFlight(), load), 'from the write');
    assert.equal(calls.length, 0);
    void cache.read('/clients/cl_1/portal-access', inFlight(), load);
    assert.equal(calls.length, 1);
    // Unread, it still expires: a read long after the write asks the server.
    cache.put('/clients/cl_2/portal-access', 'old', inFlight('cl_2'), 30_000);
    time.advance(30_000);
    void cache.read('/clients/cl_2/portal-access', inFlight('cl_2'), load);
    assert.equal(calls.length, 2);
  });

  test("forget drops one client's reads of the named resources, and practice reads for every client", async () => {
    const cache = new ReadCache();
    const { load, calls } = loader<string>();
    cache.put('/practice', 'p', kept, 0);
    cache.put('/clients/cl_1', 'c1', { resource: 'client', clientId: 'cl_1', ttlMs: 1000 }, 0);
    cache.put('/clients/cl_2', 'c2', { resource: 'client', clientId: 'cl_2', ttlMs: 1000 }, 0);
    cache.put('/session', 's', { resource: null, clientId: undefined, ttlMs: 1000 }, 0);
    cache.forget('cl_1', ['client', 'practice']);
    void cache.read('/practice', kept, load);
    void cache.read('/clients/cl_1', { resource: 'client', clientId: 'cl_1', ttlMs: 1000 }, load);
    assert.equal(calls.length, 2);
    assert.equal(await cache.read('/clients/cl_2', { resource: 'client', clientId: 'cl_2', ttlMs: 1000 }, load), 'c2');
    assert.equal(await cache.read('/session', { resource: null, clientId: undefined, ttlMs: 1000 }, load), 's');
    assert.equal(calls.length, 2);
  });

  test('invalidate(prefix) drops whole path segments only; invalidate() drops everything', async () => {
    const cache = new ReadCache();
    const { load, calls } = loader<string>();
    const meta = (clientId: string): ReadMeta => ({ resource: 'client', clientId, ttlMs: 1000 });
    for (const id of ['cl_1', 'cl_10']) cache.put(`/clients/${id}`, id, meta(id), 0);
    cache.put('/clients/cl_1/documents?limit=5', 'docs', { resource: 'documents', clientId: 'cl_1', ttlMs: 1000 }, 0);
    cache.invalidate('/clients/cl_1/');
    assert.equal(await cache.read('/clients/cl_10', meta('cl_10'), load), 'cl_10');
    assert.equal(calls.length, 0);
    void cache.read('/clients/cl_1', meta('cl_1'), load);
    void cache.read('/clients/cl_1/documents?limit=5', { resource: 'documents', clientId: 'cl_1', ttlMs: 0 }, load);
    assert.equal(calls.length, 2);
    cache.invalidate();
    void cache.read('/clients/cl_10', meta('cl_10'), load);
    assert.equal(calls.length, 3);
  });
});
