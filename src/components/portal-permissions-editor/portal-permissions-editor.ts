import { PortalElement } from '../../base/portal-element.js';
import { PortalPermissionsEditorElement } from './portal-permissions-editor.component.js';

export { PortalPermissionsEditorElement };
PortalElement.define('portal-permissions-editor', PortalPermissionsEditorElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-permissions-editor': PortalPermissionsEditorElement;
  }
}
