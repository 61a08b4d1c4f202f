import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './portal-practice-overview.messages.js';
import { PortalPracticeOverviewElement } from './portal-practice-overview.component.js';

export { PortalPracticeOverviewElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'portal-practice-overview', () => import('./portal-practice-overview.translations.es.js'));
PortalElement.define('portal-practice-overview', PortalPracticeOverviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-practice-overview': PortalPracticeOverviewElement;
  }
}
