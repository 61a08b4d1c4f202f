import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './guardian-manager.messages.js';
import { GuardianManagerElement } from './guardian-manager.component.js';

export { GuardianManagerElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'guardian-manager', () => import('./guardian-manager.translations.es.js'));
PortalElement.define('guardian-manager', GuardianManagerElement);

declare global {
  interface HTMLElementTagNameMap {
    'guardian-manager': GuardianManagerElement;
  }
}
