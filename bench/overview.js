// Mounts <portal-practice-overview> and resolves window.__mounted once its counts are on screen;
// window.__renderedAt is when (after `portal-load`, with that frame's style and layout forced).
const provider = document.createElement('portal-provider');
provider.setAttribute('api-base', '/api/portal');
provider.getToken = () => 'bench-token';
const el = document.createElement('portal-practice-overview');
provider.append(el);
window.__mounted = new Promise((resolve) =>
  el.addEventListener(
    'portal-load',
    () => {
      void el.offsetHeight;
      window.__renderedAt = performance.now();
      resolve(window.__renderedAt - performance.getEntriesByName('script-start')[0].startTime);
    },
    { once: true },
  ),
);
document.body.append(provider);
