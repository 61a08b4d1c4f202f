// The floor: bare Lit elements, one per widget, each fetching the same JSON that widget needs and
// rendering one line. Nothing can be faster with Lit and the same data; the widgets are measured
// against it.
import { LitElement, html } from 'lit';

// The GET URLs each widget fetched (recorded by scripts/bench.ts), keyed by the widget's tag.
const groups = (window as unknown as { __floorGroups: Record<string, string[]> }).__floorGroups;
const tags = Object.keys(groups).map((_, i) => `floor-${i}`);
const RESOURCES: Record<string, string[]> = Object.fromEntries(Object.values(groups).map((urls, i) => [tags[i], urls]));
const NAMES: Record<string, string> = Object.fromEntries(Object.keys(groups).map((name, i) => [tags[i], name]));

// The bound (bench/floor-bound.html): each line also carries a date, formatted with `Intl` as every
// widget does, so the page pays ICU's one-time locale set-up as any page showing a date must.
const formatDate = document.body.hasAttribute('data-format-date');

// The content bound (this page with `__floorContent` set by scripts/bench.ts): once its data is
// in, each element shows what its widget showed (its shadow DOM and each shadow root's styles,
// recorded in the same run) as static markup: the rendering and layout any implementation showing the same content pays, with
// none of the SDK's code. Style sheets are built once per text and shared, as Lit shares them.
type Content = { html: string; sheets: string[] };
const content = (window as unknown as { __floorContent?: Record<string, Content> }).__floorContent;
const CONTENT: Record<string, Content> = content ? Object.fromEntries(Object.keys(groups).map((name, i) => [tags[i], content[name]!])) : {};
const sheetsByText = new Map<string, CSSStyleSheet>();
function sheetOf(text: string): CSSStyleSheet {
  let sheet = sheetsByText.get(text);
  if (!sheet) sheetsByText.set(text, (sheet = new CSSStyleSheet())), sheet.replaceSync(text);
  return sheet;
}
function showContent(root: ShadowRoot, { html, sheets }: Content): void {
  root.setHTMLUnsafe(html);
  // Shadow roots in the order the recording listed them: a root, then the roots inside it.
  let next = 0;
  const adopt = (r: ShadowRoot) => {
    r.adoptedStyleSheets = [sheetOf(sheets[next++]!)];
    for (const el of r.querySelectorAll('*')) if (el.shadowRoot) adopt(el.shadowRoot);
  };
  adopt(root);
}

class FloorElement extends LitElement {
  static override properties = { line: { state: true } };
  line = '';
  override connectedCallback() {
    super.connectedCallback();
    const urls = RESOURCES[this.localName]!;
    void Promise.all(urls.map((u) => fetch(u, { headers: { Authorization: 'Bearer bench' } }).then((r) => r.json()))).then((bodies) => {
      this.line = `${this.localName}: ${bodies.length} resources`;
      if (formatDate) this.line += `, ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date())}`;
      void this.updateComplete.then(() => {
        if (content) showContent(this.shadowRoot!, CONTENT[this.localName]!);
        this.dispatchEvent(new Event('portal-load'));
      });
    });
  }
  override render() {
    return html`<p>${this.line}</p>`;
  }
}
for (const tag of tags) customElements.define(tag, class extends FloorElement {});

type Page = Window & {
  __afterNextFrame(): Promise<number>;
  __sinceScriptStart(t: number): number;
  __firstRequestAt: number;
  __mounted: Promise<unknown>;
  __remount(): Promise<number>;
};
const page = window as unknown as Page;

function mountAll(): Promise<Record<string, number>> {
  const onScreen: Record<string, number> = {};
  const loads = tags.map((tag) => {
    const el = document.createElement(tag);
    document.body.append(el);
    return new Promise<void>((resolve) =>
      el.addEventListener('portal-load', () => void page.__afterNextFrame().then((t) => ((onScreen[NAMES[tag]!] = t), resolve())), { once: true }),
    );
  });
  return Promise.all(loads).then(() => onScreen);
}

page.__remount = async () => {
  document.body.replaceChildren();
  const t0 = performance.now();
  const onScreen = await mountAll();
  return Math.max(...Object.values(onScreen)) - t0;
};

page.__mounted = mountAll().then((onScreen) => ({
  all: page.__sinceScriptStart(Math.max(...Object.values(onScreen))),
  perWidget: Object.fromEntries(Object.entries(onScreen).map(([name, t]) => [name, page.__sinceScriptStart(t)])),
  firstRequest: page.__sinceScriptStart(page.__firstRequestAt),
}));
