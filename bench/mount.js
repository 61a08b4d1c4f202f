// Places the widgets (`?tags=a,b`, all five by default) for one client and resolves window.__mounted
// with times from script start: the first request, each widget's data on screen, all of them.
const ALL_TAGS = ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods'];
const params = new URLSearchParams(location.search);
const TAGS = params.get('tags')?.split(',') ?? ALL_TAGS;
const clientId = params.get('client') ?? 'cl_active';

/**
 * Mounts the widgets; resolves with the provider (test/e2e/budgets.test.mjs relies on that). When
 * each widget's data was on screen, for the last mount, is in `window.__onScreenOf`.
 */
window.__mountAll = (parent) => {
  const provider = document.createElement('portal-provider');
  provider.setAttribute('api-base', '/api/portal');
  provider.getToken = () => 'bench-token';
  const onScreen = {};
  const loads = TAGS.map((tag) => {
    const el = document.createElement(tag);
    el.setAttribute('client-id', clientId);
    provider.append(el);
    return new Promise((resolve) =>
      el.addEventListener(
        'portal-load',
        () => {
          // portal-load fires once the data is rendered into the DOM (see docs/embedding.md). With
          // answers spaced apart, reading a layout property adds the style and layout work the
          // next frame would do anyway, so the widget's own figure holds all its work.
          if (window.__portalAnswerSpacingMs) void el.offsetHeight;
          (window.__renderedAt ??= {})[tag] = performance.now();
          void window.__afterNextFrame().then((t) => {
            onScreen[tag] = t;
            (window.__onScreenAt ??= {})[tag] = t;
            resolve();
          });
        },
        { once: true },
      ),
    );
  });
  parent.append(provider);
  window.__onScreenOf = onScreen;
  return Promise.all(loads).then(() => provider);
};

/** A second mount on the same page (a host switching clients): templates and formatters are warm. */
window.__remount = async () => {
  document.querySelector('portal-provider')?.remove();
  const t0 = performance.now();
  await window.__mountAll(document.body);
  return Math.max(...Object.values(window.__onScreenOf)) - t0;
};

window.__mounted = window.__mountAll(document.body).then(() => {
  const onScreen = window.__onScreenOf;
  // From the last answer to everything on screen: parsing, validation, rules and rendering.
  const last = Math.max(...Object.values(onScreen));
  window.__lastAnswerToRendered = last - Math.max(...(window.__answeredAt ?? [0]));
  return {
    all: window.__sinceScriptStart(last),
    perWidget: Object.fromEntries(Object.entries(onScreen).map(([tag, t]) => [tag, window.__sinceScriptStart(t)])),
    firstRequest: window.__sinceScriptStart(window.__firstRequestAt),
    sdkReady: window.__sinceScriptStart(performance.getEntriesByName('sdk-ready')[0].startTime),
  };
});
