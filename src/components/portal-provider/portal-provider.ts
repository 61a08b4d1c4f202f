import { PortalElement } from '../../base/portal-element.js';
import { PortalProviderElement } from './portal-provider.component.js';

export { PortalProviderElement };
PortalElement.define('portal-provider', PortalProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-provider': PortalProviderElement;
  }
}
