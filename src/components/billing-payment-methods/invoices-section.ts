import { html, nothing } from 'lit';
import { newIdempotencyKey } from '../../api/idempotency-key.js';
import { paymentAmount, paymentBlocker } from '../../domain/payment-rules.js';
import { problemMessages } from '../../i18n/common.messages.js';
import { cardExpiry } from '../../domain/card-expiry.js';
import { preferredCard } from '../../domain/preferred-card.js';
import { invoiceDisplayStatus } from '../../domain/invoice-display-status.js';
import { paymentOutcome } from '../../domain/payment-outcome.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { formatCount } from '../../i18n/text.js';
import type { CardMethod, Invoice, Payment, PaymentRequest, PaymentSource, PaymentTarget, ProblemCode } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { cardName, expiryText } from './card-text.js';
import { ActionController } from '../shared/action-controller.js';
import { busyButton } from '../shared/busy-button.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { bidi } from '../shared/bidi.js';
import { reactive } from '../shared/reactive.js';

const NEW_CARD = 'new';
/**
 * Invoice rows shown at first, and added by each "Show more": a table of 200 long invoices is laid
 * out in one task of well over 50 ms, 25 rows in a few.
 */
export const INVOICES_SHOWN_AT_ONCE = 25;
const STATUS_BADGE = { open: 'info', overdue: 'warning', paid: 'success', void: '' } as const;

/** One payment as the person confirmed it: retried only as is, with its key, until it is settled. */
interface Attempt {
  key: string;
  request: PaymentRequest;
}

/**
 * Shared invoices, the outstanding balance, and paying it: the whole balance or whole invoices
 * (never an amount), with a saved card or a new one through the processor's card field.
 */
export class InvoicesSection {
  private selected = new Set<string>();
  /** What the open checkout dialog pays. */
  private target: PaymentTarget | null = null;
  /** A saved card's id or `'new'`. */
  private choice: string | null = null;
  private saveNewCard = false;
  /** Set from the moment a payment is confirmed until the server settles it (paid or refused). */
  private attempt: Attempt | null = null;
  private notice: { kind: 'success' | 'warning'; text: string } | null = null;
  /** How many invoice rows are on screen (the first ones, in the API's order). */
  private shown = INVOICES_SHOWN_AT_ONCE;

  /** `pay`; its errors show at `pay` (the request) and `card` (the card entered). */
  private readonly actions: ActionController;
  private readonly checkout: ModalDialog;

  /** Its dialog and actions are controllers of the host; it has no lifecycle of its own. */
  constructor(private readonly host: BillingHost) {
    this.actions = new ActionController(host);
    this.checkout = new ModalDialog(host, {
      id: 'checkout-dialog',
      part: 'checkout-dialog',
      // Escape must not close the dialog while the payment is on its way.
      busy: () => this.paying,
      fallbackFocus: () => this.host.renderRoot.querySelector<HTMLElement>('#invoices-notice'),
      onClosed: () => {
        // A payment that was never settled is said so, and the data reloaded.
        if (this.attempt) {
          this.attempt = null;
          this.notice = { kind: 'warning', text: this.host.t.uncertainClosed };
          this.host.reload();
        }
        if (this.host.cardEntry.owner === 'pay') this.host.cardEntry.close();
        this.target = null;
        this.actions.clearErrors();
      },
    });
  }

  private get paying(): boolean {
    return this.actions.busy('pay');
  }

  /** Forget everything about the previous client. */
  reset(): void {
    this.actions.reset();
    this.attempt = null;
    this.checkout.close({ focus: 'none' });
    this.shown = INVOICES_SHOWN_AT_ONCE;
    this.selected = new Set();
    this.notice = null;
  }

  render(data: BillingData, now: Date) {
    const { t, audience } = this.host;
    const flags = data.permissions.client;
    if (audience !== 'staff' && !flags.billingDocuments) {
      return html`<section class="section panel" part="invoices" aria-labelledby="invoices-title">
        <div class="section-head"><h3 id="invoices-title">${t.payTitle}</h3></div>
        <p class="empty" part="empty">${t.billingDocumentsHidden}</p>
      </section>`;
    }
    const blocker = paymentBlocker(flags, data.practice);
    // Without `billing.charge` the invoices show as they are: nothing to select or pay.
    const mayCharge = this.host.caps.can('billing.charge');
    const items = data.invoices.items;
    const open = items.filter((i) => i.status === 'open');
    // Only invoices still open count: a refresh may have paid some elsewhere.
    const selected = open.filter((i) => this.selected.has(i.id));
    return html`<section class="section panel" part="invoices" aria-labelledby="invoices-title">
      <div class="section-head">
        <h3 id="invoices-title">${t.payTitle}</h3>
        ${items.length ? html`<p class="balance" part="balance">${t.balance(formatMoney(data.invoices.balance, this.host.activeLocale))}</p>` : nothing}
      </div>
      ${this.renderNotice()}
      ${items.length === 0
        ? html`<p class="empty" part="empty">${audience === 'staff' ? t.noInvoicesStaff : t.noInvoicesClient}</p>`
        : html`            ${blocker && open.length && mayCharge ? html`<p class="banner warning" part="status" id="pay-blocker">${this.blockerText(blocker)}</p>` : nothing}
            ${this.renderTable(items, !blocker && mayCharge, now)}
            ${open.length === 0
              ? html`<p class="muted">${t.nothingToPay}</p>`
              : mayCharge
                ? this.renderActions(data, selected, !!blocker)
                : this.host.caps.note('billing.charge', this.host.activeLocale)}`}
      ${this.renderCheckout(data, now)}
    </section>`;
  }

  private blockerText(blocker: NonNullable<ReturnType<typeof paymentBlocker>>): string {
    const { t, audience, activeLocale: locale } = this.host;
    if (blocker === 'portal_off_for_practice') return problemMessages[locale].portal_off_for_practice;
    if (blocker === 'no_payments_account') return audience === 'staff' ? t.blockedNoAccountStaff : t.blockedNoAccountClient;
    return audience === 'staff' ? t.blockedPermissionStaff : t.blockedPermissionClient;
  }

  private renderNotice() {
    if (!this.notice) return nothing;
    return html`<p class="banner ${this.notice.kind}" part="status notice" id="invoices-notice" tabindex="-1">${this.notice.text}</p>`;
  }

  private renderTable(all: readonly Invoice[], payable: boolean, now: Date) {
    const { t, activeLocale: locale } = this.host;
    const items = all.slice(0, this.shown);
    return html`<div class="table-scroll">
      <table part="invoice-table" aria-label=${t.invoicesTitle}>
        <thead>
          <tr>
            <th scope="col">${t.colInvoice}</th>
            <th scope="col">${t.colDescription}</th>
            <th scope="col">${t.colIssued}</th>
            <th scope="col">${t.colDue}</th>
            <th scope="col" class="num">${t.colAmount}</th>
            <th scope="col">${t.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map((invoice) => {
            const status = invoiceDisplayStatus(invoice, now);
            return html`<tr part="row invoice-row">
              <td class="lead">
                ${payable && invoice.status === 'open'
                  ? html`<label class="check"
                      ><input type="checkbox" .checked=${this.selected.has(invoice.id)} ?disabled=${this.paying} @change=${(e: Event) => this.toggle(invoice.id, (e.target as HTMLInputElement).checked)} />${bidi(invoice.number)}</label
                    >`
                  : invoice.number}
              </td>
              <td class="description">${bidi(invoice.description)}</td>
              <td data-label=${t.colIssued}>${formatDate(invoice.issuedAt, locale)}</td>
              <td data-label=${t.colDue}>${invoice.dueAt ? formatDate(invoice.dueAt, locale) : html`<span class="muted">${t.noDueDate}</span>`}</td>
              <td class="num" data-label=${t.colAmount}>${formatMoney(invoice.total, locale)}</td>
              <td data-label=${t.colStatus}>
                <span class="badge ${STATUS_BADGE[status]}" part="badge">${t[`status_${status}`]}</span>
                ${invoice.status === 'paid' && invoice.paidAt ? html`<span class="muted">${t.paidOn(formatDate(invoice.paidAt, locale))}</span>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${this.renderShowMore(all.length, items.length)}`;
  }

  /** "Showing 25 of 200 invoices" and "Show 25 more", while some are not shown. */
  private renderShowMore(total: number, shown: number) {
    if (total <= INVOICES_SHOWN_AT_ONCE) return nothing;
    const { t, activeLocale: locale } = this.host;
    const count = (n: number) => formatCount(n, locale);
    const more = Math.min(INVOICES_SHOWN_AT_ONCE, total - shown);
    return html`<div class="row pager" part="pager">
      <span id="invoices-shown" tabindex="-1">${t.invoicesShown(count(shown), count(total))}</span>
      ${more > 0
        ? html`<span class="spacer"></span>
            <button id="invoices-more" class="button" part="button show-more-button" @click=${() => this.showMore(total)}>${t.showMoreInvoices(count(more))}</button>`
        : nothing}
    </div>`;
  }

  private showMore(total: number): void {
    this.shown = Math.min(this.shown + INVOICES_SHOWN_AT_ONCE, total);
    const count = (n: number) => formatCount(n, this.host.activeLocale);
    this.host.announce(this.host.t.invoicesShown(count(this.shown), count(total)));
    // Once every invoice is shown the button is gone: focus stays near, on the count.
    if (this.shown >= total) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#invoices-shown')?.focus());
  }

  private renderActions(data: BillingData, selected: readonly Invoice[], blocked: boolean) {
    const { t, activeLocale: locale } = this.host;
    const items = data.invoices.items;
    const balance = paymentAmount({ kind: 'balance' }, items);
    const chosen = selected.length ? paymentAmount({ kind: 'invoices', invoiceIds: selected.map((i) => i.id) }, items) : null;
    const describedBy = blocked ? 'pay-blocker' : 'select-hint';
    return html`${blocked ? nothing : html`<p class="hint" id="select-hint">${t.selectHint}</p>`}
      <div class="actions" part="actions">
        <button
          class="button primary"
          part="button pay-balance-button"
          ?disabled=${blocked || !balance.ok || this.paying}
          aria-describedby=${describedBy}
          @click=${(e: Event) => this.openCheckout({ kind: 'balance' }, data.methods.cards, e)}
        >
          ${balance.ok ? t.payBalance(formatMoney(balance, locale)) : t.paySelectedNone}
        </button>
        <button
          class="button"
          part="button pay-selected-button"
          ?disabled=${blocked || !chosen?.ok || this.paying}
          aria-describedby=${describedBy}
          @click=${(e: Event) => this.openCheckout({ kind: 'invoices', invoiceIds: selected.map((i) => i.id) }, data.methods.cards, e)}
        >
          ${chosen?.ok ? t.paySelected(selected.length, formatMoney(chosen, locale)) : t.paySelectedNone}
        </button>
      </div>`;
  }

  private renderCheckout(data: BillingData, now: Date) {
    const { t, activeLocale: locale, cardEntry } = this.host;
    const target = this.target;
    const amount = target ? paymentAmount(target, data.invoices.items) : null;
    const settling = this.attempt !== null;
    const error = this.actions.error('pay');
    return this.checkout.render(() =>
      target && amount?.ok
        ? html`<h3 id=${this.checkout.titleId}>${t.checkoutTitle(formatMoney(amount, locale))}</h3>
            <p>${target.kind === 'balance' ? t.payingBalance : t.payingInvoices}</p>
            <ul class="invoice-lines">
              ${data.invoices.items
                .filter((i) => amount.invoiceIds.includes(i.id))
                .map((i) => html`<li>${t.invoiceLine(i.number, i.description, formatMoney(i.total, locale))}</li>`)}
            </ul>
            <fieldset class="stack" part="card-choice" ?disabled=${this.paying || settling}>
              <legend>${t.payWith}</legend>
              ${data.methods.cards.map((card) => this.renderCardOption(card, now))}
              <label class="check">
                <input type="radio" name="pay-with" value=${NEW_CARD} .checked=${this.choice === NEW_CARD} ?disabled=${!cardEntry.available} @change=${() => this.choose(NEW_CARD)} />
                ${t.newCardOption}
              </label>
              ${cardEntry.available ? nothing : html`<p class="hint">${this.host.audience === 'staff' ? t.noProcessorStaff : t.noProcessorClient}</p>`}
            </fieldset>
            ${this.choice === NEW_CARD && cardEntry.available ? this.renderNewCard() : nothing}
            ${settling && error ? html`<p class="banner warning" role="alert" part="status">${error} ${t.uncertain}</p>` : nothing}
            ${!settling && error ? html`<p class="banner danger" role="alert" part="status">${t.paymentFailed} ${error}</p>` : nothing}
            <div class="actions">
              <button class="button" part="button" ?disabled=${this.paying} @click=${() => this.checkout.close()}>${this.host.common.cancel}</button>
              ${busyButton({
                id: 'pay-button',
                label: this.paying ? t.payingButton : settling ? t.retryPayment : t.payButton(formatMoney(amount, locale)),
                busy: this.paying,
                disabled: !this.choice || (this.choice === NEW_CARD && cardEntry.state !== 'ready'),
                kind: 'primary',
                part: 'pay-button',
                onClick: () => this.pay(data),
              })}
            </div>`
        : html`<p>${t.nothingToPay}</p>
            <div class="actions"><button class="button" part="button" @click=${() => this.checkout.close()}>${this.host.common.close}</button></div>`,
    );
  }

  private renderCardOption(card: CardMethod, now: Date) {
    const { t } = this.host;
    const expired = cardExpiry(card, now) === 'expired';
    const suffix = [card.isDefault ? t.badgeDefault : '', expired ? t.badgeExpired : t.expires(expiryText(card))].filter(Boolean).join(' · ');
    return html`<label class="check">
      <input type="radio" name="pay-with" value=${card.id} .checked=${this.choice === card.id} ?disabled=${expired} @change=${() => this.choose(card.id)} />
      <span>${cardName(t, card)} <span class="muted">(${suffix})</span></span>
    </label>`;
  }

  private renderNewCard() {
    const { t, cardEntry } = this.host;
    return html`<div class="stack new-card">
      ${cardEntry.render('pay')}
      ${this.actions.error('card') ? html`<p class="field-error" role="alert">${this.actions.error('card')}</p>` : nothing}
      <p class="hint">${t.cardFieldNote}</p>
      ${this.host.caps.can('billing.cards')
        ? html`<label class="check">
            <input type="checkbox" .checked=${this.saveNewCard} ?disabled=${this.paying || this.attempt !== null} @change=${(e: Event) => (this.saveNewCard = (e.target as HTMLInputElement).checked)} />
            ${this.host.audience === 'staff' ? t.saveCardStaff : t.saveCard}
          </label>`
        : nothing}
    </div>`;
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private openCheckout(target: PaymentTarget, cards: readonly CardMethod[], event: Event): void {
    if (this.paying) return;
    this.target = target;
    this.actions.clearErrors();
    this.notice = null;
    this.attempt = null;
    this.saveNewCard = false;
    const preferred = preferredCard(cards, new Date());
    this.choice = preferred?.id ?? (this.host.cardEntry.available ? NEW_CARD : null);
    void this.checkout.show(event);
    if (this.choice === NEW_CARD) void this.host.cardEntry.open('pay', { focus: true });
  }

  private choose(choice: string): void {
    this.choice = choice;
    this.actions.setError('card', null);
    const entry = this.host.cardEntry;
    if (choice === NEW_CARD) void entry.open('pay');
    else if (entry.owner === 'pay') entry.close();
  }

  private async source(): Promise<PaymentSource> {
    if (this.choice === NEW_CARD) return { kind: 'new_card', card: await this.host.cardEntry.tokenize(), saveCard: this.saveNewCard && this.host.caps.can('billing.cards') };
    return { kind: 'saved_card', paymentMethodId: this.choice! };
  }

  private async pay(data: BillingData): Promise<void> {
    const { client, cardEntry } = this.host;
    const target = this.target;
    if (!target || !client) return;
    const { clientId } = data;
    this.actions.clearErrors();
    await this.actions.run(
      'pay',
      async (): Promise<{ cardError: string } | { payment: Payment }> => {
        // The key is made when the person confirms, and kept with the exact request until settled.
        if (!this.attempt) {
          let source: PaymentSource;
          try {
            source = await this.source();
          } catch (error) {
            return { cardError: cardEntry.failureText(error, clientId) };
          }
          this.attempt = { key: newIdempotencyKey(), request: { target, source } };
        }
        const attempt = this.attempt;
        try {
          const payment = await client.pay(clientId, attempt.request, attempt.key);
          this.host.emit('portal-payment-succeeded', { clientId, paymentId: payment.id, amount: payment.amount, invoiceIds: payment.invoiceIds });
          return { payment };
        } catch (error) {
          const e = error as { status?: number; code?: ProblemCode };
          this.host.emit('portal-payment-failed', { clientId, status: e.status, code: e.code });
          throw error;
        }
      },
      {
        operation: 'pay',
        done: (outcome) => {
          // The processor may have focused the field to correct; otherwise focus stays in the dialog.
          if ('cardError' in outcome) return this.actions.setError('card', outcome.cardError);
          const { payment } = outcome;
          const text = this.host.t.paymentSucceeded(formatMoney(payment.amount, this.host.activeLocale), cardName(this.host.t, payment.card));
          this.attempt = null;
          this.selected = new Set();
          this.notice = { kind: 'success', text };
          this.host.announce(text);
          this.checkout.close({ focus: 'none' });
        },
        failed: (error, text) => {
          const e = error as { status?: number; code?: ProblemCode };
          if (paymentOutcome(e) === 'refused') {
            this.attempt = null;
            // The invoices changed under us: show the current ones.
            if (e.code === 'invoice_not_payable' || e.code === 'nothing_to_pay') this.host.reload();
          }
          return text;
        },
      },
    );
    // Closing the checkout gave focus back to the pay button; the notice says what happened.
    if (!this.checkout.isOpen && this.notice) this.host.renderRoot.querySelector<HTMLElement>('#invoices-notice')?.focus();
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(InvoicesSection, 'selected', 'target', 'choice', 'saveNewCard', 'attempt', 'notice', 'shown');
