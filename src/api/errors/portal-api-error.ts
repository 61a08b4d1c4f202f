import type { ProblemCode } from '../../schemas/index.js';
import type { OperationName } from '../operations.js';

/** What an error may carry. Ids, statuses and codes only: never names, emails or payloads. */
export interface PortalApiErrorInit {
  status?: number | undefined;
  code?: ProblemCode | undefined;
  retryable?: boolean | undefined;
  retryAfterSeconds?: number | undefined;
  requestId?: string | undefined;
}

/** A brand that survives two copies of the SDK on one page, where `instanceof` does not. */
const BRAND = Symbol.for('portal-widgets.api-error');

/**
 * Base class of every error the portal client throws (an abort is the caller's own AbortError,
 * never one of these). Messages are safe to log: operation, status, code and request id only.
 */
export class PortalApiError extends Error {
  override name: string = 'PortalApiError';
  /** The operation of the API table that failed, e.g. `sendInvitation`. */
  readonly operation: OperationName;
  readonly status: number | undefined;
  readonly code: ProblemCode | undefined;
  /** Trying the same call again later may succeed (transient failure of an idempotent call). */
  readonly retryable: boolean;
  /** For cooldowns: seconds until the action is allowed again. */
  readonly retryAfterSeconds: number | undefined;
  /** The server's `X-Request-Id`, for support. */
  readonly requestId: string | undefined;

  constructor(operation: OperationName, what: string, init: PortalApiErrorInit = {}) {
    const parts = [init.status, init.code, init.requestId && `request ${init.requestId}`].filter(Boolean);
    super(`${operation}: ${what}${parts.length ? ` (${parts.join(', ')})` : ''}`);
    this.operation = operation;
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
    (this as unknown as Record<symbol, boolean>)[BRAND] = true;
  }
}

/** True for any error thrown by the portal client, from this or another copy of the SDK. */
export function isPortalApiError(error: unknown): error is PortalApiError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
