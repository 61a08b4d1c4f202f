/**
 * Every operation of `src/api/operations.ts` as an msw handler. Methods and paths come from the
 * table only; a catch-all under the base answers 404 (unknown path) or 405 (known path, other method).
 * Every answer carries `X-Request-Id`.
 */
import { http, type HttpHandler } from 'msw';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import type { FaultSwitches } from '../faults.js';
import { joinBase, operationHandlers, problem, problemResponse, type OperationImpl, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { withActivity } from '../activity-recorders.js';
import { activityHandlers } from './activity.js';
import { billingHandlers } from './billing.js';
import { clientHandlers } from './clients.js';
import { contactHandlers } from './contacts.js';
import { documentHandlers } from './documents.js';
import { permissionHandlers } from './permissions.js';
import { portalAccessHandlers } from './portal-access.js';
import { practiceHandlers } from './practice.js';
import { sessionHandlers } from './session.js';
import { overviewHandlers } from './overview.js';

export const DEFAULT_BASE = '*/api/portal';

export interface CreateHandlersOptions {
  /** Where the API lives; msw path syntax (`*` matches any origin). Default `*\/api/portal`. */
  base?: string;
}

/** The implementation of every operation (the type makes a missing one a compile error). */
export function operationImpls(store: MockStore): OperationImpls {
  return {
    ...sessionHandlers(store),
    ...practiceHandlers(store),
    ...clientHandlers(store),
    ...portalAccessHandlers(store),
    ...permissionHandlers(store),
    ...contactHandlers(store),
    ...documentHandlers(store),
    ...billingHandlers(store),
    ...activityHandlers(store),
    ...overviewHandlers(store),
  };
}

function pathPattern(path: string): RegExp {
  const source = path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`${source}/?$`);
}

const names = Object.keys(operations) as OperationName[];
const patterns = names.map((name) => ({ name, op: operations[name] as Operation, pattern: pathPattern(operations[name].path) }));

/** The methods a path answers (`/api/portal/clients/cl_1`, or relative to the base): the table's, plus HEAD with GET. */
export function allowedMethods(pathname: string): string[] {
  const methods = patterns.filter((p) => p.pattern.test(pathname)).map((p) => p.op.method.toUpperCase());
  if (methods.includes('GET')) methods.push('HEAD');
  return [...new Set(methods)];
}

/** The operation a request is for (HEAD is a GET), or undefined. */
export function matchOperation(method: string, pathname: string): OperationName | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'get' : method.toLowerCase();
  return patterns.find((p) => p.op.method === m && p.pattern.test(pathname))?.name;
}

/** 405 with `Allow` when the path exists, else 404. */
export function unroutedProblem(pathname: string) {
  const allowed = allowedMethods(pathname);
  if (allowed.length) return problem('method_not_allowed', 'This method is not allowed here.', { headers: { Allow: allowed.join(', ') } });
  return problem('not_found', 'No such API route.');
}

export function createHandlers(store: MockStore, faults: FaultSwitches, options: CreateHandlersOptions = {}): HttpHandler[] {
  const base = options.base ?? DEFAULT_BASE;
  const impls = operationImpls(store);
  const handlers = names.flatMap((name) => {
    const impl = impls[name] as OperationImpl<OperationName> | undefined;
    if (!impl) throw new Error(`No mock handler for operation ${name}`);
    // Every accepted write for a client goes on its activity trail (mock-server/activity-recorders.ts).
    return operationHandlers(name, withActivity(name, impl, store), { store, faults }, base);
  });

  handlers.push(
    http.all(joinBase(base, '/*'), ({ request }) => {
      const response = problemResponse(unroutedProblem(new URL(request.url).pathname));
      response.headers.set('X-Request-Id', store.nextRequestId());
      return request.method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
    }),
  );
  return handlers;
}
