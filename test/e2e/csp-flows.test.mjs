// Strict CSP and card data (issue #11, items 3 and 4): the main flows of every widget, driven like a
// person on the demo host page that scripts/serve.mjs sends with the strict policy. Each flow must
// end with what the user expects on screen and in the mock API, zero `securitypolicyviolation`
// events, nothing on the console, and no card-number-like string in any request URL, header or body.
// The card flows also check events, storage and the widget's own DOM. Run `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, recordingPage, until, widgetsSettled } from './browser.mjs';

/** Playwright's waits in these flows (a loaded machine renders the demo page slowly). */
const TIMEOUT = 30_000;

/**
 * Records every request twice over: at the browser (any kind: fetch, images, beacons) and inside the
 * page's fetch (with the body as sent), plus every portal-* event detail. Returns a reader.
 */
async function recordRequests(page) {
  await page.addInitScript(() => {
    window.__fetches = [];
    window.__portalEvents = [];
    const original = window.fetch;
    window.fetch = async function (input, init) {
      const request = new Request(input instanceof Request ? input.clone() : input, init);
      window.__fetches.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: request.body ? await request.text() : '' });
      return original.call(this, input, init);
    };
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (event) {
      if (event.type.startsWith('portal-')) window.__portalEvents.push(`${event.type} ${JSON.stringify(event.detail)}`);
      return dispatch.call(this, event);
    };
  });
  const network = [];
  page.on('request', (r) => network.push({ method: r.method(), url: r.url(), headers: r.headers(), body: r.postData() ?? '' }));
  return async () => [...network, ...(await page.evaluate(() => window.__fetches))];
}

// 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer word or token.
const CARD_LIKE = /(?<![0-9A-Za-z_])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z_])/g;

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Card-number-like strings (Luhn-valid), and any of the `typed` numbers however they are spaced. */
function cardNumbersIn(requests, typed = []) {
  const found = [];
  for (const r of requests) {
    for (const [part, text] of [['url', r.url], ['headers', JSON.stringify(r.headers)], ['body', r.body]]) {
      for (const [match] of text.matchAll(CARD_LIKE)) if (luhn(match.replace(/\D/g, ''))) found.push(`${r.method} ${r.url} ${part}: ${match}`);
      const compact = text.replace(/[\s-]/g, '');
      for (const pan of typed) if (compact.includes(pan.replace(/\D/g, ''))) found.push(`${r.method} ${r.url} ${part}: the typed number`);
    }
  }
  return found;
}

/**
 * Console output and uncaught errors, except what the browser itself logs about a response: its
 * favicon request (the demo server has none), and API answers the flow expects (`allowStatus`).
 */
function problemsOf(page, allowStatus = []) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    const { url } = msg.location();
    const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(msg.text())?.[1];
    if (status && (new URL(url).pathname === '/favicon.ico' || (url.includes('/api/portal/') && allowStatus.includes(Number(status))))) return;
    problems.push(`console.${msg.type()}: ${msg.text()} (${url})`);
  });
  return problems;
}

/** Opens the demo page on one client and tab, with requests recorded, once every widget settled. */
async function openHostPage(env, client, tab, allowStatus = []) {
  const page = await recordingPage(env.browser);
  // recordingPage() collects every console line in page.problems; these are the ones that count.
  page.sdkProblems = problemsOf(page, allowStatus);
  const requests = await recordRequests(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${env.url}/examples/host-page.html#client=${client}&tab=${tab}`);
  await widgetsSettled(page);
  return { page, requests };
}

/** The demo's mock API (a singleton: start() returns the running one). */
const store = (page, read) => page.evaluate(`PortalWidgetsMock.start().then((mock) => (${read})(mock.store))`);

/** Gives the billing widget the mock processor when the demo page did not. */
async function ensureProcessor(page) {
  return page.evaluate(() => {
    const el = document.querySelector('billing-payment-methods');
    if (el.processor) return 'page';
    el.processor = window.PortalWidgetsMock.createMockProcessor();
    return 'test';
  });
}

/** Each flow: the client and tab it starts on, what the person does, and what must then be true. */
const FLOWS = [
  {
    name: 'portal-invite-status: resend the invitation with a message',
    client: 'cl_invited',
    tab: 'portal',
    async run(page) {
      const widget = page.locator('portal-invite-status');
      await widget.getByRole('button', { name: 'Resend invitation' }).first().click();
      const dialog = widget.getByRole('dialog', { name: 'Resend portal invitation' });
      await dialog.getByRole('textbox', { name: /Message/ }).fill('Your link is below.');
      await dialog.getByRole('button', { name: 'Resend invitation' }).click();
      await widget.getByText('Invitation sent to blake.sampleton@example.com.').first().waitFor();
      const sent = await store(page, (s) => s.emailsFor('cl_invited', 'invitation').map((e) => e.message));
      assert.deepEqual(sent, ['Your link is below.']);
    },
  },
  {
    name: 'portal-invite-status: generate a sign-in PIN',
    client: 'cl_active',
    tab: 'portal',
    async run(page) {
      const widget = page.locator('portal-invite-status');
      await widget.getByRole('button', { name: 'Generate PIN' }).click();
      const dialog = widget.getByRole('dialog', { name: 'Sign-in PIN' });
      const pin = dialog.getByLabel('PIN', { exact: true });
      // The field may be there before the PIN is: wait for six digits, then read them.
      await page.waitForFunction((input) => /^\d{6}$/.test(input.value), await pin.elementHandle(), { timeout: TIMEOUT });
      assert.match(await pin.inputValue(), /^\d{6}$/);
      assert.equal(await store(page, (s) => s.client('cl_active').pins.length), 1);
    },
  },
  {
    name: 'portal-permissions-editor: turn a permission off and save',
    client: 'cl_active',
    tab: 'permissions',
    async run(page) {
      const widget = page.locator('portal-permissions-editor');
      await widget.getByRole('switch', { name: 'Use secure messaging' }).click();
      await widget.getByRole('button', { name: 'Save permissions' }).click();
      await widget.getByText('Permissions saved.').first().waitFor({ state: 'attached' });
      assert.equal(await store(page, (s) => s.client('cl_active').permissions.client.secureMessaging), false);
    },
  },
  {
    name: 'guardian-manager: add a legal guardian with a consented email',
    client: 'cl_minor_no_guardian',
    tab: 'portal',
    async run(page) {
      const widget = page.locator('guardian-manager');
      await widget.getByRole('button', { name: /^Add (legal guardian|contact)$/ }).first().click();
      const dialog = widget.getByRole('dialog', { name: /^Add a (legal guardian|contact)$/ });
      await dialog.getByLabel('First name').fill('Robin');
      await dialog.getByLabel('Last name').fill('Junior');
      await dialog.getByLabel('Relationship to the client').selectOption('mother');
      const guardian = dialog.getByRole('checkbox', { name: /Legal guardian/ });
      if (!(await guardian.isChecked())) await guardian.check();
      await dialog.getByLabel('Email (optional)').fill('robin.junior@example.com');
      await dialog.getByRole('checkbox', { name: /Email ok/ }).check();
      await dialog.getByRole('button', { name: /^Add (legal guardian|contact)$/ }).click();
      await widget.getByText('Robin Junior was added.').first().waitFor({ state: 'attached' });
      const added = await store(page, (s) => s.client('cl_minor_no_guardian').contacts.filter((c) => c.lastName === 'Junior' && c.legalGuardian).map((c) => c.firstName));
      assert.deepEqual(added, ['Robin']);
    },
  },
  {
    name: 'intake-document-list: assign two documents, then remind one',
    client: 'cl_invited',
    tab: 'intake',
    async run(page) {
      const widget = page.locator('intake-document-list');
      await widget.getByRole('button', { name: 'Assign documents' }).click();
      const dialog = widget.getByRole('dialog', { name: 'Assign documents' });
      await dialog.getByRole('checkbox', { name: 'Financial policy' }).check();
      await dialog.getByRole('checkbox', { name: 'Release of information' }).check();
      await dialog.getByRole('button', { name: 'Assign and send' }).click();
      await widget.getByText(/^2 documents assigned: 2 emails sent to/).first().waitFor({ state: 'attached' });
      assert.equal(await store(page, (s) => s.emailsFor('cl_invited', 'document').length), 2);

      // Act on the refreshed list, as a person would: the new rows are there and nothing is loading.
      await widget.getByRole('button', { name: 'Remind: Financial policy' }).waitFor();
      await widget.locator('.list[aria-busy="false"]').waitFor();
      await widget.getByRole('button', { name: 'Remind: Intake questionnaire' }).click();
      await widget.getByText(/^Reminder for “Intake questionnaire” sent/).first().waitFor({ state: 'attached' });
      assert.equal(await store(page, (s) => s.emailsFor('cl_invited', 'reminder').length), 1);
    },
  },
  {
    name: 'billing-payment-methods: pay the balance with the default card (double-clicked: one payment)',
    client: 'cl_active',
    tab: 'billing',
    async run(page) {
      const widget = page.locator('billing-payment-methods');
      await widget.getByRole('button', { name: 'Pay balance ($350.00)' }).click();
      const dialog = widget.getByRole('dialog', { name: 'Pay $350.00' });
      await dialog.getByRole('button', { name: 'Pay $350.00' }).dblclick();
      await widget.getByText(/^Payment of \$350\.00 received with Visa/).first().waitFor({ state: 'attached' });
      const paid = await store(page, (s) => ({ payments: s.client('cl_active').payments.length, open: s.client('cl_active').invoices.filter((i) => i.shared && i.status === 'open').length }));
      assert.deepEqual(paid, { payments: 5, open: 0 });
    },
  },
  {
    name: 'billing-payment-methods: add a card through the processor field',
    client: 'cl_empty',
    tab: 'billing',
    async run(page) {
      await ensureProcessor(page);
      const widget = page.locator('billing-payment-methods');
      await widget.getByRole('button', { name: 'Add card' }).first().click();
      const field = page.locator('billing-payment-methods [slot="card-field"]');
      await field.getByLabel('Card number').fill('4242 4242 4242 4242');
      await field.getByLabel('Expiry (MM/YY)').fill('12/39');
      await field.getByLabel('Security code (CVC)').fill('123');
      await widget.getByRole('dialog', { name: 'Add a card' }).getByRole('button', { name: 'Save card' }).click();
      await widget.getByText('Visa ending in 4242 saved.').first().waitFor({ state: 'attached' });
      assert.deepEqual(await store(page, (s) => s.client('cl_empty').cards.map((c) => [c.brand, c.last4])), [['visa', '4242']]);
    },
  },
];

describe('main flows under the strict CSP of the demo page', () => {
  let env;
  before(async () => (env = await openBrowser()));
  after(async () => env?.close());

  it('the page refuses to be framed by another page (clickjacking: frame-ancestors)', async () => {
    const page = await recordingPage(env.browser);
    try {
      await page.setContent(`<iframe src="${env.url}/examples/host-page.html"></iframe>`);
      // The refusal: the frame shows Chromium's error page and the console says why.
      const framedFrame = () => page.frames().find((f) => f !== page.mainFrame());
      await until(() => framedFrame()?.url() === 'chrome-error://chromewebdata/' && page.problems.some((p) => p.includes("frame-ancestors 'none'")), TIMEOUT);
      const framed = framedFrame();
      assert.equal(framed?.url(), 'chrome-error://chromewebdata/', 'the framed page loaded');
      assert.ok(page.problems.some((p) => p.includes(`violates the following Content Security Policy directive: "frame-ancestors 'none'"`)), page.problems.join('\n'));
    } finally {
      await page.close();
    }
  });

  for (const flow of FLOWS) {
    it(flow.name, async () => {
      const { page, requests } = await openHostPage(env, flow.client, flow.tab);
      try {
        await flow.run(page);
        // Whatever the flow set off (the widgets' reloads) has finished before the console is judged.
        await widgetsSettled(page);
        assert.deepEqual(page.sdkProblems, [], 'console output or uncaught errors');
        assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
        const seen = await requests();
        assert.ok(seen.length > 0, 'requests recorded');
        assert.deepEqual(cardNumbersIn(seen), [], 'card-number-like strings in requests');
      } finally {
        await page.close();
      }
    });
  }
});

/** The pretend processor's fields, in the light-DOM container the widget slots in. */
const cardField = (page) => page.locator('billing-payment-methods > [slot="card-field"]');

async function typeCard(page, number) {
  const field = cardField(page);
  await field.getByLabel('Card number').fill(number);
  await field.getByLabel('Expiry (MM/YY)').fill('12/39');
  await field.getByLabel('Security code (CVC)').fill('123');
}

/** What the page kept or showed that could hold a card number: storage, events, the widget's own DOM. */
const pageState = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('billing-payment-methods');
    const shadow = [el.shadowRoot.textContent, ...[...el.shadowRoot.querySelectorAll('input, textarea')].map((i) => i.value)].join(' ');
    return { storage: JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]), events: window.__portalEvents, shadow };
  });

describe('card data: only the processor field ever sees a card number', () => {
  let env;
  before(async () => (env = await openBrowser()));
  after(async () => env?.close());

  const CARD_FLOWS = [
    {
      name: 'saving a card',
      client: 'cl_empty',
      number: '4242 4242 4242 4242',
      async run(page) {
        const widget = page.locator('billing-payment-methods');
        await widget.getByRole('button', { name: 'Add card' }).first().click();
        await typeCard(page, this.number);
        // The person types into the page's light DOM, never into the widget's shadow root.
        assert.equal(await cardField(page).getByLabel('Card number').evaluate((input) => input.getRootNode() === document), true);
        await widget.getByRole('dialog', { name: 'Add a card' }).getByRole('button', { name: 'Save card' }).click();
        await widget.getByText('Visa ending in 4242 saved.').first().waitFor({ state: 'attached' });
        assert.deepEqual(await store(page, (s) => s.client('cl_empty').cards.map((c) => [c.brand, c.last4])), [['visa', '4242']]);
      },
    },
    {
      name: 'paying with a new card and saving it',
      client: 'cl_active',
      number: '5555 5555 5555 4444',
      async run(page) {
        const widget = page.locator('billing-payment-methods');
        await widget.getByRole('button', { name: 'Pay balance ($350.00)' }).click();
        const dialog = widget.getByRole('dialog', { name: 'Pay $350.00' });
        await dialog.getByRole('radio', { name: 'A new card' }).check();
        await typeCard(page, this.number);
        await dialog.getByRole('checkbox', { name: 'Save the card for the client’s future payments' }).check();
        await dialog.getByRole('button', { name: 'Pay $350.00' }).click();
        await widget.getByText(/^Payment of \$350\.00 received with Mastercard/).first().waitFor({ state: 'attached' });
        const after = await store(page, (s) => ({ payments: s.client('cl_active').payments.length, mastercards: s.client('cl_active').cards.filter((c) => c.last4 === '4444').length }));
        // The fixture already holds a Mastercard ending in 4444: the saved one is a second.
        assert.deepEqual(after, { payments: 5, mastercards: 2 });
      },
    },
    {
      name: 'a declined card',
      client: 'cl_active',
      allowStatus: [402],
      number: '4000 0000 0000 0002',
      async run(page) {
        const widget = page.locator('billing-payment-methods');
        await widget.getByRole('button', { name: 'Pay balance ($350.00)' }).click();
        const dialog = widget.getByRole('dialog', { name: 'Pay $350.00' });
        await dialog.getByRole('radio', { name: 'A new card' }).check();
        await typeCard(page, this.number);
        await dialog.getByRole('button', { name: 'Pay $350.00' }).click();
        const alert = dialog.getByRole('alert').first();
        await alert.waitFor();
        assert.match(await alert.innerText(), /^The payment did not go through\./);
        assert.equal(await store(page, (s) => s.client('cl_active').payments.length), 4);
      },
    },
  ];

  for (const flow of CARD_FLOWS) {
    it(`${flow.name}: no card number in requests, events, storage or the widget`, async () => {
      const { page, requests } = await openHostPage(env, flow.client, 'billing', flow.allowStatus);
      try {
        const processor = await ensureProcessor(page);
        await flow.run(page);
        // Whatever the flow set off (the widgets' reloads) has finished before anything is judged.
        await widgetsSettled(page);
        const seen = await requests();
        assert.ok(seen.some((r) => /\/api\/portal\/clients\/[^/]+\/(payment-methods\/cards|payments)$/.test(r.url) && r.method === 'POST'), 'the card request was recorded');
        assert.deepEqual(cardNumbersIn(seen, [flow.number]), [], 'card numbers in requests');
        const state = await pageState(page);
        assert.ok(state.events.length > 0, 'portal events recorded');
        assert.deepEqual(cardNumbersIn([{ method: 'page', url: '', headers: {}, body: [state.storage, ...state.events, state.shadow].join('\n') }], [flow.number]), [], 'card numbers kept by the page');
        assert.deepEqual(page.sdkProblems, [], 'console output or uncaught errors');
        assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
        assert.ok(processor === 'page' || processor === 'test');
      } finally {
        await page.close();
      }
    });
  }
});
