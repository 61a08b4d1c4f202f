import { PortalElement } from '../../base/portal-element.js';
import { BillingPaymentMethodsElement } from './billing-payment-methods.component.js';

export { BillingPaymentMethodsElement };
PortalElement.define('billing-payment-methods', BillingPaymentMethodsElement);

declare global {
  interface HTMLElementTagNameMap {
    'billing-payment-methods': BillingPaymentMethodsElement;
  }
}
