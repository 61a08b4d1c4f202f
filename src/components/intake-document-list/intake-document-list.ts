import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './intake-document-list.messages.js';
import { IntakeDocumentListElement } from './intake-document-list.component.js';

export { IntakeDocumentListElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'intake-document-list', () => import('./intake-document-list.translations.es.js'));
PortalElement.define('intake-document-list', IntakeDocumentListElement);

declare global {
  interface HTMLElementTagNameMap {
    'intake-document-list': IntakeDocumentListElement;
  }
}
