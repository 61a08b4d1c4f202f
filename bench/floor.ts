// The floor: five bare Lit elements that fetch the same JSON the widgets need and render one line.
// Nothing can be faster with Lit and the same data; the widgets are measured against it.
import { LitElement, html } from 'lit';

// The same GET URLs the widgets fetched (recorded by scripts/bench.ts), spread over five elements.
const urls = (window as unknown as { __floorUrls: string[] }).__floorUrls;
const TAGS = ['floor-a', 'floor-b', 'floor-c', 'floor-d', 'floor-e'];
const RESOURCES: Record<string, string[]> = Object.fromEntries(TAGS.map((tag, i) => [tag, urls.filter((_, j) => j % TAGS.length === i)]));

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
for (const tag of Object.keys(RESOURCES)) customElements.define(tag, class extends FloorElement {});

const loads = Object.keys(RESOURCES).map((tag) => {
  const el = document.createElement(tag);
  document.body.append(el);
  return new Promise((resolve) => el.addEventListener('portal-load', resolve, { once: true }));
});
(window as unknown as { __mounted: Promise<number> }).__mounted = Promise.all(loads)
  .then(() => new Promise<void>((r) => requestAnimationFrame(() => r())))
  .then(() => performance.now() - performance.getEntriesByName('script-start')[0]!.startTime);
