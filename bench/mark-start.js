// The clock starts when the SDK's script is about to run.
performance.mark('script-start');
// Profiling only (`BENCH_PROFILE`): a 5 ms spin the sampling profiler cannot miss, which aligns its
// clock with the page's.
if (window.__benchAlignClock) {
  (function benchAlignClock() {
    const t = performance.now();
    while (performance.now() - t < 5);
  })();
}
