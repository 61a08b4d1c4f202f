import { html, nothing, type ReactiveController } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { formatCount } from '../../i18n/text.js';
import type { PortalClient } from '../../api/portal-client.js';
import type { Payment, PaymentPage } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { reactive } from '../shared/reactive.js';

/** Rows on screen at once: a client with 10,000 payments still renders this many. */
export const HISTORY_PAGE_SIZE = 25;

interface HistoryPage extends PaymentPage {
  clientId: string;
  /** How many newer payments come before this page. */
  offset: number;
}

/**
 * Card payment history, newest first, one page at a time (cursor-paged by the API). Insurance
 * payments and invoices never appear here: the API lists card payments only.
 */
export class HistorySection implements ReactiveController {
  /** `cursors[i]` opens page `i`; the first page has none. */
  private cursors: (string | null)[] = [null];
  private index = 0;
  /** Which pager button was used, so focus can be kept sensible once the page arrives. */
  private moved: 'newer' | 'older' | null = null;
  private readonly task: Task<readonly [PortalClient | undefined, string, string | null, number], HistoryPage>;

  constructor(private readonly host: BillingHost) {
    host.addController(this);
    this.task = new Task(host, {
      task: async ([api, clientId, cursor, offset], { signal }) => {
        if (!api || !clientId) return initialState;
        try {
          // The history is billing too: read only when the role may see it (the widget says so otherwise).
          await this.host.caps.load(api, signal);
          if (!this.host.caps.can('billing.view')) return initialState;
          const page = await api.listPayments(clientId, { cursor: cursor ?? undefined, limit: HISTORY_PAGE_SIZE }, { signal });
          return { ...page, clientId, offset };
        } catch (error) {
          if (!signal.aborted) this.host.reportError(error, clientId, 'listPayments');
          throw error;
        }
      },
      args: () => [host.client, host.clientId, this.cursors[this.index] ?? null, this.index * HISTORY_PAGE_SIZE] as const,
    });
  }

  hostUpdated(): void {
    if (!this.moved || this.task.status !== TaskStatus.COMPLETE) return;
    const used = this.host.renderRoot.querySelector<HTMLElement>(`#history-${this.moved}`);
    this.moved = null;
    // At the first or last page the button just used is disabled: focus the position instead.
    if (!used || (used as HTMLButtonElement).disabled) this.host.renderRoot.querySelector<HTMLElement>('#history-range')?.focus();
  }

  /** Back to the newest payments for another client. */
  reset(): void {
    this.cursors = [null];
    this.index = 0;
    this.moved = null;
  }

  /** Payments changed: show the newest again. */
  reload(): void {
    this.reset();
    void this.task.run();
  }

  /** The rest of the widget loaded again (Try again, or a refresh): a failed history follows it. */
  recover(): void {
    if (this.task.status === TaskStatus.ERROR) void this.task.run();
  }

  render(data: BillingData) {
    const { t, common } = this.host;
    const current = (v: HistoryPage | undefined): v is HistoryPage => v !== undefined && v.clientId === this.host.clientId;
    return html`<section class="section panel" part="history" aria-labelledby="history-title">
      <div class="section-head"><h3 id="history-title">${t.historyTitle}</h3></div>
      <p class="hint">${t.historyNote}</p>
      ${this.task.render({
        pending: () =>
          current(this.task.value)
            ? this.renderPage(this.task.value, data, true)
            : html`<div class="pending" part="pending" role="status"><span class="spinner" aria-hidden="true"></span>${common.loading}</div>`,
        complete: (page) => this.renderPage(page, data, false),
        error: (error) => html`<div class="error" part="error" role="alert">
          <p>${this.host.describe(error)}</p>
          <button class="button" part="button retry-button" @click=${() => void this.task.run()}>${common.retry}</button>
        </div>`,
      })}
    </section>`;
  }

  private renderPage(page: HistoryPage, data: BillingData, busy: boolean) {
    const { t, activeLocale: locale } = this.host;
    if (page.total === 0) return html`<p class="empty" part="empty">${t.noPayments}</p>`;
    const known = new Map(data.invoices.items.map((i) => [i.id, i.number]));
    // One form for the whole column: invoice numbers when every invoice on this page is known here
    // (shared with the client), else counts for every row, never a mix of the two.
    const numbers = page.items.every((p) => p.invoiceIds.every((id) => known.has(id))) ? known : null;
    const count = (n: number) => formatCount(n, locale);
    const range = t.range(count(page.offset + 1), count(page.offset + page.items.length), count(page.total));
    return html`<div class="table-scroll">
        <table part="history-table" aria-labelledby="history-title" aria-describedby="history-range" aria-busy=${busy ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${t.colDate}</th>
              <th scope="col" class="num">${t.colAmount}</th>
              <th scope="col">${t.colCard}</th>
              <th scope="col">${t.colInvoices}</th>
              <th scope="col">${t.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (p) => html`<tr part="row payment-row">
                <td class="lead">${formatDate(p.createdAt, locale)}</td>
                <td class="num" data-label=${t.colAmount}>${formatMoney(p.amount, locale)}</td>
                <td data-label=${t.colCard}>${t.brand(p.card.brand)} <span aria-hidden="true">•••• </span><span class="visually-hidden">${t.endingIn} </span>${p.card.last4}</td>
                <td data-label=${t.colInvoices}>${this.invoicesText(p, numbers)}</td>
                <td data-label=${t.colStatus}><span class="badge ${p.status === 'refunded' ? 'warning' : 'success'}" part="badge">${t[`payment_${p.status}`]}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="row pager" part="pager">
        <span id="history-range" tabindex="-1">${range}</span>
        <span class="spacer"></span>
        <button id="history-newer" class="button" part="button pager-button" ?disabled=${this.index === 0} @click=${() => this.go(-1, page)}>${t.newer}</button>
        <button id="history-older" class="button" part="button pager-button" ?disabled=${!page.nextCursor} @click=${() => this.go(1, page)}>${t.older}</button>
      </div>`;
  }

  /** The payment's invoice numbers when the column shows numbers, else how many; "None" either way for none. */
  private invoicesText(payment: Payment, numbers: ReadonlyMap<string, string> | null) {
    if (!payment.invoiceIds.length) return html`<span class="muted">${this.host.t.invoiceCount(0)}</span>`;
    return numbers ? payment.invoiceIds.map((id) => numbers.get(id)).join(', ') : this.host.t.invoiceCount(payment.invoiceIds.length);
  }

  private go(step: 1 | -1, page: HistoryPage): void {
    // Not disabled while loading (that would drop focus): a click during a load is ignored.
    if (this.task.status === TaskStatus.PENDING) return;
    if (step === 1) {
      if (!page.nextCursor) return;
      this.cursors[this.index + 1] = page.nextCursor;
      this.index++;
    } else {
      if (this.index === 0) return;
      this.index--;
    }
    this.moved = step === 1 ? 'older' : 'newer';
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(HistorySection, 'index');
