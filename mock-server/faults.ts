/**
 * Fault switches: make an operation slow, fail, drop the connection, answer garbage or never answer.
 * Applied before the real handler, so the store is not touched by a faulted request.
 */
import { operations, type OperationName } from '../src/api/operations.js';
import type { ProblemCode } from '../src/schemas/index.js';

export interface Fault {
  /** Wait this long before answering (or before the real handler runs). */
  latencyMs?: number;
  /** Answer this status with a problem document instead of running the handler. */
  status?: number;
  /** The problem `code` for `status` (default: derived from the status). */
  code?: ProblemCode;
  /** How many requests the fault affects; unlimited when absent. */
  times?: number;
  /** Drop the request: a network error (`HttpResponse.error()`). */
  network?: true;
  /** 200 with `application/json` that is not valid JSON. */
  malformed?: true;
  /** 200 with valid JSON that breaks the operation's response schema. */
  schemaBreak?: true;
  /** Never answer until the request is aborted (or the faults are cleared). */
  hang?: true;
}

export type FaultTarget = OperationName | '*';

export class FaultSwitches {
  /** Latency added to every request that has no fault of its own with a `latencyMs`. */
  latencyMs = 0;
  readonly #faults = new Map<FaultTarget, Fault & { remaining: number }>();
  readonly #hanging = new Set<() => void>();

  constructor(options: { latencyMs?: number } = {}) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** Set the fault for one operation (by its name in the operations table) or for every one (`'*'`). */
  set(target: FaultTarget, fault: Fault): this {
    if (target !== '*' && !Object.hasOwn(operations, target)) throw new RangeError(`Unknown operation "${String(target)}"`);
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) throw new RangeError('times must be a positive integer');
    this.#faults.set(target, { ...fault, remaining: fault.times ?? Infinity });
    return this;
  }

  get(target: FaultTarget): Fault | undefined {
    const f = this.#faults.get(target);
    if (!f) return undefined;
    const { remaining: _remaining, ...fault } = f;
    return fault;
  }

  /**
   * Remove one operation's fault, or all of them; releases hanging requests. The global `latencyMs`
   * is a setting, not a fault: it stays (assign it to change it).
   */
  clear(target?: FaultTarget): this {
    if (target === undefined) this.#faults.clear();
    else this.#faults.delete(target);
    this.releaseHanging();
    return this;
  }

  /**
   * The fault that applies to one request of `operation`, counting it against `times`.
   * An operation's own fault wins over `'*'`.
   */
  take(operation: OperationName): Fault | undefined {
    for (const key of [operation, '*'] as const) {
      const f = this.#faults.get(key);
      if (!f) continue;
      f.remaining -= 1;
      if (f.remaining <= 0) this.#faults.delete(key);
      const { remaining: _remaining, ...fault } = f;
      return fault;
    }
    return undefined;
  }

  /** Wait until `signal` aborts or the faults are cleared. */
  hang(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      // Like an open socket, a hanging request keeps the event loop alive (timers such as
      // AbortSignal.timeout() do not), so the caller's timeout can fire.
      const keepAlive = setInterval(() => undefined, 60_000);
      const done = () => {
        clearInterval(keepAlive);
        this.#hanging.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.#hanging.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Let every hanging request go (they answer with a network error). */
  releaseHanging(): void {
    for (const done of [...this.#hanging]) done();
  }

  get hangingCount(): number {
    return this.#hanging.size;
  }
}
