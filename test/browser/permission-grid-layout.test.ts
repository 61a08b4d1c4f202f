// The portal users × permission groups grid in the host columns the widgets must read well in:
// every group name readable in full and every switch inside the widget, with no scroller hiding
// columns (issue: at 1366 px the last column read "Billin" with its switch cut off).
import { expect, html, mount, loaded, useMock, expectQuietConsole, user, waitFor, viewOf } from './support/index.js';

const WIDTHS = [320, 480, 768, 1280];
const GROUPS = ['Basic functions', 'Messaging', 'Documents and forms', 'Scheduling', 'Billing'];

type Widget = HTMLElement & { updateComplete: Promise<unknown> };


/** Text rectangles of an element's own text (a Range, so an inline span's text counts too). */
function textRect(el: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
}

/** Screen-reader-only text (the caption, and the column headers in the card layout): not on screen to clip. */
const screenReaderOnly = (node: Element) => {
  const box = node.closest('caption, thead');
  return !!box && box.getBoundingClientRect().width <= 1;
};

const inside = (inner: DOMRect, outer: DOMRect) =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;

/** What a person would see cut off: labels or switches outside the widget or their cell, or clipped content. */
function clipped(el: Widget): string[] {
  const root = el.shadowRoot!;
  const host = el.getBoundingClientRect();
  const problems: string[] = [];
  const grid = root.querySelector('[part~="groups-table"]')!.parentElement!;
  for (const node of [grid, ...grid.querySelectorAll<HTMLElement>('*')].filter((n) => !screenReaderOnly(n))) {
    // An element whose content is wider than its box either scrolls or clips it.
    if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) problems.push(`${node.localName}.${node.className} overflows: ${node.scrollWidth} > ${node.clientWidth}`);
  }
  for (const sw of root.querySelectorAll<HTMLInputElement>('[part~="groups-table"] [role="switch"]')) {
    const rect = sw.getBoundingClientRect();
    if (!inside(rect, host)) problems.push(`switch "${sw.getAttribute('aria-label')}" outside the widget`);
    if (!inside(rect, sw.closest('td')!.getBoundingClientRect())) problems.push(`switch "${sw.getAttribute('aria-label')}" outside its cell`);
  }
  const labels = [...root.querySelectorAll<HTMLElement>('[part~="groups-table"] thead th, [part~="groups-table"] .group-name, [part~="groups-table"] .person')];
  for (const label of labels.filter((l) => l.checkVisibility() && !screenReaderOnly(l))) {
    const rect = textRect(label);
    if (!inside(rect, host)) problems.push(`label "${label.textContent?.trim()}" outside the widget`);
    const cell = label.closest('th, td')!.getBoundingClientRect();
    if (!inside(rect, cell)) problems.push(`label "${label.textContent?.trim()}" outside its cell`);
  }
  return problems;
}

/** The group names a sighted user reads for one portal user's switches, in either layout. */
function visibleGroupNames(el: Widget): string[] {
  const root = el.shadowRoot!;
  const headers = [...root.querySelectorAll<HTMLElement>('[part~="groups-table"] thead th')].filter((th) => th.checkVisibility() && !screenReaderOnly(th));
  if (headers.length) return headers.slice(1).map((th) => th.textContent!.trim());
  const firstRow = root.querySelector('[part~="groups-row"]')!;
  return [...firstRow.querySelectorAll<HTMLElement>('.group-name')].filter((n) => n.checkVisibility()).map((n) => n.textContent!.trim());
}

describe('the portal-user permission grid in any host column', () => {
  beforeEach(async () => {
    await useMock();
  });
  afterEach(() => expectQuietConsole());

  for (const tag of ['guardian-manager', 'portal-permissions-editor']) {
    for (const width of WIDTHS) {
      it(`<${tag}> at ${width} px: every group name readable, every switch inside, nothing clipped`, async () => {
        const el =
          tag === 'guardian-manager'
            ? await mount<Widget>(html`<guardian-manager client-id="cl_minor_guardian"></guardian-manager>`)
            : await mount<Widget>(html`<portal-permissions-editor client-id="cl_minor_guardian"></portal-permissions-editor>`);
        el.style.width = `${width}px`;
        await loaded(el);
        const view = viewOf(el);
        const table = await view.findByShadowRole('table', { name: 'Permission groups of each portal user' });
        await waitFor(() => expect(visibleGroupNames(el)).to.deep.equal(GROUPS));
        expect(clipped(el)).to.deep.equal([]);
        // Narrow columns show one card per portal user, wide ones the table's column headers.
        const headersShown = !screenReaderOnly(table.querySelector('thead')!);
        expect(headersShown, 'table layout').to.equal(width >= 768);

        // Still usable: the switch is found by its name and toggles by a click on it.
        const billing = view.getByShadowRole('switch', { name: 'Billing for Jordan Minor' }) as HTMLInputElement;
        const was = billing.checked;
        await user().click(billing);
        await waitFor(() => expect(view.getByShadowText('Unsaved changes (1)')).to.exist);
        expect(billing.checked).to.equal(!was);
        expect(clipped(el)).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('Spanish group names fit too, at 320 and 768 px', async () => {
    const el = await mount<Widget>(html`<guardian-manager client-id="cl_minor_guardian"></guardian-manager>`, { locale: 'es' });
    await loaded(el);
    for (const width of [320, 768]) {
      el.style.width = `${width}px`;
      await waitFor(() => expect(visibleGroupNames(el)).to.deep.equal(['Funciones básicas', 'Mensajería', 'Documentos y formularios', 'Agenda', 'Facturación']));
      expect(clipped(el), `${width} px`).to.deep.equal([]);
    }
  });
});
