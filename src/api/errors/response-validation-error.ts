import type { OperationName } from '../operations.js';
import { PortalApiError, type PortalApiErrorInit } from './portal-api-error.js';

/**
 * The server sent data that breaks the contract (or no JSON at all). Carries the paths of the
 * offending fields, never their values.
 */
export class ResponseValidationError extends PortalApiError {
  override name: string = 'ResponseValidationError';
  /** Paths such as `emails.0.address`; `(root)` for the whole body. Empty for malformed JSON. */
  readonly issues: readonly string[];
  /** The body was not parseable JSON. */
  readonly malformed: boolean;
  constructor(operation: OperationName, issues: readonly string[] | null, init?: PortalApiErrorInit) {
    const list = issues ?? [];
    super(operation, issues ? `response breaks the contract at ${list.slice(0, 5).join(', ') || '(root)'}` : 'response is not valid JSON', init);
    this.issues = list;
    this.malformed = issues === null;
  }
}
