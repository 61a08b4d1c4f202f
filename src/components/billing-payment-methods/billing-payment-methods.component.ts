import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PortalElement } from '../../base/portal-element.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './billing-payment-methods.styles.js';
import { billingMessages } from './billing-payment-methods.messages.js';
import type { BillingData, BillingHidden, BillingHost } from './billing-host.js';
import { CapabilityController } from '../shared/capabilities.js';
import { CardEntry } from './card-entry.js';
import { CardsSection } from './cards-section.js';
import { HistorySection } from './history-section.js';
import { InsuranceSection } from './insurance-section.js';
import { InvoicesSection } from './invoices-section.js';
import type { PaymentProcessor } from './payment-processor.js';

/**
 * The base element's protected members its sections and controllers use, made visible to them:
 * types only (declaration merging; the base class implements them). `@internal`: not public API.
 * @internal
 */
export interface BillingPaymentMethodsElement {
  get client(): BillingHost['client'];
  get activeLocale(): BillingHost['activeLocale'];
  get common(): BillingHost['common'];
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean;
  reportError(error: unknown, clientId: string, operation?: string): string;
  describe(error: unknown): string;
  announce(text: string): void;
}

/**
 * @summary A client's cards, insurance cards, invoices and payments: pay the balance or whole
 * invoices, add and manage cards through a payment processor, upload insurance card images. Card
 * numbers never reach the widget or the portal API: the processor's card field is slotted into
 * light DOM and only its token comes back.
 *
 * @slot card-field - Where the payment processor's card field is mounted while a card is entered.
 *   Light DOM on purpose: processors such as Stripe Elements refuse to mount inside a shadow root.
 *   Optional: when absent the widget adds a `<div slot="card-field">` child itself, and removes it.
 *
 * @event portal-load - The cards, invoices, permissions and practice settings finished loading.
 * @event portal-error - Loading or an action failed; the detail carries ids, status and code only.
 * @event portal-payment-method-added - A card was saved; `paymentMethodId` is the new card's id.
 * @event portal-payment-method-removed - Staff removed a saved card.
 * @event portal-insurance-card-uploaded - The front or back image of the insurance card was uploaded.
 * @event portal-payment-succeeded - A payment went through: payment id, amount and the invoices it paid.
 * @event portal-payment-failed - A payment did not go through (declined, refused, or not confirmed); status and code only.
 *
 * @csspart header - The title bar.
 * @csspart role-note - Says the signed-in staff member's role cannot see billing, take payments or manage cards.
 * @csspart status - Banners: why paying is blocked, the portal being off, results of actions.
 * @csspart notice - The confirmation shown after an action succeeded; also "not connected" / "no client selected".
 * @csspart invoices - The invoices section.
 * @csspart balance - The outstanding balance line.
 * @csspart invoice-table - The invoices table.
 * @csspart row - Every row: an invoice, a card, an insurance method, a payment.
 * @csspart invoice-row - An invoice row.
 * @csspart show-more-button - "Show 25 more" under the invoices, while some are not shown (25 at first).
 * @csspart badge - Status badges (Open, Overdue, Paid, Default, Expiring soon, Expired, Refunded).
 * @csspart actions - A group of action buttons.
 * @csspart button - Every button.
 * @csspart pay-balance-button - "Pay balance".
 * @csspart pay-selected-button - "Pay selected invoices".
 * @csspart pay-button - The button that confirms a payment in the checkout dialog.
 * @csspart dialog - Every dialog.
 * @csspart checkout-dialog - The dialog that confirms a payment.
 * @csspart card-choice - The saved card / new card choice in the checkout dialog.
 * @csspart card-field - The frame around the slotted card field.
 * @csspart cards - The saved cards section.
 * @csspart card-list - The list of saved cards.
 * @csspart card - A saved card.
 * @csspart add-card-button - "Add card".
 * @csspart add-card-dialog - The dialog to add a card.
 * @csspart save-card-button - "Save card" in the add-card dialog.
 * @csspart set-default-button - "Set as default" on a card.
 * @csspart remove-button - "Remove" on a card.
 * @csspart remove-card-dialog - The confirmation before removing a card.
 * @csspart confirm-remove-button - "Remove card" in that confirmation.
 * @csspart insurance - The insurance section.
 * @csspart insurance-list - The list of insurance methods.
 * @csspart insurance-method - One insurance method.
 * @csspart upload - One side of the insurance card: its title, its one status line, the drop zone, the preview.
 * @csspart drop-zone - Where an insurance card image is chosen or dropped (one per side).
 * @csspart choose-button - "Choose image": the styled, localised face of the hidden file input.
 * @csspart upload-button - "Upload front" / "Upload back".
 * @csspart preview - The preview of a chosen insurance card image.
 * @csspart history - The payment history section.
 * @csspart history-table - The payment history table.
 * @csspart payment-row - One payment in the history.
 * @csspart pager - The history's position and Newer / Older buttons; how many invoices are shown and "Show more".
 * @csspart pager-button - "Newer payments" / "Older payments".
 * @csspart empty - What an empty section says to do next.
 * @csspart pending - Loading indicators.
 * @csspart error - A load error with its retry button.
 * @csspart retry-button - "Try again" after a load error.
 *
 * @cssproperty --portal-billing-preview-height - Maximum height of an insurance card image preview (default 10rem).
 */
export class BillingPaymentMethodsElement extends PortalElement implements BillingHost {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'billing-payment-methods';

  /**
   * `staff` (default): everything, plus setting the default card and removing cards. `client`: what
   * a client may do in their portal: add a card, upload the insurance card, pay. Any other value is
   * treated as `client`, the smaller set.
   */
  @property({ reflect: true }) audience: 'staff' | 'client' = 'staff';

  /**
   * The payment processor adapter that renders the card field and tokenizes cards (see
   * docs/payments.md). Without one, saved cards still work but no new card can be entered.
   */
  @property({ attribute: false }) processor?: PaymentProcessor;

  /** @internal */
  readonly cardEntry = new CardEntry(this);
  /** @internal Staff capabilities; a client using their own portal is not gated by them. */
  readonly caps = new CapabilityController(this);
  private readonly invoices = new InvoicesSection(this);
  private readonly cards = new CardsSection(this);
  private readonly insurance = new InsuranceSection(this);
  private readonly history = new HistorySection(this);

  private readonly data = this.loadTask({
    reads: ['getPaymentMethods', 'getInvoices', 'getPermissions', 'getPractice'],
    load: async (api, clientId, _, signal): Promise<BillingData | BillingHidden> => {
      // Billing itself is read only once the session says the role may see it (no request that
      // would answer 403); what other widgets read too goes out at once, shared with them.
      const billing = this.caps
        .load(api, signal)
        .then(() => (this.caps.can('billing.view') ? Promise.all([api.getPaymentMethods(clientId, { signal }), api.getInvoices(clientId, { signal })]) : null));
      const [own, permissions, practice] = await Promise.all([billing, api.getPermissions(clientId, { signal }), api.getPractice({ signal })]);
      if (!own) return { clientId, hidden: true };
      const [methods, invoices] = own;
      return { clientId, methods, invoices, permissions, practice };
    },
    loaded: () => this.history.recover(),
  });

  /** Payment history loads (and pages) on its own. */
  private readonly paymentsWatch = this.watch(['listPayments'], () => this.history.reload());

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('processor') && this.cardEntry.owner) void this.cardEntry.open(this.cardEntry.owner);
  }

  protected override clientChanged(): void {
    // Another client: nothing typed, selected or pending for the previous one may carry over.
    this.cardEntry.close();
    for (const section of [this.invoices, this.cards, this.insurance, this.history]) section.reset();
  }

  protected override render() {
    const t = billingMessages[this.activeLocale];
    return html`<header part="header"><h2>${t.title}</h2></header>
      ${this.renderTask(this.data, (data) => this.renderBilling(data))} ${this.renderAnnouncer()}`;
  }

  private renderBilling(data: BillingData | BillingHidden) {
    if ('hidden' in data) return this.caps.note('billing.view', this.activeLocale);
    const t = this.t;
    const now = new Date();
    const portalOff = this.audience === 'staff' ? t.portalOff : t.portalOffClient;
    return html`${data.practice.portalEnabled ? nothing : html`<p class="banner warning" part="status">${portalOff}</p>`}
      <div class="sections">${this.invoices.render(data, now)} ${this.cards.render(data, now)} ${this.insurance.render(data)} ${this.history.render(data)}</div>`;
  }

  // What the sections and controllers use (BillingHost, CardEntryHost, CapabilityHost) besides
  // the base members widened above: `@internal`, so none of it is public API.

  /** @internal */
  get t() {
    return billingMessages[this.activeLocale];
  }

  /** @internal */
  get capabilitiesGated(): boolean {
    return this.audience === 'staff';
  }

  /** @internal Reloads cards, insurance, invoices, permissions and practice (keeping what is shown meanwhile). */
  reload(): void {
    void this.data.run();
    this.history.reload();
  }
}
