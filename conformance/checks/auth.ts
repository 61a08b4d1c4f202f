/**
 * auth: no token is 401 with WWW-Authenticate (the SDK then refreshes), a valid token that may not
 * do something is 403 (never 401: the SDK would refresh forever), and the token command is asked
 * again after a 401.
 */
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { fail, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { declaredCodes, expectProblem, expectSuccess, problemCodeOf } from '../contract.js';
import type { CallInit, Exchange } from '../probe.js';
import { TINY_PNG } from '../shared.js';

/** Parameters for every operation: fixture ids where there are some (a 401 must come before any lookup). */
function anyParams(ctx: CheckContext, name: OperationName): Record<string, string> {
  const clientId = ctx.namedClients()[0] ?? 'cl_conformance';
  const params: Record<string, string> = {};
  for (const [, p] of operations[name].path.matchAll(/\{(\w+)\}/g)) params[p!] = p === 'clientId' ? clientId : p === 'side' ? 'front' : `${p!.replace(/Id$/, '')}_conformance`;
  return params;
}

const isWrite = (name: OperationName) => operations[name].method !== 'get';

/** Every operation (writes unless --read-only) sent `init`; returns the answers. */
async function everyOperation(ctx: CheckContext, init: CallInit): Promise<{ answers: Exchange[]; skippedWrites: boolean }> {
  const names = (Object.keys(operations) as OperationName[]).filter((n) => !ctx.options.readOnly || !isWrite(n));
  const answers: Exchange[] = [];
  // Each request is otherwise well formed, so only the missing token can explain a refusal.
  const bodyFor = (name: OperationName): CallInit => {
    const body = (operations[name] as Operation).body;
    if (body === 'image') return { rawBody: TINY_PNG, contentType: 'image/png' };
    return isWrite(name) ? { body: {} } : {};
  };
  for (const name of names) answers.push(await ctx.probe.call(name, { ...init, params: anyParams(ctx, name), ...bodyFor(name) }));
  return { answers, skippedWrites: ctx.options.readOnly };
}

const note = (n: number, skippedWrites: boolean) => `${n} operation(s)${skippedWrites ? ' (reads only: --read-only)' : ''}`;

export const authChecks: Check[] = [
  {
    id: 'auth.no-token',
    group: 'auth',
    title: 'every operation without a token answers 401 unauthorized',
    remedy: 'Answer a request without a valid bearer token with 401 and code unauthorized, before any lookup or validation.',
    doc: 'authentication',
    async run(ctx) {
      const { answers, skippedWrites } = await everyOperation(ctx, { token: null });
      for (const ex of answers) expectProblem(ex, 'unauthorized');
      return note(answers.length, skippedWrites);
    },
  },
  {
    id: 'auth.www-authenticate',
    group: 'auth',
    title: 'a 401 carries WWW-Authenticate: Bearer',
    remedy: 'Send WWW-Authenticate: Bearer with every 401 (RFC 6750).',
    doc: 'authentication',
    async run(ctx) {
      const ex = await ctx.probe.call('getPractice', { token: null });
      if (ex.status !== 401) fail(`getPractice without a token answered ${ex.status}, not 401 (see auth.no-token)`);
      const header = ex.headers.get('www-authenticate');
      if (!header || !/^bearer\b/i.test(header.trim())) fail(`the 401 carries ${header ? `WWW-Authenticate: ${header}` : 'no WWW-Authenticate header'}, expected the Bearer scheme`);
    },
  },
  {
    id: 'auth.not-bearer',
    group: 'auth',
    title: 'an Authorization header that is not a bearer token answers 401',
    remedy: 'Accept only Authorization: Bearer <token>; answer Basic credentials or a bare token with 401 unauthorized.',
    doc: 'authentication',
    async run(ctx) {
      for (const authorization of ['Basic Y29uZm9ybWFuY2U6a2l0', 'Bearer']) expectProblem(await ctx.probe.call('getPractice', { authorization }), 'unauthorized');
    },
  },
  {
    id: 'auth.forbidden-is-403',
    group: 'auth',
    title: 'a valid token refused for a request answers 403, never 401',
    remedy: 'Answer a valid token that may not do this with 403 (forbidden or the rule’s 403 code): a 401 makes the SDK refresh the token and retry in vain.',
    doc: 'authentication',
    async run(ctx) {
      const forbidden = ctx.fixtures.auth?.forbidden;
      if (!forbidden) skip('the fixtures name no refused request (auth.forbidden: an operation, its params and optionally another staff user’s token)');
      const name = forbidden.operation as OperationName;
      if (isWrite(name)) {
        if (ctx.options.readOnly) skip(`--read-only: ${name} writes`);
        if (forbidden.params['clientId']) ctx.mayWrite(forbidden.params['clientId']);
      }
      const body = (operations[name] as Operation).body;
      const ex = await ctx.probe.call(name, {
        params: forbidden.params,
        ...(forbidden.token ? { token: forbidden.token } : {}),
        ...((operations[name] as Operation).idempotencyKey ? { idempotencyKey: crypto.randomUUID() } : {}),
        ...(body === 'image' ? { rawBody: new Uint8Array(0), contentType: 'image/png' } : body ? { body: {} } : {}),
      });
      if (ex.status === 401) fail(`${name} answered 401 to a valid token: the SDK refreshes and retries; answer 403`);
      const codes = [...declaredCodes(name)].filter((c) => c === 'forbidden' || c === 'missing_permission');
      expectProblem(ex, codes);
      return `${name}: ${problemCodeOf(ex)}`;
    },
  },
  {
    id: 'auth.token-refresh',
    group: 'auth',
    title: 'after a 401 the token command is asked again and its token is accepted',
    remedy: 'Answer an expired or revoked token with 401 (not 403) and accept the fresh token the host gets next.',
    doc: 'authentication',
    async run(ctx) {
      const rejected = ctx.fixtures.auth?.rejectedToken;
      const first = await ctx.probe.call('getPractice', rejected ? { token: rejected } : { token: null });
      if (first.status !== 401) fail(`getPractice with ${rejected ? 'auth.rejectedToken' : 'no token'} answered ${first.status}, expected 401 (the SDK refreshes only after a 401)`);
      const before = ctx.tokens.fetches;
      const fresh = await ctx.tokens.get({ forceRefresh: true });
      expectSuccess(await ctx.probe.call('getPractice', { token: fresh }), 'getPractice');
      if (ctx.tokens.refreshable && ctx.tokens.fetches <= before) fail('the token command was not run again after the 401');
      return ctx.tokens.refreshable ? `token command run ${ctx.tokens.fetches} time(s)` : 'fixed --token (use --token-command to exercise a refresh)';
    },
  },
];
