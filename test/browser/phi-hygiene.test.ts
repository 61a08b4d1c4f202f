// PHI hygiene (issue #11, item 5): while each widget loads and runs its main action, and when that
// action fails, the browser keeps nothing (web storage, IndexedDB, Cache Storage, cookies, history)
// and no name, email or other personal text of the client reaches a request URL or header, an event
// detail, an error message or the console.
import type { MockStore } from '../../mock-server/store.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';
import type { Fault } from '../../mock-server/faults.js';
import type { OperationName } from '../../src/api/operations.js';
import { expect, expectQuietConsole, loaded, mount, requestsSettled, useMock, user, waitFor, within, type Mock } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

type View = ReturnType<typeof within>;

/** The bearer token the host's getToken() returns (support/mount's default). */
const TOKEN = 'test-token';

/** What a new contact typed by staff is called: personal data that appears nowhere before the test. */
const TYPED = { firstName: 'Quillon', lastName: 'Phitestova', email: 'quillon.phitestova@example.com' };

interface Flow {
  tag: string;
  clientId: string;
  /** The widget's main action, as a person does it. */
  act(view: View): Promise<void>;
  /** True once the mock recorded the action. */
  done(store: MockStore): boolean;
  /** The operation the action calls, and a failure for it that the widget must explain. */
  failure: [OperationName, Fault];
}

const dialogOf = async (view: View, name: string | RegExp) => within((await view.findByShadowRole('dialog', { name })) as HTMLElement);

const FLOWS: Flow[] = [
  {
    tag: 'portal-invite-status',
    clientId: 'cl_invited',
    async act(view) {
      await user().click((await view.findAllByShadowRole('button', { name: 'Resend invitation' }))[0]!);
      const dialog = await dialogOf(view, 'Resend portal invitation');
      await user().click(dialog.getByShadowRole('button', { name: 'Resend invitation' }));
    },
    done: (store) => store.emailsFor('cl_invited', 'invitation').length > 0,
    failure: ['sendInvitation', { status: 500 }],
  },
  {
    tag: 'portal-permissions-editor',
    clientId: 'cl_active',
    async act(view) {
      await user().click(await view.findByShadowRole('switch', { name: 'Use secure messaging' }));
      await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    },
    done: (store) => store.client('cl_active')!.permissions.client.secureMessaging === false,
    failure: ['updatePermissions', { status: 422, code: 'pay_balance_requires_billing_documents' }],
  },
  {
    tag: 'guardian-manager',
    clientId: 'cl_minor_guardian',
    async act(view) {
      await user().click((await view.findAllByShadowRole('button', { name: 'Add contact' }))[0]!);
      const dialog = await dialogOf(view, 'Add a contact');
      await user().type(dialog.getByShadowLabelText('First name'), TYPED.firstName);
      await user().type(dialog.getByShadowLabelText('Last name'), TYPED.lastName);
      await user().selectOptions(dialog.getByShadowLabelText('Relationship to the client'), 'grandparent');
      await user().type(dialog.getByShadowLabelText('Email (optional)'), TYPED.email);
      await user().click(dialog.getByShadowRole('checkbox', { name: /Email ok/ }));
      await user().click(dialog.getByShadowRole('button', { name: 'Add contact' }));
    },
    done: (store) => store.client('cl_minor_guardian')!.contacts.some((c) => c.lastName === TYPED.lastName),
    failure: ['createContact', { status: 500 }],
  },
  {
    tag: 'intake-document-list',
    clientId: 'cl_invited',
    async act(view) {
      await user().click(await view.findByShadowRole('button', { name: 'Assign documents' }));
      const dialog = await dialogOf(view, 'Assign documents');
      await user().click(await dialog.findByShadowRole('checkbox', { name: 'Financial policy' }));
      await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    },
    done: (store) => store.client('cl_invited')!.documents.some((d) => d.templateId === 'tpl_financial'),
    failure: ['assignDocuments', { status: 422, code: 'no_consented_email' }],
  },
  {
    tag: 'billing-payment-methods',
    clientId: 'cl_active',
    async act(view) {
      await user().click(await view.findByShadowRole('button', { name: /^Pay balance/ }));
      const dialog = await dialogOf(view, /^Pay \$/);
      await user().click(dialog.getByShadowRole('button', { name: /^Pay \$/ }));
    },
    done: (store) => store.client('cl_active')!.invoices.every((i) => !i.shared || i.status !== 'open'),
    failure: ['pay', { status: 402, code: 'card_declined' }],
  },
];

/** Everything personal the mock holds about a client: names, addresses, messages, payer, services. */
function personalStrings(store: MockStore, clientId: string): { exact: string[]; anyCase: string[] } {
  const c = store.client(clientId)!;
  const names = [c.summary.firstName, c.summary.lastName, ...c.contacts.flatMap((p) => [p.firstName, p.lastName]), TYPED.firstName, TYPED.lastName];
  const emails = [
    ...c.summary.emails.map((e) => e.address),
    ...c.contacts.flatMap((p) => p.emails.map((e) => e.address)),
    ...c.access.invitations.map((i) => i.to),
    TYPED.email,
  ];
  const texts = [
    ...c.access.invitations.flatMap((i) => (i.message ? [i.message] : [])),
    ...c.insurance.flatMap((i) => [i.payerName, i.memberIdMasked]),
    ...c.invoices.map((i) => i.description),
  ];
  return { exact: [...new Set([...names, ...texts])], anyCase: [...new Set(emails.map((e) => e.toLowerCase()))] };
}

function leaks(text: string, phi: { exact: string[]; anyCase: string[] }): string[] {
  const forms = [text, safeDecode(text)];
  const lower = forms.map((f) => f.toLowerCase());
  return [...phi.exact.filter((s) => forms.some((f) => f.includes(s))), ...phi.anyCase.filter((s) => lower.some((f) => f.includes(s)))];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

interface Request_ {
  method: string;
  url: string;
  headers: string;
}

/** Spies on every way a page can keep or send data, and on every portal event. */
function recordEverything() {
  const writes: string[] = [];
  const requests: Request_[] = [];
  const events: { type: string; detail: unknown }[] = [];
  const undo: (() => void)[] = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, replacement: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = replacement(original);
    undo.push(() => (target[key] = original));
  };
  const note = (what: string) => () => writes.push(what);

  for (const method of ['setItem', 'removeItem', 'clear'] as const) patch(Storage.prototype, method, (o) => function (this: Storage, ...args: never[]) {
    writes.push(`${this === localStorage ? 'localStorage' : 'sessionStorage'}.${method}`);
    return (o as (...a: never[]) => unknown).apply(this, args);
  } as never);
  patch(IDBFactory.prototype, 'open', (o) => function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    note('indexedDB.open')();
    return o.apply(this, args);
  });
  patch(CacheStorage.prototype, 'open', (o) => function (this: CacheStorage, name: string) {
    note('caches.open')();
    return o.call(this, name);
  });
  patch(History.prototype, 'pushState', (o) => function (this: History, ...args: Parameters<History['pushState']>) {
    note('history.pushState')();
    return o.apply(this, args);
  });
  patch(History.prototype, 'replaceState', (o) => function (this: History, ...args: Parameters<History['replaceState']>) {
    note('history.replaceState')();
    return o.apply(this, args);
  });
  patch(Navigator.prototype, 'sendBeacon', (o) => function (this: Navigator, ...args: Parameters<Navigator['sendBeacon']>) {
    note('navigator.sendBeacon')();
    return o.apply(this, args);
  });
  patch(XMLHttpRequest.prototype, 'open', (o) => function (this: XMLHttpRequest, ...args: unknown[]) {
    note('XMLHttpRequest.open')();
    return (o as (...a: unknown[]) => void).apply(this, args);
  } as never);
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => cookie.get!.call(document), set: note('document.cookie') });
  undo.push(() => delete (document as { cookie?: string }).cookie);

  patch(window, 'fetch', (o) => (input: RequestInfo | URL, init?: RequestInit) => {
    // ky hands fetch a Request: read a clone, or the real call finds its body used.
    const request = new Request(input instanceof Request ? input.clone() : input, init);
    requests.push({ method: request.method, url: request.url, headers: JSON.stringify([...request.headers]) });
    return o(input, init);
  });
  patch(EventTarget.prototype, 'dispatchEvent', (o) => function (this: EventTarget, event: Event) {
    if (event.type.startsWith('portal-')) events.push({ type: event.type, detail: (event as CustomEvent).detail });
    return o.call(this, event);
  });

  const storage = () => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]);
  const before = storage();
  return {
    writes,
    requests,
    events,
    storageChanged: () => storage() !== before,
    restore: () => undo.reverse().forEach((f) => f()),
  };
}

/** Every `role="alert"` text in the widget: what it says when something fails. */
function alerts(root: ShadowRoot): string[] {
  return within(root as unknown as HTMLElement)
    .queryAllByShadowRole('alert')
    .map((a) => a.textContent!.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe('PHI hygiene: nothing stored, nothing personal in URLs, events, errors or the console', function () {
  this.timeout(40_000);
  let mock: Mock;
  let rec: ReturnType<typeof recordEverything>;

  beforeEach(async () => {
    mock = await useMock();
    rec = recordEverything();
  });
  afterEach(() => {
    rec.restore();
    mock.faults.clear();
    expectQuietConsole();
  });

  it('the spies see storage writes, and personal data however a URL encodes it', () => {
    sessionStorage.setItem('issue-11-probe', '1');
    sessionStorage.removeItem('issue-11-probe');
    document.cookie = 'issue11probe=1; max-age=0';
    expect(rec.writes).to.deep.equal(['sessionStorage.setItem', 'sessionStorage.removeItem', 'document.cookie']);
    const phi = personalStrings(mock.store, 'cl_active');
    expect(leaks('/api/portal/clients?q=Avery%20Testwood', phi)).to.include.members(['Avery', 'Testwood']);
    expect(leaks('/x?email=AVERY.TESTWOOD%40example.com', phi)).to.include('avery.testwood@example.com');
    rec.writes.length = 0;
  });

  for (const flow of FLOWS) {
    describe(`<${flow.tag}> for ${flow.clientId}`, () => {
      const show = async () => {
        const el = await mount<HTMLElement>(
          staticHtml`<${unsafeStatic(flow.tag)} client-id=${flow.clientId} .processor=${createMockProcessor()}></${unsafeStatic(flow.tag)}>`,
        );
        expect((await loaded(el)).type).to.equal('portal-load');
        return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
      };

      const expectNothingKeptOrLeaked = () => {
        const phi = personalStrings(mock.store, flow.clientId);
        expect(rec.writes, 'browser storage, history or side channels written').to.deep.equal([]);
        expect(rec.storageChanged(), 'web storage or cookies changed').to.equal(false);
        expect(rec.requests.length, 'requests seen').to.be.greaterThan(0);
        for (const r of rec.requests) {
          expect(leaks(r.url, phi), `personal data in ${r.method} ${r.url}`).to.deep.equal([]);
          expect(leaks(r.headers, phi), `personal data in the headers of ${r.method} ${r.url}`).to.deep.equal([]);
          // The bearer token travels in the Authorization header, to the API and nowhere else.
          expect(r.url, 'the token in a URL').not.to.contain(TOKEN);
          if (r.headers.includes(TOKEN)) expect(r.url.startsWith(`${location.origin}/api/portal/`), `the token sent to ${r.url}`).to.equal(true);
        }
        expect(rec.events.length, 'portal events seen').to.be.greaterThan(0);
        for (const e of rec.events) {
          const detail = JSON.stringify(e.detail);
          expect(leaks(detail, phi), `personal data in ${e.type}`).to.deep.equal([]);
          expect(detail, `the token in ${e.type}`).not.to.contain(TOKEN);
        }
      };

      it('loads and runs its main action without keeping or leaking anything', async () => {
        const { view } = await show();
        await flow.act(view);
        await waitFor(() => expect(flow.done(mock.store), 'the action reached the mock').to.equal(true));
        // The answer reached the widget (its busy button is back), so the events it fired are seen.
        await waitFor(() => expect(view.queryAllByShadowRole('button', { busy: true })).to.deep.equal([]));
        await requestsSettled();
        expectNothingKeptOrLeaked();
      });

      it('explains a failed action without naming anyone', async () => {
        const { el, view } = await show();
        mock.faults.set(...flow.failure);
        await flow.act(view);
        await waitFor(() => expect(alerts(el.shadowRoot!), 'a visible error').not.to.deep.equal([]));
        expect(flow.done(mock.store)).to.equal(false);
        const phi = personalStrings(mock.store, flow.clientId);
        for (const text of alerts(el.shadowRoot!)) expect(leaks(text, phi), `personal data in the error "${text}"`).to.deep.equal([]);
        const [operation, fault] = flow.failure;
        const reported = rec.events.filter((e) => e.type === 'portal-error').map((e) => e.detail as { operation?: string; status?: number });
        const heard = reported.some((d) => d.status === fault.status && (d.operation === undefined || d.operation === operation));
        expect(heard, `portal-error for ${operation} ${fault.status} among ${JSON.stringify(reported)}`).to.equal(true);
        expectNothingKeptOrLeaked();
      });
    });
  }
});
