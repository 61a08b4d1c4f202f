/**
 * The mock as an ES module for hosts with a bundler (`import { start } from 'portal-widgets/mock'`);
 * script-tag pages use the IIFE build, which exposes the same as `window.PortalWidgetsMock`.
 * Its public types are `types/mock.d.ts` (checked against this module by test/types/mock.test.ts).
 */
export { start, createMockProcessor, TEST_CARDS } from './browser.js';
export { WORLD_NAMES } from './fixtures.js';

/**
 * Where `start()` looks for msw's worker unless told otherwise: the package's
 * `dist/mockServiceWorker.js`, served at the site root (a worker only intercepts its own path's
 * scope, so a sub-folder would register and intercept nothing).
 */
export const SERVICE_WORKER_URL = '/mockServiceWorker.js';
