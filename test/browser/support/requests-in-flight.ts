// Counts the page's requests that have not finished yet, so a test can wait for quiet: a request
// left over from one test (a retried save, a refresh) must not reach the next test's fresh store.
let inFlight = 0;

/** Wraps `window.fetch` once; a request counts until its body has been read. */
export function trackRequests(): void {
  const realFetch = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    inFlight++;
    try {
      const response = await realFetch(...args);
      // The client decides a call failed (and forgets the shared call) only once it has read the
      // problem body; until then a new caller could still join it.
      await response.clone().arrayBuffer().catch(() => undefined);
      return response;
    } finally {
      inFlight--;
    }
  };
}

/** How many requests are on their way now (a test waits for one to be, to act mid-request). */
export function requestsInFlight(): number {
  return inFlight;
}

/**
 * Resolves once no request is in flight (checked every 20 ms), or after `timeoutMs` regardless
 * (false then). As patient as `findBy*`: a GET retried three times takes seconds on a busy machine.
 */
export async function requestsSettled(timeoutMs = 10_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (inFlight > 0) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
