// `npm run bench`: timings in headless Chromium, each a median of N runs with min and max, and the
// floor measured in the same run. Timings are printed, never asserted (shared machines are noisy);
// the deterministic figures (bytes, requests, DOM nodes) are enforced by npm test instead.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serve } from './serve.mjs';
import { startHttpMock } from '../mock-server/http.js';
import registry from '../src/widgets.json' with { type: 'json' };

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const MEMORY_CYCLES = Number(process.env.BENCH_CYCLES ?? 500);
/** CPU slow-down factors the start-up figures are taken at (CDP `Emulation.setCPUThrottlingRate`). */
const CPU_RATES = (process.env.BENCH_CPU ?? '1,4').split(',').map(Number);
/** An earlier build of the IIFE to measure in the same run, for before/after figures. */
const BASELINE = process.env.BENCH_BASELINE;
/**
 * `BENCH_HOST_CSS=content-visibility`: every page links `bench/host-content-visibility.css`, the
 * rule a host of a long page of widgets can add (off-screen widgets are not rendered until needed).
 */
const HOST_CSS = process.env.BENCH_HOST_CSS;
/** `BENCH_ONLY=startup`: only the start-up figures (section 2). */
const ONLY_STARTUP = process.env.BENCH_ONLY === 'startup';
/** `BENCH_PROFILE=<cpu rate>`: print a CPU profile summary of the start-up instead of timings. */
const PROFILE = process.env.BENCH_PROFILE ? Number(process.env.BENCH_PROFILE) : 0;
const PAGE_FLIPS = 20;
/** The widgets of a client's page (the registry's client-scoped ones): what "all" means below. */
const TAGS = registry.widgets.filter((w) => w.clientScoped).map((w) => w.tag);
/** The page's query: which client, and which widgets bench/mount.js places. */
const QUERY = `client=cl_active&tags=${TAGS.join(',')}`;

type Recording = { status: number; headers: Record<string, string>; body: string };
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
};
const fmt = (n: number) => n.toFixed(1);

if (!existsSync('dist/portal-widgets.iife.js')) throw new Error('Run `npm run build` first.');
/** `BENCH_ONLY=overview`: only the practice overview's figures (section 5). */
const ONLY_OVERVIEW = process.env.BENCH_ONLY === 'overview';
await build({ entryPoints: ['bench/floor.ts'], outfile: 'bench/floor.bundle.js', bundle: true, format: 'iife', minify: true, target: 'es2022', logLevel: 'error' });

const site = await serve({ port: 0 });
const mock = await startHttpMock({ port: 0, world: 'default' });
const browser: Browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  headless: true,
});
const mockOrigin = new URL(mock.url).origin;

/** A page whose portal API calls go to the HTTP mock (optionally recording them). */
async function proxiedPage(record?: Map<string, Recording>): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.route('**/api/portal/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: mockOrigin + url.pathname + url.search });
    if (record && route.request().method() === 'GET') {
      record.set(`GET ${url.pathname}${url.search}`, { status: response.status(), headers: response.headers(), body: await response.text() });
    }
    await route.fulfill({ response });
  });
  return page;
}

// 5. The practice overview with 20,000 clients (run first when BENCH_ONLY=overview, then exits).
const OVERVIEW_FLIPS = 20;
async function benchOverview() {
  const large = await startHttpMock({ port: 0, world: 'large-practice' });
  const largeOrigin = new URL(large.url).origin;
  // The counts over 20,011 clients, from the mock (it diagnoses every client on each request).
  const countsMs: number[] = [];
  let countsBytes = 0;
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    const t0 = performance.now();
    const res = await fetch(`${large.url}/portal-overview`, { headers: { authorization: 'Bearer bench' } });
    countsBytes = (await res.text()).length;
    countsMs.push(performance.now() - t0);
  }
  // Record the counts answer, then replay it in the page 150 ms after start, as section 2 does per widget.
  const recorded = new Map<string, Recording>();
  const rec = await (await browser.newContext()).newPage();
  await rec.route('**/api/portal/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: largeOrigin + url.pathname + url.search });
    if (route.request().method() === 'GET') recorded.set(`GET ${url.pathname}${url.search}`, { status: response.status(), headers: response.headers(), body: await response.text() });
    await route.fulfill({ response });
  });
  await rec.goto(`${site.url}/bench/overview.html`);
  await rec.evaluate(() => (window as any).__mounted);
  await rec.context().close();
  const firstPaint: number[] = [];
  const answerToRendered: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(([r]) => {
      (window as any).__portalRecordings = r;
      (window as any).__portalAnswerSpacingMs = 150;
    }, [Object.fromEntries(recorded)] as const);
    await page.goto(`${site.url}/bench/overview.html`);
    firstPaint.push(await page.evaluate(() => (window as any).__mounted));
    answerToRendered.push(await page.evaluate(() => (window as any).__renderedAt - Math.max(...(window as any).__answeredAt)));
    await page.context().close();
  }
  // Paging a finding of thousands against the HTTP mock: DOM nodes stay those of one page.
  const page = await (await browser.newContext()).newPage();
  await page.route('**/api/portal/**', async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: largeOrigin + url.pathname + url.search }) });
  });
  await page.goto(`${site.url}/bench/overview.html`);
  await page.evaluate(() => (window as any).__mounted);
  const overview = page.locator('portal-practice-overview');
  await overview.locator('[data-finding="never_signed_in"]').click();
  await overview.locator('[part~="row"]').first().waitFor();
  const countNodes = (): Promise<number> =>
    page.evaluate(`(() => {
      const count = (root) => [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
      return count(document.querySelector('portal-practice-overview').shadowRoot);
    })()`);
  const nodesFirst = await countNodes();
  const flips: number[] = [];
  for (let i = 0; i < OVERVIEW_FLIPS; i++) {
    const before = await page.evaluate(() => document.querySelector('portal-practice-overview')!.shadowRoot!.querySelector('.page-status')!.textContent);
    const t0 = Date.now();
    await overview.getByRole('button', { name: 'Next' }).click({ timeout: 20_000 });
    await page.waitForFunction((b) => document.querySelector('portal-practice-overview')!.shadowRoot!.querySelector('.page-status')!.textContent !== b, before, { timeout: 20_000 });
    flips.push(Date.now() - t0);
  }
  const nodesAfter = await countNodes();
  await page.context().close();
  await large.close();
  return { countsMs: stats(countsMs), countsBytes, firstPaint: stats(firstPaint), answerToRendered: stats(answerToRendered), nodesFirst, nodesAfter, flips: stats(flips) };
}
function printOverview(o: Awaited<ReturnType<typeof benchOverview>>) {
  console.log(`| practice overview, 20,011 clients: counts answered by the mock, one request (ms; ${(o.countsBytes / 1024).toFixed(1)} KB) | ${fmt(o.countsMs.median)} | ${fmt(o.countsMs.min)} | ${fmt(o.countsMs.max)} |`);
  console.log(`| practice overview: from the counts answer to rendered and laid out (answer 150 ms after start) (ms) | ${fmt(o.answerToRendered.median)} | ${fmt(o.answerToRendered.min)} | ${fmt(o.answerToRendered.max)} |`);
  console.log(`| practice overview: first paint from script start, counts replayed in-page (ms) | ${fmt(o.firstPaint.median)} | ${fmt(o.firstPaint.min)} | ${fmt(o.firstPaint.max)} |`);
  console.log(`| practice overview: DOM nodes, a finding's first page / after ${OVERVIEW_FLIPS} page flips | ${o.nodesFirst} / ${o.nodesAfter} | | |`);
  console.log(`| practice overview: one page flip against the HTTP mock (ms) | ${fmt(o.flips.median)} | ${fmt(o.flips.min)} | ${fmt(o.flips.max)} |`);
}
if (ONLY_OVERVIEW) {
  const o = await benchOverview();
  await browser.close();
  await mock.close();
  await site.close();
  console.log(`\n## Benchmark: practice overview (${RUNS} runs, Chromium headless, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| measure | median | min | max |');
  console.log('|---|---:|---:|---:|');
  printOverview(o);
  process.exit(0);
}

// 1. Record what the widgets ask for, for one client: all five together (the request count), and
// each alone (the URLs its floor element fetches).
const recordings = new Map<string, Recording>();
/**
 * What a widget shows once its data is in, as static markup: its shadow DOM (nested shadow roots as
 * declarative ones, Lit's comment markers dropped) and each shadow root's styles, roots in document
 * order (a root before what it contains), to be adopted as constructed style sheets (the pages'
 * CSP refuses inline styles, as hosts' do).
 */
const SERIALIZE_WIDGETS = `((tags) => {
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let sheets;
  const root = (r) => (sheets.push(r.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('')).join('')), children(r));
  const children = (parent) => [...parent.childNodes].map(node).join('');
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return escape(n.data);
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const attrs = [...n.attributes].map((a) => ' ' + a.name + '="' + a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"').join('');
    if (VOID.has(n.localName)) return '<' + n.localName + attrs + '>';
    const shadow = n.shadowRoot ? '<template shadowrootmode="open">' + root(n.shadowRoot) + '</template>' : '';
    return '<' + n.localName + attrs + '>' + shadow + children(n.localName === 'template' ? n.content : n) + '</' + n.localName + '>';
  };
  return Object.fromEntries(tags.map((tag) => { sheets = []; const html = root(document.querySelector(tag).shadowRoot); return [tag, { html, sheets }]; }));
})`;
/** Each widget's content once shown alone (the content bound's markup). */
const widgetContent: Record<string, { html: string; sheets: string[] }> = {};
async function record(tags: readonly string[]): Promise<string[]> {
  const page = await proxiedPage(recordings);
  await page.goto(`${site.url}/bench/mount.html?client=cl_active&tags=${tags.join(',')}`);
  await page.evaluate(() => (window as any).__mounted);
  const asked: string[] = await page.evaluate(() => (window as any).__portalRequests);
  if (tags.length === 1) Object.assign(widgetContent, await page.evaluate(`${SERIALIZE_WIDGETS}(${JSON.stringify(tags)})`));
  await page.context().close();
  return asked;
}
const requests = await record(TAGS);
/** The GET URLs each widget fetches on its own. */
const widgetUrls: Record<string, string[]> = {};
for (const tag of TAGS) widgetUrls[tag] = [...new Set(await record([tag]))].map((k) => k.slice(4));

/** The scripts pages load, served from memory so the SDK, the baseline and the floor load alike. */
const scripts = new Map<string, Buffer>([
  ['/dist/portal-widgets.iife.js', readFileSync('dist/portal-widgets.iife.js')],
  ['/bench/floor.bundle.js', readFileSync('bench/floor.bundle.js')],
]);
if (BASELINE) scripts.set('/baseline/portal-widgets.iife.js', readFileSync(BASELINE));

async function replayPage(options: { latencyMs?: number; answerSpacingMs?: number; cpu?: number; floorTags?: readonly string[]; sdk?: string; withContent?: boolean } = {}): Promise<Page> {
  const { latencyMs = 0, answerSpacingMs = 0, cpu = 1, floorTags = TAGS, sdk, withContent = false } = options;
  const page = await (await browser.newContext()).newPage();
  const recorded = Object.fromEntries(recordings);
  const floorGroups = Object.fromEntries(floorTags.map((tag) => [tag, widgetUrls[tag]!]));
  await page.addInitScript(
    ([rec, groups, latency, spacing, content]) => {
      (window as any).__portalRecordings = rec;
      (window as any).__floorGroups = groups;
      if (content) (window as any).__floorContent = content;
      (window as any).__portalLatencyMs = latency;
      (window as any).__portalAnswerSpacingMs = spacing;
    },
    [recorded, floorGroups, latencyMs, answerSpacingMs, withContent ? widgetContent : null] as const,
  );
  await page.route(/\.js$/, async (route) => {
    let path = new URL(route.request().url()).pathname;
    if (sdk && path === '/dist/portal-widgets.iife.js') path = sdk;
    const body = scripts.get(path);
    if (body) await route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' });
    else await route.continue();
  });
  if (HOST_CSS) {
    // The host's own stylesheet, linked as the page starts (a same-origin file: the pages' CSP allows it).
    await page.addInitScript((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.documentElement.append(link);
    }, `/bench/host-${HOST_CSS}.css`);
  }
  if (cpu !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  return page;
}

// `BENCH_PROFILE=<cpu rate>`: instead of timing, profile the start-up of all the client's widgets a few
// times (CDP Profiler, 100 µs sampling) and print where the main thread's time goes, by source
// file (through the IIFE's source map) and by phase: before the first request leaves, while the
// requests are out, and from the first answer to everything on screen.
if (PROFILE) {
  // Profiled: the same sources bundled without minification, one statement a line, so the
  // profiler's line ticks say which module's top-level code ran (the IIFE is one function).
  await build({ entryPoints: ['src/iife.ts'], outfile: 'bench/profile.bundle.js', bundle: true, format: 'iife', globalName: 'PortalWidgets', sourcemap: true, target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
  scripts.set('/dist/portal-widgets.iife.js', readFileSync('bench/profile.bundle.js'));
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const map = new TraceMap(readFileSync('bench/profile.bundle.js.map', 'utf8'));
  const sourceBucket = (line: number, column: number): string => {
    const source = originalPositionFor(map, { line, column }).source ?? '(unmapped)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (m) return m[1]!;
    return source.replace(/^.*?\/src\//, 'src/').replace(/^(src\/components\/[^/]+)\/.*$/, '$1/*');
  };
  /** Where a node's self time goes: by its lines' ticks when it has them, else by where it starts. */
  const bucketsOf = (node: { callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string }; positionTicks?: { line: number; ticks: number }[] }): [string, number][] => {
    const f = node.callFrame;
    if (!f.url) return [[f.functionName.startsWith('(') ? f.functionName : '(native)', 1]];
    if (!f.url.includes('/dist/portal-widgets.iife.js')) return [[f.url.includes('/bench/') ? '(bench page)' : f.url, 1]];
    const ticks = node.positionTicks ?? [];
    const total = ticks.reduce((a, p) => a + p.ticks, 0);
    if (!total) return [[sourceBucket(f.lineNumber + 1, f.columnNumber), 1]];
    const shares = new Map<string, number>();
    for (const p of ticks) {
      const bucket = sourceBucket(p.line, p.line === f.lineNumber + 1 ? f.columnNumber : 0);
      shares.set(bucket, (shares.get(bucket) ?? 0) + p.ticks / total);
    }
    return [...shares];
  };
  const phases = ['before first request', 'requests out', 'answers → on screen', 'after'] as const;
  /** Self time by source and phase, one record a run; the summary takes medians (noisy machines). */
  const runTotals: Record<string, Record<string, number>>[] = [];
  const runs = Math.max(1, Math.min(RUNS, 5));
  let missed = 0;
  /** `BENCH_PROFILE_TOP=n`: also list the n functions with the most self time in each phase (means). */
  const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 0);
  const functions: Record<string, Record<string, number>> = {};
  for (let i = 0; i < runs; i++) {
    const page = await replayPage({ cpu: PROFILE });
    await page.addInitScript(() => ((window as any).__benchAlignClock = true));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${site.url}/bench/mount.html?${QUERY}`);
    await page.evaluate(() => (window as any).__mounted);
    // Phase boundaries, in ms since script start.
    const marks: { firstRequest: number; firstAnswer: number; onScreen: number } = await page.evaluate(() => {
      const start = performance.getEntriesByName('script-start')[0]!.startTime;
      return {
        firstRequest: (window as any).__firstRequestAt - start,
        firstAnswer: Math.min(...(window as any).__answeredAt) - start,
        onScreen: Math.max(...Object.values((window as any).__onScreenAt as Record<string, number>)) - start,
      };
    });
    const { profile } = await cdp.send('Profiler.stop');
    await page.context().close();
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const perRun: Record<string, Record<string, number>> = {};
    runTotals.push(perRun);
    let t = profile.startTime;
    const at = profile.timeDeltas!.map((d) => (t += d) / 1000);
    // The profiler's clock, aligned with the page's by the spin in bench/mark-start.js.
    const aligned = profile.samples!.findIndex((id) => nodes.get(id)!.callFrame.functionName === 'benchAlignClock');
    if (aligned < 0) {
      // A busy machine can delay the sampler past the spin: measure again (bounded by `tries`).
      if (++missed > runs) throw new Error('The profile keeps missing the clock-alignment spin.');
      i--;
      continue;
    }
    const ms = (k: number) => at[k]! - at[aligned]! - 5;
    const phaseOf = (x: number) => (x < marks.firstRequest ? 0 : x < marks.firstAnswer ? 1 : x <= marks.onScreen ? 2 : 3);
    for (let k = 0; k < profile.samples!.length; k++) {
      const node = nodes.get(profile.samples![k]!)!;
      const f = node.callFrame;
      if (f.functionName === '(idle)' || f.functionName === 'benchAlignClock') continue;
      if (ms(k) < 0) continue;
      const phase = phases[phaseOf(ms(k))]!;
      const dt = (profile.timeDeltas![k + 1] ?? 0) / 1000;
      for (const [bucket, share] of bucketsOf(node)) ((perRun[bucket] ??= {})[phase] ??= 0), (perRun[bucket]![phase]! += dt * share);
      // Functions by self time (with their caller, when the function is a native one).
      if (TOP) {
        const parent = profile.nodes.find((n) => n.children?.includes(node.id));
        const own = `${f.functionName || '(anonymous)'} ${bucketsOf(node)[0]![0]}`;
        const label = f.url ? own : `${own} ← ${parent?.callFrame.functionName || '(anonymous)'} ${parent ? bucketsOf(parent)[0]![0] : ''}`;
        ((functions[phase] ??= {})[label] ??= 0), (functions[phase]![label]! += dt / runs);
      }
    }
    console.log(`run ${i + 1}: first request ${fmt(marks.firstRequest)} ms, first answer ${fmt(marks.firstAnswer)} ms, all rendered ${fmt(marks.onScreen)} ms`);
  }
  const buckets = new Set(runTotals.flatMap((r) => Object.keys(r)));
  const median = (xs: number[]) => stats(xs).median;
  const rows = [...buckets]
    .map((bucket) => {
      const byPhase = Object.fromEntries(phases.map((p) => [p, median(runTotals.map((r) => r[bucket]?.[p] ?? 0))]));
      return [bucket, byPhase, median(runTotals.map((r) => Object.values(r[bucket] ?? {}).reduce((a, b) => a + b, 0)))] as const;
    })
    .sort((a, b) => b[2] - a[2]);
  console.log(`\n## Profile, CPU ${PROFILE}×, all ${TAGS.length} widgets, self time by source (ms, median of ${runs} runs)\n`);
  console.log(`| source | ${phases.join(' | ')} | total |`);
  console.log(`|---|${phases.map(() => '---:').join('|')}|---:|`);
  for (const [bucket, byPhase, total] of rows.filter((r) => r[2] >= 0.5)) console.log(`| ${bucket} | ${phases.map((p) => fmt(byPhase[p] ?? 0)).join(' | ')} | ${fmt(total)} |`);
  const sum = (p: string) => rows.reduce((a, r) => a + (r[1][p] ?? 0), 0);
  console.log(`| **all** | ${phases.map((p) => fmt(sum(p))).join(' | ')} | ${fmt(rows.reduce((a, r) => a + r[2], 0))} |`);
  for (const phase of TOP ? phases : []) {
    console.log(`\n### ${phase}: top functions by self time (ms, mean)\n`);
    for (const [label, ms] of Object.entries(functions[phase] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`- ${fmt(ms)} ${label}`);
  }
  // Style and layout, from a trace of the same start-up: how many style recalculations and layouts
  // ran between script start and everything on screen, how long they took, and which were forced
  // by script (they carry the stack that asked).
  // Traced: the profiled build, and the baseline build too when one is given (minified as it ships).
  const tracedBuilds: [string, string | undefined][] = [['this build', undefined], ...(BASELINE ? [['baseline', '/baseline/portal-widgets.iife.js'] as [string, string]] : [])];
  for (const [buildName, sdk] of tracedBuilds) {
    const traced: { recalcs: number; recalcMs: number; forcedRecalcs: number; layouts: number; layoutMs: number; forcedLayouts: number; fontLookups: number; fontMs: number; forcedBy: string[] }[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await replayPage({ cpu: PROFILE, sdk });
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing', 'fonts', ...(process.env.BENCH_TRACE_FILE ? ['blink', 'disabled-by-default-devtools.timeline'] : [])] });
      await page.goto(`${site.url}/bench/mount.html?${QUERY}`);
      const onScreenAt: number = await page.evaluate(() => (window as any).__mounted.then(() => Math.max(...Object.values((window as any).__onScreenAt as Record<string, number>)) - performance.getEntriesByName('script-start')[0]!.startTime));
      const trace = await browser.stopTracing();
      if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, trace);
      const events = (JSON.parse(trace.toString()) as { traceEvents: { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }[] }).traceEvents;
      await page.context().close();
      // The page's main thread is the one that made the script-start mark (the trace holds every
      // renderer, the browser's own pages included).
      const mark = events.find((e) => e.name === 'script-start');
      if (!mark) throw new Error('The trace has no script-start mark.');
      const start = mark.ts;
      const inWindow = (e: { ts: number; pid: number; tid: number }) => e.pid === mark.pid && e.tid === mark.tid && e.ts >= start && e.ts <= start + onScreenAt * 1000;
      const of = (name: string) => events.filter((e) => e.name === name && e.ph === 'X' && inWindow(e));
      const recalcs = of('UpdateLayoutTree');
      const layouts = of('Layout');
      const stackOf = (e: { args?: any }) => (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? []) as { functionName: string; url: string }[];
      const forced = [...recalcs, ...layouts].filter((e) => stackOf(e).length);
      // A font's first use on a page: on Linux a synchronous request to the browser process each.
      const fontLookups = events.filter((e) => e.name === 'FontCache::GetFontPlatformData' && (e.ph === 'X' || e.ph === 'B') && inWindow(e));
      traced.push({
        recalcs: recalcs.length,
        recalcMs: recalcs.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
        forcedRecalcs: recalcs.filter((e) => stackOf(e).length).length,
        layouts: layouts.length,
        layoutMs: layouts.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
        forcedLayouts: layouts.filter((e) => stackOf(e).length).length,
        fontLookups: fontLookups.length,
        fontMs: fontLookups.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
        forcedBy: forced.map((e) => `${e.name} ← ${stackOf(e)[0]!.functionName || '(anonymous)'} ${stackOf(e)[0]!.url.replace(/^.*\//, '')}`),
      });
    }
    const med = (k: 'recalcs' | 'recalcMs' | 'forcedRecalcs' | 'layouts' | 'layoutMs' | 'forcedLayouts' | 'fontLookups' | 'fontMs') => fmt(median(traced.map((t) => t[k])));
    console.log(`\n## Style and layout, ${buildName}, CPU ${PROFILE}×, script start → all ${TAGS.length} on screen (medians of ${runs} traced runs)\n`);
    console.log(`- style recalculations: ${med('recalcs')} (${med('forcedRecalcs')} forced by script), ${med('recalcMs')} ms`);
    console.log(`- layouts: ${med('layouts')} (${med('forcedLayouts')} forced by script), ${med('layoutMs')} ms`);
    console.log(`- font look-ups (\`FontCache::GetFontPlatformData\`): ${med('fontLookups')}, ${med('fontMs')} ms`);
    const forcedBy = new Map<string, number>();
    for (const t of traced) for (const f of t.forcedBy) forcedBy.set(f, (forcedBy.get(f) ?? 0) + 1 / runs);
    for (const [f, n] of [...forcedBy].sort((a, b) => b[1] - a[1])) console.log(`  - forced: ${f} (${n.toFixed(1)} a run)`);
  }
  await browser.close();
  await mock.close();
  await site.close();
  process.exit(0);
}

// 2. Start-up, at each CPU rate: the SDK (and the baseline build, if given) alternating with the
// floor in the same run, for all five widgets and for each widget alone.
type Mounted = { all: number; perWidget: Record<string, number>; firstRequest: number; sdkReady?: number };
/**
 * `bound`: the floor with the SDK's script also parsed and run and one date formatted per line: what
 * any page of this SDK pays before a widget does its own work, so the lowest ratio any widget work
 * could reach (`BENCH_BOUND=0` leaves it out).
 */
type Variant = 'sdk' | 'baseline' | 'floor' | 'bound' | 'content';
const WITH_BOUND = process.env.BENCH_BOUND !== '0';
/**
 * `content`: the floor showing, once its data is in, what each widget showed, as static markup and
 * styles (recorded above): what rendering the same content costs with no SDK code at all, so the
 * lowest ratio any implementation could reach (`BENCH_BOUND=0` leaves it out too).
 */
const VARIANTS: Variant[] = [...(['sdk', 'baseline', 'floor', 'bound', 'content'] as const)].filter((v) => (v !== 'baseline' || BASELINE) && ((v !== 'bound' && v !== 'content') || WITH_BOUND));
/** The five widgets issue #23 set its targets for (the activity log came later). */
const ISSUE_FIVE = TAGS.filter((tag) => tag !== 'portal-activity-log');
const SCENARIOS = [
  { name: `all ${TAGS.length}`, tags: TAGS },
  ...(ISSUE_FIVE.length < TAGS.length ? [{ name: `the ${ISSUE_FIVE.length} of issue #23`, tags: ISSUE_FIVE }] : []),
  ...TAGS.map((tag) => ({ name: tag, tags: [tag] })),
];
/** samples[cpu][scenario][variant][measure] */
const samples: Record<number, Record<string, Record<Variant, Record<string, number[]>>>> = {};
const push = (cpu: number, scenario: string, variant: Variant, measure: string, value: number) =>
  ((((samples[cpu] ??= {})[scenario] ??= {} as Record<Variant, Record<string, number[]>>)[variant] ??= {})[measure] ??= []).push(value);

async function startUp(cpu: number, scenario: (typeof SCENARIOS)[number], variant: Variant): Promise<void> {
  const page = await replayPage({ cpu, floorTags: scenario.tags, sdk: variant === 'baseline' ? '/baseline/portal-widgets.iife.js' : undefined, withContent: variant === 'content' });
  const path = { floor: 'floor.html', bound: 'floor-bound.html', content: 'floor.html', sdk: 'mount.html', baseline: 'mount.html' }[variant];
  await page.goto(`${site.url}/bench/${path}?client=cl_active&tags=${scenario.tags.join(',')}`);
  const m: Mounted = await page.evaluate(() => (window as any).__mounted);
  push(cpu, scenario.name, variant, 'first request', m.firstRequest);
  push(cpu, scenario.name, variant, 'all on screen', m.all);
  // Each widget's own figure on the page of all (they land in one frame, so all but equal).
  if (scenario === SCENARIOS[0]) for (const [tag, t] of Object.entries(m.perWidget)) push(cpu, scenario.name, variant, tag, t);
  if (m.sdkReady !== undefined) push(cpu, scenario.name, variant, 'script run', m.sdkReady);
  if (scenario.tags.length > 1) push(cpu, scenario.name, variant, 'warm remount', await page.evaluate(() => (window as any).__remount()));
  await page.context().close();
}

const startedAt = Date.now();
for (let i = 0; i < RUNS; i++) {
  for (const cpu of CPU_RATES) {
    for (const scenario of SCENARIOS) {
      // Alternate the order run by run, so neither variant always goes first.
      const order = i % 2 ? [...VARIANTS].reverse() : VARIANTS;
      for (const variant of order) await startUp(cpu, scenario, variant);
    }
  }
  process.stderr.write(`start-up: run ${i + 1} of ${RUNS} done (${((Date.now() - startedAt) / 1000).toFixed(0)} s)\n`);
}
const startUpSeconds = (Date.now() - startedAt) / 1000;

// 2b. At 1×: the answers' arrival to everything on screen, and each widget on its own.
const lastAnswerTimes: number[] = [];
/** The same, with every API answer 60 ms away: what a real network leaves the SDK to use. */
const LATENCY_MS = 60;
const lastAnswerLatencyTimes: number[] = [];
/** Each widget on its own: answers one at a time, this far apart. */
const ANSWER_SPACING_MS = 150;
const perWidgetRender: Record<string, number[]> = {};
for (let i = 0; i < (ONLY_STARTUP ? 0 : RUNS); i++) {
  const instant = await replayPage();
  await instant.goto(`${site.url}/bench/mount.html?${QUERY}`);
  await instant.evaluate(() => (window as any).__mounted);
  lastAnswerTimes.push(await instant.evaluate(() => (window as any).__lastAnswerToRendered));
  await instant.context().close();

  const slow = await replayPage({ latencyMs: LATENCY_MS });
  await slow.goto(`${site.url}/bench/mount.html?${QUERY}`);
  await slow.evaluate(() => (window as any).__mounted);
  lastAnswerLatencyTimes.push(await slow.evaluate(() => (window as any).__lastAnswerToRendered));
  await slow.context().close();

  const spaced = await replayPage({ answerSpacingMs: ANSWER_SPACING_MS });
  await spaced.goto(`${site.url}/bench/mount.html?${QUERY}`);
  await spaced.evaluate(() => (window as any).__mounted);
  const { answeredAt, renderedAt } = await spaced.evaluate(() => ({ answeredAt: (window as any).__answeredAt as number[], renderedAt: (window as any).__renderedAt as Record<string, number> }));
  for (const tag of TAGS) {
    // The answer that completed this widget's data is the last one before it rendered: answers
    // are spaced further apart than any render takes.
    const completing = Math.max(...answeredAt.filter((t) => t <= renderedAt[tag]!));
    (perWidgetRender[tag] ??= []).push(renderedAt[tag]! - completing);
  }
  await spaced.context().close();
}

// 3. Long lists for cl_large: time to first rows, DOM nodes, page flips.
async function longList(tag: string, nextName: RegExp) {
  const page = await proxiedPage();
  await page.goto(`${site.url}/bench/list.html?tag=${tag}&client=cl_large`);
  const firstRows: number = await page.evaluate(() => (window as any).__firstRows);
  // Page-side code is passed as source: tsx would otherwise wrap named functions in a helper the
  // page does not have.
  const countNodes = (): Promise<number> =>
    page.evaluate(`(() => {
      const count = (root) => [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
      return count(document.querySelector(${JSON.stringify(tag)}).shadowRoot);
    })()`);
  const nodesFirst = await countNodes();
  const flips: number[] = [];
  const next = page.locator(tag).getByRole('button', { name: nextName }).first();
  for (let i = 0; i < PAGE_FLIPS; i++) {
    const t0 = Date.now();
    const before = await page.evaluate((t) => document.querySelector(t)!.shadowRoot!.textContent, tag);
    // click() waits until the button is enabled again after the previous page loaded.
    const clicked = await next.click({ timeout: 10_000 }).then(() => true, () => false);
    if (!clicked) break;
    await page.waitForFunction(([t, b]) => document.querySelector(t)!.shadowRoot!.textContent !== b, [tag, before] as const, { timeout: 10_000 });
    flips.push(Date.now() - t0);
  }
  const nodesAfter = await countNodes();
  await page.context().close();
  return { firstRows, nodesFirst, nodesAfter, flips: flips.length ? stats(flips) : null, flipCount: flips.length };
}
const intake = ONLY_STARTUP ? null : await longList('intake-document-list', /next/i);
const history = ONLY_STARTUP ? null : await longList('billing-payment-methods', /next|older/i);

const overviewFigures = await benchOverview();

// 4. Memory: mount and remove all the client's widgets many times; heap after GC, before and after.
async function memory(): Promise<{ before: number; half: number; after: number }> {
const memPage = await replayPage();
await memPage.goto(`${site.url}/bench/mount.html?${QUERY}`);
await memPage.evaluate(() => (window as any).__mounted);
const heap: { before: number; half: number; after: number } = await memPage.evaluate(`(async () => {
  const used = () => (window.gc(), performance.memory.usedJSHeapSize);
  // The replayed fetch keeps a log of requests; here it would be the very growth being measured.
  window.__portalLogRequests = false;
  document.body.replaceChildren();
  const cycle = async (n) => {
    for (let i = 0; i < n; i++) {
      const provider = await window.__mountAll(document.body);
      provider.remove();
    }
    await new Promise((r) => setTimeout(r, 100));
  };
  const before = used();
  await cycle(${Math.floor(MEMORY_CYCLES / 2)});
  const half = used();
  await cycle(${MEMORY_CYCLES - Math.floor(MEMORY_CYCLES / 2)});
  return { before, half, after: used() };
})()`);
await memPage.context().close();
return heap;
}
const heap = ONLY_STARTUP ? null : await memory();

await browser.close();
await mock.close();
await site.close();

const unique = new Set(requests);
const dupes = [...unique].filter((k) => requests.filter((r) => r === k).length > 1);
const cell = (xs: number[] | undefined) => {
  if (!xs?.length) return '';
  const t = stats(xs);
  return `${fmt(t.median)} (${fmt(t.min)}–${fmt(t.max)})`;
};
const ratio = (a: number[] | undefined, b: number[] | undefined) => (a?.length && b?.length ? (stats(a).median / stats(b).median).toFixed(2) : '');
const MEASURE_NAMES: Record<string, string> = {
  'first request': 'script start → first request leaves',
  'all on screen': 'script start → data on screen',
  'script run': 'of which the script parsed and run',
  'warm remount': 'warm remount (a host switching clients) → all on screen',
};
console.log(`\n## Start-up (${RUNS} runs each, Chromium headless, ${new Date().toISOString().slice(0, 10)}; ${startUpSeconds.toFixed(0)} s)\n`);
console.log('ms from the SDK script starting (the floor: from its script starting); median (min–max); ratio of medians to the floor in the same run.\n');
for (const cpu of CPU_RATES) {
  console.log(`\n### CPU ${cpu}×\n`);
  // Columns: each measured build and its ratio, the floor, then the bound and its ratio.
  const builds = (['baseline', 'sdk'] as const).filter((v) => VARIANTS.includes(v));
  const title: Record<Variant, string> = { baseline: 'baseline', sdk: 'SDK', floor: 'floor', bound: 'floor + SDK script + a date', content: 'floor + the same content, static' };
  const columns = [...builds.flatMap((v) => [title[v], 'ratio']), 'floor', ...(WITH_BOUND ? [title.bound, 'ratio', title.content, 'ratio'] : [])];
  console.log(`| page | measure | ${columns.join(' | ')} |`);
  console.log(`|---|---|${columns.map(() => '---:').join('|')}|`);
  for (const scenario of SCENARIOS) {
    const bySdk = samples[cpu]![scenario.name]!;
    for (const measure of Object.keys(bySdk.sdk)) {
      const name = MEASURE_NAMES[measure] ?? `script start → ${measure} on screen`;
      const floor = bySdk.floor[measure];
      const of = (v: Variant) => [cell(bySdk[v]?.[measure]), ratio(bySdk[v]?.[measure], floor)];
      console.log(`| ${scenario.name} | ${name} | ${[...builds.flatMap(of), cell(floor), ...(WITH_BOUND ? [...of('bound'), ...of('content')] : [])].join(' | ')} |`);
    }
  }
}
if (ONLY_STARTUP) process.exit(0);

console.log(`\n## Other figures (${RUNS} runs each, CPU 1×)\n`);
console.log('| measure | median | min | max |');
console.log('|---|---:|---:|---:|');
const a = stats(lastAnswerTimes);
console.log(`| from the last API answer to all ${TAGS.length} on screen, first mount (ms) | ${fmt(a.median)} | ${fmt(a.min)} | ${fmt(a.max)} |`);
const al = stats(lastAnswerLatencyTimes);
console.log(`| the same with every answer ${LATENCY_MS} ms away (ms) | ${fmt(al.median)} | ${fmt(al.min)} | ${fmt(al.max)} |`);
for (const tag of TAGS) {
  const t = stats(perWidgetRender[tag]!);
  console.log(`| ${tag}: from the answer completing its data to rendered and laid out (answers ${ANSWER_SPACING_MS} ms apart) (ms) | ${fmt(t.median)} | ${fmt(t.min)} | ${fmt(t.max)} |`);
}
for (const [name, r] of [['intake list, cl_large (10,000 documents)', intake!], ['payment history, cl_large (10,000 payments)', history!]] as const) {
  console.log(`| ${name}: time to first rows (ms) | ${fmt(r.firstRows)} | | |`);
  console.log(`| ${name}: DOM nodes in the widget, first page / after ${r.flipCount} page flips | ${r.nodesFirst} / ${r.nodesAfter} | | |`);
  if (r.flips) console.log(`| ${name}: one page flip (ms) | ${fmt(r.flips.median)} | ${fmt(r.flips.min)} | ${fmt(r.flips.max)} |`);
}
console.log(`| requests for one client, all ${TAGS.length} widgets | ${requests.length} (${unique.size} distinct${dupes.length ? `; repeated: ${dupes.join(', ')}` : ''}) | | |`);
console.log(`| heap after GC, before / after ${MEMORY_CYCLES} mount+remove cycles (MB) | ${(heap!.before / 1e6).toFixed(2)} / ${(heap!.after / 1e6).toFixed(2)} (Δ ${((heap!.after - heap!.before) / 1e6).toFixed(2)}) | | |`);
const secondHalf = MEMORY_CYCLES - Math.floor(MEMORY_CYCLES / 2);
console.log(`| heap growth per cycle over the last ${secondHalf} cycles, once warm (bytes) | ${((heap!.after - heap!.half) / secondHalf).toFixed(0)} | | |`);
if (overviewFigures) printOverview(overviewFigures);
console.log(`\nTotal run time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s of measuring.`);
