import { PortalElement } from '../../base/portal-element.js';
import { IntakeDocumentListElement } from './intake-document-list.component.js';

export { IntakeDocumentListElement };
PortalElement.define('intake-document-list', IntakeDocumentListElement);

declare global {
  interface HTMLElementTagNameMap {
    'intake-document-list': IntakeDocumentListElement;
  }
}
