/**
 * Records the checks create and share: one temporary contact, one assigned document, one saved
 * card, one payment. Each is made once per run (by whichever check needs it first) and the
 * checks that end its life (remove, cancel) clean up after the run's own writes.
 */
import type { CardMethod, Contact, IntakeDocument, Payment, PaymentRequest } from '../src/schemas/index.js';
import { CheckFailure, fail, skip } from './check.js';
import type { CheckContext } from './context.js';
import { expectSuccess } from './contract.js';
import { expectedAssignment } from './expected.js';
import type { Exchange } from './probe.js';

/** A 1×1 PNG: the smallest image an insurance card upload accepts. */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** Written into the temporary contact: obviously not a person, on a domain that never receives mail. */
export const CONFORMANCE_CONTACT = {
  firstName: 'Conformance',
  lastName: 'Kit',
  relationship: 'other',
  legalGuardian: false,
  emails: [{ address: 'conformance-kit@example.com', consent: true, primary: true }],
} as const;

/** A check whose prerequisite record could not be made fails too (with `--only` it may be the only one to say so). */
async function prerequisite<T>(what: string, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (e) {
    if (!(e instanceof CheckFailure)) throw e;
    fail(`needs ${what}: ${e.message}`);
  }
}

export interface TempContact {
  clientId: string;
  contact: Contact;
  created: Exchange;
}

export function tempContact(ctx: CheckContext): Promise<TempContact> {
  const clientId = ctx.client('adultSignedIn');
  ctx.mayWrite(clientId);
  return ctx.memo('tempContact', async () => {
    const created = await ctx.probe.call('createContact', { params: { clientId }, body: CONFORMANCE_CONTACT });
    const contact = expectSuccess(created, 'createContact');
    ctx.onCleanup('tempContact', async () => {
      const current = (await ctx.contacts(clientId)).find((c) => c.id === contact.id);
      if (current) expectSuccess(await ctx.probe.call('removeContact', { params: { clientId, contactId: current.id }, ifMatch: current.version }), 'removeContact');
    });
    return { clientId, contact, created };
  });
}

export function existingTempContact(ctx: CheckContext): Promise<TempContact> {
  return prerequisite('the contact createContact makes', () => tempContact(ctx));
}

export interface AssignedDocument {
  clientId: string;
  document: IntakeDocument;
  created: Exchange;
}

export function assignedDocument(ctx: CheckContext): Promise<AssignedDocument> {
  const clientId = ctx.client('adultSignedIn');
  ctx.mayWrite(clientId);
  return ctx.memo('assignedDocument', async () => {
    const templates = await ctx.read('listClientDocumentTemplates', { clientId });
    // A template the client does not have yet; else one sent again, which must say so (sendAgain).
    const template = templates.find((t) => !t.latestDocument) ?? templates[0];
    if (!template) skip('listClientDocumentTemplates is empty: there is no template to assign');
    const plan = await expectedAssignment(ctx, clientId, 1);
    if (plan.expected) skip(`assigning a document to ${clientId} answers ${plan.expected} by the rules: clients.adultSignedIn must be able to receive documents`);
    const body = { templateIds: [template.id], ...(template.latestDocument ? { sendAgain: [template.id] } : {}) };
    const created = await ctx.probe.call('assignDocuments', { params: { clientId }, body });
    const document = expectSuccess(created, 'assignDocuments').documents[0];
    if (!document) fail('assignDocuments answered 201 with no document');
    ctx.onCleanup('assignedDocument', async () => {
      expectSuccess(await ctx.probe.call('cancelDocument', { params: { clientId, documentId: document.id } }), 'cancelDocument');
    });
    return { clientId, document, created };
  });
}

export function existingAssignedDocument(ctx: CheckContext): Promise<AssignedDocument> {
  return prerequisite('the document assignDocuments makes', () => assignedDocument(ctx));
}

export function savedCard(ctx: CheckContext): Promise<{ clientId: string; card: CardMethod; created: Exchange }> {
  const clientId = ctx.client('openInvoices');
  ctx.mayWrite(clientId);
  const token = ctx.fixtures.cardToken;
  if (!token) skip('the fixtures name no cardToken (a token your processor test mode accepts, e.g. tok_visa)');
  return ctx.memo('savedCard', async () => {
    const year = ctx.serverNow().getUTCFullYear() + 3;
    const created = await ctx.probe.call('addCard', { params: { clientId }, body: { card: { token, brand: 'visa', last4: '4242', expMonth: 12, expYear: year }, makeDefault: false } });
    const card = expectSuccess(created, 'addCard');
    ctx.onCleanup('savedCard', async () => {
      expectSuccess(await ctx.probe.call('removePaymentMethod', { params: { clientId, paymentMethodId: card.id } }), 'removePaymentMethod');
    });
    return { clientId, card, created };
  });
}

export function existingSavedCard(ctx: CheckContext) {
  return prerequisite('the card addCard saves', () => savedCard(ctx));
}

/**
 * A payment of one open invoice of the `openInvoices` client, with a saved card. Checks of requests
 * that must be refused before anything is computed (`needsOpenInvoice: false`) pay the balance when
 * nothing is open.
 */
export async function paymentBody(ctx: CheckContext, { needsOpenInvoice = true } = {}): Promise<PaymentRequest> {
  const clientId = ctx.client('openInvoices');
  const [invoices, methods] = await Promise.all([ctx.read('getInvoices', { clientId }), ctx.read('getPaymentMethods', { clientId })]);
  const open = invoices.items.filter((i) => i.status === 'open');
  const invoice = open[0];
  if (!invoice && needsOpenInvoice) skip(`${clientId} has no open invoice left: re-seed the fixture client (each run pays one or two)`);
  const card = methods.cards.find((c) => c.isDefault) ?? methods.cards[0];
  const source: PaymentRequest['source'] = card
    ? { kind: 'saved_card', paymentMethodId: card.id }
    : ctx.fixtures.cardToken
      ? { kind: 'new_card', card: { token: ctx.fixtures.cardToken, brand: 'visa', last4: '4242', expMonth: 12, expYear: ctx.serverNow().getUTCFullYear() + 3 }, saveCard: false }
      : skip(`${clientId} has no saved card and the fixtures name no cardToken to pay with`);
  return { target: invoice ? { kind: 'invoices', invoiceIds: [invoice.id] } : { kind: 'balance' }, source };
}

/** How many card payments the client has (one charge = one more). */
export async function paymentCount(ctx: CheckContext, clientId: string): Promise<number> {
  const ex = await ctx.probe.call('listPayments', { params: { clientId }, query: { limit: 1 } });
  return expectSuccess(ex, 'listPayments').total;
}

export interface FirstPayment {
  clientId: string;
  key: string;
  body: PaymentRequest;
  exchange: Exchange;
  payment: Payment;
  countBefore: number;
}

/** The run's one real payment (schema.pay and the idempotency replay share it). */
export function firstPayment(ctx: CheckContext): Promise<FirstPayment> {
  ctx.mayPay();
  const clientId = ctx.client('openInvoices');
  return ctx.memo('firstPayment', async () => {
    const body = await paymentBody(ctx);
    const countBefore = await paymentCount(ctx, clientId);
    const key = crypto.randomUUID();
    const exchange = await ctx.probe.call('pay', { params: { clientId }, body, idempotencyKey: key });
    return { clientId, key, body, exchange, payment: expectSuccess(exchange, 'pay'), countBefore };
  });
}

export function existingFirstPayment(ctx: CheckContext): Promise<FirstPayment> {
  return prerequisite('a first payment', () => firstPayment(ctx));
}
