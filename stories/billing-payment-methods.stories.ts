import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';
import { createMockProcessor, TEST_CARDS, type MockProcessorOptions } from '../mock-server/mock-processor.js';
import '../src/components/billing-payment-methods/billing-payment-methods.js';

interface Args {
  clientId: string;
  audience: 'staff' | 'client';
  /** Give the widget the mock payment processor (the demo's stand-in for Stripe or another). */
  withProcessor: boolean;
}



const widget = (canvas: HTMLElement) => canvas.querySelector('billing-payment-methods');

/** Waits (up to 5 s) for the processor's card field, which lives in the widget's light DOM. */
async function lightField(el: Element): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const field = el.querySelector<HTMLElement>(':scope > [slot="card-field"]');
    if (field?.querySelector('input')) return field;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the card field never appeared');
}

function render(options: MockProcessorOptions = {}) {
  return (args: Args) =>
    html`<billing-payment-methods client-id=${args.clientId} audience=${args.audience} .processor=${args.withProcessor ? createMockProcessor(options) : undefined}></billing-payment-methods>`;
}

const meta: Meta<Args> = {
  title: 'Widgets/billing-payment-methods',
  component: 'billing-payment-methods',
  args: { clientId: 'cl_active', audience: 'staff', withProcessor: true },
  argTypes: {
    clientId: {
      control: 'select',
      options: ['cl_active', 'cl_invited', 'cl_not_invited', 'cl_no_consent', 'cl_bounced', 'cl_disabled', 'cl_minor_no_guardian', 'cl_minor_guardian', 'cl_large', 'cl_empty', 'cl_hostile'],
    },
    audience: { control: 'inline-radio', options: ['staff', 'client'] },
  },
  render: render(),
};
export default meta;

type Story = StoryObj<Args>;

// Stories are named after billing states (what a person sees), not after the fixture clients that
// hold them; any fixture client can still be picked with the clientId control.

/**
 * A balance to pay and everything on file: 3 open and 2 paid invoices, a default Visa and an
 * expiring-soon Mastercard, an insurance method without card images, card payments (a refunded
 * one; insurance payments never show). Test cards: 4242 4242 4242 4242 works, 4000 0000 0000 0002
 * is declined.
 */
export const BalanceDue: Story = { tags: ['gallery'] };
/** The same account as the client sees it in their portal: add a card, upload the insurance card, pay; no card management. */
export const BalanceDueClientView: Story = { args: { audience: 'client' } };
export const BalanceDueClientViewSpanish: Story = { args: { audience: 'client' }, globals: { locale: 'es' } };
export const BalanceDueSpanish: Story = { tags: ['gallery'], globals: { locale: 'es' } };

/** An open invoice, but online payment is off for this client: paying is disabled with the reason; no insurance method yet. */
export const OnlinePaymentOffForClient: Story = { args: { clientId: 'cl_invited' } };
export const OnlinePaymentOffClientView: Story = { args: { clientId: 'cl_invited', audience: 'client' } };
/** Nothing on file: every section empty, each saying what happens next (staff wording). */
export const NothingOnFile: Story = { tags: ['gallery'], args: { clientId: 'cl_empty' } };
/** Nothing on file, as the client reads it. */
export const NothingOnFileClientView: Story = { args: { clientId: 'cl_empty', audience: 'client' } };
/** 10,000 card payments: 25 at a time, Newer / Older. */
export const LongPaymentHistory: Story = { args: { clientId: 'cl_large' } };
/** Invoice numbers, descriptions and the insurance payer full of markup: shown as text. */
export const HostileText: Story = { args: { clientId: 'cl_hostile' } };
/** 60 invoices: the first 25 show, with "Show 25 more" under them (a long table would stall the page). */
export const ManyInvoices: Story = {
  parameters: portal({
    setup: (store) => {
      const rec = store.client('cl_active')!;
      const first = rec.invoices[0]!;
      rec.invoices = Array.from({ length: 60 }, (_, i) => ({ ...first, id: `inv_many_${i}`, number: `INV-${5000 + i}`, status: i % 3 ? 'paid' : 'open', paidAt: i % 3 ? first.issuedAt : null }));
    },
  }),
};

/** The portal is off for the whole practice: shown, not hidden. */
export const PortalOffForPractice: Story = { parameters: portal({ world: 'portal-off' }) };
/** No online-payments account: paying is disabled with the reason. */
export const NoPaymentsAccount: Story = { parameters: portal({ world: 'no-payments-account' }) };
export const NoPaymentsAccountClient: Story = { args: { audience: 'client' }, parameters: portal({ world: 'no-payments-account' }) };

/** The checkout dialog, with the default card chosen. */
export const Checkout: Story = {
  tags: ['gallery'],
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, '[part~="pay-balance-button"]')).click();
    await shown(el, 'dialog[open]');
  },
};

/** Adding a card: the processor's fields are slotted in from light DOM. */
export const AddCard: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, '[part~="add-card-button"]')).click();
    await shown(el, 'dialog[open] slot[name="card-field"]');
  },
};

/**
 * Every card is declined by the processor (try paying). Declines answer 402, which the browser
 * logs as a failed request, so this story does not click for you.
 */
export const CardDeclined: Story = { parameters: portal({ faults: { pay: { status: 402, code: 'card_declined' } } }) };

/** The processor's script did not load: the add-card dialog says so and offers to load it again. */
export const ProcessorUnavailable: Story = {
  render: render({ failMount: true }),
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, '[part~="add-card-button"]')).click();
    await shown(el, 'dialog[open] .banner.danger');
  },
};

/** The host page gave no processor: saved cards still pay; entering a new card is unavailable. */
export const NoProcessor: Story = { args: { withProcessor: false } };

/** The insurance card: a text file renamed `.png` was chosen for the front, and refused with the reason. */
export const InsuranceImageRefused: Story = {
  play: async ({ canvasElement }) => {
    const input = (await shown(widget(canvasElement), '#upload-front')) as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['not a picture'], 'card.png', { type: 'image/png' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await shown(widget(canvasElement), '#upload-front-status.field-error');
  },
};

/** Adding a card that is already saved: the dialog says which card, and offers making it the default. */
export const CardAlreadySaved: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement)!;
    (await shown(el, '[part~="add-card-button"]')).click();
    await shown(el, 'dialog[open] slot[name="card-field"]');
    const field = await lightField(el);
    const fill = (label: string, value: string) => {
      const input = [...field.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // The saved default Visa's expiry, as its row shows it (MM/YYYY).
    const [, month, year] = /(\d{2})\/(\d{4})/.exec(el.shadowRoot!.querySelector('[part~="card"]')!.textContent!)!;
    fill('Card number', TEST_CARDS.visa);
    fill('Expiry (MM/YY)', `${month}/${year}`);
    fill('Security code (CVC)', '123');
    (await shown(el, '#save-card-button:not([disabled])')).click();
    await shown(el, '#duplicate-card');
  },
};

export const Loading: Story = { tags: ['gallery'], parameters: portal({ faults: { getPaymentMethods: { hang: true } } }) };
// Load errors come from answers Chromium does not log as failed requests (the story gate fails on
// any console line); 4xx, 5xx and network faults show the same error view with its retry.
/** The answer does not match the API contract: error view with a working "Try again". */
export const LoadError: Story = { tags: ['gallery'], parameters: portal({ faults: { getInvoices: { schemaBreak: true } } }) };
/** Only the payment history failed: the rest works, the history offers its own retry. */
export const HistoryLoadError: Story = { parameters: portal({ faults: { listPayments: { malformed: true } } }) };
export const NoClientSelected: Story = { args: { clientId: '' } };
