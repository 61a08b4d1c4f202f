/// <reference types="node" />
// Bad input never crashes the mock: garbage bodies, mutated valid bodies, odd ids, odd headers.
// Every answer is < 500, every 4xx is a problem document, and submitted values are never echoed.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { HOSTILE_STRINGS } from '../../mock-server/fixtures.js';
import { createNodeMock } from '../../mock-server/node.js';
import { callOperation, problemIssues, responseIssues, type CallInit, type CallResult } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const MARKER = 'fuzz-marker-7f3a';
const mock = createNodeMock({ now: NOW });

after(() => mock.close());
beforeEach(() => mock.reset('default'));

/** A valid request for every operation with a JSON body (the starting point of mutations). */
const VALID: Partial<Record<OperationName, { params: Record<string, string>; body: unknown }>> = {
  updatePractice: { params: {}, body: { portalEnabled: true } },
  sendInvitation: { params: { clientId: 'cl_invited' }, body: { message: 'Hello' } },
  changePortalEmail: { params: { clientId: 'cl_invited' }, body: { email: 'blake.s@example.com', scope: 'primary', consent: true, disableAndResend: false } },
  updatePermissions: {
    params: { clientId: 'cl_minor_guardian' },
    body: { client: { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: false }, portalUsers: [{ contactId: 'ct_minor_g_mother', groups: { basic: true, messaging: true, documents: true, scheduling: false, billing: false } }] },
  },
  createContact: { params: { clientId: 'cl_active' }, body: { firstName: 'Sam', lastName: 'Helper', relationship: 'caregiver', legalGuardian: false, emails: [{ address: 'sam@example.com', consent: true, primary: true }] } },
  updateContact: { params: { clientId: 'cl_active', contactId: 'ct_active_spouse' }, body: { firstName: 'Riley', lastName: 'Testwood', relationship: 'spouse', legalGuardian: false, emails: [{ address: 'riley@example.com', consent: true, primary: true }] } },
  inviteContact: { params: { clientId: 'cl_active', contactId: 'ct_active_spouse' }, body: { message: 'Hi' } },
  assignDocuments: { params: { clientId: 'cl_active' }, body: { templateIds: ['tpl_phq9', 'tpl_consent'], message: 'Please', sendAgain: ['tpl_consent'] } },
  searchDocuments: { params: { clientId: 'cl_large' }, body: { title: 'consent', status: 'sent', sort: 'title_asc', offset: 25, limit: 25 } },
  addCard: { params: { clientId: 'cl_active' }, body: { card: { token: 'tok_visa_4242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 }, makeDefault: false } },
  pay: { params: { clientId: 'cl_active' }, body: { target: { kind: 'invoices', invoiceIds: ['inv_active_1001'] }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } } },
  searchPortalOverviewClients: { params: {}, body: { finding: 'never_signed_in', name: 'a', limit: 10 } },
  sendBulkInvitations: { params: {}, body: { clientIds: ['cl_not_invited', 'cl_invited', 'cl_bounced'], dryRun: false } },
};

const jsonOps = (Object.keys(operations) as OperationName[]).filter((n) => {
  const body = (operations[n] as { body?: unknown }).body;
  return body !== undefined && body !== 'image';
});

let keys = 0;
/** The current version of what an If-Match write changes (so the mutations reach the rules behind it). */
function currentVersion(name: OperationName, params: Record<string, string>): number {
  const rec = mock.store.client(params['clientId'] ?? '');
  if (name === 'updatePractice') return mock.store.practice.version;
  if (name === 'updatePermissions') return rec?.permissions.version ?? 1;
  if (name === 'updateContact' || name === 'removeContact') return rec?.contacts.find((c) => c.id === params['contactId'])?.version ?? 1;
  return rec?.access.version ?? 1;
}

function send(name: OperationName, params: Record<string, string>, init: Omit<CallInit, 'params'>): Promise<CallResult> {
  const op = operations[name] as { ifMatch?: boolean; idempotencyKey?: boolean };
  return callOperation(BASE, name, {
    params,
    ...(op.ifMatch ? { ifMatch: currentVersion(name, params) } : {}),
    ...(op.idempotencyKey ? { idempotencyKey: `fuzz-${++keys}` } : {}),
    ...init,
  });
}

function assertSane(name: OperationName, res: CallResult, label: string): void {
  assert.ok(res.status < 500, `${name} ${label}: ${res.status} ${res.text.slice(0, 300)}`);
  if (res.status >= 400) {
    assert.deepEqual(problemIssues(res.body), [], `${name} ${label}: problem document`);
    assert.equal(res.text.includes(MARKER), false, `${name} ${label}: echoed a submitted value`);
  } else {
    assert.deepEqual(responseIssues(name, res.body), [], `${name} ${label}: response schema`);
  }
}

/** Every JSON path of a value, with the value there. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...leaves(v, [...path, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...leaves(v, [...path, k]));
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

const GARBAGE_TEXT = ['null', '[]', '"text"', '42', 'true', '{', '{"a":', '\u0000', '{}{}', `"${MARKER}"`, `{"${MARKER}": 1}`, '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"x": 1}}}', '['.repeat(5000) + ']'.repeat(5000), JSON.stringify({ a: 'x'.repeat(100_000) })];
const REPLACEMENTS: unknown[] = [null, -1, 1.5e308, '', `<script>${MARKER}</script>`, true, [MARKER], { [MARKER]: MARKER }, 'x'.repeat(3000)];

describe('garbage bodies', () => {
  for (const name of jsonOps) {
    it(`${name}: every garbage body → 4xx, never 500`, async () => {
      const params = VALID[name]?.params ?? {};
      for (const text of GARBAGE_TEXT) {
        const res = await send(name, params, { rawBody: text, contentType: 'application/json' });
        assertSane(name, res, JSON.stringify(text.slice(0, 30)));
        assert.ok(res.status >= 400, `${name} accepted ${text.slice(0, 30)}`);
      }
      for (const s of HOSTILE_STRINGS) assertSane(name, await send(name, params, { body: { [s]: s } }), 'hostile key');
      // Wrong content type: refused (415), never parsed as JSON.
      const form = await send(name, params, { rawBody: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
      assertSane(name, form, 'form');
      assert.equal(form.status, 415, `${name}: a form body → 415`);
    });
  }
});

describe('mutated valid bodies', () => {
  for (const name of jsonOps) {
    it(`${name}: each field replaced by each odd value → a sane answer`, async () => {
      const valid = VALID[name];
      assert.ok(valid, `a valid body for ${name}`);
      const first = await send(name, valid.params, { body: valid.body });
      assertSane(name, first, 'valid body');
      let count = 0;
      for (const path of leaves(valid.body)) {
        for (const r of REPLACEMENTS) {
          mock.store.advance(11 * 60_000); // out of any cooldown, so later rules are reached too
          const res = await send(name, valid.params, { body: replaceAt(valid.body, path, r) });
          assertSane(name, res, `${path.join('.') || '(root)'} = ${JSON.stringify(r)?.slice(0, 30)}`);
          count++;
        }
        // And the field removed.
        if (path.length) {
          const removed = structuredClone(valid.body) as Record<string | number, unknown>;
          let node = removed;
          for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
          if (Array.isArray(node)) node.splice(path.at(-1) as number, 1);
          else delete node[path.at(-1)!];
          assertSane(name, await send(name, valid.params, { body: removed }), `without ${path.join('.')}`);
        }
      }
      assert.ok(count > 0);
      assert.deepEqual(mock.store.internalErrors, []);
    });
  }
});

describe('odd ids, headers and images', () => {
  const ODD_IDS = ['cl_nobody', '%00', '..', '%2e%2e', 'a'.repeat(300), '%3Cscript%3E', '%E2%80%AE', '%F0%9F%98%80', ' ', MARKER];

  it('odd path ids → 404/400, never 500', async () => {
    for (const name of Object.keys(operations) as OperationName[]) {
      const op: Operation = operations[name];
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (!names.length) continue;
      for (const id of ODD_IDS) {
        const params = Object.fromEntries(names.map((n) => [n, decodeURIComponent(id)]));
        const valid = VALID[name];
        const res = await send(name, params, valid ? { body: valid.body } : op.body === 'image' ? { rawBody: new Uint8Array(4), contentType: 'image/png' } : {});
        assertSane(name, res, `id ${id.slice(0, 20)}`);
        assert.ok(res.status >= 400, `${name} with id ${id.slice(0, 20)} → ${res.status}`);
      }
    }
  });

  it('odd If-Match and Idempotency-Key values → 4xx problems', async () => {
    for (const ifMatch of ['', 'garbage', '"abc"', 'W/', '"1", "2"', `"${MARKER}"`, '*']) {
      const res = await callOperation(BASE, 'updatePractice', { body: { portalEnabled: true }, ifMatch });
      assertSane('updatePractice', res, `If-Match ${ifMatch}`);
    }
    for (const key of ['x'.repeat(300), MARKER, '\t']) {
      const res = await callOperation(BASE, 'pay', { params: { clientId: 'cl_active' }, body: VALID.pay!.body, idempotencyKey: key });
      assertSane('pay', res, `key ${key.slice(0, 10)}`);
    }
  });

  it('insurance upload: odd content types and bodies → 4xx', async () => {
    for (const [type, body] of [['image/svg+xml', '<svg onload=alert(1)>'], ['image/png; charset=binary', 'x'], ['IMAGE/JPEG', 'x'], ['text/html', MARKER], ['', 'x']] as const) {
      const res = await callOperation(BASE, 'uploadInsuranceCard', { params: { clientId: 'cl_active', side: 'front' }, rawBody: body, ...(type ? { contentType: type } : {}) });
      assertSane('uploadInsuranceCard', res, type);
    }
    assert.deepEqual(mock.store.internalErrors, []);
  });

  it('odd query values → 400 problems', async () => {
    for (const query of [{ limit: '1e3' }, { limit: '-5' }, { limit: '' }, { cursor: 'x'.repeat(500) }, { cursor: MARKER }, { status: MARKER }, { sort: '__proto__' }]) {
      const res = await callOperation(BASE, 'listDocuments', { params: { clientId: 'cl_large' }, query });
      assertSane('listDocuments', res, JSON.stringify(query).slice(0, 40));
      assert.equal(res.status, 400, JSON.stringify(query).slice(0, 40));
    }
  });
});
