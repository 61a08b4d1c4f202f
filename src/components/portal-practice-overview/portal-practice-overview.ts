import { PortalElement } from '../../base/portal-element.js';
import { PortalPracticeOverviewElement } from './portal-practice-overview.component.js';

export { PortalPracticeOverviewElement };
PortalElement.define('portal-practice-overview', PortalPracticeOverviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-practice-overview': PortalPracticeOverviewElement;
  }
}
