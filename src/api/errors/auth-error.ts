import { HttpError } from './http-error.js';

/** 401 even after one token refresh, or 403: the user may not do this. */
export class AuthError extends HttpError {
  override name: string = 'AuthError';
}
