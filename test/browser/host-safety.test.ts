// Host-page safety (issue #11, item 7). A host removes widgets and switches clients whenever its own
// UI says so: a widget removed mid-request aborts its requests and never renders or reports late,
// and after rapid `client-id` changes only the last client's data is ever on screen. (Two copies of
// the SDK on one page: test/e2e/examples.test.mjs.)
import { STAFF_MEMBERS } from '../../mock-server/staff.js';
import { HOSTILE_EMAILS, HOSTILE_STRINGS } from '../../mock-server/fixtures.js';
import type { MockStore } from '../../mock-server/store.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';
import { CLIENT_WIDGET_TAGS, expect, expectQuietConsole, mount, requestsInFlight, requestsSettled, useMock, waitFor, type Mock } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

// Every test here is about one client's page: switching, removing and re-adding its widgets.
const WIDGETS = CLIENT_WIDGET_TAGS;

/** The network delay the fake fetch below adds to an answer (part of the fake, not a wait). */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Seen {
  url: string;
  signal: AbortSignal | undefined;
  /** The answer (or the failure) reached the caller. */
  settled: boolean;
}

/**
 * Wraps the page's fetch (the client looks it up on every call): records each request with its
 * AbortSignal and holds answers back by client, so an older client's answer can arrive last.
 */
function watchFetch(delayFor: (url: string) => number = () => 0) {
  const original = window.fetch;
  const seen: Seen[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const entry: Seen = { url, signal: signal ?? undefined, settled: false };
    seen.push(entry);
    try {
      const response = await original(input, init);
      const delay = delayFor(url);
      if (delay) {
        await sleep(delay);
        signal?.throwIfAborted();
      }
      return response;
    } finally {
      entry.settled = true;
    }
  };
  return { seen, restore: () => (window.fetch = original) };
}

/** Everything a widget shows or says: text, accessible names and form values, through its shadow root. */
function shownText(root: ShadowRoot): string {
  const parts: string[] = [root.textContent ?? ''];
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'alt', 'value']) {
      const v = el.getAttribute(name);
      if (v) parts.push(v);
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
  }
  return parts.join('\n');
}

/** What would only ever be on screen for this client: names, addresses, invoice numbers, payer. */
function identifying(store: MockStore, clientId: string): string[] {
  const c = store.client(clientId)!;
  return [
    c.summary.firstName,
    c.summary.lastName,
    ...c.summary.emails.map((e) => e.address),
    ...c.contacts.flatMap((p) => [p.firstName, p.lastName, ...p.emails.map((e) => e.address)]),
    ...c.access.invitations.flatMap((i) => [i.to, i.message ?? '']),
    ...c.invoices.map((i) => i.number),
    ...c.insurance.map((i) => i.payerName),
  ].filter((s) => s.length >= 4);
}

describe('host-page safety', function () {
  this.timeout(40_000);
  let mock: Mock;
  let restoreFetch: () => void = () => undefined;
  let stopAnswers: () => void = () => undefined;

  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(async () => {
    restoreFetch();
    stopAnswers();
    stopAnswers = () => undefined;
    mock.faults.clear();
    // Anything late (a render, an event, an unhandled rejection) comes with a request's end: judged
    // once none is left.
    await requestsSettled();
    expectQuietConsole();
  });

  const mountWidget = (tag: string, clientId: string) =>
    mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      staticHtml`<${unsafeStatic(tag)} client-id=${clientId} .processor=${createMockProcessor()}></${unsafeStatic(tag)}>`,
    );

  /** Records the events `el` fires from now on. */
  function eventsOf(el: HTMLElement): string[] {
    const events: string[] = [];
    for (const name of ['portal-load', 'portal-error'] as const) el.addEventListener(name, (e) => events.push(`${name} ${JSON.stringify(e.detail)}`));
    return events;
  }

  /** Counts the requests the mock received from now on and has not answered yet. */
  function answersOfMock() {
    const open = new Set<string>();
    const onStart = ({ requestId }: { requestId: string }) => void open.add(requestId);
    const onEnd = ({ requestId }: { requestId: string }) => void open.delete(requestId);
    mock.worker.events.on('request:start', onStart);
    mock.worker.events.on('request:end', onEnd);
    const stop = () => {
      mock.worker.events.removeListener('request:start', onStart);
      mock.worker.events.removeListener('request:end', onEnd);
    };
    stopAnswers = stop;
    return { pending: () => open.size, stop };
  }

  /** Records every change to what `el` renders from now on. */
  function rendersOf(el: HTMLElement) {
    const mutations: string[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records.map((r) => `${r.type} in ${r.target.nodeName}`)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    return { mutations, stop: () => observer.disconnect() };
  }

  for (const tag of WIDGETS) {
    describe(`<${tag}>`, () => {
      for (const [name, fault] of [
        ['a request that never answers', { hang: true }],
        ['a slow answer', { latencyMs: 400 }],
      ] as const) {
        it(`removed while waiting for ${name}: requests aborted, no late render, no late event`, async () => {
          const fetches = watchFetch();
          restoreFetch = fetches.restore;
          const mockAnswers = answersOfMock();
          mock.faults.set('*', fault);
          const el = await mountWidget(tag, 'cl_active');
          await waitFor(() => expect(fetches.seen.length, 'a request on its way').to.be.greaterThan(0));
          const inFlight = fetches.seen.filter((f) => !f.settled);
          const before = fetches.seen.length;
          const events = eventsOf(el);
          el.remove();
          await waitFor(() => expect(inFlight.filter((f) => !f.signal?.aborted).map((f) => f.url), 'requests left running').to.deep.equal([]));
          // The abort itself settles the widget into a quiet state (its loading state gone); after that
          // nothing may happen, whatever the API does: the answers come (or would have come) now.
          await requestsSettled();
          await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="pending"]'), 'still loading after the abort').to.equal(null));
          await el.updateComplete;
          const late = rendersOf(el);
          mock.faults.clear();
          // The answers come now (a hanging request is released, a slow one answers after its delay):
          // everything the mock received is answered before the widget is judged.
          await waitFor(() => expect(mockAnswers.pending(), 'requests the mock has not answered yet').to.equal(0));
          mockAnswers.stop();
          await el.updateComplete;
          late.stop();
          expect(fetches.seen.slice(before).map((f) => f.url), 'requests after removal').to.deep.equal([]);
          expect(events, 'events after removal (the host removed it: no load, and an abort is no error)').to.deep.equal([]);
          expect(late.mutations, 'renders once the answers came').to.deep.equal([]);
        });
      }

      it('put back on the page after a removal mid-request, it loads again', async () => {
        mock.faults.set('*', { latencyMs: 300 });
        const el = await mountWidget(tag, 'cl_active');
        const provider = el.parentElement!;
        await waitFor(() => expect(requestsInFlight(), 'a request on its way').to.be.greaterThan(0));
        el.remove();
        // The removal aborted it.
        await requestsSettled();
        const loads: string[] = [];
        el.addEventListener('portal-load', (e) => loads.push(e.detail.clientId));
        provider.append(el);
        await waitFor(() => expect(loads).to.deep.equal(['cl_active']));
        await el.updateComplete;
        // A section that loads on its own (billing's payment history) may still be on its way.
        await waitFor(() => expect(el.shadowRoot!.querySelector('[role="alert"], [part~="pending"]')).to.equal(null));
      });

      it('rapid client-id changes: only the last client is ever on screen, whatever order answers arrive in', async () => {
        // The first client's answers arrive last, the second's next, the last client's first.
        const [first, second, last] = ['cl_hostile', 'cl_active', 'cl_minor_guardian'] as const;
        const delays: Record<string, number> = { [first]: 600, [second]: 300 };
        const fetches = watchFetch((url) => delays[/\/clients\/([^/?]+)/.exec(url)?.[1] ?? ''] ?? 0);
        restoreFetch = fetches.restore;
        // What only the earlier clients would show (staff names appear for every client, in the activity trail).
        const staffNames = Object.values(STAFF_MEMBERS).map((m) => m.displayName);
        const stale = [...new Set([...HOSTILE_STRINGS, ...HOSTILE_EMAILS, ...identifying(mock.store, first), ...identifying(mock.store, second)])].filter(
          (s) => !identifying(mock.store, last).includes(s) && !staffNames.some((n) => n.includes(s)),
        );

        const el = await mountWidget(tag, first);
        const root = el.shadowRoot!;
        const wrong = new Set<string>();
        const inspect = () => {
          const text = shownText(root);
          for (const s of stale) if (text.includes(s)) wrong.add(s);
        };
        const observer = new MutationObserver(inspect);
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        let polling = true;
        const poll = () => {
          inspect();
          if (polling) requestAnimationFrame(poll);
        };
        poll();
        const loads: string[] = [];
        const errors: unknown[] = [];
        el.addEventListener('portal-load', (e) => loads.push(e.detail.clientId));
        el.addEventListener('portal-error', (e) => errors.push(e.detail));

        const requested = (id: string) => fetches.seen.some((f) => f.url.includes(`/clients/${id}/`) || f.url.endsWith(`/clients/${id}`));
        // Each client is switched away from once its requests are on their way.
        await waitFor(() => expect(requested(first), `${first} requested`).to.equal(true));
        el.setAttribute('client-id', second);
        await waitFor(() => expect(requested(second), `${second} requested`).to.equal(true));
        el.setAttribute('client-id', last);
        await waitFor(() => expect(loads).to.include(last));
        // The older clients' answers arrive last (they would, had they not been aborted): every
        // request has its answer (or its abort) before the screen is judged.
        await waitFor(() => expect(fetches.seen.filter((f) => !f.settled).map((f) => f.url), 'requests without an answer').to.deep.equal([]));
        await el.updateComplete;
        polling = false;
        observer.disconnect();

        expect([first, second].map(requested), 'the earlier clients were really requested').to.deep.equal([true, true]);
        expect([...wrong], "an earlier client's data was on screen").to.deep.equal([]);
        expect(loads, 'portal-load only for the client shown').to.deep.equal([last]);
        expect(errors, 'abandoned loads are not errors').to.deep.equal([]);
        await waitFor(() => expect(root.querySelector('[part~="pending"]')).to.equal(null));

        // The detector works: going back to the first client shows its data.
        el.setAttribute('client-id', first);
        await waitFor(() => expect(loads).to.include(first));
        await el.updateComplete;
        expect(stale.some((s) => shownText(root).includes(s)), "the first client's data, once it is the one shown").to.equal(true);
      });
    });
  }
});
