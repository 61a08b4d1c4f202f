import type { OperationName } from '../operations.js';
import { PortalApiError, type PortalApiErrorInit } from './portal-api-error.js';

/** An attempt took longer than `timeoutMs` (after any retries). */
export class TimeoutError extends PortalApiError {
  override name: string = 'TimeoutError';
  constructor(operation: OperationName, init?: PortalApiErrorInit) {
    super(operation, 'timed out', init);
  }
}
