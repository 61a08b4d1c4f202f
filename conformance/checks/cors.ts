/**
 * cors (with `--origin`): the preflight allows what the SDK sends, answers expose what the SDK
 * reads, and the allowed origin is the exact one, never a wildcard with credentials.
 */
import { operations, type OperationName } from '../../src/api/operations.js';
import { fail, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';

/** Headers the SDK sends (Accept-Language for localised problems) and reads. */
const REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'];
const EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'Retry-After'];
const METHODS = [...new Set(Object.values(operations).map((op) => op.method.toUpperCase()))];

function origin(ctx: CheckContext): string {
  if (!ctx.options.origin) skip('pass --origin https://your-ehr.example (the origin the widgets run on) to check CORS');
  return ctx.options.origin;
}

const list = (value: string | null) => (value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);

/** A path for each method (the first operation using it), with fixture ids where there are some. */
function pathFor(ctx: CheckContext, method: string): { name: OperationName; url: string } {
  const name = (Object.keys(operations) as OperationName[]).find((n) => operations[n].method.toUpperCase() === method)!;
  const clientId = ctx.namedClients()[0] ?? 'cl_conformance';
  const params = Object.fromEntries([...operations[name].path.matchAll(/\{(\w+)\}/g)].map(([, p]) => [p!, p === 'clientId' ? clientId : p === 'side' ? 'front' : 'x_conformance']));
  return { name, url: ctx.probe.url(name, params) };
}

function allowsOrigin(ctx: CheckContext, headers: Headers, where: string, want: string): void {
  const allow = headers.get('access-control-allow-origin');
  const credentials = headers.get('access-control-allow-credentials')?.trim().toLowerCase() === 'true';
  if (!allow) fail(`${where}: no Access-Control-Allow-Origin for ${want}: the browser hides the answer from the widget`);
  if (allow.trim() === '*' && credentials) fail(`${where}: Access-Control-Allow-Origin * with Access-Control-Allow-Credentials: true (browsers refuse it; send the exact origin)`);
  if (allow.trim() !== '*' && allow.trim() !== want) fail(`${where}: Access-Control-Allow-Origin is ${allow}, not ${want}`);
  if (allow.trim() !== '*' && !list(headers.get('vary')).includes('origin')) fail(`${where}: the allowed origin depends on Origin but Vary does not name Origin (caches would serve it to other origins)`);
}

export const corsChecks: Check[] = [
  {
    id: 'cors.preflight',
    group: 'cors',
    title: 'the preflight allows every method and the Authorization, Content-Type, If-Match and Idempotency-Key headers',
    remedy: 'Answer OPTIONS with Access-Control-Allow-Origin (the exact origin), -Allow-Methods GET, POST, PUT, PATCH, DELETE and -Allow-Headers Authorization, Content-Type, If-Match, Idempotency-Key, Accept-Language.',
    doc: 'cors',
    async run(ctx) {
      const want = origin(ctx);
      for (const method of METHODS) {
        const { name, url } = pathFor(ctx, method);
        const ex = await ctx.probe.raw('OPTIONS', url, { Origin: want, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': REQUEST_HEADERS.map((h) => h.toLowerCase()).join(',') }, name);
        const where = `OPTIONS for ${method} (${name})`;
        if (ex.status < 200 || ex.status >= 300) fail(`${where} answered ${ex.status}, expected 2xx`);
        allowsOrigin(ctx, ex.headers, where, want);
        const methods = list(ex.headers.get('access-control-allow-methods'));
        if (!methods.includes(method.toLowerCase()) && !methods.includes('*')) fail(`${where}: Access-Control-Allow-Methods (${methods.join(', ') || 'none'}) lacks ${method}`);
        const headers = list(ex.headers.get('access-control-allow-headers'));
        // `*` never covers Authorization (Fetch standard), so it must be named.
        const missing = REQUEST_HEADERS.filter((h) => !headers.includes(h.toLowerCase()) && !(headers.includes('*') && h !== 'Authorization'));
        if (missing.length) fail(`${where}: Access-Control-Allow-Headers lacks ${missing.join(', ')}`);
      }
      return METHODS.join(', ');
    },
  },
  {
    id: 'cors.expose-headers',
    group: 'cors',
    title: 'answers expose ETag, X-Request-Id and Retry-After to the widget',
    remedy: 'Send Access-Control-Expose-Headers: ETag, Retry-After, X-Request-Id on every answer, problems included.',
    doc: 'cors',
    async run(ctx) {
      const want = origin(ctx);
      const ok = await ctx.probe.call('getPractice', { headers: { Origin: want } });
      const problem = await ctx.probe.call('getPractice', { token: null, headers: { Origin: want } });
      for (const [ex, what] of [
        [ok, `getPractice ${ok.status}`],
        [problem, `getPractice without a token (${problem.status})`],
      ] as const) {
        allowsOrigin(ctx, ex.headers, what, want);
        const exposed = list(ex.headers.get('access-control-expose-headers'));
        const missing = EXPOSED_HEADERS.filter((h) => !exposed.includes(h.toLowerCase()) && !exposed.includes('*'));
        if (missing.length) fail(`${what}: Access-Control-Expose-Headers lacks ${missing.join(', ')} (the browser hides them from the SDK)`);
      }
    },
  },
  {
    id: 'cors.allow-origin',
    group: 'cors',
    title: 'the allowed origin is the exact one, never * with credentials',
    remedy: 'Reflect only allowed origins, exactly, with Vary: Origin; never combine * with Access-Control-Allow-Credentials: true.',
    doc: 'cors',
    async run(ctx) {
      const want = origin(ctx);
      const ex = await ctx.probe.call('getPractice', { headers: { Origin: want } });
      allowsOrigin(ctx, ex.headers, 'getPractice', want);
      const allow = ex.headers.get('access-control-allow-origin')?.trim();
      if (allow === '*') return 'Access-Control-Allow-Origin * without credentials (allowed; docs/api.md prefers the exact origin)';
    },
  },
];
