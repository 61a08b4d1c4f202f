import type { Invoice } from '../schemas/index.js';

export type InvoiceDisplayStatus = 'open' | 'overdue' | 'paid' | 'void';

/** What staff and clients see for an invoice: an open invoice past its due date is overdue. */
export function invoiceDisplayStatus(invoice: Pick<Invoice, 'status' | 'dueAt'>, now: Date): InvoiceDisplayStatus {
  if (invoice.status !== 'open') return invoice.status;
  return invoice.dueAt !== null && Date.parse(invoice.dueAt) < now.getTime() ? 'overdue' : 'open';
}
