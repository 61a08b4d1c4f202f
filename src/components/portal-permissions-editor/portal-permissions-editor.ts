import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './portal-permissions-editor.messages.js';
import { PortalPermissionsEditorElement } from './portal-permissions-editor.component.js';

export { PortalPermissionsEditorElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'portal-permissions-editor', () => import('./portal-permissions-editor.translations.es.js'));
PortalElement.define('portal-permissions-editor', PortalPermissionsEditorElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-permissions-editor': PortalPermissionsEditorElement;
  }
}
