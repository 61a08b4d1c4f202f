export { PortalApiError, isPortalApiError, type PortalApiErrorInit } from './portal-api-error.js';
export { NetworkError } from './network-error.js';
export { TimeoutError } from './timeout-error.js';
export { HttpError } from './http-error.js';
export { ConflictError } from './conflict-error.js';
export { PreconditionFailedError } from './precondition-failed-error.js';
export { AuthError } from './auth-error.js';
export { ResponseValidationError } from './response-validation-error.js';
