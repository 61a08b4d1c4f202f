import { PortalElement } from '../../base/portal-element.js';
import { addTranslations } from '../../i18n/translation-loaders.js';
// Brings its catalog's English into `PortalMessageCatalogs` (the types of a host's strings) for every program that imports this element.
import './billing-payment-methods.messages.js';
import { BillingPaymentMethodsElement } from './billing-payment-methods.component.js';

export { BillingPaymentMethodsElement };
// Hosts write their processor adapter against these (docs/payments.md).
export { CardEntryError, isCardEntryError, type CardEntryErrorCode, type CardFieldContext, type PaymentProcessor } from './payment-processor.js';
// Before define: an element already in the page asks for its language as it upgrades.
addTranslations('es', 'billing-payment-methods', () => import('./billing-payment-methods.translations.es.js'));
PortalElement.define('billing-payment-methods', BillingPaymentMethodsElement);

declare global {
  interface HTMLElementTagNameMap {
    'billing-payment-methods': BillingPaymentMethodsElement;
  }
}
