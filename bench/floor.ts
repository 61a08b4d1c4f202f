// The floor: bare Lit elements, one per widget, each fetching the same JSON that widget needs and
// rendering one line. Nothing can be faster with Lit and the same data; the widgets are measured
// against it.
import { LitElement, html } from 'lit';

// The GET URLs each widget fetched (recorded by scripts/bench.ts), keyed by the widget's tag.
const groups = (window as unknown as { __floorGroups: Record<string, string[]> }).__floorGroups;
const tags = Object.keys(groups).map((_, i) => `floor-${i}`);
const RESOURCES: Record<string, string[]> = Object.fromEntries(Object.values(groups).map((urls, i) => [tags[i], urls]));
const NAMES: Record<string, string> = Object.fromEntries(Object.keys(groups).map((name, i) => [tags[i], name]));

class FloorElement extends LitElement {
  static override properties = { line: { state: true } };
  line = '';
  override connectedCallback() {
    super.connectedCallback();
    const urls = RESOURCES[this.localName]!;
    void Promise.all(urls.map((u) => fetch(u, { headers: { Authorization: 'Bearer bench' } }).then((r) => r.json()))).then((bodies) => {
      this.line = `${this.localName}: ${bodies.length} resources`;
      void this.updateComplete.then(() => this.dispatchEvent(new Event('portal-load')));
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
