// The localisation check of the story test: a story shown in the pseudo-locale (en-XA: every
// message accented, ~35% longer, between ⟦ ⟧), right to left and left to right, in a narrow and a
// wide host column, must show no cut-off text, no clipped or overlapping control and no English
// word that is not data. What counts as data is what the widget was given, not what it says: the
// strings of the API's answers (names, addresses, titles), what was typed into a field, and the
// words the browser's own `Intl` formats in English (months, "in 10 minutes").

/** The pseudo-locale and its markers (src/i18n/pseudo-locale.ts). */
export const PSEUDO = { locale: 'en-XA', start: '⟦', end: '⟧' };

/** Host columns the check runs at: a phone-wide side panel and a wide desktop column. */
export const L10N_WIDTHS = [320, 1024];

/**
 * Run before any page script: records every string of every JSON answer the page fetches (the mock
 * API's fixture data, as the widgets received it).
 */
export function recordFetchedData() {
  const data = new Set();
  globalThis.__l10nFetchedData = data;
  const collect = (value, depth = 0) => {
    if (typeof value === 'string') data.add(value);
    else if (value && typeof value === 'object' && depth < 12) for (const v of Object.values(value)) collect(v, depth + 1);
  };
  const fetch = globalThis.fetch;
  globalThis.fetch = async function (...args) {
    const response = await fetch.apply(this, args);
    if (/json/.test(response.headers.get('content-type') ?? '')) response.clone().json().then(collect, () => {});
    return response;
  };
}

/** Sets the direction of the story's root (the provider the Direction toolbar sets). */
export async function setDirection(page, dir) {
  await page.evaluate((d) => {
    for (const provider of document.querySelectorAll('#storybook-root portal-provider')) provider.setAttribute('dir', d);
  }, dir);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Whether the story shows the pseudo-locale (a story may pin its own locale: `globals: { locale: 'es' }`). */
export function showsPseudoLocale(page) {
  return page.evaluate((locale) => [...document.querySelectorAll('#storybook-root portal-provider')].some((p) => p.getAttribute('locale') === locale), PSEUDO.locale);
}

/**
 * What is wrong at the current width and direction: text cut off by its own box or by a parent,
 * controls outside their widget or dialog or on top of each other, and visible text that is not
 * pseudo-localised. Returns `{ problems, strings }` (strings: how many texts were checked).
 */
export function l10nProblems(page) {
  return page.evaluate((pseudo) => {
    const problems = [];
    let strings = 0;
    const TOLERANCE = 1;
    const describe = (el) => {
      const part = el.getAttribute('part');
      const text = (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `${el.localName}${el.id ? `#${el.id}` : ''}${part ? `[part="${part}"]` : ''}${text ? ` "${text}"` : ''}`;
    };

    // Words that are data: the fetched answers, what fields hold, and English as Intl writes it.
    const dataWords = new Set();
    const addWords = (text) => {
      for (const w of String(text).match(/[A-Za-z]{2,}/g) ?? []) dataWords.add(w.toLowerCase());
    };
    for (const s of globalThis.__l10nFetchedData ?? []) addWords(s);
    const intl = [];
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2025, m, 15, 15));
      for (const month of ['long', 'short']) intl.push(new Intl.DateTimeFormat('en', { month }).format(d));
      for (const weekday of ['long', 'short']) intl.push(new Intl.DateTimeFormat('en', { weekday }).format(new Date(Date.UTC(2025, 0, 5 + m))));
    }
    intl.push(new Intl.DateTimeFormat('en', { timeStyle: 'full', dateStyle: 'full' }).format(new Date()));
    intl.push(new Intl.DateTimeFormat('en', { hour: 'numeric', hour12: true }).format(new Date(Date.UTC(2025, 0, 1, 3))), new Intl.DateTimeFormat('en', { hour: 'numeric', hour12: true }).format(new Date(Date.UTC(2025, 0, 1, 15))));
    for (const numeric of ['auto', 'always']) {
      const rtf = new Intl.RelativeTimeFormat('en', { numeric });
      for (const unit of ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second']) for (const n of [-2, -1, 0, 1, 2]) intl.push(rtf.format(n, unit));
    }
    for (const type of ['conjunction', 'disjunction']) intl.push(new Intl.ListFormat('en', { type }).format(['a', 'b', 'c']));
    intl.forEach(addWords);

    const widgets = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        if (el.localName !== 'portal-provider') widgets.push(el);
        collect(el.shadowRoot);
      }
    };
    collect(document);
    // What a field holds was typed or chosen by the person: data.
    for (const widget of widgets) {
      const fields = (root) => {
        for (const el of root.querySelectorAll('input, textarea, select')) addWords(el.value);
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot && !widgets.includes(el)) fields(el.shadowRoot);
      };
      fields(widget.shadowRoot);
    }

    const isControl = (el) =>
      ['button', 'select', 'textarea'].includes(el.localName) ||
      (el.localName === 'input' && el.type !== 'hidden') ||
      (el.localName === 'a' && el.hasAttribute('href')) ||
      ['button', 'link', 'switch', 'checkbox', 'radio', 'tab', 'menuitem', 'combobox', 'textbox'].includes(el.getAttribute('role'));
    const parentOf = (el) => el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
    const contains = (a, b) => {
      for (let n = b; n; n = parentOf(n)) if (n === a) return true;
      return false;
    };
    const ownText = (el) =>
      [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.data)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();

    const notPseudo = (text) => {
      const words = text
        .replace(/\S+@\S+/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ')
        // A domain name (a suggested correction: gmail.com) is an address, not words.
        .replace(/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[a-z]{2,}\b/g, ' ')
        .match(/[A-Za-z]{2,}/g);
      // An acronym or code (PNG, CVC) is the same in every language.
      return (words ?? []).filter((w) => !dataWords.has(w.toLowerCase()) && !/^[A-Z]{2,5}$/.test(w));
    };

    for (const widget of widgets) {
      const box = widget.getBoundingClientRect();
      if (box.width === 0) continue;
      const controls = [];
      // `srOnly`: inside text kept for screen readers only (a 1 px box that hides its content, like
      // a table's header row in a narrow column): its words count, its layout does not.
      const walk = (root, layer, srOnly = false) => {
        for (const el of root.children) {
          if (['style', 'script', 'template'].includes(el.localName)) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          let inner = layer;
          if (el.localName === 'dialog') {
            if (!el.open) continue;
            inner = el;
          }
          const rect = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const hidesOverflow = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
          const inSrOnly = srOnly || ((rect.width <= 1 || rect.height <= 1) && hidesOverflow);
          const tiny = inSrOnly || rect.width <= 1 || rect.height <= 1;
          const text = ownText(el);

          // Hard-coded strings: visible text and the labels a screen reader reads.
          const texts = [text, ...['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? '')].filter((t) => /[\p{L}]/u.test(t));
          for (const t of texts) {
            strings++;
            const english = notPseudo(t);
            if (english.length) problems.push(`${widget.localName}: not localised: "${t.slice(0, 80)}" (${[...new Set(english)].join(', ')}) in ${describe(el)}`);
          }

          if (!tiny) {
            // Text cut off by its own box: ellipsis, or hidden overflow in either direction.
            if (text) {
              const clipsX = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + TOLERANCE;
              const clipsY = ['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + TOLERANCE;
              if ((clipsX || clipsY) && !['input', 'textarea', 'select'].includes(el.localName)) {
                problems.push(`${widget.localName}: truncated text: ${describe(el)} (${clipsX ? `${el.scrollWidth} px wide in ${el.clientWidth}` : `${el.scrollHeight} px tall in ${el.clientHeight}`})`);
              }
            }
            // Text or a control cut off by a parent that hides what sticks out.
            if (text || isControl(el)) {
              for (let a = parentOf(el); a && a !== widget; a = parentOf(a)) {
                const s = getComputedStyle(a);
                const r = a.getBoundingClientRect();
                const outX = ['hidden', 'clip'].includes(s.overflowX) && (rect.left < r.left - TOLERANCE || rect.right > r.right + TOLERANCE);
                const outY = ['hidden', 'clip'].includes(s.overflowY) && (rect.top < r.top - TOLERANCE || rect.bottom > r.bottom + TOLERANCE);
                if (outX || outY) {
                  problems.push(`${widget.localName}: clipped ${isControl(el) ? 'control' : 'text'}: ${describe(el)} sticks out of ${describe(a).slice(0, 40)}, which hides it`);
                  break;
                }
              }
            }
            if (isControl(el)) {
              const frame = inner ? inner.getBoundingClientRect() : box;
              const frameName = inner ? `its dialog` : `the ${widget.localName}`;
              const outside = rect.left < frame.left - TOLERANCE || rect.right > frame.right + TOLERANCE || (inner && (rect.top < frame.top - TOLERANCE - inner.scrollTop || rect.bottom > frame.top + inner.scrollHeight + TOLERANCE));
              if (outside) problems.push(`${widget.localName}: clipped control: ${describe(el)} is not inside ${frameName}`);
              controls.push({ el, rect, layer: inner });
            }
          }
          walk(el, inner, inSrOnly);
          if (el.shadowRoot && !widgets.includes(el)) walk(el.shadowRoot, inner, inSrOnly);
        }
      };
      walk(widget.shadowRoot, null);

      // Controls on top of each other (in the same layer: a modal dialog covers the rest).
      for (let i = 0; i < controls.length; i++) {
        for (let j = i + 1; j < controls.length; j++) {
          const [a, b] = [controls[i], controls[j]];
          if (a.layer !== b.layer || contains(a.el, b.el) || contains(b.el, a.el)) continue;
          const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (w > 2 && h > 2) problems.push(`${widget.localName}: overlapping controls: ${describe(a.el)} and ${describe(b.el)} (${Math.round(w)}×${Math.round(h)} px)`);
        }
      }
    }
    return { problems: [...new Set(problems)], strings };
  }, PSEUDO);
}

/**
 * Proves the check can fail: into the widget of a story already shown in the pseudo-locale, puts one
 * of each mistake (an English sentence, text cut off by an ellipsis, a button pushed out of the
 * widget, two buttons on top of each other) and returns the kinds the check missed.
 */
export async function missedPlantedMistakes(page) {
  await page.evaluate(() => {
    const widget = [...document.querySelectorAll('#storybook-root *')].find((el) => el.shadowRoot && el.localName !== 'portal-provider');
    const root = widget.shadowRoot;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      .planted-cut { width: 40px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
      .planted-out { position: relative; inset-inline-start: 200vw; }
      .planted-a, .planted-b { position: absolute; inset-block-start: 0; inset-inline-start: 0; width: 80px; }
      .planted-box { position: relative; height: 40px; }`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const box = document.createElement('div');
    box.className = 'planted-box';
    const english = document.createElement('p');
    english.textContent = 'Hard-coded sentence';
    const cut = document.createElement('p');
    cut.className = 'planted-cut';
    cut.textContent = '⟦Ļööñĝ ţéẋţ ţĥåţ ðöéš ñöţ ƒîţ⟧';
    const out = document.createElement('button');
    out.className = 'planted-out';
    out.textContent = '⟦Öûţ⟧';
    const [a, b] = ['a', 'b'].map((n) => {
      const button = document.createElement('button');
      button.className = `planted-${n}`;
      button.textContent = `⟦${n}${n}⟧`;
      return button;
    });
    box.append(a, b);
    root.append(english, cut, out, box);
  });
  const { problems } = await l10nProblems(page);
  const kinds = { 'not localised': /not localised: "Hard-coded sentence"/, 'truncated text': /truncated text: p/, 'clipped control': /clipped control: button/, 'overlapping controls': /overlapping controls/ };
  return Object.entries(kinds)
    .filter(([, pattern]) => !problems.some((p) => pattern.test(p)))
    .map(([kind]) => kind);
}
