// Public types of `portal-widgets/mock` (dist/mock.js, built from mock-server/module.ts).
// Written by hand so they name no msw or mock-internal type; test/types/mock.test.ts fails when
// the module stops matching them.
import type { OperationName, PaymentProcessor, ProblemCode } from './index.js';

/** The mock's fixture worlds (see docs/mock-server.md). */
export type MockWorld = 'default' | 'portal-off' | 'no-payments-account' | 'large-practice';

/** Who is signed in to the mock: each role has the capabilities of docs/mock-server.md, "Staff roles". */
export type MockStaffRole = 'owner' | 'clinician' | 'front-desk' | 'biller';

export interface MockOptions {
  /** Fixture world to start from; default `'default'`. */
  world?: MockWorld;
  /** Who is signed in; default `'owner'`. */
  staff?: MockStaffRole;
  /** Latency added to every request (ms), to see loading states. */
  latencyMs?: number;
  /** msw path of the API base; default `*\/api/portal`. */
  base?: string;
  /** Print msw's start message and request log; default false. */
  quiet?: boolean;
  /** URL of msw's worker script; default {@link SERVICE_WORKER_URL}. */
  serviceWorkerUrl?: string;
  /** Freeze the mock's clock (screenshots, deterministic demos). */
  now?: Date | string | number;
}

/** What to do to the requests of one operation (or of every one, `'*'`). */
export interface MockFault {
  latencyMs?: number;
  status?: number;
  code?: ProblemCode;
  times?: number;
  network?: true;
  malformed?: true;
  schemaBreak?: true;
  hang?: true;
}

export interface MockFaults {
  latencyMs: number;
  set(target: OperationName | '*', fault: MockFault): this;
  get(target: OperationName | '*'): MockFault | undefined;
  clear(target?: OperationName | '*'): this;
}

export interface RunningMock {
  faults: MockFaults;
  /** The fixtures of `world` again (default: the current one), and no faults. */
  reset(world?: MockWorld): void;
  /** Sign in as another role (widgets read it on their next load). */
  setStaff(role: MockStaffRole): void;
  stop(): void;
}

/** Starts the mock once (msw's service worker answers the portal API); later calls return it. */
export declare function start(options?: MockOptions): Promise<RunningMock>;

/** Where `start()` looks for msw's worker unless told otherwise. Serve `portal-widgets/mockServiceWorker.js` there. */
export declare const SERVICE_WORKER_URL: '/mockServiceWorker.js';

/** Names of the fixture worlds. */
export declare const WORLD_NAMES: readonly MockWorld[];

/** Card numbers the pretend processor accepts; `declined` is declined by the mock API. */
export declare const TEST_CARDS: {
  readonly visa: string;
  readonly mastercard: string;
  readonly amex: string;
  readonly discover: string;
  readonly declined: string;
};

export interface MockProcessorOptions {
  latencyMs?: number;
  failMount?: boolean;
  now?: () => Date;
}

/** A pretend payment processor for `<billing-payment-methods>` (demo and tests only). */
export declare function createMockProcessor(options?: MockProcessorOptions): PaymentProcessor & { readonly tokenCount: number };
