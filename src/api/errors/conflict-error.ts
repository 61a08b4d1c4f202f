import { HttpError } from './http-error.js';

/** 409: the request breaks a rule in the current state (already signed in, no guardian, …). */
export class ConflictError extends HttpError {
  override name: string = 'ConflictError';
}
