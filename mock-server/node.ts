/// <reference types="node" />
/**
 * The mock in Node tests: msw's `setupServer` intercepts `fetch` in this process.
 *
 *   const mock = createNodeMock({ world: 'default', now: '2025-06-16T12:00:00Z' });
 *   await fetch('https://portal.test/api/portal/clients/cl_active', { headers: { Authorization: 'Bearer t' } });
 *   mock.close();
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { HttpHandler } from 'msw';
import { FaultSwitches } from './faults.js';
import type { WorldName } from './fixtures.js';
import type { StaffRole } from '../src/schemas/index.js';
import { createHandlers, DEFAULT_BASE } from './handlers/index.js';
import { MockStore } from './store.js';

export interface NodeMockOptions {
  world?: WorldName;
  /** Global latency for every request (ms). */
  latencyMs?: number;
  /** msw path of the API base; default `*\/api/portal` (any origin). */
  base?: string;
  /** Freeze the store's clock (recommended in tests). */
  now?: Date | string | number;
  seed?: number;
  /** Who is signed in: `owner` (default), `clinician`, `front-desk` or `biller`. */
  staff?: StaffRole;
}

export interface NodeMock {
  server: SetupServer;
  store: MockStore;
  faults: FaultSwitches;
  handlers: HttpHandler[];
  /** Fixtures of `world` again (the clock stays), no faults, and the staff member it started with. */
  reset(world?: WorldName): void;
  /** Stop intercepting (releases hanging requests first). */
  close(): void;
}

export function createNodeMock(options: NodeMockOptions = {}): NodeMock {
  const staff = options.staff ?? 'owner';
  const store = new MockStore({ world: options.world ?? 'default', staff, ...(options.now !== undefined ? { now: options.now } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const faults = new FaultSwitches({ latencyMs: options.latencyMs ?? 0 });
  const handlers = createHandlers(store, faults, { base: options.base ?? DEFAULT_BASE });
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  return {
    server,
    store,
    faults,
    handlers,
    reset(world) {
      faults.clear();
      store.setStaff(staff);
      store.reset(world ?? store.world);
    },
    close() {
      faults.releaseHanging();
      server.close();
    },
  };
}
