import type { OperationName } from '../operations.js';
import { PortalApiError, type PortalApiErrorInit } from './portal-api-error.js';

/** Why an answer was refused before its data was read: it holds more than the contract allows. */
export interface OversizedAnswer {
  /** Where: `items`, `(body)` for the answer as a whole. */
  path: string;
  /** What the contract allows there (items, or bytes for the body). */
  limit: number;
  /** What the answer holds (at least this much: a body is not read past the limit). */
  actual: number;
}

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
  /**
   * The answer was larger than the contract allows (a list longer than its maximum or than the page
   * asked for, or a body over the size limit), so it was refused unread.
   */
  readonly oversized: OversizedAnswer | undefined;
  constructor(operation: OperationName, issues: readonly string[] | null, init?: PortalApiErrorInit & { oversized?: OversizedAnswer }) {
    const list = issues ?? [];
    const over = init?.oversized;
    const what = over
      ? over.path === '(body)'
        ? `response body is larger than the ${over.limit} bytes the contract allows`
        : `response has ${over.actual} items at ${over.path}, more than the ${over.limit} the contract allows`
      : issues
        ? `response breaks the contract at ${list.slice(0, 5).join(', ') || '(root)'}`
        : 'response is not valid JSON';
    super(operation, what, init);
    this.issues = list;
    this.malformed = issues === null;
    this.oversized = over;
  }
}
