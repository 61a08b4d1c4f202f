/**
 * The mock in a browser page: msw's service worker answers the portal API.
 *
 *   import { start } from 'portal-widgets/mock-server/browser';      // or, from the IIFE build:
 *   const mock = await PortalWidgetsMock.start({ world: 'default' });
 *   mock.faults.set('getInvoices', { status: 503, times: 1 });
 *
 * The worker script must be served from the site root (`/mockServiceWorker.js`, `npx msw init`).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { FaultSwitches } from './faults.js';
import type { WorldName } from './fixtures.js';
import { createHandlers, DEFAULT_BASE } from './handlers/index.js';
import { MockStore } from './store.js';

export interface BrowserMockOptions {
  world?: WorldName;
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
  /** Fixtures of `world` again, and no faults. */
  reset(world?: WorldName): void;
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
  const store = new MockStore({ world: options.world ?? 'default', ...(options.now !== undefined ? { now: options.now } : {}) });
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
      store.reset(world ?? store.world);
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
