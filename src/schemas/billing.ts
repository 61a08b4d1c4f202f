import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { Id, Money, Timestamp, pageOf } from './common.js';
import { LIST_LIMITS } from './limits.js';

export const CardBrand = lazySchema(() => z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']));
export type CardBrand = z.infer<typeof CardBrand>;

const Last4 = lazySchema(() => z.string().check(z.regex(/^\d{4}$/)));
const ExpMonth = lazySchema(() => z.int().check(z.minimum(1), z.maximum(12)));
const ExpYear = lazySchema(() => z.int().check(z.minimum(2000), z.maximum(2100)));

export const CardMethod = lazySchema(() => z
  .object({
    id: Id,
    kind: z.literal('card'),
    brand: CardBrand,
    last4: Last4,
    expMonth: ExpMonth,
    expYear: ExpYear,
    isDefault: z.boolean(),
  }));
export type CardMethod = z.infer<typeof CardMethod>;

export const CardSide = lazySchema(() => z.enum(['front', 'back']));
export type CardSide = z.infer<typeof CardSide>;

export const InsuranceCardImage = lazySchema(() => z.object({ uploadedAt: Timestamp, contentType: z.string(), bytes: z.int() }));

export const InsuranceMethod = lazySchema(() => z
  .object({
    id: Id,
    kind: z.literal('insurance'),
    payerName: z.string().check(z.maxLength(200)),
    /** Member id with all but the last 4 characters masked. */
    memberIdMasked: z.string().check(z.maxLength(64)),
    cardImages: z.object({ front: z.nullable(InsuranceCardImage), back: z.nullable(InsuranceCardImage) }),
  }));
export type InsuranceMethod = z.infer<typeof InsuranceMethod>;

export const PaymentMethods = lazySchema(() => z
  .object({ clientId: Id, cards: z.array(CardMethod).check(z.maxLength(LIST_LIMITS.cards)), insurance: z.array(InsuranceMethod).check(z.maxLength(LIST_LIMITS.insurance)) }));
export type PaymentMethods = z.infer<typeof PaymentMethods>;

/** What the processor adapter hands over after tokenizing: the only card data the SDK sees. */
export const TokenizedCard = lazySchema(() => z
  .strictObject({ token: z.string().check(z.regex(/^tok_[A-Za-z0-9_]{4,120}$/)), brand: CardBrand, last4: Last4, expMonth: ExpMonth, expYear: ExpYear }));
export type TokenizedCard = z.infer<typeof TokenizedCard>;

export const NewCard = lazySchema(() => z
  .strictObject({ card: TokenizedCard, makeDefault: z.boolean() }));
export type NewCard = z.infer<typeof NewCard>;

export const InvoiceStatus = lazySchema(() => z.enum(['open', 'paid', 'void']));
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Invoice = lazySchema(() => z
  .object({
    id: Id,
    number: z.string().check(z.maxLength(40)),
    description: z.string().check(z.maxLength(500)),
    issuedAt: Timestamp,
    dueAt: z.nullable(Timestamp),
    total: Money,
    status: InvoiceStatus,
    paidAt: z.nullable(Timestamp),
  }));
export type Invoice = z.infer<typeof Invoice>;

export const Invoices = lazySchema(() => z
  .object({ clientId: Id, items: z.array(Invoice).check(z.maxLength(LIST_LIMITS.invoices)), balance: Money }));
export type Invoices = z.infer<typeof Invoices>;

/** What is paid: the whole balance, or whole invoices; never an amount. */
export const PaymentTarget = lazySchema(() => z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('balance') }),
    z.strictObject({ kind: z.literal('invoices'), invoiceIds: z.array(Id).check(z.minLength(1), z.maxLength(100)) }),
  ]));
export type PaymentTarget = z.infer<typeof PaymentTarget>;

export const PaymentSource = lazySchema(() => z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('saved_card'), paymentMethodId: Id }),
    z.strictObject({ kind: z.literal('new_card'), card: TokenizedCard, saveCard: z.boolean() }),
  ]));
export type PaymentSource = z.infer<typeof PaymentSource>;

export const PaymentRequest = lazySchema(() => z
  .strictObject({ target: PaymentTarget, source: PaymentSource }));
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Payment = lazySchema(() => z
  .object({
    id: Id,
    createdAt: Timestamp,
    amount: Money,
    card: z.object({ brand: CardBrand, last4: Last4 }),
    invoiceIds: z.array(Id).check(z.maxLength(LIST_LIMITS.invoices)),
    status: z.enum(['succeeded', 'refunded']),
  }));
export type Payment = z.infer<typeof Payment>;

export const PaymentPage = lazySchema(() => pageOf(Payment));
export type PaymentPage = z.infer<typeof PaymentPage>;

/** Accepted insurance card image types and the size limit, shared by the widget and the server. */
export const INSURANCE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const INSURANCE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
