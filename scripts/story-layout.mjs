// Host column widths every widget must read well in, and the check that nothing in a widget spills
// out of it or is clipped at those widths. Shared by the story test (every story, every width) and
// the screenshot gallery, so both judge a layout the same way.

/** Container widths (px) a host column may give a widget: phone, narrow side panel, tablet, desktop. */
export const HOST_WIDTHS = [320, 480, 768, 1280];

/**
 * Gives the story's root the width of a host column. The page itself stays wide, so only container
 * queries (not viewport media queries) can adapt a widget to it.
 */
export async function setHostWidth(page, width) {
  await page.evaluate((w) => {
    let sheet = document.getElementById('host-width');
    if (!sheet) {
      sheet = document.createElement('style');
      sheet.id = 'host-width';
      document.head.append(sheet);
    }
    sheet.textContent = `#storybook-root { box-sizing: border-box; width: ${w}px; padding: 0 !important; margin: 0 }`;
  }, width);
  // Two frames: the width applies, container queries re-evaluate, layout settles.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * What overflows at the current width: elements of a widget's shadow tree that stick out of the
 * widget's box, and elements whose content is wider than their box where that content is clipped
 * or scrolls sideways. Closed dialogs and invisible elements are skipped; open modal dialogs are
 * judged against the viewport, where the top layer puts them.
 */
export function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const TOLERANCE = 1;
    const describe = (el) => {
      const part = el.getAttribute('part');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.localName}${el.id ? `#${el.id}` : ''}${part ? `[part="${part}"]` : ''}${text ? ` "${text}"` : ''}`;
    };
    const widgets = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        if (el.localName !== 'portal-provider') widgets.push(el);
        collect(el.shadowRoot);
      }
    };
    collect(document);
    for (const widget of widgets) {
      const box = widget.getBoundingClientRect();
      if (box.width === 0) continue;
      const walk = (root, frame) => {
        for (const el of root.children) {
          if (!el.checkVisibility()) continue;
          let inner = frame;
          if (el.localName === 'dialog') {
            if (!el.open) continue;
            inner = { left: 0, right: document.documentElement.clientWidth, name: 'the viewport' };
          }
          const rect = el.getBoundingClientRect();
          // Visually hidden text (for screen readers) is a 1 px box by design.
          if (rect.width <= 1 || rect.height <= 1) continue;
          if (rect.width > 0 && (rect.left < inner.left - TOLERANCE || rect.right > inner.right + TOLERANCE)) {
            problems.push(`${widget.localName}: ${describe(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, outside ${inner.name} (${Math.round(inner.left)}–${Math.round(inner.right)} px)`);
          }
          const style = getComputedStyle(el);
          if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + TOLERANCE && el.localName !== 'textarea' && el.localName !== 'input' && el.localName !== 'select') {
            problems.push(`${widget.localName}: ${describe(el)} is ${el.scrollWidth} px of content in ${el.clientWidth} px (overflow-x: ${style.overflowX})`);
          }
          // A button in a row must not wrap (the row wraps instead). A button that already spans its
          // whole line, like an entry of a list, has no room left: its label may wrap as text does.
          const spansLine = el.parentElement && Math.abs(rect.width - el.parentElement.clientWidth) <= 2;
          if ((el.localName === 'button' || el.getAttribute('role') === 'button') && !spansLine) {
            const range = document.createRange();
            range.selectNodeContents(el);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
            if (lines.size > 1) problems.push(`${widget.localName}: button ${describe(el)} wraps onto ${lines.size} lines`);
          }
          // Inside a sideways scroller only the scroller itself is judged (reported above).
          if (style.overflowX !== 'visible' && style.overflowX !== 'clip') inner = { left: -Infinity, right: Infinity, name: 'its scroller' };
          walk(el, inner);
          if (el.shadowRoot && !widgets.includes(el)) walk(el.shadowRoot, inner);
        }
      };
      walk(widget.shadowRoot, { left: box.left, right: box.right, name: `the ${widget.localName}` });
    }
    return [...new Set(problems)];
  });
}
