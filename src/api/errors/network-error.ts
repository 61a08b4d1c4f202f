import type { OperationName } from '../operations.js';
import { PortalApiError, type PortalApiErrorInit } from './portal-api-error.js';

/** The request never got an HTTP answer: offline, DNS, CORS, connection reset. */
export class NetworkError extends PortalApiError {
  override name: string = 'NetworkError';
  constructor(operation: OperationName, init?: PortalApiErrorInit) {
    super(operation, 'network error', init);
  }
}
