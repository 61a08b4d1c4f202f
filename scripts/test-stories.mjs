// Renders every story of the built Storybook once in Chromium and fails on any error: a story that
// throws, shows Storybook's error display, or prints to the console. Keeps stories from rotting.
// Then, once the story has settled (its play function done, its dialogs open), it gives the story
// each host column width in turn (a resize, not a reload) and fails it when anything sticks out of
// its widget, is clipped, scrolls sideways or wraps a button's label (scripts/story-layout.mjs).
// Last, it shows the story again in the pseudo-locale, right to left then left to right, in a narrow
// and a wide column, and fails it on cut-off text, clipped or overlapping controls and words that
// are not localised (scripts/story-l10n.mjs).
// Usage: node scripts/test-stories.mjs [storybook-static]
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { HOST_WIDTHS, layoutProblems, setHostWidth } from './story-layout.mjs';
import { L10N_WIDTHS, PSEUDO, l10nProblems, missedPlantedMistakes, recordFetchedData, setDirection, showsPseudoLocale } from './story-l10n.mjs';

const dir = normalize(process.argv[2] ?? 'storybook-static');
/** Bounds, not speed limits: with the CPU busy a story can take several times as long to load. */
const STORY_TIMEOUT_MS = 30_000;
/** A desktop page wide enough for the widest host column (the page stays wide: only container queries can adapt). */
const DESKTOP = { width: Math.max(...HOST_WIDTHS) + 40, height: 900 };
/** A phone: the narrowest column is the whole screen, so an open dialog must fit it too. */
const PHONE = { width: Math.min(...HOST_WIDTHS), height: 720 };
/** Layout checks off (LAYOUT=0): to time or debug the rest alone. */
const checkLayout = process.env.LAYOUT !== '0';
/** The pseudo-locale and right-to-left pass: off with L10N=0; L10N=only skips the rest of the checks. */
const checkL10n = process.env.L10N !== '0';
const onlyL10n = process.env.L10N === 'only';
let layoutMs = 0;
let l10nMs = 0;
let l10nStrings = 0;
let l10nStories = 0;

const site = await serveStatic(dir);
const base = site.url;

const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
// STORIES=text limits the run to the stories whose id contains it (or one of several, comma-separated), and skips the docs pages.
const only = process.env.STORIES;
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || only.split(',').some((part) => e.id.includes(part))));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const failures = [];
/** What each story's first widget says when rendered alone, digits masked (times move on). */
const shownAlone = new Map();
const widgetText = (root) =>
  root.evaluate((el) => {
    const widget = [...el.querySelectorAll('*')].find((e) => e.shadowRoot && e.localName !== 'portal-provider');
    return widget ? widget.shadowRoot.textContent.replace(/\s+/g, ' ').replace(/\d+/g, '#').trim() : '';
  });
const started = Date.now();

async function renderStory(page, story) {
  const problems = [];
  const onConsole = (msg) => {
    if (['error', 'warning', 'log', 'info'].includes(msg.type())) problems.push(`console.${msg.type()}: ${msg.text()}`);
  };
  const onPageError = (err) => problems.push(`uncaught: ${err.message}`);
  // A story's own asset that is missing fails it; the mock API's deliberate 4xx/5xx (fault stories)
  // do not, and neither does Chromium's own "Failed to load resource" line about them.
  const onResponse = (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && !url.pathname.startsWith('/api/')) problems.push(`missing asset: ${url.pathname} (${response.status()})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  try {
    if (!onlyL10n) {
      await openStory(page, story, '', problems);
      shownAlone.set(story.id, await widgetText(await page.$('#storybook-root')));
      if (checkLayout) problems.push(...(await layoutAtEveryWidth(page)));
    }
    if (checkL10n) problems.push(...(await pseudoLocaleBothWays(page, story, problems)));
  } catch (error) {
    problems.push(`did not render: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('response', onResponse);
  }
  // Storybook's own harmless notices are not ours, and neither is msw's un-awaited
  // `registration.update()` (called as each story starts its worker), which a busy machine can see
  // rejected when the previous story's update is still in flight; the story's mock still answers.
  return problems.filter(
    (p) =>
      !/\[vite\]|Download the React DevTools|storybook/i.test(p) &&
      !/Failed to load resource: the server responded with a status of|Failed to load resource: net::ERR_FAILED/.test(p) &&
      !/^uncaught: Failed to update a ServiceWorker for scope .* Not found$/.test(p),
  );
}

/** Opens a story (with extra `globals`, e.g. `locale:en-XA`) and waits for its widgets to load. */
async function openStory(page, story, globals, problems) {
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${globals ? `&globals=${globals}` : ''}`, { timeout: STORY_TIMEOUT_MS });
  await page.waitForFunction(() => /sb-show-(main|errordisplay|nopreview)/.test(document.body.className), null, { timeout: STORY_TIMEOUT_MS });
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    problems.push(`error display: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`.trim());
  }
  // Let widgets finish loading. A story whose mock never answers a request (its Loading state) stays
  // pending on purpose and is judged as it is; any other is waited for (4 s was too short on a busy
  // machine: a story judged while loading recorded "Loading…" as what it shows alone).
  await page
    .waitForFunction(() => {
      const faults = globalThis.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.portal?.faults ?? {};
      if (Object.values(faults).some((fault) => fault?.hang)) return true;
      const pending = (root) => [...root.querySelectorAll('*')].some((el) => el.shadowRoot && (el.shadowRoot.querySelector('[part~="pending"]') || pending(el.shadowRoot)));
      return !pending(document);
    }, null, { timeout: STORY_TIMEOUT_MS, polling: 100 })
    .catch(() => {});
}

/** Waits for the story's play function (which may open a dialog) to finish. */
function playFinished(page) {
  return page.waitForFunction(() => ['finished', 'errored', 'aborted'].includes(globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase), null, { timeout: STORY_TIMEOUT_MS, polling: 50 });
}

/**
 * The story in the pseudo-locale, opened right to left (the Direction toolbar), then turned left to
 * right, each at a narrow and a wide column. Stories that pin their own locale (Spanish) are skipped.
 */
async function pseudoLocaleBothWays(page, story, problems) {
  const began = Date.now();
  const found = [];
  await openStory(page, story, `locale:${PSEUDO.locale};direction:rtl`, problems);
  await playFinished(page).catch(() => found.push('l10n: the story never finished rendering (play function still running)'));
  if (await showsPseudoLocale(page)) {
    l10nStories++;
    for (const dir of ['rtl', 'ltr']) {
      await setDirection(page, dir);
      for (const width of L10N_WIDTHS) {
        await setHostWidth(page, width);
        const { problems: seen, strings } = await l10nProblems(page);
        l10nStrings += strings;
        for (const p of seen) found.push(`${PSEUDO.locale} ${dir} @ ${width} px column: ${p}`);
        for (const p of await layoutProblems(page)) found.push(`${PSEUDO.locale} ${dir} @ ${width} px column: layout: ${p}`);
      }
    }
  }
  l10nMs += Date.now() - began;
  return found;
}

/**
 * Waits for the story's play function (which may open a dialog) to finish, then lists what overflows
 * at each host column width on a desktop page, and at the narrowest on a phone.
 */
async function layoutAtEveryWidth(page) {
  const began = Date.now();
  const problems = [];
  await playFinished(page).catch(() => problems.push('layout: the story never finished rendering (play function still running)'));
  const steps = [...HOST_WIDTHS.map((width) => ({ width, viewport: DESKTOP, label: `${width} px column` })), { width: PHONE.width, viewport: PHONE, label: `${PHONE.width} px phone` }];
  for (const step of steps) {
    await page.setViewportSize(step.viewport);
    await setHostWidth(page, step.width);
    for (const p of await layoutProblems(page)) problems.push(`layout @ ${step.label}: ${p}`);
  }
  await page.setViewportSize(DESKTOP);
  layoutMs += Date.now() - began;
  return problems;
}

// The localisation check must be able to fail: it finds mistakes planted in the first story.
if (checkL10n && stories.length) {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await openStory(page, stories[0], `locale:${PSEUDO.locale}`, []);
  await playFinished(page).catch(() => {});
  const missed = await missedPlantedMistakes(page);
  if (missed.length) failures.push({ id: 'the localisation check itself', problems: [`missed planted mistakes: ${missed.join(', ')}`] });
  else console.log('pseudo-locale check: the four planted mistakes (English text, ellipsis, control outside, controls overlapping) were found');
  await page.context().close();
}

// Two pages at a time (the machine has two cores), each in its own browser context: pages of one
// context share one service-worker registration, and one page's update can fail the other's.
const queue = [...stories];
await Promise.all(
  [0, 1].map(async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    if (checkL10n) await page.addInitScript(recordFetchedData);
    for (let story = queue.shift(); story; story = queue.shift()) {
      const problems = await renderStory(page, story);
      if (problems.length) failures.push({ id: story.id, problems });
    }
    await context.close();
  }),
);

// A docs page renders every story of a widget at once: each must show what it shows alone (one
// story's mock world must not leak into another's). The primary story is the one at the top.
const docsPages = only || onlyL10n ? [] : Object.values(index.entries).filter((e) => e.type === 'docs');
{
  const page = await (await browser.newContext()).newPage();
  for (const docs of docsPages) {
    try {
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs`, { timeout: STORY_TIMEOUT_MS });
      const primary = await page.waitForSelector('[id$="--primary-inner"]', { timeout: STORY_TIMEOUT_MS });
      const storyId = (await primary.getAttribute('id')).replace(/^story--/, '').replace(/--primary-inner$/, '');
      const expected = shownAlone.get(storyId);
      await page
        .waitForFunction(([el, want]) => {
          const widget = [...el.querySelectorAll('*')].find((e) => e.shadowRoot && e.localName !== 'portal-provider');
          return widget?.shadowRoot.textContent.replace(/\s+/g, ' ').replace(/\d+/g, '#').trim() === want;
        }, [primary, expected], { timeout: 60_000, polling: 250 })
        .catch(async () => {
          failures.push({ id: docs.id, problems: [`the top story (${storyId}) shows "${(await widgetText(primary)).slice(0, 160)}" on the docs page, but alone "${expected?.slice(0, 160)}"`] });
        });
    } catch (error) {
      failures.push({ id: docs.id, problems: [`did not render: ${error.message.split('\n')[0]}`] });
    }
  }
}
await browser.close();
await site.close();

const seconds = ((Date.now() - started) / 1000).toFixed(1);
for (const f of failures) console.error(`✗ ${f.id}\n    ${f.problems.join('\n    ')}`);
console.log(`rendered ${stories.length} stories and ${docsPages.length} docs pages in ${seconds} s${checkLayout ? ` (layout checks: ${(layoutMs / 2000).toFixed(1)} s of it, two pages at a time)` : ''}`);
if (checkL10n) console.log(`pseudo-locale: ${l10nStories} stories in ${PSEUDO.locale}, rtl and ltr, at ${L10N_WIDTHS.join(' and ')} px; ${l10nStrings} texts checked; ${(l10nMs / 2000).toFixed(1)} s (two pages at a time)`);
console.log(`stories: ${stories.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length || stories.length === 0 ? 1 : 0);
