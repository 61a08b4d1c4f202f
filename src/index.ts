/**
 * portal-widgets: importing this module registers every element. Import a single widget from
 * `portal-widgets/<tag>` to register only that one.
 */
export * from './components/portal-provider/portal-provider.js';
export * from './components/portal-invite-status/portal-invite-status.js';
export * from './components/portal-permissions-editor/portal-permissions-editor.js';
export * from './components/guardian-manager/guardian-manager.js';
export * from './components/intake-document-list/intake-document-list.js';
export * from './components/billing-payment-methods/billing-payment-methods.js';
export * from './components/portal-activity-log/portal-activity-log.js';
export * from './components/portal-practice-overview/portal-practice-overview.js';
// The shared catalogs' English, for the types of `overrideMessages` and `registerLocale` (each widget's own comes with it).
import './i18n/common.messages.js';
import './components/shared/capabilities.messages.js';
import './components/shared/permissions.messages.js';
export { PortalElement } from './base/portal-element.js';
export { configure, type ConfigureOptions } from './context/global-config.js';
export { portalContext, type PortalConfig } from './context/portal-context.js';
export * from './api/index.js';
export type * from './events/portal-events.js';
export type * from './schemas/index.js';
export { LOCALES, type Locale, type PortalLocales } from './i18n/locale.js';
export { registerTranslations, registerLocale, overrideMessages, type Translations, type PortalMessages, type PortalMessageCatalogs } from './i18n/messages.js';
