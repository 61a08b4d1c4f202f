import { PortalElement } from '../../base/portal-element.js';
import { GuardianManagerElement } from './guardian-manager.component.js';

export { GuardianManagerElement };
PortalElement.define('guardian-manager', GuardianManagerElement);

declare global {
  interface HTMLElementTagNameMap {
    'guardian-manager': GuardianManagerElement;
  }
}
