/**
 * Every operation of `src/api/operations.ts` as an msw handler. Methods and paths come from the
 * table only; a catch-all under the base answers 404 (unknown path) or 405 (known path, other method).
 */
import { http, type HttpHandler } from 'msw';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import type { FaultSwitches } from '../faults.js';
import { joinBase, operationHandler, problem, problemResponse, type OperationImpl, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { billingHandlers } from './billing.js';
import { clientHandlers } from './clients.js';
import { contactHandlers } from './contacts.js';
import { documentHandlers } from './documents.js';
import { permissionHandlers } from './permissions.js';
import { portalAccessHandlers } from './portal-access.js';
import { practiceHandlers } from './practice.js';

export const DEFAULT_BASE = '*/api/portal';

export interface CreateHandlersOptions {
  /** Where the API lives; msw path syntax (`*` matches any origin). Default `*\/api/portal`. */
  base?: string;
}

/** The implementation of every operation (the type makes a missing one a compile error). */
export function operationImpls(store: MockStore): OperationImpls {
  return {
    ...practiceHandlers(store),
    ...clientHandlers(store),
    ...portalAccessHandlers(store),
    ...permissionHandlers(store),
    ...contactHandlers(store),
    ...documentHandlers(store),
    ...billingHandlers(store),
  };
}

function pathPattern(path: string): RegExp {
  const source = path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`${source}/?$`);
}

export function createHandlers(store: MockStore, faults: FaultSwitches, options: CreateHandlersOptions = {}): HttpHandler[] {
  const base = options.base ?? DEFAULT_BASE;
  const impls = operationImpls(store);
  const names = Object.keys(operations) as OperationName[];
  const handlers = names.map((name) => {
    const impl = impls[name] as OperationImpl<OperationName> | undefined;
    if (!impl) throw new Error(`No mock handler for operation ${name}`);
    return operationHandler(name, impl, { store, faults }, base);
  });

  const patterns = names.map((name) => ({ op: operations[name] as Operation, pattern: pathPattern(operations[name].path) }));
  handlers.push(
    http.all(joinBase(base, '/*'), ({ request }) => {
      const { pathname } = new URL(request.url);
      const allowed = patterns.filter((p) => p.pattern.test(pathname)).map((p) => p.op.method.toUpperCase());
      if (allowed.length) return problemResponse(problem('bad_request', 'This method is not allowed here.', { status: 405, headers: { Allow: [...new Set(allowed)].join(', ') } }));
      return problemResponse(problem('not_found', 'No such API route.'));
    }),
  );
  return handlers;
}
