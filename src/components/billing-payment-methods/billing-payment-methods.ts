import { PortalElement } from '../../base/portal-element.js';
import { BillingPaymentMethodsElement } from './billing-payment-methods.component.js';

export { BillingPaymentMethodsElement };
// Hosts write their processor adapter against these (docs/payments.md).
export { CardEntryError, isCardEntryError, type CardEntryErrorCode, type CardFieldContext, type PaymentProcessor } from './payment-processor.js';
PortalElement.define('billing-payment-methods', BillingPaymentMethodsElement);

declare global {
  interface HTMLElementTagNameMap {
    'billing-payment-methods': BillingPaymentMethodsElement;
  }
}
