import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './portal-invite-status.messages.js';
import { PortalInviteStatusElement } from './portal-invite-status.component.js';

export { PortalInviteStatusElement };
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'portal-invite-status', () => import('./portal-invite-status.translations.es.js'));
PortalElement.define('portal-invite-status', PortalInviteStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'portal-invite-status': PortalInviteStatusElement;
  }
}
