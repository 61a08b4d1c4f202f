// Places the widgets for one client and resolves window.__mounted with the time from script
// start to every widget rendered with its data.
// Which widgets: `?widgets=` (scripts/bench.ts passes the registry's, src/widgets.json).
const query = new URLSearchParams(location.search);
const TAGS = (query.get('widgets') ?? '').split(',').filter(Boolean);
const clientId = query.get('client') ?? 'cl_active';

window.__mountAll = (parent) => {
  const provider = document.createElement('portal-provider');
  provider.setAttribute('api-base', '/api/portal');
  provider.getToken = () => 'bench-token';
  const loads = TAGS.map((tag) => {
    const el = document.createElement(tag);
    el.setAttribute('client-id', clientId);
    provider.append(el);
    return new Promise((resolve) =>
      el.addEventListener(
        'portal-load',
        () => {
          // portal-load fires once the data is rendered into the DOM (see docs/embedding.md); reading
          // a layout property adds the style and layout work the next frame would do anyway.
          if (window.__portalAnswerSpacingMs) void el.offsetHeight;
          (window.__renderedAt ??= {})[tag] = performance.now();
          resolve();
        },
        { once: true },
      ),
    );
  });
  parent.append(provider);
  return Promise.all(loads)
    .then(() => Promise.all([...provider.children].map((el) => el.updateComplete)))
    .then(() => provider);
};

/** A second mount on the same page (a host switching clients): templates and formatters are warm. */
window.__remount = async () => {
  document.querySelector('portal-provider')?.remove();
  const t0 = performance.now();
  await window.__mountAll(document.body);
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - t0;
};

window.__mounted = window
  .__mountAll(document.body)
  .then(() => new Promise((r) => requestAnimationFrame(() => r())))
  .then(() => {
    // From the last answer to everything on screen: parsing, validation, rules and rendering.
    window.__lastAnswerToRendered = performance.now() - Math.max(...(window.__answeredAt ?? [0]));
    return performance.now() - performance.getEntriesByName('script-start')[0].startTime;
  });
