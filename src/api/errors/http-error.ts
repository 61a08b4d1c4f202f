import type { Problem } from '../../schemas/index.js';
import type { OperationName } from '../operations.js';
import { PortalApiError, type PortalApiErrorInit } from './portal-api-error.js';

/** The server answered with an error status; `problem` holds its RFC 9457 body when it sent one. */
export class HttpError extends PortalApiError {
  override name: string = 'HttpError';
  /** The parsed problem document. Its `detail` is for developers; show text by `code` instead. */
  readonly problem: Problem | undefined;
  constructor(operation: OperationName, init: PortalApiErrorInit & { problem?: Problem | undefined } = {}) {
    super(operation, 'HTTP error', init);
    this.problem = init.problem;
  }
}
