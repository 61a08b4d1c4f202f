import { PortalElement } from '../../base/portal-element.js';
import { PortalInviteStatusElement } from './portal-invite-status.component.js';

export { PortalInviteStatusElement };
PortalElement.define('portal-invite-status', PortalInviteStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-invite-status': PortalInviteStatusElement;
  }
}
