/// <reference types="node" />
// The conformance kit against the real-HTTP mock: it passes with the mock fixtures (every group,
// nothing skipped), and each deliberate defect put in front of the mock fails the check it names
// with exit 1. Bad targets and bad usage give one-line diagnoses.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpMock, type HttpMock } from '../../mock-server/http.js';
import { main } from '../../conformance/main.js';
import { DOC_SECTIONS, GROUPS, type CheckResult } from '../../conformance/check.js';
import { CHECKS } from '../../conformance/checks/index.js';
import { CLIENT_STATES, DOCUMENT_STATES } from '../../conformance/fixtures.js';
import { operations } from '../../src/api/operations.js';

const FIXTURES = 'conformance/mock.fixtures.json';
const ORIGIN = 'http://localhost:5173';
const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
let reportCount = 0;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  results: CheckResult[];
  report: { passed: number; failed: number; skipped: number; durationMs: number; tokenRefreshes: number; diagnosis?: string };
  junit: string;
}

async function kit(baseUrl: string, args: string[] = [], options: { tty?: boolean } = {}): Promise<Run> {
  const json = join(dir, `report-${++reportCount}.json`);
  const xml = join(dir, `report-${reportCount}.xml`);
  let stdout = '';
  let stderr = '';
  const code = await main(['--base-url', baseUrl, ...(args.some((a) => a.startsWith('--token')) ? [] : ['--token', 't']), '--report-json', json, '--report-junit', xml, ...args], {
    stdout: { write: (s: string) => void (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => void (stderr += s) },
    env: {},
  });
  let report: Run['report'] & { checks?: CheckResult[] } = { passed: 0, failed: 0, skipped: 0, durationMs: 0, tokenRefreshes: 0 };
  let junit = '';
  try {
    report = JSON.parse(readFileSync(json, 'utf8'));
    junit = readFileSync(xml, 'utf8');
  } catch {
    // Usage errors write no report.
  }
  return { code, stdout, stderr, results: report.checks ?? [], report, junit };
}

const failedIds = (run: Run) => run.results.filter((r) => r.outcome === 'failed').map((r) => r.id);

/** A defect-injecting proxy in front of the mock: it may rewrite the request and the answer. */
interface Defect {
  request?(req: { method: string; path: string; headers: Headers; body: Buffer }): void;
  response?(res: { status: number; headers: Headers; body: string; method: string; path: string }): void;
}

let mock: HttpMock;
let proxy: Server;
let proxyBase = '';
let defect: Defect = {};
const methodsSeen: string[] = [];
/** Requests that change something: any method but GET, HEAD and OPTIONS, unless the operation is a read sent as POST (`safe`). */
const writesSeen: string[] = [];
const SAFE_POSTS = Object.values(operations)
  .filter((op) => 'safe' in op && op.safe)
  .map((op) => new RegExp(`${op.path.replace(/\{\w+\}/g, '[^/]+')}$`));
const isWrite = (method: string, path: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method) && !SAFE_POSTS.some((p) => p.test(path.split('?')[0]!));

async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const path = req.url ?? '/';
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers.set(k, v);
  const inbound = { method: req.method ?? 'GET', path, headers, body: Buffer.concat(chunks) };
  methodsSeen.push(inbound.method);
  if (isWrite(inbound.method, path)) writesSeen.push(`${inbound.method} ${path}`);
  defect.request?.(inbound);
  const upstream = await fetch(`http://127.0.0.1:${mock.port}${path}`, { method: inbound.method, headers: inbound.headers, ...(inbound.body.length ? { body: inbound.body } : {}) });
  const answer = { status: upstream.status, headers: new Headers(upstream.headers), body: await upstream.text(), method: inbound.method, path };
  defect.response?.(answer);
  answer.headers.delete('content-length');
  answer.headers.delete('content-encoding');
  const out: Record<string, string> = {};
  answer.headers.forEach((v, k) => (out[k] = v));
  res.writeHead(answer.status, out);
  res.end(answer.body);
}

before(async () => {
  mock = await startHttpMock({ port: 0 });
  proxy = createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/portal`;
});

after(async () => {
  await new Promise<void>((resolve) => {
    proxy.close(() => resolve());
    proxy.closeAllConnections();
  });
  await mock.close();
});

beforeEach(() => {
  mock.reset('default');
  defect = {};
  methodsSeen.length = 0;
  writesSeen.length = 0;
});

/** Rewrites the JSON body of problem answers. */
const problemBody = (res: { body: string; headers: Headers }, edit: (p: Record<string, unknown>) => void) => {
  if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json')) return;
  const p = JSON.parse(res.body) as Record<string, unknown>;
  edit(p);
  res.body = JSON.stringify(p);
};

describe('conformance kit against the mock', () => {
  it('passes every group with the mock fixtures, nothing skipped, and asks the token command again after a 401', async () => {
    const counter = join(dir, 'token-count');
    writeFileSync(counter, '');
    const command = `echo x >> '${counter}'; echo conformance-token`;
    const run = await kit(mock.url, ['--fixtures', FIXTURES, '--origin', ORIGIN, '--token-command', command]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(failedIds(run), []);
    assert.deepEqual(
      run.results.filter((r) => r.outcome === 'skipped').map((r) => `${r.id}: ${r.message}`),
      [],
    );
    const groups = new Set(run.results.map((r) => r.group));
    assert.deepEqual([...groups], ['schema', 'auth', 'concurrency', 'idempotency', 'rules', 'privacy', 'cors']);
    assert.ok(run.results.length >= 60, `${run.results.length} checks`);
    assert.ok(readFileSync(counter, 'utf8').split('\n').filter(Boolean).length >= 2, 'the token command ran once at most');
    assert.equal(mock.store.internalErrors.length, 0);
    // The kit cleans up what it made: no conformance contact and no open conformance document stay.
    assert.ok(!mock.store.client('cl_active')!.contacts.some((c) => c.firstName === 'Conformance'));
    assert.match(run.stdout, /^PASS schema/m);
    assert.match(run.stdout, /\d+ passed, 0 failed, 0 skipped in /);
    assert.match(run.junit, /<testsuite name="rules" tests="\d+" failures="0"/);
  });

  it('a token that stops working mid-run is refreshed with the token command, as the SDK does', async () => {
    const counter = join(dir, 'token-serial');
    writeFileSync(counter, '');
    // Prints tok-0, tok-1, …; the backend in front refuses tok-0 as expired.
    const command = `n=$(wc -l < '${counter}' | tr -d ' '); echo x >> '${counter}'; echo tok-$n`;
    defect = { request: (r) => void (r.headers.get('authorization') === 'Bearer tok-0' && r.headers.set('authorization', '')) };
    const run = await kit(proxyBase, ['--fixtures', FIXTURES, '--only', 'schema', '--token-command', command]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(run.report.tokenRefreshes >= 1, `refreshes: ${run.report.tokenRefreshes}`);
  });

  it('--read-only sends no write and skips every write check with the reason', async () => {
    const run = await kit(proxyBase, ['--fixtures', FIXTURES, '--origin', ORIGIN, '--read-only']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(writesSeen, []);
    assert.ok(methodsSeen.includes('GET'));
    const skipped = run.results.filter((r) => r.outcome === 'skipped');
    assert.ok(skipped.length > 20, `${skipped.length} skipped`);
    assert.ok(skipped.every((r) => /--read-only/.test(r.message)), skipped.map((r) => r.message).join('\n'));
    assert.ok(run.results.some((r) => r.id === 'schema.getClient' && r.outcome === 'passed'));
  });

  it('--only takes a check id, to re-run one failure', async () => {
    const run = await kit(mock.url, ['--fixtures', FIXTURES, '--only', 'rules.resend-after-sign-in,cors.allow-origin', '--origin', ORIGIN]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(
      run.results.map((r) => `${r.id} ${r.outcome}`),
      ['rules.resend-after-sign-in passed', 'cors.allow-origin passed'],
    );
  });

  it('without fixtures, checks that need a named record are skipped with the state they need, never passed', async () => {
    const run = await kit(mock.url, ['--only', 'rules']);
    assert.equal(run.code, 0);
    assert.ok(run.results.length > 10 && run.results.every((r) => r.outcome === 'skipped'));
    const resend = run.results.find((r) => r.id === 'rules.resend-after-sign-in')!;
    assert.match(resend.message, /clients\.adultSignedIn/);
  });
});

/**
 * A backend that ignores If-Match: the proxy remembers the latest version of every resource it saw
 * answered and sends that with every write, so the mock applies writes whatever the kit sent.
 */
function ignoreIfMatch(): Defect {
  const versions = new Map<string, number>();
  const key = (path: string) => path.split('?')[0]!.replace(/\/(email|disable|invitations)$/, '');
  return {
    request(r) {
      const version = versions.get(key(r.path));
      if (r.method !== 'GET' && version !== undefined) r.headers.set('if-match', `"${version}"`);
    },
    response(r) {
      if (r.status >= 300 || !(r.headers.get('content-type') ?? '').startsWith('application/json')) return;
      const body = JSON.parse(r.body) as unknown;
      const base = key(r.path);
      const items = Array.isArray(body) ? body : [body];
      for (const item of items as { id?: string; version?: number }[]) {
        if (typeof item?.version !== 'number') continue;
        const own = Array.isArray(body) || (r.method === 'POST' && item.id && !base.endsWith(item.id)) ? `${base}/${item.id}` : base;
        versions.set(own, item.version);
      }
    },
  };
}

/** Each defect, the groups to run, and the check that must fail. */
const DEFECTS: { name: string; only: string; fails: string; defect: Defect }[] = [
  {
    name: 'a body that breaks the schema (portal access with an unknown state)',
    only: 'schema',
    fails: 'schema.getPortalAccess',
    defect: { response: (r) => void (r.path.endsWith('/portal-access') && r.status === 200 && (r.body = r.body.replace(/"state":"\w+"/, '"state":"bogus"'))) },
  },
  {
    name: 'ETag dropped',
    only: 'schema',
    fails: 'schema.getPractice',
    defect: { response: (r) => r.headers.delete('etag') },
  },
  {
    name: 'a problem as text/html',
    only: 'schema',
    fails: 'schema.not-found',
    defect: { response: (r) => void (r.status === 404 && r.headers.set('content-type', 'text/html')) },
  },
  {
    name: '401 answered as 403',
    only: 'auth',
    fails: 'auth.no-token',
    defect: {
      response: (r) => {
        if (r.status !== 401) return;
        r.status = 403;
        problemBody(r, (p) => Object.assign(p, { status: 403, code: 'forbidden' }));
      },
    },
  },
  {
    name: 'no WWW-Authenticate on 401',
    only: 'auth',
    fails: 'auth.www-authenticate',
    defect: { response: (r) => r.headers.delete('www-authenticate') },
  },
  {
    name: 'If-Match ignored (every write applied to the current version)',
    only: 'concurrency',
    fails: 'concurrency.if-match-required',
    defect: ignoreIfMatch(),
  },
  {
    name: 'a 412 without the current ETag',
    only: 'concurrency',
    fails: 'concurrency.stale-version',
    defect: { response: (r) => void (r.status === 412 && r.headers.delete('etag')) },
  },
  {
    name: 'Idempotency-Key ignored',
    only: 'idempotency',
    fails: 'idempotency.replay',
    defect: { request: (r) => void (r.headers.has('idempotency-key') && r.headers.set('idempotency-key', crypto.randomUUID())) },
  },
  {
    name: 'a wrong code (already_signed_in answered as access_disabled)',
    only: 'rules',
    fails: 'rules.resend-after-sign-in',
    defect: { response: (r) => problemBody(r, (p) => void (p['code'] === 'already_signed_in' && (p['code'] = 'access_disabled'))) },
  },
  {
    name: 'a cooldown without Retry-After',
    only: 'rules',
    fails: 'rules.resend-cooldown',
    defect: { response: (r) => r.headers.delete('retry-after') },
  },
  {
    name: 'an email in detail',
    only: 'privacy',
    fails: 'privacy.problem-text',
    defect: { response: (r) => problemBody(r, (p) => (p['detail'] = 'Could not handle the request for avery.testwood@example.com.')) },
  },
  {
    name: 'a client name in X-Request-Id',
    only: 'privacy',
    fails: 'privacy.request-id',
    defect: { response: (r) => void (r.path.includes('cl_active') && r.headers.set('x-request-id', 'req-avery-testwood-1')) },
  },
  {
    name: 'CORS without ETag exposed',
    only: 'cors',
    fails: 'cors.expose-headers',
    defect: { response: (r) => void (r.headers.has('access-control-expose-headers') && r.headers.set('access-control-expose-headers', 'X-Request-Id, Retry-After')) },
  },
  {
    name: 'a preflight that does not allow If-Match',
    only: 'cors',
    fails: 'cors.preflight',
    defect: { response: (r) => void (r.method === 'OPTIONS' && r.headers.set('access-control-allow-headers', 'Authorization, Content-Type, Idempotency-Key')) },
  },
  {
    name: 'a wildcard origin with credentials',
    only: 'cors',
    fails: 'cors.allow-origin',
    defect: {
      response: (r) => {
        r.headers.set('access-control-allow-origin', '*');
        r.headers.set('access-control-allow-credentials', 'true');
      },
    },
  },
];

describe('each defect fails the check it names, with exit 1', () => {
  it('the proxy alone changes nothing: every group passes through it', async () => {
    const run = await kit(proxyBase, ['--fixtures', FIXTURES, '--origin', ORIGIN, '--only', 'auth,concurrency,cors']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });

  for (const d of DEFECTS) {
    it(`${d.name} → ${d.fails}`, async () => {
      defect = d.defect;
      const run = await kit(proxyBase, ['--fixtures', FIXTURES, '--origin', ORIGIN, '--only', d.only]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.ok(failedIds(run).includes(d.fails), `expected ${d.fails} to fail; failed: ${failedIds(run).join(', ') || 'none'}\n${run.stdout}`);
      const failure = run.results.find((r) => r.id === d.fails)!;
      assert.doesNotMatch(failure.message, /^(the kit failed|no answer)/, failure.message);
      assert.match(run.stdout, new RegExp(`FAIL ${d.fails.replace('.', '\\.')}: .+\\n +fix: .+ \\(docs/api\\.md#[a-z-]+\\)`));
      assert.match(run.junit, new RegExp(`<failure message="[^"]+" type="${d.fails.replace('.', '\\.')}"`));
    });
  }
});

describe('one-line diagnoses and usage', () => {
  const oneLine = (run: Run) => {
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'a stack trace');
    return lines[0]!;
  };

  it('a dead server', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const address = dead.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const run = await kit(`http://127.0.0.1:${port}/api/portal`);
    assert.equal(run.code, 1);
    assert.match(oneLine(run), /cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/portal: connection refused/);
    assert.match(run.junit, /name="preflight\.api-base"/);
  });

  it('a server that dies mid-run: the remaining checks fail at once as not run', async () => {
    let requests = 0;
    defect = {
      request: () => {
        if (++requests > 30) throw new Error('gone');
      },
    };
    const run = await kit(proxyBase, ['--fixtures', FIXTURES, '--timeout-ms', '60000']);
    assert.equal(run.code, 1);
    const notRun = run.results.filter((r) => r.message.startsWith('not run: the server stopped answering'));
    assert.ok(notRun.length > 40, `${notRun.length} not run`);
    assert.ok(run.results.every((r) => r.outcome !== 'passed' || run.results.indexOf(r) < run.results.indexOf(notRun[0]!)));
  });

  it('a wrong base path', async () => {
    const run = await kit(mock.url.replace(/\/portal$/, ''));
    assert.equal(run.code, 1);
    assert.match(oneLine(run), /answered 404 .*--base-url is not the API base/);
  });

  it('an HTML error page from a proxy', async () => {
    const html = createServer((_, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
    });
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const address = html.address();
    try {
      const run = await kit(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/portal`);
      assert.equal(run.code, 1);
      assert.match(oneLine(run), /answered 502 with a server or proxy error page \("502 Bad Gateway"\), not the portal API/);
    } finally {
      html.closeAllConnections();
      await new Promise<void>((resolve) => html.close(() => resolve()));
    }
  });

  it('a failing token command', async () => {
    const run = await kit(mock.url, ['--token-command', 'echo nope >&2; exit 3']);
    assert.equal(run.code, 2);
    assert.match(oneLine(run), /--token-command failed \(exit 3: nope\)/);
  });

  it('bad usage exits 2 with one line and a pointer to --help', async () => {
    for (const args of [['--only', 'schema,nope'], ['--only', 'rules.nope'], ['--timeout-ms', 'soon'], ['--frobnicate'], ['--base-url', 'http://user:secret@127.0.0.1/api/portal']]) {
      const run = await kit(mock.url, args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^portal-widgets-conformance: .+\nRun portal-widgets-conformance --help/);
    }
    let stderr = '';
    assert.equal(await main(['--token', 't'], { stdout: { write() {} }, stderr: { write: (s: string) => void (stderr += s) } }), 2);
    assert.match(stderr, /--base-url is required/);
  });

  it('a fixtures file with mistakes: one clear line per mistake, exit 2', async () => {
    const file = join(dir, 'bad.fixtures.json');
    writeFileSync(
      file,
      JSON.stringify({
        clients: { adultSignedin: 'cl_active', disabled: 42, openInvoices: 'not an id!' },
        auth: { forbidden: { operation: 'deleteEverything', params: {} } },
        writes: { clients: 'cl_active' },
      }),
    );
    const run = await kit(mock.url, ['--fixtures', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /clients\.adultSignedin: unknown key "adultSignedin" \(did you mean "adultSignedIn"\?\)/);
    assert.match(run.stderr, /clients\.disabled: expected a string/);
    assert.match(run.stderr, /clients\.openInvoices: expected a client id/);
    assert.match(run.stderr, /auth\.forbidden\.operation: expected an operation of docs\/api\.md/);
    assert.match(run.stderr, /writes\.clients: expected a list/);
    assert.match(run.stderr, /5 mistakes/);
  });

  it('a missing fixtures file and invalid JSON', async () => {
    let run = await kit(mock.url, ['--fixtures', join(dir, 'nope.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the fixtures file \(no such file\)/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "clients": ');
    run = await kit(mock.url, ['--fixtures', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not valid JSON/);
  });
});

describe('the fixtures schema for editors', () => {
  it('--fixtures-schema prints JSON Schema describing every state', async () => {
    let stdout = '';
    assert.equal(await main(['--fixtures-schema'], { stdout: { write: (s: string) => void (stdout += s) }, stderr: { write() {} } }), 0);
    const schema = JSON.parse(stdout) as { properties: { clients: { properties: Record<string, { description?: string }> }; auth: { properties: { forbidden: { properties: { operation: { enum: string[] } } } } } } };
    for (const state of Object.keys(CLIENT_STATES)) assert.ok(schema.properties.clients.properties[state]?.description, state);
    assert.deepEqual(schema.properties.auth.properties.forbidden.properties.operation.enum, Object.keys(operations));
  });
});

describe('output', () => {
  it('a TTY gets a progress line per group redrawn in place; CI gets plain lines', async () => {
    const tty = await kit(mock.url, ['--only', 'auth,cors', '--origin', ORIGIN], { tty: true });
    assert.match(tty.stdout, /\r\u001b\[2K/);
    assert.match(tty.stdout, /✔\S* auth {8}\d+ passed/);
    const plain = await kit(mock.url, ['--only', 'auth,cors', '--origin', ORIGIN]);
    assert.doesNotMatch(plain.stdout, /\r|\u001b/);
    assert.match(plain.stdout, /^PASS auth {8}\d+ passed/m);
  });
});

describe('the checks', () => {
  it('have unique, stable ids in their group, one-line remedies, and cite sections docs/api.md has', () => {
    const api = readFileSync('docs/api.md', 'utf8');
    const anchors = new Set([...api.matchAll(/^#+ (.+)$/gm)].map(([, h]) => h!.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')));
    for (const anchor of Object.values(DOC_SECTIONS)) assert.ok(anchors.has(anchor), `docs/api.md has no section #${anchor}`);
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate check ids');
    for (const c of CHECKS) {
      assert.ok((GROUPS as readonly string[]).includes(c.group));
      assert.match(c.id, new RegExp(`^${c.group}\\.([a-z]+(-[a-z0-9]+)*|[a-z][A-Za-z]+)$`));
      assert.doesNotMatch(c.remedy, /\n/);
    }
    // Every operation of the table has its schema check.
    for (const name of Object.keys(operations)) assert.ok(ids.includes(`schema.${name}`), `no schema check for ${name}`);
  });

  it('docs/conformance.md names every check group, every non-schema check id and every fixture state', () => {
    const doc = readFileSync('docs/conformance.md', 'utf8');
    for (const c of CHECKS.filter((x) => x.group !== 'schema' || !/^schema\.[a-z][A-Za-z]+$/.test(x.id))) assert.ok(doc.includes(`\`${c.id}\``), `${c.id} is not in docs/conformance.md`);
    for (const state of Object.keys(CLIENT_STATES)) assert.ok(doc.includes(`clients.${state}`), `clients.${state} is not in docs/conformance.md`);
    for (const state of Object.keys(DOCUMENT_STATES)) assert.ok(doc.includes(`documents.${state}`), `documents.${state} is not in docs/conformance.md`);
  });
});
