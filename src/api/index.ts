export {
  PortalClient,
  writeEffects,
  resourcesShownBy,
  type ReadOperationName,
  type PortalClientOptions,
  type CallOptions,
  type DocumentListParams,
  type PageParams,
  type ResourceName,
  type PortalDataChangedDetail,
  type PortalDataChangedEvent,
} from './portal-client.js';
export { operations, type DocumentSearch, type Operation, type OperationName } from './operations.js';
export { newIdempotencyKey } from './idempotency-key.js';
export * from './errors/index.js';
