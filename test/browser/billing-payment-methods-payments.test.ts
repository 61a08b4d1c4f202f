import { expect, html, mount, loaded, useMock, expectQuietConsole, within, user, sendKeys, waitFor, viewOf, collect, type Mock } from './support/index.js';
import { createMockProcessor, TEST_CARDS } from '../../mock-server/mock-processor.js';
import type { BillingPaymentMethodsElement } from '../../src/index.js';

type El = BillingPaymentMethodsElement;

/** Patient waits: the machine running the suite is shared and sometimes slow. */
const SLOW = { timeout: 10_000 };
const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const notices = (el: El) => [...el.shadowRoot!.querySelectorAll('[part~="notice"]')].map(text);
const announced = (el: El) => text(el.shadowRoot!.querySelector('[aria-live="polite"].visually-hidden'));
const digits = (card: string) => card.replace(/\D/g, '');

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Wraps the page's fetch (which the API client uses) and keeps every request: URL, headers, body. */
function recordRequests() {
  const original = window.fetch;
  const seen: Seen[] = [];
  window.fetch = async (input, init) => {
    const req = new Request(input instanceof Request ? input.clone() : input, init);
    seen.push({ method: req.method, url: req.url, headers: Object.fromEntries(req.headers), body: req.body ? await req.text() : '' });
    return original(input, init);
  };
  return { seen, payments: () => seen.filter((r) => r.method === 'POST' && r.url.endsWith('/payments')), restore: () => (window.fetch = original) };
}

let requests: ReturnType<typeof recordRequests>;

async function mountBilling(clientId: string, opts: { audience?: string; timeoutMs?: number } = {}) {
  const el = await mount<El>(
    html`<billing-payment-methods client-id=${clientId} audience=${opts.audience ?? 'staff'} .processor=${createMockProcessor()}></billing-payment-methods>`,
    opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {},
  );
  await loaded(el);
  return el;
}

async function openCheckout(el: El, button: string | RegExp, dialogName: string) {
  const view = viewOf(el);
  await user().click(view.getByShadowRole('button', { name: button }));
  return (await view.findByShadowRole('dialog', { name: dialogName }, SLOW)) as HTMLDialogElement;
}

/** The processor's inputs live in the widget's light DOM, never in its shadow root. */
async function typeCard(el: El, card: string, expiry = '12/34', cvc = '123') {
  const field = await waitFor(() => {
    const f = el.querySelector<HTMLElement>(':scope > [slot="card-field"]');
    expect(f?.querySelector('input'), 'card field mounted').to.exist;
    return f!;
  }, SLOW);
  const light = within(field);
  const u = user();
  await u.type(light.getByLabelText('Card number'), card);
  await u.type(light.getByLabelText('Expiry (MM/YY)'), expiry);
  await u.type(light.getByLabelText('Security code (CVC)'), cvc);
}

describe('<billing-payment-methods> payments and cards', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
    requests = recordRequests();
  });
  /** Undoes what one test added to the mock (its event listeners). */
  let undo: () => void = () => undefined;
  afterEach(() => {
    undo();
    undo = () => undefined;
    requests.restore();
    expectQuietConsole();
  });

  it('pays the balance with the default card: invoices show Paid, history shows the payment', async () => {
    const succeeded = collect(document, 'portal-payment-succeeded');
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    const visa = within(dialog).getByShadowRole('radio', { name: /Visa ending in 4242/ }) as HTMLInputElement;
    expect(visa.checked, 'the default card is preselected').to.equal(true);
    await expect(el).to.be.accessible();
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));

    const sentence = 'Payment of $350.00 received with Visa ending in 4242.';
    await waitFor(() => expect(notices(el)).to.include(sentence), SLOW);
    expect(announced(el)).to.equal(sentence);
    expect(dialog.open).to.equal(false);
    await waitFor(() => expect(active(el)?.getAttribute('part')).to.contain('notice'), SLOW);

    const record = mock.store.client('cl_active')!;
    const payment = record.payments[0]!;
    expect(payment).to.deep.include({ amount: { amount: 35_000, currency: 'USD' } });
    expect(payment.invoiceIds).to.have.members(['inv_active_1001', 'inv_active_1002', 'inv_active_1003']);
    expect(succeeded.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_active', paymentId: payment.id, amount: payment.amount, invoiceIds: payment.invoiceIds }]);
    const body = JSON.parse(requests.payments()[0]!.body);
    expect(body).to.deep.equal({ target: { kind: 'balance' }, source: { kind: 'saved_card', paymentMethodId: 'pm_active_visa' } });

    const invoices = view.getByShadowRole('table', { name: 'Invoices' });
    await waitFor(() => expect(within(invoices).queryAllByShadowText('Open')).to.have.length(0), SLOW);
    expect(within(invoices).getAllByShadowText('Paid')).to.have.length(5);
    await view.findByShadowText('Outstanding balance: $0.00', {}, SLOW);
    await waitFor(() => expect(text(within(view.getByShadowRole('table', { name: 'Payment history' })).getAllByShadowRole('row')[1])).to.contain('$350.00'), SLOW);
    expect(view.queryAllByShadowRole('button', { name: /^Pay/ }), 'nothing left to pay').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('pays only the whole invoices picked, by keyboard alone', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const first = view.getByShadowRole('checkbox', { name: 'INV-1003' });
    first.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(view.getByShadowRole('checkbox', { name: 'INV-1002' }));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // INV-1001, left unticked
    await sendKeys({ press: 'Tab' }); // Pay balance
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Pay 2 selected invoices ($200.00)');
    await sendKeys({ press: 'Enter' });
    const dialog = (await view.findByShadowRole('dialog', { name: 'Pay $200.00' }, SLOW)) as HTMLDialogElement;
    expect(dialog.contains(active(el)), 'focus moved into the dialog').to.equal(true);
    expect(text(dialog)).to.contain('INV-1003').and.to.contain('INV-1002').and.not.to.contain('INV-1001');
    await sendKeys({ press: 'Tab' }); // past the card choice to Cancel
    await sendKeys({ press: 'Tab' }); // Pay
    expect(active(el)?.textContent?.trim()).to.equal('Pay $200.00');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(notices(el)).to.include('Payment of $200.00 received with Visa ending in 4242.'), SLOW);

    const record = mock.store.client('cl_active')!;
    expect(record.payments[0]!.invoiceIds).to.have.members(['inv_active_1003', 'inv_active_1002']);
    expect(record.invoices.find((i) => i.id === 'inv_active_1001')!.status).to.equal('open');
    const body = JSON.parse(requests.payments()[0]!.body);
    expect(body.target.kind).to.equal('invoices');
    expect(JSON.stringify(body)).not.to.match(/amount/);
    const row = (n: string) => view.getAllByShadowRole('row').find((r) => text(r).startsWith(n))!;
    await waitFor(() => expect(within(row('INV-1002')).getByShadowText('Paid')).to.exist, SLOW);
    expect(within(row('INV-1001')).getByShadowText('Open')).to.exist;
  });

  it('Escape closes the checkout without paying and focus returns to the button that opened it', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const trigger = view.getByShadowRole('button', { name: 'Pay balance ($350.00)' });
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = (await view.findByShadowRole('dialog', { name: 'Pay $350.00' }, SLOW)) as HTMLDialogElement;
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog.open).to.equal(false), SLOW);
    await waitFor(() => expect(active(el)).to.equal(trigger), SLOW);
    expect(requests.payments()).to.have.length(0);
  });

  it('a double click sends one payment', async () => {
    mock.faults.set('pay', { latencyMs: 300, times: 1 });
    const el = await mountBilling('cl_active');
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    const pay = within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }) as HTMLButtonElement;
    await user().dblClick(pay);
    pay.click();
    await waitFor(() => expect(pay.getAttribute('aria-busy')).to.equal('true'), SLOW);
    expect(pay.disabled).to.equal(true);
    expect(text(pay)).to.equal('Processing payment…');
    await waitFor(() => expect(notices(el)).to.include('Payment of $350.00 received with Visa ending in 4242.'), SLOW);
    expect(requests.payments()).to.have.length(1);
    expect(mock.store.client('cl_active')!.payments.filter((p) => p.amount.amount === 35_000)).to.have.length(1);
  });

  it('a payment that timed out is retried with the same idempotency key: one payment', async () => {
    mock.faults.set('pay', { hang: true, times: 1 });
    const el = await mountBilling('cl_active', { timeoutMs: 400 });
    const before = mock.store.client('cl_active')!.payments.length;
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));
    await waitFor(() => expect(notices(el)).to.include('Payment of $350.00 received with Visa ending in 4242.'), SLOW);
    const sent = requests.payments();
    expect(sent.length).to.be.at.least(2);
    expect(sent[0]!.headers['idempotency-key']).to.be.a('string').and.not.equal('');
    expect(new Set(sent.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect(mock.store.client('cl_active')!.payments.length - before).to.equal(1);
  });

  it('when no answer comes at all, "Try the payment again" resends the same payment with the same key', async () => {
    mock.faults.set('pay', { hang: true, times: 3 });
    const failed = collect(document, 'portal-payment-failed');
    const el = await mountBilling('cl_active', { timeoutMs: 400 });
    const before = mock.store.client('cl_active')!.payments.length;
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));
    await within(dialog).findByShadowText(/We could not confirm whether this payment went through/, {}, SLOW);
    expect(failed.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_active', status: undefined, code: undefined }]);
    const radios = within(dialog).getAllByShadowRole('radio') as HTMLInputElement[];
    expect(radios.every((r) => r.matches(':disabled')), 'the attempt is locked until settled').to.equal(true);
    expect(mock.store.client('cl_active')!.payments.length).to.equal(before);
    await expect(el).to.be.accessible();

    await user().click(within(dialog).getByShadowRole('button', { name: 'Try the payment again' }));
    await waitFor(() => expect(notices(el)).to.include('Payment of $350.00 received with Visa ending in 4242.'), SLOW);
    const sent = requests.payments();
    expect(sent.length, 'three automatic attempts, then the person’s retry').to.be.at.least(4);
    expect(new Set(sent.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect(new Set(sent.map((r) => r.body)).size).to.equal(1);
    expect(mock.store.client('cl_active')!.payments.length - before).to.equal(1);
  });

  it('a payment the server made after the widget stopped waiting is not charged twice', async () => {
    mock.faults.set('pay', { latencyMs: 1200, times: 1 });
    // The idempotency key of every payment request the mock has answered (the slow first one
    // included, once it is done; an earlier test's released requests carry other keys).
    const answered: string[] = [];
    const onEnd = ({ request }: { request: Request }) =>
      void (request.method === 'POST' && new URL(request.url).pathname.endsWith('/payments') && answered.push(request.headers.get('idempotency-key') ?? ''));
    mock.worker.events.on('request:end', onEnd);
    undo = () => mock.worker.events.removeListener('request:end', onEnd);
    const el = await mountBilling('cl_active', { timeoutMs: 400 });
    const record = mock.store.client('cl_active')!;
    const before = record.payments.length;
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));
    await waitFor(() => expect(notices(el)).to.include('Payment of $350.00 received with Visa ending in 4242.'), SLOW);
    // The slow first request still reaches the server: it must be answered from the key, not charged.
    expect(requests.payments().length, 'the client retried with the same key').to.be.at.least(2);
    expect(new Set(requests.payments().map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    // Once the mock has answered every payment request sent, the slow one included.
    const key = requests.payments()[0]!.headers['idempotency-key'];
    await waitFor(() => expect(answered.filter((k) => k === key).length, 'payment requests the mock answered').to.equal(requests.payments().length), SLOW);
    expect(record.payments.length - before).to.equal(1);
    expect(mock.store.internalErrors).to.deep.equal([]);
  });

  it('closing an unconfirmed payment warns and reloads instead of forgetting it', async () => {
    mock.faults.set('pay', { network: true, times: 3 });
    const el = await mountBilling('cl_active');
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));
    await within(dialog).findByShadowText(/We could not confirm/, {}, SLOW);
    await user().click(within(dialog).getByShadowRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(notices(el)).to.include('A payment could not be confirmed. Check the invoices and the payment history below before paying again.'), SLOW);
    // A new attempt gets a new key.
    await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(viewOf(el).getByShadowRole('button', { name: 'Pay $350.00' }));
    await waitFor(() => expect(notices(el)).to.include('Payment of $350.00 received with Visa ending in 4242.'), SLOW);
    const sent = requests.payments();
    expect(sent.length).to.be.at.least(4);
    expect(sent.at(-1)!.headers['idempotency-key']).not.to.equal(sent[0]!.headers['idempotency-key']);
  });

  it('adds a card through the processor: only the token reaches the API, never the number', async () => {
    const added = collect(document, 'portal-payment-method-added');
    const el = await mountBilling('cl_empty');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW);
    expect((within(dialog).getByShadowRole('checkbox', { name: 'Make this the default card' }) as HTMLInputElement).checked, 'a first card becomes the default').to.equal(true);
    await waitFor(() => expect((document.activeElement as HTMLInputElement | null)?.autocomplete, 'the cursor starts in the card number').to.equal('cc-number'), SLOW);
    await typeCard(el, TEST_CARDS.visa, '11/31', '737');
    expect(el.shadowRoot!.querySelector('input[autocomplete^="cc-"]'), 'no card input in the shadow root').to.equal(null);
    await expect(el).to.be.accessible();
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await waitFor(() => expect(notices(el)).to.include('Visa ending in 4242 saved.'), SLOW);

    const saved = mock.store.client('cl_empty')!.cards;
    expect(saved).to.have.length(1);
    expect(saved[0]).to.deep.include({ brand: 'visa', last4: '4242', expMonth: 11, expYear: 2031, isDefault: true });
    expect(saved[0]!.token).to.match(/^tok_mock_/);
    expect(added.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_empty', paymentMethodId: saved[0]!.id }]);
    expect(el.querySelector('[slot="card-field"]'), 'the container the widget made is gone').to.equal(null);
    await view.findByShadowRole('list', { name: 'Saved cards' }, SLOW);

    const number = digits(TEST_CARDS.visa);
    expect(requests.seen.length).to.be.greaterThan(0);
    for (const r of requests.seen) {
      const all = `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
      expect(all).not.to.contain(number);
      expect(all).not.to.contain(TEST_CARDS.visa);
      expect(all).not.to.contain('737');
    }
    const addBody = JSON.parse(requests.seen.find((r) => r.url.endsWith('/payment-methods/cards'))!.body);
    expect(Object.keys(addBody.card).sort()).to.deep.equal(['brand', 'expMonth', 'expYear', 'last4', 'token']);
  });

  it('mounts the card field in the container the host page provides, and leaves it in place', async () => {
    const el = await mount<El>(html`<billing-payment-methods client-id="cl_empty" .processor=${createMockProcessor()}><div slot="card-field" id="host-field"></div></billing-payment-methods>`);
    await loaded(el);
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = (await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW)) as HTMLDialogElement;
    const field = el.querySelector<HTMLElement>('#host-field')!;
    await waitFor(() => expect(within(field).getByLabelText('Card number')).to.exist, SLOW);
    expect(el.querySelectorAll('[slot="card-field"]'), 'no second container').to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog.open).to.equal(false), SLOW);
    expect(field.isConnected).to.equal(true);
    expect(field.children, 'the processor was unmounted').to.have.length(0);
  });

  it('an invalid card entry shows the processor’s message, keeps what was typed and sends nothing', async () => {
    const el = await mountBilling('cl_empty');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW);
    await typeCard(el, '4242 4242 4242 4241');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await within(dialog).findByShadowText('This card number is not valid. Check it and try again.', {}, SLOW);
    const input = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Card number') as HTMLInputElement;
    expect(input.value).to.equal('4242 4242 4242 4241');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(requests.seen.filter((r) => r.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a declined new card says so and fires portal-payment-failed; another card then goes through and is saved', async () => {
    const failed = collect(document, 'portal-payment-failed');
    // cl_invited may not pay online until staff allow it: allow it here.
    mock.store.client('cl_invited')!.permissions.client.payBalance = true;
    const el = await mountBilling('cl_invited');
    const dialog = await openCheckout(el, 'Pay balance ($180.00)', 'Pay $180.00');
    expect((within(dialog).getByShadowRole('radio', { name: 'A new card' }) as HTMLInputElement).checked, 'no saved card: a new one').to.equal(true);
    await typeCard(el, TEST_CARDS.declined);
    // Staff save the card for the client (#17 item 13: copy follows the audience).
    await user().click(within(dialog).getByShadowRole('checkbox', { name: 'Save the card for the client’s future payments' }));
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $180.00' }));
    await within(dialog).findByShadowText('The payment did not go through. The card was declined. Try another card.', {}, SLOW);
    expect(failed.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_invited', status: 402, code: 'card_declined' }]);
    await expect(el).to.be.accessible();

    const number = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Card number') as HTMLInputElement;
    await user().clear(number);
    await user().type(number, TEST_CARDS.mastercard);
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $180.00' }));
    await waitFor(() => expect(notices(el)).to.include('Payment of $180.00 received with Mastercard ending in 4444.'), SLOW);
    const record = mock.store.client('cl_invited')!;
    expect(record.payments).to.have.length(1);
    expect(record.cards.map((c) => c.last4)).to.deep.equal(['4444']);
    const [declined, paid] = requests.payments();
    expect(paid!.headers['idempotency-key'], 'a refused payment is over: a new key').not.to.equal(declined!.headers['idempotency-key']);
    for (const r of requests.seen) expect(`${r.url}${JSON.stringify(r.headers)}${r.body}`).not.to.contain(digits(TEST_CARDS.mastercard));
  });

  it('refuses paying with the reason when pay-balance is off for the client', async () => {
    const el = await mountBilling('cl_invited');
    const view = viewOf(el);
    const reason = view.getByShadowText(/Online payment is off for this client/);
    const pay = view.getByShadowRole('button', { name: 'Pay balance ($180.00)' }) as HTMLButtonElement;
    expect(pay.disabled).to.equal(true);
    expect(pay.getAttribute('aria-describedby')).to.equal(reason.id);
    expect(view.queryByShadowRole('checkbox')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a client without access to billing documents is told so, with no invoice list', async () => {
    mock.store.client('cl_active')!.permissions.client.billingDocuments = false;
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    expect(view.getByShadowText('Your billing documents are not shared in the portal. Contact the practice for a copy.')).to.exist;
    expect(view.queryByShadowRole('table', { name: 'Invoices' })).to.equal(null);
  });

  it('refuses paying with the reason when the practice has no payments account', async () => {
    mock.reset('no-payments-account');
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    expect(view.getByShadowText('Online payment is not available right now. Contact the practice to pay.')).to.exist;
    expect((view.getByShadowRole('button', { name: 'Pay balance ($350.00)' }) as HTMLButtonElement).disabled).to.equal(true);
    // The server refuses to save cards without the account too: say so instead of failing later.
    const add = view.getByShadowRole('button', { name: 'Add card' }) as HTMLButtonElement;
    expect(add.disabled).to.equal(true);
    expect(view.getByShadowText('Saving a card is not available right now.').id).to.equal(add.getAttribute('aria-describedby'));
    await expect(el).to.be.accessible();
  });

  it('a refusal from the server after the page loaded is explained and the attempt is over', async () => {
    const el = await mountBilling('cl_active');
    // Staff elsewhere turned online payment off in the meantime.
    mock.store.client('cl_active')!.permissions.client.payBalance = false;
    const dialog = await openCheckout(el, 'Pay balance ($350.00)', 'Pay $350.00');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }));
    await within(dialog).findByShadowText('The payment did not go through. Online payment is not turned on for this client.', {}, SLOW);
    expect(text(within(dialog).getByShadowRole('button', { name: 'Pay $350.00' }))).to.equal('Pay $350.00');
    expect(mock.store.client('cl_active')!.payments).to.have.length(4);
  });
  it('a card already saved is not added again: the dialog says which, and staff can make it the default (#17 item 5)', async () => {
    const mc = mock.store.client('cl_active')!.cards.find((c) => c.id === 'pm_active_mc')!;
    const expiry = `${String(mc.expMonth).padStart(2, '0')}/${String(mc.expYear).slice(2)}`;
    const added = collect(document, 'portal-payment-method-added');
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW);
    await typeCard(el, TEST_CARDS.mastercard, expiry);
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    const shown = `Mastercard ending in 4444, expiring ${String(mc.expMonth).padStart(2, '0')}/${mc.expYear}, is already saved.`;
    await within(dialog).findByShadowText(shown, {}, SLOW);
    expect(requests.seen.filter((r) => r.url.endsWith('/payment-methods/cards')), 'nothing sent').to.have.length(0);
    expect(mock.store.client('cl_active')!.cards).to.have.length(2);
    expect(added).to.have.length(0);
    await expect(el).to.be.accessible();

    await user().click(within(dialog).getByShadowRole('button', { name: 'Make it the default card' }));
    await waitFor(() => expect(notices(el)).to.include('Mastercard ending in 4444 is now the default card.'), SLOW);
    await waitFor(() => expect((dialog as HTMLDialogElement).open).to.equal(false), SLOW);
    expect(mock.store.client('cl_active')!.cards.map((c) => [c.last4, c.isDefault])).to.deep.equal([['4242', false], ['4444', true]]);
    const list = await view.findByShadowRole('list', { name: 'Saved cards' }, SLOW);
    await waitFor(() => expect(within(list).getAllByShadowRole('listitem')).to.have.length(2), SLOW);
  });

  it('a client entering a saved card is told so, without a second row; the server refuses one saved meanwhile (#17 item 5)', async () => {
    const visa = mock.store.client('cl_active')!.cards.find((c) => c.id === 'pm_active_visa')!;
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW);
    await typeCard(el, TEST_CARDS.visa, `${visa.expMonth}/${visa.expYear}`);
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await within(dialog).findByShadowText(/is already saved\. Enter a different card, or cancel\.$/, {}, SLOW);
    expect(within(dialog).queryByShadowRole('button', { name: 'Make it the default card' }), 'clients do not manage the default').to.equal(null);

    // Another tab saved the Amex meanwhile: the widget did not know, the server refuses the duplicate.
    mock.store.client('cl_active')!.cards.push({ id: 'pm_other_tab', kind: 'card', brand: 'amex', last4: '0005', expMonth: 3, expYear: 2033, isDefault: false, token: 'tok_other_tab' });
    const number = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Card number') as HTMLInputElement;
    const exp = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Expiry (MM/YY)') as HTMLInputElement;
    const cvc = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Security code (CVC)') as HTMLInputElement;
    await user().clear(number);
    await user().type(number, TEST_CARDS.amex);
    await user().clear(exp);
    await user().type(exp, '03/33');
    await user().clear(cvc);
    await user().type(cvc, '1234');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await within(dialog).findByShadowText('This card is already saved.', {}, SLOW);
    expect(mock.store.client('cl_active')!.cards.filter((c) => c.last4 === '0005')).to.have.length(1);
    // The list catches up with what the server has.
    await waitFor(() => expect(text(view.getByShadowRole('list', { name: 'Saved cards' }))).to.contain('0005'), SLOW);
  });

  it('the demo card field formats the expiry as typed: 1130, 1 30, 11 / 30 (#17 item 8)', async () => {
    const el = await mountBilling('cl_empty');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Add card' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Add a card' }, SLOW);
    await typeCard(el, TEST_CARDS.visa, '1130');
    const exp = within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Expiry (MM/YY)') as HTMLInputElement;
    await waitFor(() => expect(exp.value).to.equal('11/30'), SLOW);
    for (const [typed, shown] of [['1 30', '01/30'], ['11 / 30', '11/30'], ['11/2030', '11/2030']] as const) {
      await user().clear(exp);
      await user().type(exp, typed);
      await waitFor(() => expect(exp.value, typed).to.equal(shown), SLOW);
    }
    // Validation messages stay: a month that does not exist is refused with the same words.
    await user().clear(exp);
    await user().type(exp, '1330');
    await waitFor(() => expect(exp.value).to.equal('13/30'), SLOW);
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await within(dialog).findByShadowText('The expiry date is not valid or has passed.', {}, SLOW);

    await user().clear(exp);
    await user().type(exp, '1130');
    await user().click(within(dialog).getByShadowRole('button', { name: 'Save card' }));
    await waitFor(() => expect(notices(el)).to.include('Visa ending in 4242 saved.'), SLOW);
    expect(mock.store.client('cl_empty')!.cards[0]).to.deep.include({ expMonth: 11, expYear: 2030 });
  });
});
