// Installed before the SDK loads: answers portal API requests from recorded responses, in the page
// and with no latency, so the benchmark measures the widgets and not the network or the mock.
(() => {
  const recordings = window.__portalRecordings ?? {};
  const realFetch = window.fetch.bind(window);
  window.__portalRequests = [];
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}${url.search}`;
    window.__portalRequests.push(key);
    const rec = recordings[key];
    if (!rec) return realFetch(input, init);
    return new Response(rec.body, { status: rec.status, headers: rec.headers });
  };
})();
