import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './portal-activity-log.messages.js';
import { PortalActivityLogElement } from './portal-activity-log.component.js';

export { PortalActivityLogElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'portal-activity-log', () => import('./portal-activity-log.translations.es.js'));
PortalElement.define('portal-activity-log', PortalActivityLogElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-activity-log': PortalActivityLogElement;
  }
}
