/** Payment methods (tokenized cards, insurance card images), shared invoices, card payments. */
import { alreadySavedCard, cardExpiry, outstandingBalance, paymentAmount, paymentBlocker } from '../../src/domain/index.js';
import { IMAGE_SIGNATURE_BYTES, insuranceImageProblem } from '../../src/domain/insurance-image.js';
import { CardSide, type CardBrand, type Payment, type PaymentMethods } from '../../src/schemas/index.js';
import { toCard, toInvoice, type ClientRecord, type StoredCard } from '../model.js';
import { problem, validate, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { page, requireClient } from './shared.js';

type BillingOps = 'getPaymentMethods' | 'addCard' | 'setDefaultPaymentMethod' | 'removePaymentMethod' | 'uploadInsuranceCard' | 'getInvoices' | 'pay' | 'listPayments';

/** Test tokens: any token containing `decline` is declined by the "processor" (e.g. `tok_decline_0002`). */
export function isDeclinedToken(token: string): boolean {
  return token.toLowerCase().includes('decline');
}

/** Whether a JSON value has an `amount` key anywhere (iterative: deep bodies cannot overflow the stack). */
export function hasAmountField(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      if (Object.hasOwn(v, 'amount')) return true;
      for (const item of Object.values(v)) stack.push(item);
    }
  }
  return false;
}

function methods(rec: ClientRecord): PaymentMethods {
  return { clientId: rec.id, cards: rec.cards.map(toCard), insurance: rec.insurance };
}

function sharedInvoices(rec: ClientRecord) {
  return rec.invoices.filter((i) => i.shared);
}

function requireChargeable(card: { token: string; expMonth: number; expYear: number }, now: Date): void {
  if (isDeclinedToken(card.token)) throw problem('card_declined', 'The card was declined. Try another card.');
  if (cardExpiry(card, now) === 'expired') throw problem('card_declined', 'The card has expired. Try another card.');
}

function saveCard(store: MockStore, rec: ClientRecord, card: { token: string; brand: CardBrand; last4: string; expMonth: number; expYear: number }, makeDefault: boolean): StoredCard {
  const isDefault = makeDefault || !rec.cards.some((c) => c.isDefault);
  if (isDefault) for (const c of rec.cards) c.isDefault = false;
  const saved: StoredCard = { id: store.nextId('pm'), kind: 'card', brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, isDefault, token: card.token };
  rec.cards.push(saved);
  return saved;
}

export function billingHandlers(store: MockStore): Pick<OperationImpls, BillingOps> {
  return {
    getPaymentMethods: {
      run: (ctx) => ({ body: methods(requireClient(store, ctx.param('clientId'))) }),
    },

    addCard: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        if (store.practice.onlinePayments !== 'active') throw problem('no_payments_account', 'Saving cards needs an active online-payments account for the practice.');
        const { card, makeDefault } = ctx.body;
        if (alreadySavedCard(rec.cards, card)) throw problem('card_already_saved', 'A card with this brand, last 4 and expiry is already saved for the client.');
        requireChargeable(card, store.now());
        return { body: toCard(saveCard(store, rec, card, makeDefault)) };
      },
    },

    setDefaultPaymentMethod: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const id = ctx.param('paymentMethodId');
        const card = rec.cards.find((c) => c.id === id);
        if (!card) {
          if (rec.insurance.some((i) => i.id === id)) throw problem('bad_request', 'Only a card can be the default payment method.', { errors: [{ path: 'paymentMethodId', message: 'Not a card' }] });
          throw problem('not_found', 'No payment method with this id for this client.');
        }
        for (const c of rec.cards) c.isDefault = c === card;
        return { body: methods(rec) };
      },
    },

    removePaymentMethod: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const id = ctx.param('paymentMethodId');
        const card = rec.cards.find((c) => c.id === id);
        if (!card) {
          if (rec.insurance.some((i) => i.id === id)) throw problem('forbidden', 'Insurance payment methods are managed by the practice.');
          throw problem('not_found', 'No payment method with this id for this client.');
        }
        rec.cards = rec.cards.filter((c) => c !== card);
        // Removing the default card makes the next card the default.
        if (card.isDefault && rec.cards[0] && !rec.cards.some((c) => c.isDefault)) rec.cards[0].isDefault = true;
        return { body: undefined };
      },
    },

    uploadInsuranceCard: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const side = validate(CardSide, ctx.param('side'), () => 'side');
        const method = rec.insurance[0];
        if (!method) throw problem('no_insurance_method', 'The practice has to add an insurance payment method to the profile first.');
        const { contentType, bytes, data } = ctx.body;
        const refused = insuranceImageProblem({ type: contentType, size: bytes, head: new Uint8Array(data, 0, Math.min(bytes, IMAGE_SIGNATURE_BYTES)) });
        if (refused === 'unsupported_image') throw problem(refused, 'The bytes are not a JPEG, PNG or WebP image, whatever the Content-Type says.');
        if (refused === 'image_type_mismatch') throw problem(refused, `The bytes are not ${contentType}: send the image with the Content-Type of what it is.`);
        if (refused) throw problem(refused === 'empty_image' ? 'bad_request' : refused);
        method.cardImages = { ...method.cardImages, [side]: { uploadedAt: store.nowIso(), contentType, bytes } };
        return { body: method };
      },
    },

    getInvoices: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const shared = sharedInvoices(rec)
          .map(toInvoice)
          .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
        return { body: { clientId: rec.id, items: shared, balance: outstandingBalance(shared) } };
      },
    },

    pay: {
      inspectRaw(raw) {
        if (hasAmountField(raw)) throw problem('amount_not_allowed', 'Pay the whole balance or whole invoices: the server computes the amount.');
      },
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const now = store.now();
        const blocker = paymentBlocker(rec.permissions.client, store.practice);
        if (blocker === 'no_payments_account') throw problem(blocker, 'Card payments need an active online-payments account for the practice.');
        if (blocker === 'missing_permission') throw problem(blocker, 'The client is not allowed to pay the balance online.');
        if (blocker) throw problem(blocker);

        const shared = sharedInvoices(rec);
        const amount = paymentAmount(ctx.body.target, shared.map(toInvoice));
        if (!amount.ok) {
          throw amount.code === 'nothing_to_pay'
            ? problem('nothing_to_pay', 'There is no open invoice to pay.')
            : problem('invoice_not_payable', 'Every invoice must be shared with the client and open.');
        }

        const { source } = ctx.body;
        let display: { brand: CardBrand; last4: string };
        if (source.kind === 'saved_card') {
          const card = rec.cards.find((c) => c.id === source.paymentMethodId);
          if (!card) throw problem('not_found', 'No saved card with this id for this client.');
          requireChargeable(card, now);
          display = card;
        } else {
          requireChargeable(source.card, now);
          display = source.card;
        }

        const paidAt = now.toISOString();
        for (const inv of shared) {
          if (amount.invoiceIds.includes(inv.id)) {
            inv.status = 'paid';
            inv.paidAt = paidAt;
          }
        }
        const payment: Payment = {
          id: store.nextId('pay'),
          createdAt: paidAt,
          amount: { amount: amount.amount, currency: amount.currency },
          card: { brand: display.brand, last4: display.last4 },
          invoiceIds: amount.invoiceIds,
          status: 'succeeded',
        };
        rec.payments.unshift(payment);
        // A card already saved (same brand, last 4, expiry) is not saved a second time: the payment stands.
        if (source.kind === 'new_card' && source.saveCard && !alreadySavedCard(rec.cards, source.card)) saveCard(store, rec, source.card, false);
        return { body: payment };
      },
    },

    listPayments: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        // Card payments only: insurance payments live elsewhere and never show in history.
        const p = page(rec.payments, 'payments', ctx.query.cursor, ctx.query.limit);
        return { body: { items: p.slice, nextCursor: p.nextCursor, total: p.total } };
      },
    },
  };
}
