// Installed before the SDK loads: answers portal API requests from recorded responses, in the page
// and with no latency, so the benchmark measures the widgets and not the network or the mock.
(() => {
  const recordings = window.__portalRecordings ?? {};
  const realFetch = window.fetch.bind(window);
  window.__portalRequests = [];
  /** When each recorded answer was handed to the SDK (performance.now()). */
  window.__answeredAt = [];
  /** When the first request left (performance.now()); the same for the floor and the SDK. */
  window.__firstRequestAt = undefined;
  let nextSlot = 0;
  window.fetch = async (input, init) => {
    window.__firstRequestAt ??= performance.now();
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}${url.search}`;
    // The memory benchmark turns the log off: it would otherwise be the heap growth it measures.
    if (window.__portalLogRequests !== false) window.__portalRequests.push(key);
    const rec = recordings[key];
    if (!rec) return realFetch(input, init);
    // Optional network latency, so work the SDK can do while waiting shows up as such.
    const latency = window.__portalLatencyMs ?? 0;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    // Optional spacing: answers leave one at a time, this far apart, so each widget's render can be
    // timed from the answer that completed its data without the others' work in between.
    const spacing = window.__portalAnswerSpacingMs ?? 0;
    if (spacing) {
      nextSlot = Math.max(performance.now(), nextSlot) + spacing;
      await new Promise((resolve) => setTimeout(resolve, nextSlot - performance.now()));
    }
    if (window.__portalLogRequests !== false) window.__answeredAt.push(performance.now());
    return new Response(rec.body, { status: rec.status, headers: rec.headers });
  };

  /**
   * Resolves with performance.now() once the frame after `portal-load` has been produced: a task
   * posted from that frame's animation callback runs after its style, layout and paint. The SDK and
   * the floor are both timed this way.
   */
  window.__afterNextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  window.__sinceScriptStart = (t) => t - performance.getEntriesByName('script-start')[0].startTime;
})();
