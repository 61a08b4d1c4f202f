// `npm run bench`: timings in headless Chromium, each a median of N runs with min and max, and the
// floor measured in the same run. Timings are printed, never asserted (shared machines are noisy);
// the deterministic figures (bytes, requests, DOM nodes) are enforced by npm test instead.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serve } from './serve.mjs';
import { startHttpMock } from '../mock-server/http.js';
import registry from '../src/widgets.json' with { type: 'json' };

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MEMORY_CYCLES = Number(process.env.BENCH_CYCLES ?? 500);
const PAGE_FLIPS = 20;
const TAGS = registry.widgets.map((w) => w.tag);
/** The page's query: which client, and which widgets bench/mount.js places (from the registry). */
const QUERY = `client=cl_active&widgets=${TAGS.join(',')}`;

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

// 1. Record what the five widgets ask for, for one client, and count the requests.
const recordings = new Map<string, Recording>();
const recordPage = await proxiedPage(recordings);
await recordPage.goto(`${site.url}/bench/mount.html?${QUERY}`);
await recordPage.evaluate(() => (window as any).__mounted);
const requests: string[] = await recordPage.evaluate(() => (window as any).__portalRequests);
await recordPage.context().close();

async function replayPage(latencyMs = 0, answerSpacingMs = 0): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const recorded = Object.fromEntries(recordings);
  const floorUrls = [...recordings.keys()].map((k) => k.slice(4));
  await page.addInitScript(
    ([rec, urls, latency, spacing]) => {
      (window as any).__portalRecordings = rec;
      (window as any).__floorUrls = urls;
      (window as any).__portalLatencyMs = latency;
      (window as any).__portalAnswerSpacingMs = spacing;
    },
    [recorded, floorUrls, latencyMs, answerSpacingMs] as const,
  );
  return page;
}

// 2. Mount time, widgets vs floor, interleaved so both see the same machine.
const widgetTimes: number[] = [];
const floorTimes: number[] = [];
const sdkEvalTimes: number[] = [];
const remountTimes: number[] = [];
const lastAnswerTimes: number[] = [];
/** The same, with every API answer 60 ms away: what a real network leaves the SDK to use. */
const LATENCY_MS = 60;
const lastAnswerLatencyTimes: number[] = [];
/** Each widget on its own: answers one at a time, this far apart. */
const ANSWER_SPACING_MS = 150;
const perWidgetRender: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
  for (const [path, into] of [['mount.html', widgetTimes], ['floor.html', floorTimes]] as const) {
    const page = await replayPage();
    await page.goto(`${site.url}/bench/${path}?${QUERY}`);
    into.push(await page.evaluate(() => (window as any).__mounted));
    if (path === 'mount.html') {
      lastAnswerTimes.push(await page.evaluate(() => (window as any).__lastAnswerToRendered));
      sdkEvalTimes.push(await page.evaluate(() => performance.getEntriesByName('sdk-ready')[0]!.startTime - performance.getEntriesByName('script-start')[0]!.startTime));
      remountTimes.push(await page.evaluate(() => (window as any).__remount()));
    }
    await page.context().close();
  }
  const slow = await replayPage(LATENCY_MS);
  await slow.goto(`${site.url}/bench/mount.html?${QUERY}`);
  await slow.evaluate(() => (window as any).__mounted);
  lastAnswerLatencyTimes.push(await slow.evaluate(() => (window as any).__lastAnswerToRendered));
  await slow.context().close();

  const spaced = await replayPage(0, ANSWER_SPACING_MS);
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
const intake = await longList('intake-document-list', /next/i);
const history = await longList('billing-payment-methods', /next|older/i);

const overviewFigures = await benchOverview();

// 4. Memory: mount and remove all five widgets many times; heap after GC, before and after.
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

await browser.close();
await mock.close();
await site.close();

const w = stats(widgetTimes);
const f = stats(floorTimes);
const unique = new Set(requests);
const dupes = [...unique].filter((k) => requests.filter((r) => r === k).length > 1);
console.log(`\n## Benchmark (${RUNS} runs each, Chromium headless, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| measure | median | min | max |');
console.log('|---|---:|---:|---:|');
console.log(`| mount: five widgets, cl_active, in-page API (ms) | ${fmt(w.median)} | ${fmt(w.min)} | ${fmt(w.max)} |`);
console.log(`| mount: floor, five bare Lit elements, same JSON (ms) | ${fmt(f.median)} | ${fmt(f.min)} | ${fmt(f.max)} |`);
console.log(`| ratio widgets / floor (medians) | ${(w.median / f.median).toFixed(2)} | | |`);
const e = stats(sdkEvalTimes);
const r = stats(remountTimes);
console.log(`| of the mount: the SDK script parsed and run (ms) | ${fmt(e.median)} | ${fmt(e.min)} | ${fmt(e.max)} |`);
console.log(`| mount again on the same page, warm (a host switching clients) (ms) | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`);
console.log(`| ratio warm mount / floor (medians) | ${(r.median / f.median).toFixed(2)} | | |`);
const a = stats(lastAnswerTimes);
console.log(`| from the last API answer to all five rendered, first mount (ms) | ${fmt(a.median)} | ${fmt(a.min)} | ${fmt(a.max)} |`);
const al = stats(lastAnswerLatencyTimes);
console.log(`| the same with every answer ${LATENCY_MS} ms away (ms) | ${fmt(al.median)} | ${fmt(al.min)} | ${fmt(al.max)} |`);
for (const tag of TAGS) {
  const t = stats(perWidgetRender[tag]!);
  console.log(`| ${tag}: from the answer completing its data to rendered and laid out (answers ${ANSWER_SPACING_MS} ms apart) (ms) | ${fmt(t.median)} | ${fmt(t.min)} | ${fmt(t.max)} |`);
}
for (const [name, r] of [['intake list, cl_large (10,000 documents)', intake], ['payment history, cl_large (10,000 payments)', history]] as const) {
  console.log(`| ${name}: time to first rows (ms) | ${fmt(r.firstRows)} | | |`);
  console.log(`| ${name}: DOM nodes in the widget, first page / after ${r.flipCount} page flips | ${r.nodesFirst} / ${r.nodesAfter} | | |`);
  if (r.flips) console.log(`| ${name}: one page flip (ms) | ${fmt(r.flips.median)} | ${fmt(r.flips.min)} | ${fmt(r.flips.max)} |`);
}
console.log(`| requests for one client, all five widgets | ${requests.length} (${unique.size} distinct${dupes.length ? `; repeated: ${dupes.join(', ')}` : ''}) | | |`);
console.log(`| heap after GC, before / after ${MEMORY_CYCLES} mount+remove cycles (MB) | ${(heap.before / 1e6).toFixed(2)} / ${(heap.after / 1e6).toFixed(2)} (Δ ${((heap.after - heap.before) / 1e6).toFixed(2)}) | | |`);
const secondHalf = MEMORY_CYCLES - Math.floor(MEMORY_CYCLES / 2);
console.log(`| heap growth per cycle over the last ${secondHalf} cycles, once warm (bytes) | ${((heap.after - heap.half) / secondHalf).toFixed(0)} | | |`);
printOverview(overviewFigures);
