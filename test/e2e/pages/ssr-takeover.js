// The browser half of test/e2e/ssr.test.mjs: the mock answers first, then the SDK upgrades the
// server-rendered elements (as a host's deferred bundle would).
const load = (src) =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });

// Set before the upgrade, as a host's framework may: the element picks the property up.
for (const provider of document.querySelectorAll('portal-provider')) provider.getToken = async () => 'demo-token';

load('/dist/portal-widgets-mock.iife.js')
  .then(() => window.PortalWidgetsMock.start({ world: 'default' }))
  .then(() => load('/dist/portal-widgets.iife.js'));
