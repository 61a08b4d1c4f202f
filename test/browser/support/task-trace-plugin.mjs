// A test-runner plugin that traces the page's main thread in Chromium and reports its tasks with
// their thread (CPU) time as well as their wall time. Thread time is what the page's own code
// costs, whatever else the machine is doing, so "no task over 50 ms" can be asserted on a busy
// machine without flaking; wall time is reported alongside.

/** Commands: `task-trace-start`, then `task-trace-stop` → `{ tasks: { wallMs, cpuMs }[] }`, longest CPU first. */
export function taskTracePlugin() {
  const running = new Map();
  return {
    name: 'task-trace',
    async executeCommand({ command, session }) {
      if (command !== 'task-trace-start' && command !== 'task-trace-stop') return undefined;
      const page = session.browser.getPage(session.id);
      const browser = page.context().browser();
      if (command === 'task-trace-start') {
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
        running.set(session.id, page.url());
        return true;
      }
      const url = running.get(session.id);
      running.delete(session.id);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const events = trace.traceEvents ?? trace;
      // The renderer process of this page: named by the trace's list of frames.
      const pids = new Set();
      for (const e of events) {
        for (const frame of e.args?.data?.frames ?? []) if (frame.url === url && frame.processId) pids.add(frame.processId);
      }
      const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pids.size === 0 || pids.has(e.pid))).map((e) => `${e.pid}:${e.tid}`));
      const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
      const ms = (us) => Math.round((us ?? 0) / 100) / 10;
      const tasks = onMain
        .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
        .map((e) => {
          // What the task spent its time on (direct work the trace names: script, style, layout, paint…).
          const parts = {};
          for (const c of onMain) {
            if (c === e || c.ts < e.ts || c.ts + c.dur > e.ts + e.dur || c.name === 'RunTask') continue;
            if (['FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RunMicrotasks', 'v8.run', 'HitTest', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet', 'v8.callFunction'].includes(c.name)) parts[c.name] = ms((parts[c.name] ?? 0) * 1000 + c.dur);
          }
          return { wallMs: ms(e.dur), cpuMs: ms(e.tdur ?? e.dur), parts };
        })
        .sort((a, b) => b.cpuMs - a.cpuMs);
      return { tasks: tasks.slice(0, 10), count: tasks.length };
    },
  };
}
