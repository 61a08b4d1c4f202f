/**
 * idempotency: `pay` (the operation the table marks `idempotencyKey`) replays the stored answer
 * for the same key and body and charges once; another body under the same key is 422; no key is
 * 400; an `amount` is 422. Each check counts the client's payments before and after.
 */
import { fail, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { expectProblem, expectSuccess } from '../contract.js';
import type { Exchange } from '../probe.js';
import { existingFirstPayment, paymentBody, paymentCount } from '../shared.js';

async function chargesNothing(ctx: CheckContext, clientId: string, send: () => Promise<Exchange>, what: string): Promise<Exchange> {
  const before = await paymentCount(ctx, clientId);
  const ex = await send();
  const after = await paymentCount(ctx, clientId);
  if (after !== before) fail(`${what} charged: listPayments total went from ${before} to ${after}`);
  return ex;
}

export const idempotencyChecks: Check[] = [
  {
    id: 'idempotency.replay',
    group: 'idempotency',
    title: 'the same Idempotency-Key and body replay the first answer and charge once',
    remedy: 'Store each key’s body fingerprint and answer; on the same key and body send the stored answer again without charging.',
    doc: 'idempotency',
    async run(ctx) {
      const first = await existingFirstPayment(ctx);
      const again = await ctx.probe.call('pay', { params: { clientId: first.clientId }, body: first.body, idempotencyKey: first.key });
      const replayed = expectSuccess(again, 'pay');
      if (JSON.stringify(replayed) !== JSON.stringify(first.payment)) fail(`the replay answered another payment (${replayed.id}, first ${first.payment.id})`);
      const count = await paymentCount(ctx, first.clientId);
      if (count !== first.countBefore + 1) fail(`two requests with one key charged ${count - first.countBefore} times (listPayments total ${first.countBefore} → ${count})`);
      return `payment ${first.payment.id}`;
    },
  },
  {
    id: 'idempotency.concurrent-replay',
    group: 'idempotency',
    title: 'two requests with one key at the same time charge once',
    remedy: 'While a key’s first request runs, make the second wait for its answer (a lock or unique row per key): never run it twice.',
    doc: 'idempotency',
    async run(ctx) {
      ctx.mayPay();
      const clientId = ctx.client('openInvoices');
      const body = await paymentBody(ctx);
      const before = await paymentCount(ctx, clientId);
      const key = crypto.randomUUID();
      const [a, b] = await Promise.all([0, 1].map(() => ctx.probe.call('pay', { params: { clientId }, body, idempotencyKey: key })));
      const pa = expectSuccess(a!, 'pay');
      const pb = expectSuccess(b!, 'pay');
      if (pa.id !== pb.id) fail(`two simultaneous requests with one key made two payments (${pa.id}, ${pb.id})`);
      const after = await paymentCount(ctx, clientId);
      if (after !== before + 1) fail(`two simultaneous requests with one key charged ${after - before} times`);
    },
  },
  {
    id: 'idempotency.key-reused',
    group: 'idempotency',
    title: 'the same key with another body answers 422 idempotency_key_reused and charges nothing',
    remedy: 'Compare the body fingerprint stored with the key: a different body answers 422 idempotency_key_reused.',
    doc: 'idempotency',
    async run(ctx) {
      const first = await existingFirstPayment(ctx);
      const other = { ...first.body, target: { kind: 'balance' as const } };
      const ex = await chargesNothing(ctx, first.clientId, () => ctx.probe.call('pay', { params: { clientId: first.clientId }, body: other, idempotencyKey: first.key }), 'the same key with another body');
      expectProblem(ex, 'idempotency_key_reused');
    },
  },
  {
    id: 'idempotency.key-required',
    group: 'idempotency',
    title: 'a payment without Idempotency-Key answers 400 idempotency_key_required and charges nothing',
    remedy: 'Refuse POST /payments without an Idempotency-Key header with 400 idempotency_key_required.',
    doc: 'idempotency',
    async run(ctx) {
      ctx.mayPay();
      const clientId = ctx.client('openInvoices');
      const body = await paymentBody(ctx, { needsOpenInvoice: false });
      expectProblem(await chargesNothing(ctx, clientId, () => ctx.probe.call('pay', { params: { clientId }, body }), 'a payment without a key'), 'idempotency_key_required');
    },
  },
  {
    id: 'idempotency.amount-not-allowed',
    group: 'idempotency',
    title: 'a payment body with an amount answers 422 amount_not_allowed and charges nothing',
    remedy: 'Reject any amount in a payment body with 422 amount_not_allowed: the server computes it from the balance or the invoices.',
    doc: 'idempotency',
    async run(ctx) {
      ctx.mayPay();
      const clientId = ctx.client('openInvoices');
      const body = { ...(await paymentBody(ctx, { needsOpenInvoice: false })), amount: { amount: 1, currency: 'USD' } };
      const ex = await chargesNothing(ctx, clientId, () => ctx.probe.call('pay', { params: { clientId }, body, idempotencyKey: crypto.randomUUID() }), 'a payment with an amount');
      expectProblem(ex, 'amount_not_allowed');
    },
  },
];
