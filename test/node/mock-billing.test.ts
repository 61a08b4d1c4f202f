/// <reference types="node" />
// Billing in the mock: cards, insurance card images, invoices, payments and idempotency, history.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/api/operations.js';
import { INSURANCE_IMAGE_MAX_BYTES, type CardMethod, type InsuranceMethod, type Invoices, type Payment, type PaymentMethods, type PaymentPage } from '../../src/schemas/index.js';
import { createNodeMock } from '../../mock-server/node.js';
import { assertOk, assertProblem, callOperation, imageBytes, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
const api = (name: OperationName, init?: CallInit) => callOperation(BASE, name, init);
const client = (clientId: string) => ({ params: { clientId } });
const newCard = (token = 'tok_visa_4242', extra: Partial<{ brand: string; last4: string; expMonth: number; expYear: number }> = {}) => ({ token, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, ...extra });
const pay = (clientId: string, body: unknown, key: string | null = 'idem-1') => api('pay', { ...client(clientId), body, ...(key !== null ? { idempotencyKey: key } : {}) });
const payBalance = { target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } };

after(() => mock.close());
beforeEach(() => {
  mock.store.setNow(NOW);
  mock.reset('default');
});

describe('payment methods', () => {
  it('lists cards and insurance', async () => {
    const res = await api('getPaymentMethods', client('cl_active'));
    assertOk('getPaymentMethods', res);
    const m = res.body as PaymentMethods;
    assert.deepEqual(m.cards.map((c) => [c.id, c.isDefault]), [['pm_active_visa', true], ['pm_active_mc', false]]);
    assert.equal(m.insurance.length, 1);
    assert.equal(JSON.stringify(m).includes('tok_'), false, 'processor tokens never leave the server');
  });

  it('add card (token only), make it default; a declining token → 402 card_declined; a card number → 400', async () => {
    const res = await api('addCard', { ...client('cl_active'), body: { card: newCard('tok_amex_0005', { brand: 'amex', last4: '0005' }), makeDefault: true } });
    assertOk('addCard', res);
    const card = res.body as CardMethod;
    assert.equal(card.isDefault, true);
    const m = (await api('getPaymentMethods', client('cl_active'))).body as PaymentMethods;
    assert.deepEqual(m.cards.filter((c) => c.isDefault).map((c) => c.id), [card.id]);
    assertProblem(await api('addCard', { ...client('cl_active'), body: { card: newCard('tok_decline_0002'), makeDefault: false } }), 402, 'card_declined');
    assertProblem(await api('addCard', { ...client('cl_active'), body: { card: { ...newCard(), number: '4242424242424242' }, makeDefault: false } }), 400, 'bad_request');
    assertProblem(await api('addCard', { ...client('cl_active'), body: { card: newCard('tok_old_card', { expMonth: 1, expYear: 2020 }), makeDefault: false } }), 402, 'card_declined');
  });

  it('the same card (brand, last 4, expiry) again → 409 card_already_saved, one row; another expiry is another card', async () => {
    const first = await api('addCard', { ...client('cl_empty'), body: { card: newCard('tok_first'), makeDefault: false } });
    assertOk('addCard', first);
    const again = assertProblem(await api('addCard', { ...client('cl_empty'), body: { card: newCard('tok_typed_again'), makeDefault: true } }), 409, 'card_already_saved');
    assert.equal(again.title, 'This card is already saved');
    assert.equal(mock.store.client('cl_empty')!.cards.length, 1);
    assert.equal(mock.store.client('cl_empty')!.cards[0]!.token, 'tok_first');
    assertOk('addCard', await api('addCard', { ...client('cl_empty'), body: { card: newCard('tok_renewed', { expYear: 2031 }), makeDefault: false } }));
    assert.equal(mock.store.client('cl_empty')!.cards.length, 2);
  });

  it('paying with a new card that is already saved, ticking "save": paid, not saved twice', async () => {
    const saved = mock.store.client('cl_active')!.cards.find((c) => c.id === 'pm_active_visa')!;
    const same = newCard('tok_visa_typed_again', { brand: saved.brand, last4: saved.last4, expMonth: saved.expMonth, expYear: saved.expYear });
    assertOk('pay', await pay('cl_active', { target: { kind: 'balance' }, source: { kind: 'new_card', card: same, saveCard: true } }), 201);
    assert.equal(mock.store.client('cl_active')!.cards.length, 2);
  });

  it('the first card of a client becomes the default', async () => {
    const res = await api('addCard', { ...client('cl_empty'), body: { card: newCard(), makeDefault: false } });
    assert.equal((res.body as CardMethod).isDefault, true);
  });

  it('adding a card without an online-payments account → 409 no_payments_account', async () => {
    mock.reset('no-payments-account');
    assertProblem(await api('addCard', { ...client('cl_active'), body: { card: newCard(), makeDefault: false } }), 409, 'no_payments_account');
  });

  it('set default; remove the default → the next card becomes default; insurance cannot be removed here', async () => {
    const set = await api('setDefaultPaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: 'pm_active_mc' } });
    assertOk('setDefaultPaymentMethod', set);
    assert.deepEqual((set.body as PaymentMethods).cards.map((c) => c.isDefault), [false, true]);
    assertOk('removePaymentMethod', await api('removePaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: 'pm_active_mc' } }));
    const m = (await api('getPaymentMethods', client('cl_active'))).body as PaymentMethods;
    assert.deepEqual(m.cards.map((c) => [c.id, c.isDefault]), [['pm_active_visa', true]]);
    assertProblem(await api('removePaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: 'ins_active_1' } }), 403, 'forbidden');
    assertProblem(await api('removePaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: 'pm_nope' } }), 404, 'not_found');
    assertProblem(await api('setDefaultPaymentMethod', { params: { clientId: 'cl_active', paymentMethodId: 'ins_active_1' } }), 400, 'bad_request');
  });
});

describe('insurance card upload', () => {
  const upload = (clientId: string, side: string, rawBody: BodyInit, contentType?: string) => api('uploadInsuranceCard', { params: { clientId, side }, rawBody, ...(contentType ? { contentType } : {}) });

  it('stores an image per side', async () => {
    const res = await upload('cl_active', 'front', imageBytes('image/png', 2048), 'image/png');
    assertOk('uploadInsuranceCard', res);
    const m = res.body as InsuranceMethod;
    assert.deepEqual(m.cardImages.front, { uploadedAt: NOW, contentType: 'image/png', bytes: 2048 });
    assert.equal(m.cardImages.back, null);
    assertOk('uploadInsuranceCard', await upload('cl_active', 'back', imageBytes('image/webp', 20), 'image/webp'));
    assertOk('uploadInsuranceCard', await upload('cl_active', 'back', imageBytes('image/jpeg', 20), 'image/jpeg'));
  });

  it('checks the bytes against the declared type: text named .png → 415 unsupported_image; JPEG bytes sent as PNG → 415 image_type_mismatch; nothing stored', async () => {
    const text = new TextEncoder().encode('This is a text file renamed card.png');
    const notImage = assertProblem(await upload('cl_active', 'front', text, 'image/png'), 415, 'unsupported_image');
    assert.match(notImage.detail ?? '', /not a JPEG, PNG or WebP image/);
    assertProblem(await upload('cl_active', 'front', imageBytes('image/jpeg', 100), 'image/png'), 415, 'image_type_mismatch');
    assertProblem(await upload('cl_active', 'back', imageBytes('image/png', 100), 'image/webp'), 415, 'image_type_mismatch');
    const m = (await api('getPaymentMethods', client('cl_active'))).body as PaymentMethods;
    assert.deepEqual(m.insurance[0]!.cardImages, { front: null, back: null });
  });

  it('wrong type → 415 unsupported_image; too large → 413 image_too_large; no insurance method → 409; bad side → 400', async () => {
    assertProblem(await upload('cl_active', 'front', new Uint8Array(10), 'application/pdf'), 415, 'unsupported_image');
    assertProblem(await upload('cl_active', 'front', new Uint8Array(10)), 415, 'unsupported_image');
    assertProblem(await upload('cl_active', 'front', new Uint8Array(INSURANCE_IMAGE_MAX_BYTES + 1), 'image/jpeg'), 413, 'image_too_large');
    assertProblem(await upload('cl_invited', 'front', new Uint8Array(10), 'image/jpeg'), 409, 'no_insurance_method');
    assertProblem(await upload('cl_active', 'middle', new Uint8Array(10), 'image/jpeg'), 400, 'bad_request');
    assertProblem(await upload('cl_active', 'front', new Uint8Array(0), 'image/jpeg'), 400, 'bad_request');
  });
});

describe('invoices and payments', () => {
  it('invoices: only shared ones; balance = sum of open', async () => {
    const res = await api('getInvoices', client('cl_active'));
    assertOk('getInvoices', res);
    const inv = res.body as Invoices;
    assert.equal(inv.items.length, 5);
    assert.ok(!inv.items.some((i) => i.id === 'inv_active_1006'));
    assert.deepEqual(inv.balance, { amount: 35_000, currency: 'USD' });
  });

  it('pay the balance: invoices paid, one card payment recorded, first in history', async () => {
    const res = await pay('cl_active', payBalance);
    assertOk('pay', res);
    const p = res.body as Payment;
    assert.deepEqual([p.amount.amount, p.card.last4, p.invoiceIds.length, p.status], [35_000, '4242', 3, 'succeeded']);
    const inv = (await api('getInvoices', client('cl_active'))).body as Invoices;
    assert.equal(inv.balance.amount, 0);
    assert.ok(inv.items.filter((i) => p.invoiceIds.includes(i.id)).every((i) => i.status === 'paid' && i.paidAt === NOW));
    const history = (await api('listPayments', client('cl_active'))).body as PaymentPage;
    assert.equal(history.items[0]!.id, p.id);
    assertProblem(await pay('cl_active', payBalance, 'idem-2'), 409, 'nothing_to_pay');
  });

  it('pay whole invoices; an unshared, paid or unknown invoice → 409 invoice_not_payable', async () => {
    const res = await pay('cl_active', { target: { kind: 'invoices', invoiceIds: ['inv_active_1003'] }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_mc' } });
    assertOk('pay', res);
    assert.equal((res.body as Payment).amount.amount, 5_000);
    for (const [i, id] of ['inv_active_1006', 'inv_active_1004', 'inv_nope'].entries()) {
      assertProblem(await pay('cl_active', { target: { kind: 'invoices', invoiceIds: [id] }, source: payBalance.source }, `k${i}`), 409, 'invoice_not_payable');
    }
  });

  it('a body with an amount anywhere → 422 amount_not_allowed (before schema validation)', async () => {
    assertProblem(await pay('cl_active', { ...payBalance, amount: 100 }), 422, 'amount_not_allowed');
    assertProblem(await pay('cl_active', { target: { kind: 'balance', amount: 1 }, source: payBalance.source }), 422, 'amount_not_allowed');
    assertProblem(await pay('cl_active', { target: { kind: 'custom', items: [{ amount: 5 }] } }), 422, 'amount_not_allowed');
    assert.equal(mock.store.client('cl_active')!.payments.length, 4);
  });

  it('Idempotency-Key required → 400 idempotency_key_required', async () => {
    assertProblem(await pay('cl_active', payBalance, null), 400, 'idempotency_key_required');
    assertProblem(await pay('cl_active', payBalance, '   '), 400, 'idempotency_key_required');
  });

  it('same key + same body → the same response replayed and no second charge', async () => {
    const first = await pay('cl_active', payBalance, 'key-A');
    const second = await pay('cl_active', { source: payBalance.source, target: payBalance.target }, 'key-A');
    assertOk('pay', first);
    assert.equal(second.status, first.status);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const rec = mock.store.client('cl_active')!;
    assert.equal(rec.payments.length, 5);
    assert.equal(rec.payments.filter((p) => p.id === (first.body as Payment).id).length, 1);
  });

  it('keys are scoped to the practice: the same key for another client → 422 idempotency_key_reused, nothing charged', async () => {
    const body = { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard(), saveCard: false } };
    assertOk('pay', await pay('cl_active', body, 'key-P'), 201);
    const invitedPayments = mock.store.client('cl_invited')!.payments.length;
    assertProblem(await pay('cl_invited', body, 'key-P'), 422, 'idempotency_key_reused');
    assert.equal(mock.store.client('cl_invited')!.payments.length, invitedPayments);
  });

  it('same key + another body → 422 idempotency_key_reused', async () => {
    assertOk('pay', await pay('cl_active', payBalance, 'key-B'));
    const other = { target: { kind: 'invoices', invoiceIds: ['inv_active_1001'] }, source: payBalance.source };
    assertProblem(await pay('cl_active', other, 'key-B'), 422, 'idempotency_key_reused');
    assert.equal(mock.store.client('cl_active')!.payments.length, 5);
  });

  it('a declined card → 402 card_declined, nothing paid; a replay of the decline answers the same', async () => {
    const body = { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard('tok_decline_0002'), saveCard: true } };
    const res = await pay('cl_active', body, 'key-D');
    assertProblem(res, 402, 'card_declined');
    assert.deepEqual((await pay('cl_active', body, 'key-D')).body, res.body);
    assert.equal(((await api('getInvoices', client('cl_active'))).body as Invoices).balance.amount, 35_000);
    assert.equal(mock.store.client('cl_active')!.cards.length, 2);
  });

  it('new card with saveCard: paid and saved', async () => {
    const res = await pay('cl_active', { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard('tok_disc_1117', { brand: 'discover', last4: '1117' }), saveCard: true } });
    assertOk('pay', res);
    const m = (await api('getPaymentMethods', client('cl_active'))).body as PaymentMethods;
    assert.ok(m.cards.some((c) => c.last4 === '1117' && !c.isDefault));
  });

  it('blockers: no billing permission → 403 missing_permission; no payments account → 409 no_payments_account; nothing open → 409', async () => {
    assertProblem(await pay('cl_invited', { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard(), saveCard: false } }, 'key-invited'), 403, 'missing_permission');
    assertProblem(await pay('cl_empty', { target: { kind: 'balance' }, source: { kind: 'new_card', card: newCard(), saveCard: false } }, 'key-empty'), 409, 'nothing_to_pay');
    mock.reset('no-payments-account');
    assertProblem(await pay('cl_active', payBalance), 409, 'no_payments_account');
  });

  it('history: card payments only (never insurance), newest first, cursor paged', async () => {
    const first = await api('listPayments', { ...client('cl_active'), query: { limit: 3 } });
    assertOk('listPayments', first);
    const p1 = first.body as PaymentPage;
    assert.equal(p1.total, 4);
    assert.ok(p1.nextCursor);
    const p2 = (await api('listPayments', { ...client('cl_active'), query: { limit: 3, cursor: p1.nextCursor! } })).body as PaymentPage;
    const all = [...p1.items, ...p2.items];
    assert.equal(p2.nextCursor, null);
    assert.deepEqual(all.map((p) => p.id), ['pay_active_4', 'pay_active_3', 'pay_active_2', 'pay_active_1']);
    assert.ok(!all.some((p) => p.id.startsWith('inspay')));
    const empty = (await api('listPayments', client('cl_empty'))).body as PaymentPage;
    assert.deepEqual(empty, { items: [], nextCursor: null, total: 0 });
  });
});
