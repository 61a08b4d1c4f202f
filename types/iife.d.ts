// Types for the script-tag build `portal-widgets/portal-widgets.iife.js`: it defines every element
// and exposes the package's API as `window.PortalWidgets`.
import type * as PortalWidgetsApi from './index.js';

declare global {
  var PortalWidgets: typeof PortalWidgetsApi;
}
export {};
