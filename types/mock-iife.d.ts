// Types for the script-tag mock `portal-widgets/portal-widgets-mock.iife.js`: `window.PortalWidgetsMock`.
import type * as PortalWidgetsMockApi from './mock.js';

declare global {
  var PortalWidgetsMock: typeof PortalWidgetsMockApi;
}
export {};
