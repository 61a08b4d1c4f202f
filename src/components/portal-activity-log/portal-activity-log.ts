import { PortalElement } from '../../base/portal-element.js';
import { PortalActivityLogElement } from './portal-activity-log.component.js';

export { PortalActivityLogElement };
PortalElement.define('portal-activity-log', PortalActivityLogElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-activity-log': PortalActivityLogElement;
  }
}
