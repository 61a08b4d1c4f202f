// Installed before the SDK loads: answers portal API requests from recorded responses, in the page
// and with no latency, so the benchmark measures the widgets and not the network or the mock.
(() => {
  const recordings = window.__portalRecordings ?? {};
  const realFetch = window.fetch.bind(window);
  window.__portalRequests = [];
  /** When each recorded answer was handed to the SDK (performance.now()). */
  window.__answeredAt = [];
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}${url.search}`;
    window.__portalRequests.push(key);
    const rec = recordings[key];
    if (!rec) return realFetch(input, init);
    // Optional network latency, so work the SDK can do while waiting shows up as such.
    const latency = window.__portalLatencyMs ?? 0;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    window.__answeredAt.push(performance.now());
    return new Response(rec.body, { status: rec.status, headers: rec.headers });
  };
})();
