// Hostile text (issue #11, item 2): every widget shows the `cl_hostile` fixture, whose names, emails,
// titles, invoice numbers, descriptions, messages and insurance fields are XSS payloads. They must
// stay inert text: nothing a payload would create exists in any shadow root or in the page, no
// payload runs, and the payloads are there for a person to read, character for character.
import { HOSTILE_EMAILS, HOSTILE_STRINGS } from '../../mock-server/fixtures.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';
import { expect, expectQuietConsole, loaded, mount, sendKeys, useMock, user, waitFor, within, type Mock } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

/**
 * Each widget, and how many different payloads a person must be able to read in it at least
 * (from what `cl_hostile` gives that widget: invitation messages, contact names, the first page of
 * document titles, invoice numbers and descriptions, the insurance payer and member id).
 */
const WIDGETS: { tag: string; audience?: 'staff' | 'client'; minPayloads: number }[] = [
  { tag: 'portal-invite-status', minPayloads: 3 },
  { tag: 'portal-permissions-editor', minPayloads: 2 },
  { tag: 'guardian-manager', minPayloads: 4 },
  { tag: 'intake-document-list', audience: 'staff', minPayloads: 20 },
  { tag: 'intake-document-list', audience: 'client', minPayloads: 20 },
  { tag: 'billing-payment-methods', audience: 'staff', minPayloads: 6 },
  { tag: 'billing-payment-methods', audience: 'client', minPayloads: 6 },
];

/** Buttons that only open something to look at (a dialog, an expander), never write anything. */
const OPENERS = /^(edit|change email|details|show|view|timeline|history)\b/i;

/** Elements no widget renders and every payload would try to create. */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'svg', 'math', 'style', 'link', 'meta']);
/** Attributes that load or navigate: their value must never be a script URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'ping', 'background']);
const SCRIPT_URL = /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i;

type Canary = Window & { __pwned?: unknown };

/** Every node under `root`, through open shadow roots. */
function deepNodes(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      out.push(child);
      visit(child);
      if (child instanceof Element && child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** What the payloads would have created, described so a failure says where. */
function injectedMarkup(root: Node): string[] {
  const found: string[] = [];
  for (const node of deepNodes(root)) {
    if (node instanceof Comment && /alert|script|<slot/i.test(node.data)) found.push(`comment <!--${node.data}-->`);
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'img' && !(node as HTMLImageElement).src.startsWith('blob:')) found.push(`<img src="${node.getAttribute('src')}">`);
    if (tag === 'slot' && !node.hasAttribute('name')) found.push('<slot> without a name');
    for (const attr of Array.from(node.attributes)) {
      if (attr.name.startsWith('on')) found.push(`<${tag} ${attr.name}>`);
      if (attr.name === 'style') found.push(`<${tag} style>`);
      if (URL_ATTRIBUTES.has(attr.name) && SCRIPT_URL.test(attr.value)) found.push(`<${tag} ${attr.name}="${attr.value}">`);
    }
  }
  return found;
}

/** Light-DOM elements of the page a payload could have added (the test runner has its own scripts). */
function pageMarkup(): string[] {
  return Array.from(document.querySelectorAll('script, iframe, object, embed, base, svg, math, img, style, link, meta'), (e) => e.outerHTML);
}

/** Text a person can read: visible text nodes and the values of form fields. */
function readableTexts(root: Node): string[] {
  return deepNodes(root).flatMap((node) => {
    if (node instanceof Text) return node.data.trim() && node.parentElement?.checkVisibility() ? [node.data] : [];
    if ((node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) && node.checkVisibility()) return [node.value];
    if (node instanceof HTMLSelectElement && node.checkVisibility()) return Array.from(node.options, (o) => o.text);
    return [];
  });
}

/** How many fields show each payload (emails count as payloads too: their local parts are hostile). */
function payloadFields(root: Node): Map<string, number> {
  const texts = readableTexts(root);
  const counts = new Map<string, number>();
  for (const payload of [...HOSTILE_STRINGS, ...HOSTILE_EMAILS]) {
    const n = texts.filter((t) => t.includes(payload)).length;
    if (n) counts.set(payload, n);
  }
  return counts;
}

/** Gives any handler a payload might have smuggled in the chance to run. */
function poke(root: Node): void {
  for (const node of deepNodes(root)) {
    if (!(node instanceof HTMLElement)) continue;
    node.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    node.dispatchEvent(new FocusEvent('focus'));
  }
}

describe('hostile text: XSS payloads in every field stay inert text', function () {
  this.timeout(60_000);
  let mock: Mock;
  let restore: () => void;
  const seen = new Map<string, number>();

  beforeEach(async () => {
    mock = await useMock();
    // Every payload calls alert(1) or similar: if one ever runs, the canary is set.
    const w = window as Canary;
    const originals = { alert: w.alert, confirm: w.confirm, prompt: w.prompt };
    delete w.__pwned;
    w.alert = w.confirm = w.prompt = ((..._args: unknown[]) => {
      w.__pwned = true;
      return null;
    }) as never;
    restore = () => Object.assign(w, originals);
  });

  afterEach(() => {
    restore();
    expectQuietConsole();
  });

  after(() => {
    // Across the five widgets at least 20 different payloads reached a person as text.
    expect(seen.size, `payloads shown: ${[...seen.keys()].join(' | ')}`).to.be.at.least(20);
  });

  it('the checks themselves catch what a payload creates when parsed as HTML', () => {
    // Each parsed into an inert template: nothing loads or runs, but every element exists.
    const found = HOSTILE_STRINGS.flatMap((payload) => {
      const template = document.createElement('template');
      template.innerHTML = payload;
      return injectedMarkup(template.content);
    });
    for (const expected of ['<img src="x">', '<img onerror>', '<script>', '<svg>', '<svg onload>', '<iframe>', '<a href="javascript:alert(1)">', '<style>', '<base>', '<math>', '<slot> without a name']) {
      expect(found, expected).to.include(expected);
    }
  });

  it('a script URL from the API never reaches the host as a page to open', async () => {
    // The API (or whoever tampered with it) hands the client view a `javascript:` fill-out link.
    const doc = mock.store.client('cl_invited')!.documents.find((d) => d.status === 'sent')!;
    doc.fillUrl = 'javascript:alert(document.domain)';
    const opened: string[] = [];
    const el = await mount<HTMLElement>(staticHtml`<intake-document-list client-id="cl_invited" audience="client"></intake-document-list>`);
    el.addEventListener('portal-document-open', (e) => opened.push(e.detail.url));
    await loaded(el);
    const fillOut = within(el.shadowRoot as unknown as HTMLElement).queryByShadowRole('button', { name: `Fill out: ${doc.title}` });
    if (fillOut) await user().click(fillOut);
    expect(opened.filter((url) => SCRIPT_URL.test(url)), 'script URLs handed to the host').to.deep.equal([]);
    expect(injectedMarkup(el.shadowRoot!)).to.deep.equal([]);
  });

  for (const { tag, audience, minPayloads } of WIDGETS) {
    it(`<${tag}>${audience ? ` for ${audience}` : ''} renders every payload as text and creates nothing`, async () => {
      const before = pageMarkup();
      const baseURI = document.baseURI;
      const el = await mount<HTMLElement>(
        staticHtml`<${unsafeStatic(tag)} client-id="cl_hostile" audience=${audience ?? 'staff'} .processor=${createMockProcessor()}></${unsafeStatic(tag)}>`,
      );
      expect((await loaded(el)).type).to.equal('portal-load');
      const root = el.shadowRoot!;
      const view = within(root as unknown as HTMLElement);

      const check = (when: string) => {
        poke(root);
        expect(injectedMarkup(root), `${tag} ${when}`).to.deep.equal([]);
        expect(pageMarkup(), `${tag} ${when}: the page`).to.deep.equal(before);
        expect(document.baseURI).to.equal(baseURI);
        expect((window as Canary).__pwned, `${tag} ${when}: a payload ran`).to.equal(undefined);
      };
      check('after load');

      const fields = payloadFields(root);
      // Everything that looks like an opener is opened once, checked, and closed again.
      const openers = view.queryAllByShadowRole('button').filter((b) => OPENERS.test(b.getAttribute('aria-label') ?? b.textContent!.trim()));
      for (const opener of openers) {
        if ((opener as HTMLButtonElement).disabled) continue;
        await user().click(opener);
        await waitFor(() => expect(root.querySelector('dialog[open], [aria-expanded="true"]')).to.exist);
        check(`after opening "${opener.textContent!.trim()}"`);
        for (const [payload, n] of payloadFields(root)) fields.set(payload, Math.max(fields.get(payload) ?? 0, n));
        if (root.querySelector('dialog[open]')) await sendKeys({ press: 'Escape' });
        else await user().click(opener);
        // Closed before the next opener: its own wait above must not find this one still open.
        await waitFor(() => expect(root.querySelector('dialog[open], [aria-expanded="true"]')).to.equal(null));
      }

      expect(fields.size, `${tag} shows these payloads: ${[...fields.keys()].join(' | ')}`).to.be.at.least(minPayloads);
      for (const [payload, n] of fields) seen.set(payload, (seen.get(payload) ?? 0) + n);
      // Nothing the widget did under the payloads was a write or a failure.
      expect(mock.store.internalErrors).to.deep.equal([]);
    });
  }
});
