import * as z from 'zod/mini';
import { Id, Money, Timestamp, pageOf } from './common.js';

export const CardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof CardBrand>;

const Last4 = z.string().check(z.regex(/^\d{4}$/));
const ExpMonth = z.int().check(z.minimum(1), z.maximum(12));
const ExpYear = z.int().check(z.minimum(2000), z.maximum(2100));

export const CardMethod = z
  .object({
    id: Id,
    kind: z.literal('card'),
    brand: CardBrand,
    last4: Last4,
    expMonth: ExpMonth,
    expYear: ExpYear,
    isDefault: z.boolean(),
  })
  .register(z.globalRegistry, { id: 'CardMethod', description: 'A card saved through the processor: never a card number.' });
export type CardMethod = z.infer<typeof CardMethod>;

export const CardSide = z.enum(['front', 'back']);
export type CardSide = z.infer<typeof CardSide>;

export const InsuranceCardImage = z.object({ uploadedAt: Timestamp, contentType: z.string(), bytes: z.int() });

export const InsuranceMethod = z
  .object({
    id: Id,
    kind: z.literal('insurance'),
    payerName: z.string().check(z.maxLength(200)),
    /** Member id with all but the last 4 characters masked. */
    memberIdMasked: z.string().check(z.maxLength(64)),
    cardImages: z.object({ front: z.nullable(InsuranceCardImage), back: z.nullable(InsuranceCardImage) }),
  })
  .register(z.globalRegistry, { id: 'InsuranceMethod', description: 'An insurance payment method added by the practice.' });
export type InsuranceMethod = z.infer<typeof InsuranceMethod>;

export const PaymentMethods = z
  .object({ clientId: Id, cards: z.array(CardMethod), insurance: z.array(InsuranceMethod) })
  .register(z.globalRegistry, { id: 'PaymentMethods', description: "The client's saved cards and insurance methods." });
export type PaymentMethods = z.infer<typeof PaymentMethods>;

/** What the processor adapter hands over after tokenizing: the only card data the SDK sees. */
export const TokenizedCard = z
  .strictObject({ token: z.string().check(z.regex(/^tok_[A-Za-z0-9_]{4,120}$/)), brand: CardBrand, last4: Last4, expMonth: ExpMonth, expYear: ExpYear })
  .register(z.globalRegistry, { id: 'TokenizedCard', description: 'A card token from the payment processor, with display details.' });
export type TokenizedCard = z.infer<typeof TokenizedCard>;

export const NewCard = z
  .strictObject({ card: TokenizedCard, makeDefault: z.boolean() })
  .register(z.globalRegistry, { id: 'NewCard', description: 'Save a tokenized card.' });
export type NewCard = z.infer<typeof NewCard>;

export const InvoiceStatus = z.enum(['open', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Invoice = z
  .object({
    id: Id,
    number: z.string().check(z.maxLength(40)),
    description: z.string().check(z.maxLength(500)),
    issuedAt: Timestamp,
    dueAt: z.nullable(Timestamp),
    total: Money,
    status: InvoiceStatus,
    paidAt: z.nullable(Timestamp),
  })
  .register(z.globalRegistry, { id: 'Invoice', description: 'An invoice shared with the client.' });
export type Invoice = z.infer<typeof Invoice>;

export const Invoices = z
  .object({ clientId: Id, items: z.array(Invoice), balance: Money })
  .register(z.globalRegistry, { id: 'Invoices', description: 'Shared invoices and the outstanding balance.' });
export type Invoices = z.infer<typeof Invoices>;

/** What is paid: the whole balance, or whole invoices; never an amount. */
export const PaymentTarget = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('balance') }),
    z.strictObject({ kind: z.literal('invoices'), invoiceIds: z.array(Id).check(z.minLength(1), z.maxLength(100)) }),
  ])
  .register(z.globalRegistry, { id: 'PaymentTarget', description: 'The full balance or whole invoices.' });
export type PaymentTarget = z.infer<typeof PaymentTarget>;

export const PaymentSource = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('saved_card'), paymentMethodId: Id }),
    z.strictObject({ kind: z.literal('new_card'), card: TokenizedCard, saveCard: z.boolean() }),
  ])
  .register(z.globalRegistry, { id: 'PaymentSource', description: 'A saved card, or a freshly tokenized one.' });
export type PaymentSource = z.infer<typeof PaymentSource>;

export const PaymentRequest = z
  .strictObject({ target: PaymentTarget, source: PaymentSource })
  .register(z.globalRegistry, { id: 'PaymentRequest', description: 'Pay the balance or whole invoices. Needs an Idempotency-Key header.' });
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Payment = z
  .object({
    id: Id,
    createdAt: Timestamp,
    amount: Money,
    card: z.object({ brand: CardBrand, last4: Last4 }),
    invoiceIds: z.array(Id),
    status: z.enum(['succeeded', 'refunded']),
  })
  .register(z.globalRegistry, { id: 'Payment', description: 'A card payment.' });
export type Payment = z.infer<typeof Payment>;

export const PaymentPage = pageOf(Payment).register(z.globalRegistry, { id: 'PaymentPage', description: 'One page of card payments, newest first.' });
export type PaymentPage = z.infer<typeof PaymentPage>;

/** Accepted insurance card image types and the size limit, shared by the widget and the server. */
export const INSURANCE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const INSURANCE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
