/**
 * The mock in a browser page: msw's service worker answers the portal API.
 *
 *   import { start } from 'portal-widgets/mock-server/browser';      // or, from the IIFE build:
 *   const mock = await PortalWidgetsMock.start({ world: 'default', staff: 'front-desk' });
 *   mock.faults.set('getInvoices', { status: 503, times: 1 });
 *   mock.setStaff('biller');   // sign in as another role (widgets read it on their next load)
 *
 * The worker script must be served from the site root (`/mockServiceWorker.js`, `npx msw init`).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { FaultSwitches } from './faults.js';
import type { WorldName } from './fixtures.js';
import type { StaffRole } from '../src/schemas/index.js';
import { createHandlers, DEFAULT_BASE } from './handlers/index.js';
import { MockStore } from './store.js';

export interface BrowserMockOptions {
  world?: WorldName;
  /** Who is signed in: `owner` (default), `clinician`, `front-desk` or `biller` (docs/mock-server.md, "Staff roles"). */
  staff?: StaffRole;
  /** Global latency for every request (ms), to see loading states. */
  latencyMs?: number;
  /** msw path of the API base; default `*\/api/portal`. */
  base?: string;
  /** Print msw's start message and request log. Default false: tests fail on console output. */
  quiet?: boolean;
  /** Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** Freeze the mock's clock (screenshots, deterministic demos); default: the real clock. */
  now?: Date | string | number;
}

export interface BrowserMock {
  store: MockStore;
  faults: FaultSwitches;
  worker: SetupWorker;
  /** Fixtures of `world` again, no faults, and the staff member it started with. */
  reset(world?: WorldName): void;
  /** Sign in as the mock's staff member of this role. */
  setStaff(role: StaffRole): void;
  stop(): void;
}

let running: Promise<BrowserMock> | null = null;

/** Starts the mock once; later calls return the same running mock (options of later calls are ignored). */
export function start(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  running ??= boot(options).catch((error: unknown) => {
    running = null;
    throw error;
  });
  return running;
}

async function boot(options: BrowserMockOptions): Promise<BrowserMock> {
  const staff = options.staff ?? 'owner';
  const store = new MockStore({ world: options.world ?? 'default', staff, ...(options.now !== undefined ? { now: options.now } : {}) });
  const faults = new FaultSwitches({ latencyMs: options.latencyMs ?? 0 });
  const worker = setupWorker(...createHandlers(store, faults, { base: options.base ?? DEFAULT_BASE }));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return {
    store,
    faults,
    worker,
    reset(world) {
      faults.clear();
      store.setStaff(staff);
      store.reset(world ?? store.world);
    },
    setStaff(role) {
      store.setStaff(role);
    },
    stop() {
      faults.releaseHanging();
      worker.stop();
      running = null;
    },
  };
}

// The pretend payment processor for <billing-payment-methods> (demo, stories, tests).
export { createMockProcessor, TEST_CARDS } from './mock-processor.js';

export default { start };
