import { expect, html, mount, loaded, useMock, expectQuietConsole, within, user, sendKeys, waitFor, viewOf, collect, type Mock } from './support/index.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';
import type { BillingPaymentMethodsElement } from '../../src/index.js';
import { INSURANCE_IMAGE_MAX_BYTES } from '../../src/schemas/index.js';
import { imageBytes } from '../../mock-server/testing.js';

type El = BillingPaymentMethodsElement;

/** Patient waits: the machine running the suite is shared and sometimes slow. */
const SLOW = { timeout: 10_000 };
const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The visible confirmations; the live region says the same for screen readers. */
const notices = (el: El) => [...el.shadowRoot!.querySelectorAll('[part~="notice"]')].map(text);
const announced = (el: El) => text(el.shadowRoot!.querySelector('[aria-live="polite"].visually-hidden'));

async function confirmed(el: El, sentence: string) {
  await waitFor(() => expect(notices(el)).to.include(sentence), SLOW);
  await waitFor(() => expect(announced(el)).to.equal(sentence), SLOW);
}

/**
 * The payment history loads on its own, after `portal-load`: a check that some words are absent
 * reads the whole widget only once no section is loading any more.
 */
const allSectionsLoaded = (el: El) => waitFor(() => expect(el.shadowRoot!.querySelector('[part~="pending"]'), 'a section still loading').to.equal(null), SLOW);

async function mountBilling(clientId: string, opts: { audience?: string; locale?: string; processor?: boolean } = {}) {
  const el = await mount<El>(
    html`<billing-payment-methods client-id=${clientId} audience=${opts.audience ?? 'staff'} .processor=${opts.processor === false ? undefined : createMockProcessor()}></billing-payment-methods>`,
    opts.locale ? { locale: opts.locale } : {},
  );
  await loaded(el);
  return el;
}

/** Picks a file the way the browser's file chooser does (whatever `accept` suggested). */
function choose(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A real, decodable picture of `type` (drawn on a canvas), as a person's photo of a card would be. */
async function picture(type: 'image/jpeg' | 'image/png' | 'image/webp', name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 4;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3366cc';
  ctx.fillRect(0, 0, 4, 4);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type));
  expect(blob.type, 'the browser encodes this type').to.equal(type);
  return new File([blob], name, { type });
}

/** The tile of one side of the insurance card, found by its visible title. */
function tile(el: El, title: string): HTMLElement {
  const heading = [...el.shadowRoot!.querySelectorAll('.upload-title')].find((t) => text(t) === title);
  expect(heading, `a tile titled ${title}`).to.exist;
  return heading!.closest<HTMLElement>('[part~="upload"]')!;
}

/** What a tile says about its side: its one status line. */
const statusOf = (tileEl: HTMLElement) => text(tileEl.querySelector(`#${tileEl.querySelector('input[type="file"]')!.id}-status`));

/** Records every request the page makes (the client uses the page's fetch). */
function recordRequests() {
  const original = window.fetch;
  const seen: { method: string; url: string }[] = [];
  window.fetch = (input, init) => {
    const req = new Request(input instanceof Request ? input.clone() : input, init);
    seen.push({ method: req.method, url: req.url });
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('<billing-payment-methods>', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('lists saved cards with brand, last 4, expiry, default and expiry flags', async () => {
    // An expired card on file, next to the fixture's default Visa and expiring-soon Mastercard.
    mock.store.client('cl_active')!.cards.push({ id: 'pm_old_amex', kind: 'card', brand: 'amex', last4: '0005', expMonth: 1, expYear: 2021, isDefault: false, token: 'tok_fixture_old' });
    const loads = collect(document, 'portal-load');
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    expect(loads.map((e) => e.detail)).to.deep.equal([{ widget: 'billing-payment-methods', clientId: 'cl_active' }]);
    await view.findByShadowRole('heading', { level: 2, name: 'Billing and payments' }, SLOW);

    const list = view.getByShadowRole('list', { name: 'Saved cards' }) as HTMLElement;
    const rows = within(list).getAllByShadowRole('listitem');
    expect(rows.map((r) => text(r.querySelector('.card-name')))).to.deep.equal(['Visa •••• ending in 4242', 'Mastercard •••• ending in 4444', 'American Express •••• ending in 0005']);
    const stored = mock.store.client('cl_active')!.cards;
    const visa = stored.find((c) => c.last4 === '4242')!;
    expect(text(rows[0])).to.contain(`Expires ${String(visa.expMonth).padStart(2, '0')}/${visa.expYear}`);
    expect(within(rows[0]!).getByShadowText('Default')).to.exist;
    expect(within(rows[1]!).getByShadowText('Expiring soon')).to.exist;
    expect(within(rows[2]!).getByShadowText('Expired')).to.exist;
    expect(text(rows[2])).to.contain('Expired 01/2021');
    // No "set as default" for the default card or an expired one.
    expect(within(rows[0]!).queryByShadowRole('button', { name: /Set as default/ })).to.equal(null);
    expect(within(rows[2]!).queryByShadowRole('button', { name: /Set as default/ })).to.equal(null);
    expect(within(rows[1]!).getByShadowRole('button', { name: 'Set as default: Mastercard ending in 4444' })).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows shared invoices with their status and the balance; never an unshared draft', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const table = view.getByShadowRole('table', { name: 'Invoices' });
    const rows = within(table).getAllByShadowRole('row').slice(1);
    const shared = mock.store.client('cl_active')!.invoices.filter((i) => i.shared);
    expect(rows).to.have.length(shared.length);
    expect(text(table)).not.to.contain('Draft');
    expect(text(view.getByShadowText(/Outstanding balance/))).to.equal('Outstanding balance: $350.00');
    const paid = rows.find((r) => text(r).includes('INV-1004'))!;
    expect(within(paid).getByShadowText('Paid')).to.exist;
    expect(within(paid).queryByShadowRole('checkbox')).to.equal(null);
    const open = rows.find((r) => text(r).includes('INV-1001'))!;
    expect(within(open).getByShadowText('Open')).to.exist;
    expect(within(open).getByShadowRole('checkbox', { name: 'INV-1001' })).to.exist;
    expect(view.queryByShadowRole('spinbutton')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[type="number"], input[name*="amount" i]')).to.equal(null);
  });

  it('shows loading, then a load error with a retry that works', async () => {
    mock.faults.set('getInvoices', { schemaBreak: true, times: 1 });
    const errors = collect(document, 'portal-error');
    const el = await mount<El>(html`<billing-payment-methods client-id="cl_active"></billing-payment-methods>`);
    expect(el.shadowRoot!.querySelector('[part="pending"]'), 'loading state').to.exist;
    await expect(el).to.be.accessible();
    await loaded(el);
    const view = viewOf(el);
    await view.findByShadowText('Something went wrong', {}, SLOW);
    expect(errors[0]!.detail).to.deep.include({ widget: 'billing-payment-methods', clientId: 'cl_active', operation: 'getInvoices' });
    await expect(el).to.be.accessible();
    await user().click(view.getByShadowRole('button', { name: 'Try again' }));
    await view.findByShadowRole('table', { name: 'Invoices' }, SLOW);
  });

  it('staff set another card as default', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Set as default: Mastercard ending in 4444' }));
    await confirmed(el, 'Mastercard ending in 4444 is now the default card.');
    const cards = mock.store.client('cl_active')!.cards;
    expect(cards.filter((c) => c.isDefault).map((c) => c.last4)).to.deep.equal(['4444']);
    await waitFor(() => {
      const mastercard = view.getAllByShadowRole('listitem').find((r) => text(r).includes('4444'))!;
      expect(within(mastercard).getByShadowText('Default')).to.exist;
    }, SLOW);
  });

  it('removing a card asks first; Escape keeps it and returns focus; confirming removes it', async () => {
    const removed = collect(document, 'portal-payment-method-removed');
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const remove = view.getByShadowRole('button', { name: 'Remove: Mastercard ending in 4444' });
    remove.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await view.findByShadowRole('dialog', { name: 'Remove Mastercard ending in 4444?' }, SLOW);
    await waitFor(() => expect(active(el)?.textContent?.trim(), 'focus starts on the safe choice').to.equal('Cancel'), SLOW);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect((dialog as HTMLDialogElement).open).to.equal(false), SLOW);
    await waitFor(() => expect(active(el)).to.equal(remove), SLOW);
    expect(mock.store.client('cl_active')!.cards).to.have.length(2);

    await sendKeys({ press: 'Enter' });
    await view.findByShadowRole('dialog', { name: 'Remove Mastercard ending in 4444?' }, SLOW);
    await user().click(view.getByShadowRole('button', { name: 'Remove card' }));
    await confirmed(el, 'Mastercard ending in 4444 removed.');
    expect(mock.store.client('cl_active')!.cards.map((c) => c.last4)).to.deep.equal(['4242']);
    expect(removed.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_active', paymentMethodId: 'pm_active_mc' }]);
    await waitFor(() => expect(view.queryByShadowRole('button', { name: 'Remove: Mastercard ending in 4444' })).to.equal(null), SLOW);
    await waitFor(() => expect(active(el)?.getAttribute('part')).to.contain('notice'), SLOW);
  });

  it('a failed removal keeps the dialog open and says why', async () => {
    mock.faults.set('removePaymentMethod', { status: 404, times: 1 });
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Remove: Visa ending in 4242' }));
    await user().click(await view.findByShadowRole('button', { name: 'Remove card' }, SLOW));
    const dialog = view.getByShadowRole('dialog', { name: 'Remove Visa ending in 4242?' });
    await within(dialog).findByShadowText('This record was not found. It may have been removed.', {}, SLOW);
    expect((dialog as HTMLDialogElement).open).to.equal(true);
    expect(mock.store.client('cl_active')!.cards).to.have.length(2);
  });

  it('audience="client" offers adding a card, uploading and paying, but no card management', async () => {
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    expect(view.getByShadowRole('button', { name: 'Add card' })).to.exist;
    expect(view.getByShadowRole('button', { name: 'Pay balance ($350.00)' })).to.exist;
    expect(view.getByShadowLabelText('Front of the card')).to.exist;
    expect(view.queryByShadowRole('button', { name: /^Remove/ })).to.equal(null);
    expect(view.queryByShadowRole('button', { name: /^Set as default/ })).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an unknown audience gets the smaller, client set of actions', async () => {
    const el = await mountBilling('cl_active', { audience: 'admin' });
    expect(viewOf(el).queryByShadowRole('button', { name: /^Remove/ })).to.equal(null);
  });

  it('without an insurance method, says the practice must add one first (no upload offered)', async () => {
    const el = await mountBilling('cl_invited', { audience: 'client' });
    const view = viewOf(el);
    expect(view.getByShadowText('The practice must add an insurance payment method first')).to.exist;
    expect(view.queryByShadowLabelText('Front of the card')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks the type and size of an insurance card image before uploading, previews it, then uploads', async () => {
    const uploaded = collect(document, 'portal-insurance-card-uploaded');
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const input = view.getByShadowLabelText('Front of the card') as HTMLInputElement;
    expect(input.type).to.equal('file');
    expect(input.accept).to.equal('image/jpeg,image/png,image/webp');
    const requests = recordRequests();
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    try {
      choose(input, new File(['GIF89a'], 'card.gif', { type: 'image/gif' }));
      await view.findByShadowText('This file is not a JPEG, PNG or WebP image. Choose a photo or scan of the card.', {}, SLOW);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(view.queryByShadowRole('button', { name: 'Upload front' })).to.equal(null);

      choose(input, new File([new Uint8Array(INSURANCE_IMAGE_MAX_BYTES + 1)], 'huge.png', { type: 'image/png' }));
      await view.findByShadowText('This image is larger than 5 MB. Choose a smaller one.', {}, SLOW);
      expect(view.queryByShadowRole('button', { name: 'Upload front' })).to.equal(null);
      expect(requests.seen.filter((r) => r.method === 'PUT'), 'nothing was sent').to.deep.equal([]);
      await expect(el).to.be.accessible();

      const png = await picture('image/png', 'front.png');
      choose(input, png);
      const preview = (await view.findByShadowRole('img', { name: 'Preview of the front of the card' }, SLOW)) as HTMLImageElement;
      expect(preview.src).to.match(/^blob:/);
      const previewUrl = preview.src;
      await expect(el).to.be.accessible();
      await user().click(view.getByShadowRole('button', { name: 'Upload front' }));
      await waitFor(() => expect(announced(el)).to.equal('Front of the insurance card uploaded.'), SLOW);
      // One status for the side (#17 item 12): the tile's status line says it, nothing else repeats it.
      const front = tile(el, 'Front of the card');
      await waitFor(() => expect(statusOf(front)).to.equal('Front of the insurance card uploaded.'), SLOW);
      const images = mock.store.client('cl_active')!.insurance[0]!.cardImages;
      expect(images.front).to.deep.include({ contentType: 'image/png', bytes: png.size });
      expect(images.back).to.equal(null);
      expect(uploaded.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_active', insuranceMethodId: 'ins_active_1', side: 'front' }]);
      expect(revoked).to.include(previewUrl);
      await waitFor(() => expect(mock.store.client('cl_active')!.insurance[0]!.cardImages.front).to.exist, SLOW);
      const said = text(el.shadowRoot!.querySelector('[part~="insurance"]'));
      expect(said.split('Front of the insurance card uploaded.'), 'said once').to.have.length(2);
      expect(said, 'no second "Uploaded <date>" for the same side').not.to.match(/Uploaded [A-Z]/);
      expect(statusOf(tile(el, 'Back of the card'))).to.equal('Not uploaded yet');
    } finally {
      requests.restore();
      URL.revokeObjectURL = revoke;
    }
  });

  it('a failed upload keeps the chosen image so trying again is one click', async () => {
    mock.faults.set('uploadInsuranceCard', { status: 413, code: 'image_too_large', times: 1 });
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    choose(view.getByShadowLabelText('Back of the card') as HTMLInputElement, await picture('image/jpeg', 'back.jpg'));
    await user().click(await view.findByShadowRole('button', { name: 'Upload back' }, SLOW));
    await view.findByShadowText('The image is too large.', {}, SLOW);
    expect(view.getByShadowRole('img', { name: 'Preview of the back of the card' })).to.exist;
    await user().click(view.getByShadowRole('button', { name: 'Upload back' }));
    await waitFor(() => expect(announced(el)).to.equal('Back of the insurance card uploaded.'), SLOW);
    expect(mock.store.client('cl_active')!.insurance[0]!.cardImages.back?.contentType).to.equal('image/jpeg');
  });

  it('payment history lists card payments only, newest first: never insurance payments', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const table = await view.findByShadowRole('table', { name: 'Payment history' }, SLOW);
    const rows = within(table).getAllByShadowRole('row').slice(1);
    const record = mock.store.client('cl_active')!;
    expect(record.insurancePayments.length).to.be.greaterThan(0);
    expect(rows).to.have.length(record.payments.length);
    const amounts = rows.map((r) => text(r.children[1]!));
    expect(amounts).to.deep.equal(['$35.00', '$200.00', '$25.00', '$25.00']);
    for (const insurance of record.insurancePayments) expect(text(table)).not.to.contain(`$${(insurance.amount.amount / 100).toFixed(2)}`);
    const dates = record.payments.map((p) => Date.parse(p.createdAt));
    expect(dates).to.deep.equal([...dates].sort((a, b) => b - a));
    expect(within(rows[2]!).getByShadowText('Refunded')).to.exist;
    expect(text(rows[0])).to.contain('INV-1005');
  });

  it('pages through 10,000 payments with a bounded table', async () => {
    const el = await mountBilling('cl_large');
    const view = viewOf(el);
    await view.findByShadowText('Payments 1–25 of 10,000', {}, SLOW);
    const rows = () => within(view.getByShadowRole('table', { name: 'Payment history' })).getAllByShadowRole('row').slice(1);
    expect(rows().length).to.be.at.most(50);
    const firstPage = text(rows()[0]);
    const older = view.getByShadowRole('button', { name: 'Older payments' });
    expect((view.getByShadowRole('button', { name: 'Newer payments' }) as HTMLButtonElement).disabled).to.equal(true);
    older.focus();
    await sendKeys({ press: 'Enter' });
    await view.findByShadowText('Payments 26–50 of 10,000', {}, SLOW);
    expect(rows()).to.have.length(25);
    expect(text(rows()[0])).not.to.equal(firstPage);
    expect(el.shadowRoot!.querySelectorAll('tr').length, 'rows in the DOM').to.be.at.most(60);
    await waitFor(() => expect(active(el)).to.equal(older), SLOW);
    await user().click(view.getByShadowRole('button', { name: 'Newer payments' }));
    await view.findByShadowText('Payments 1–25 of 10,000', {}, SLOW);
    expect(text(rows()[0])).to.equal(firstPage);
  });

  it('empty client: every section says what happens next', async () => {
    const el = await mountBilling('cl_empty');
    const view = viewOf(el);
    await view.findByShadowText('No card payments yet. Payments made by card will appear here.', {}, SLOW);
    expect(view.getByShadowText(/No invoices are shared with this client yet/)).to.exist;
    // Staff wording (#17 item 13): staff are the practice, and save a card on the client's behalf.
    expect(view.getByShadowText('No saved cards for this client. With the client’s permission, save a card to pay their invoices without entering it again.')).to.exist;
    expect(view.getByShadowText('No insurance payment method on the client’s profile yet')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('without a processor, saved cards still work and the page is told card entry is missing', async () => {
    const el = await mountBilling('cl_active', { processor: false });
    const view = viewOf(el);
    const add = view.getByShadowRole('button', { name: 'Add card' }) as HTMLButtonElement;
    expect(add.disabled).to.equal(true);
    expect(view.getByShadowText(/the page must give the widget a payment processor/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('the portal being off for the practice is shown, not hidden', async () => {
    mock.reset('portal-off');
    const el = await mountBilling('cl_active');
    expect(viewOf(el).getAllByShadowText(/The client portal is turned off for the whole practice/).length).to.be.greaterThan(0);
    // Paying is a portal feature: it is refused with the reason, not offered.
    expect((viewOf(el).getByShadowRole('button', { name: /^Pay balance/ }) as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const el = await mountBilling('cl_active', { locale: 'es' });
    const view = viewOf(el);
    expect(view.getByShadowRole('heading', { level: 2, name: 'Facturación y pagos' })).to.exist;
    expect(view.getByShadowRole('button', { name: /^Pagar saldo/ })).to.exist;
    expect(view.getByShadowRole('button', { name: 'Eliminar: Visa terminada en 4242' })).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders hostile text as text', async () => {
    const el = await mountBilling('cl_hostile');
    const root = el.shadowRoot!;
    await viewOf(el).findByShadowRole('table', { name: 'Invoices' }, SLOW);
    expect(root.querySelector('img, script, svg, iframe, style, a, math')).to.equal(null);
    expect(text(root)).to.contain('<img src=x onerror=alert(1)>');
  });

  it('switching client never shows the previous client’s data', async () => {
    mock.faults.set('getPaymentMethods', { latencyMs: 300 });
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    el.clientId = 'cl_empty';
    await el.updateComplete;
    expect(text(el.shadowRoot)).not.to.contain('4242');
    await view.findByShadowText(/^No saved cards for this client\./, {}, SLOW);
  });
  it('refuses a text file renamed .png and JPEG bytes named .png, saying why: no preview, nothing sent (#17 item 4, #16 item 6)', async () => {
    const el = await mountBilling('cl_active', { audience: 'client' });
    const view = viewOf(el);
    const input = view.getByShadowLabelText('Front of the card') as HTMLInputElement;
    const requests = recordRequests();
    try {
      choose(input, new File(['Meeting notes, definitely not a picture'], 'card.png', { type: 'image/png' }));
      await view.findByShadowText('This file is named as a PNG image, but its contents are not an image. Choose a photo or scan of the card.', {}, SLOW);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(view.queryByShadowRole('img'), 'no broken preview').to.equal(null);
      expect(view.queryByShadowRole('button', { name: 'Upload front' })).to.equal(null);
      await expect(el).to.be.accessible();

      choose(input, new File([imageBytes('image/jpeg', 200)], 'photo.png', { type: 'image/png' }));
      await view.findByShadowText('This file is a JPEG image named as PNG, so it would not open correctly. Rename it to match, or choose another photo of the card.', {}, SLOW);
      expect(view.queryByShadowRole('img')).to.equal(null);
      expect(view.queryByShadowRole('button', { name: 'Upload front' })).to.equal(null);
      expect(requests.seen.filter((r) => r.method === 'PUT'), 'nothing was sent').to.deep.equal([]);
      expect(mock.store.client('cl_active')!.insurance[0]!.cardImages.front).to.equal(null);

      // Choosing a real image afterwards clears the refusal.
      choose(input, await picture('image/jpeg', 'photo.jpg'));
      await view.findByShadowRole('button', { name: 'Upload front' }, SLOW);
      expect(statusOf(tile(el, 'Front of the card'))).to.equal('Ready to upload: photo.jpg');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    } finally {
      requests.restore();
    }
  });

  it('an image whose bytes look right but cannot be opened is refused, never shown broken (#17 item 4)', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    choose(view.getByShadowLabelText('Back of the card') as HTMLInputElement, new File([imageBytes('image/png', 40)], 'back.png', { type: 'image/png' }));
    await view.findByShadowText('This image could not be opened: it may be damaged. Choose another photo or scan of the card.', {}, SLOW);
    expect(view.queryByShadowRole('img')).to.equal(null);
    expect(view.queryByShadowRole('button', { name: 'Upload back' })).to.equal(null);
  });

  it('the file picker is styled and localised, and takes a dropped image (#17 item 12)', async () => {
    const el = await mountBilling('cl_active', { locale: 'es', audience: 'client' });
    const view = viewOf(el);
    const section = view.getByShadowRole('region', { name: 'Seguro' });
    // What a person sees: a button-like "Elegir imagen" and a hint in Spanish; the browser's own
    // "Choose File / No file chosen" control is hidden (it keeps focus for the keyboard).
    expect(within(section).getAllByShadowText('Elegir imagen')).to.have.length(2);
    expect(within(section).getAllByShadowText('o suéltela aquí. JPEG, PNG o WebP, hasta 5 MB.')).to.have.length(2);
    const input = within(section).getByShadowLabelText('Anverso de la tarjeta') as HTMLInputElement;
    const box = input.getBoundingClientRect();
    expect(box.width * box.height, 'the native control is not visible').to.be.at.most(1);
    input.focus();
    expect(el.shadowRoot!.activeElement, 'the hidden input still takes focus').to.equal(input);
    await expect(el).to.be.accessible();

    const front = tile(el, 'Anverso de la tarjeta');
    const zone = within(front).getByShadowText('Elegir imagen').closest<HTMLElement>('[part~="drop-zone"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(await picture('image/webp', 'anverso.webp'));
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented, 'the zone accepts the drop (the page does not open the file)').to.equal(true);
    await waitFor(() => expect(zone.classList.contains('dragging')).to.equal(true), SLOW);
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await waitFor(() => expect(statusOf(front)).to.equal('Lista para subir: anverso.webp'), SLOW);
    expect(zone.classList.contains('dragging')).to.equal(false);
    expect(within(front).getByShadowText('Elegir otra imagen')).to.exist;
    await user().click(within(front).getByShadowRole('button', { name: 'Subir anverso' }));
    await waitFor(() => expect(statusOf(front)).to.equal('Se subió el anverso de la tarjeta del seguro.'), SLOW);
    expect(mock.store.client('cl_active')!.insurance[0]!.cardImages.front?.contentType).to.equal('image/webp');
  });

  it('sections a person scans: pay, saved cards, insurance, history as named regions with headings (#17 item 12)', async () => {
    for (const [locale, names] of [
      ['en', ['Balance and invoices', 'Saved cards', 'Insurance', 'Payment history']],
      ['es', ['Saldo y facturas', 'Tarjetas guardadas', 'Seguro', 'Historial de pagos']],
    ] as const) {
      const el = await mountBilling('cl_active', { locale });
      const view = viewOf(el);
      await view.findByShadowRole('table', { name: locale === 'en' ? 'Payment history' : 'Historial de pagos' }, SLOW);
      const regions = view.getAllByShadowRole('region');
      expect(regions.map((r) => r.getAttribute('aria-labelledby') && text(el.shadowRoot!.getElementById(r.getAttribute('aria-labelledby')!)))).to.deep.equal([...names]);
      expect(view.getAllByShadowRole('heading', { level: 3 }).map(text)).to.deep.equal([...names]);
      // The balance is in the pay section's head, where a person looks first.
      expect(text(within(regions[0]!).getByShadowRole('heading', { level: 3 }).parentElement)).to.match(locale === 'en' ? /Outstanding balance: \$350\.00/ : /Saldo pendiente:/);
      el.remove();
    }
  });

  it('history: the Invoices column says the same kind of thing on every row (#17 item 12)', async () => {
    const el = await mountBilling('cl_active');
    const view = viewOf(el);
    const column = async () => {
      const table = await view.findByShadowRole('table', { name: 'Payment history' }, SLOW);
      const header = within(table).getAllByShadowRole('columnheader').map(text);
      const at = header.indexOf('Invoices');
      expect(at, 'an Invoices column').to.be.greaterThan(-1);
      return within(table).getAllByShadowRole('row').slice(1).map((r) => text(r.children[at]!));
    };
    // Every invoice is shared and listed: numbers (and "None" for a payment on no invoice).
    expect(await column()).to.deep.equal(['INV-1005', 'INV-1004', 'None', 'None']);
    el.remove();

    // One payment for an invoice the widget cannot name: counts on every row, never a mix.
    mock.store.client('cl_active')!.payments.unshift({ ...mock.store.client('cl_active')!.payments[0]!, id: 'pay_active_5', invoiceIds: ['inv_not_shared', 'inv_active_1005'] });
    const again = await mountBilling('cl_active');
    const view2 = viewOf(again);
    const table = await view2.findByShadowRole('table', { name: 'Payment history' }, SLOW);
    const cells = within(table).getAllByShadowRole('row').slice(1).map((r) => text(r.children[3]!));
    expect(cells).to.deep.equal(['2 invoices', '1 invoice', '1 invoice', 'None', 'None']);
  });

  it('copy follows the audience: staff read about "the client", a client about "you" (#17 item 13)', async () => {
    const staffOnly = [/Add a card so payments take one click/, /Share an invoice from the client’s billing page/, /the client can then upload/i];
    for (const clientId of ['cl_empty', 'cl_active', 'cl_invited']) {
      const staff = await mountBilling(clientId, { audience: 'staff' });
      await allSectionsLoaded(staff);
      const said = text(staff.shadowRoot);
      for (const old of staffOnly) expect(said, `${clientId} staff`).not.to.match(old);
      expect(said, `${clientId}: staff are never addressed as the client`).not.to.match(/\b(You have|your insurance card|your account)\b/);
      staff.remove();
      const client = await mountBilling(clientId, { audience: 'client' });
      await allSectionsLoaded(client);
      expect(text(client.shadowRoot), `${clientId}: a client is never spoken of as "the client"`).not.to.match(/\b(the|this) client\b/i);
      client.remove();
    }
    const staff = await mountBilling('cl_empty');
    expect(viewOf(staff).getByShadowText('No invoices are shared with this client yet. Shared invoices appear here, and the client can pay them in the portal.')).to.exist;
    staff.remove();
    const client = await mountBilling('cl_empty', { audience: 'client' });
    expect(viewOf(client).getByShadowText('You have no saved cards. Add one to pay faster next time.')).to.exist;
    expect(viewOf(client).getByShadowText('You have no invoices.')).to.exist;
    client.remove();

    mock.reset('portal-off');
    const off = await mountBilling('cl_active', { audience: 'client' });
    expect(viewOf(off).getByShadowText('Online billing is turned off by the practice right now. Contact the practice to see your invoices or to pay.')).to.exist;
  });
});
