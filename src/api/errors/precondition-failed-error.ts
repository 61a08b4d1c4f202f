import { HttpError } from './http-error.js';

/** 412: the `If-Match` version is stale; someone else changed the resource. Reload, then retry. */
export class PreconditionFailedError extends HttpError {
  override name: string = 'PreconditionFailedError';
}
