// configure() and <portal-provider> make the widgets' client from the same options: a change to any
// of them (here the timeout) gives the widgets a client that uses it; the same options keep the
// client the widgets share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configure } from '../../src/context/global-config.js';
import { sharedClient } from '../../src/context/shared-client.js';

describe('configure()', () => {
  it('honours a new timeoutMs: widgets get a client that times out after it', () => {
    const first = configure({ apiBase: 'https://ehr.example.test/api/portal', timeoutMs: 5000 });
    assert.equal(first.client.options.timeoutMs, 5000);
    const second = configure({ apiBase: 'https://ehr.example.test/api/portal', timeoutMs: 20000 });
    assert.notEqual(second.client, first.client);
    assert.equal(second.client.options.timeoutMs, 20000);
  });

  it('keeps the shared client (its cache and session) when only the language changes', () => {
    const getToken = () => 'token';
    const first = configure({ apiBase: 'https://ehr.example.test/api/portal', getToken, timeoutMs: 8000 });
    const second = configure({ apiBase: 'https://ehr.example.test/api/portal', getToken, timeoutMs: 8000, locale: 'es' });
    assert.equal(second.client, first.client);
    assert.equal(second.locale, 'es');
  });
});

describe('sharedClient()', () => {
  it('makes a new client when the base, the token function or the timeout changes, and only then', () => {
    const getToken = () => 'token';
    const base = sharedClient(undefined, { apiBase: 'https://a.test/api', getToken, timeoutMs: 1000 });
    assert.equal(sharedClient(base, { apiBase: 'https://a.test/api', getToken, timeoutMs: 1000 }), base);
    assert.notEqual(sharedClient(base, { apiBase: 'https://b.test/api', getToken, timeoutMs: 1000 }), base);
    assert.notEqual(sharedClient(base, { apiBase: 'https://a.test/api', getToken: () => 'other', timeoutMs: 1000 }), base);
    assert.notEqual(sharedClient(base, { apiBase: 'https://a.test/api', getToken, timeoutMs: 2000 }), base);
  });
});
