import type { ProblemCode } from '../schemas/index.js';
import { commonMessages, problemMessages } from './common.messages.js';
import type { Locale } from './locale.js';

/** The fields of an API error a person-facing message may use: never names or emails. */
interface ErrorLike {
  name?: string;
  status?: number;
  code?: ProblemCode;
  oversized?: unknown;
}

/** One sentence for staff, in their language, for any error a widget can meet. */
export function describeError(error: unknown, locale: Locale): string {
  const m = commonMessages[locale];
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.code && e.code !== 'internal') return problemMessages[locale][e.code];
  switch (e.name) {
    case 'NetworkError':
      return m.networkError;
    case 'TimeoutError':
      return m.timeoutError;
    case 'ResponseValidationError':
      return e.oversized ? m.oversizedError : m.contractError;
    case 'RenderError':
      return m.displayError;
    case 'AuthError':
      return m.authError;
  }
  if (e.status === 404) return m.notFound;
  if (e.status === 409 || e.status === 412) return m.conflict;
  return m.serverError;
}
