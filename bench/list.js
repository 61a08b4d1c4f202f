// Mounts one widget and resolves window.__firstRows with the time until its first rows are on screen.
const params = new URLSearchParams(location.search);
const provider = document.createElement('portal-provider');
provider.setAttribute('api-base', '/api/portal');
provider.getToken = () => 'bench-token';
const el = document.createElement(params.get('tag'));
el.setAttribute('client-id', params.get('client'));
provider.append(el);
const t0 = performance.now();
document.body.append(provider);
window.__firstRows = new Promise((resolve) => {
  const check = () => {
    const rows = el.shadowRoot?.querySelectorAll('tbody tr, [role="row"], [part~="row"]');
    if (rows && rows.length > 1) resolve(performance.now() - t0);
    else requestAnimationFrame(check);
  };
  check();
});
