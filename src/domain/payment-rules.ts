import type { ClientPermissionFlags, Invoice, PaymentTarget, PracticeSettings, ProblemCode } from '../schemas/index.js';

/** Every code `paymentBlocker` can answer. */
export const PAYMENT_BLOCKERS = ['portal_off_for_practice', 'no_payments_account', 'missing_permission'] as const satisfies readonly ProblemCode[];
export type PaymentBlocker = (typeof PAYMENT_BLOCKERS)[number];
/** Every code `paymentAmount` can refuse with. */
export const PAYMENT_AMOUNT_REFUSALS = ['nothing_to_pay', 'invoice_not_payable'] as const satisfies readonly ProblemCode[];

/**
 * Why the client cannot pay online right now, or null. Paying is a portal feature, so a portal the
 * practice turned off blocks it first, whatever the permissions say.
 */
export function paymentBlocker(flags: ClientPermissionFlags, practice: Pick<PracticeSettings, 'onlinePayments' | 'portalEnabled'>): PaymentBlocker | null {
  if (!practice.portalEnabled) return 'portal_off_for_practice';
  if (practice.onlinePayments !== 'active') return 'no_payments_account';
  if (!flags.billingDocuments || !flags.payBalance) return 'missing_permission';
  return null;
}

export type PaymentAmount =
  | { ok: true; amount: number; currency: string; invoiceIds: string[] }
  | { ok: false; code: (typeof PAYMENT_AMOUNT_REFUSALS)[number] };

/** What a target costs: whole open invoices only, never a partial or custom amount. */
export function paymentAmount(target: PaymentTarget, invoices: readonly Invoice[]): PaymentAmount {
  const open = invoices.filter((i) => i.status === 'open');
  let chosen: Invoice[];
  if (target.kind === 'balance') {
    chosen = open;
  } else {
    const ids = new Set(target.invoiceIds);
    chosen = open.filter((i) => ids.has(i.id));
    if (chosen.length !== ids.size) return { ok: false, code: 'invoice_not_payable' };
  }
  if (chosen.length === 0) return { ok: false, code: 'nothing_to_pay' };
  const currency = chosen[0]!.total.currency;
  return { ok: true, amount: chosen.reduce((sum, i) => sum + i.total.amount, 0), currency, invoiceIds: chosen.map((i) => i.id) };
}

/** Balance owed: the sum of open invoices. */
export function outstandingBalance(invoices: readonly Invoice[], currency = 'USD'): { amount: number; currency: string } {
  const open = invoices.filter((i) => i.status === 'open');
  return { amount: open.reduce((s, i) => s + i.total.amount, 0), currency: open[0]?.total.currency ?? currency };
}
