// `npm run screenshots`: a gallery of every widget in its key states, each at the four host column
// widths side by side, in light and dark, written to docs/screenshots/ with a README that shows them
// all on one page. Key states are the stories tagged `gallery` (stories/*.stories.ts).
// Usage: node scripts/screenshots.mjs [storybook-static] [out-dir]
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { HOST_WIDTHS, layoutProblems } from './story-layout.mjs';

const dir = process.argv[2] ?? 'storybook-static';
const out = process.argv[3] ?? 'docs/screenshots';
const THEMES = {
  light: 'html { color-scheme: light; background: #ffffff; }',
  dark: 'html { color-scheme: dark; background: #0b1220; color: #e5e7eb; }',
};
const GAP = 24;
const SETTLE_TIMEOUT_MS = 6_000;

const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
const only = process.env.GALLERY_STORIES?.split(',');
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (only ? only.includes(e.id) : e.tags?.includes('gallery')));
if (stories.length === 0) {
  console.error('No story is tagged `gallery`: tag the key states in stories/*.stories.ts.');
  process.exit(1);
}

const site = await serveStatic(dir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const width = HOST_WIDTHS.reduce((sum, w) => sum + w + GAP, GAP);
const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
const page = await context.newPage();

/** One page, same origin as the Storybook build, with the story in one frame per host width. */
function galleryPage(story, theme) {
  const frames = HOST_WIDTHS.map(
    (w) => `<figure><figcaption>${w} px</figcaption><iframe title="${w} px" width="${w}" height="200" src="/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story"></iframe></figure>`,
  ).join('');
  return `<!doctype html><html><head><style>${THEMES[theme]}
    body { margin: 0; padding: ${GAP}px; font: 13px system-ui, sans-serif; display: flex; gap: ${GAP}px; align-items: flex-start; }
    figure { margin: 0; } figcaption { margin-bottom: 6px; opacity: 0.7; }
    iframe { border: 1px dashed #8884; display: block; }</style></head><body>${frames}</body></html>`;
}

const problems = [];
const shots = [];
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const story of stories) {
  for (const theme of Object.keys(THEMES)) {
    await page.route('**/__gallery', (route) => route.fulfill({ contentType: 'text/html', body: galleryPage(story, theme) }));
    await page.goto(`${site.url}/__gallery`);
    await page.unroute('**/__gallery');
    for (const frame of page.frames().slice(1)) {
      await frame.waitForFunction(() => /sb-show-(main|errordisplay|nopreview)/.test(document.body?.className ?? ''), null, { timeout: 15_000 });
      await frame.addStyleTag({ content: `${THEMES[theme]} #storybook-root { padding: 0 !important; } body { margin: 0; padding: 0 !important; }` });
      // The story's play function (which may open a dialog) has finished.
      await frame
        .waitForFunction(() => ['finished', 'errored', 'aborted'].includes(globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase), null, { timeout: 15_000, polling: 50 })
        .catch(() => {});
      await frame
        .waitForFunction(() => {
          const pending = (root) => [...root.querySelectorAll('*')].some((el) => el.shadowRoot && (el.shadowRoot.querySelector('[part~="pending"]') || pending(el.shadowRoot)));
          return !pending(document);
        }, null, { timeout: SETTLE_TIMEOUT_MS, polling: 100 })
        .catch(() => {});
      if (theme === 'light') for (const p of await layoutProblems(frame)) problems.push(`${story.id} @${frame.name() || frame.url()}: ${p}`);
    }
    // Each frame as tall as its content, so the picture shows the whole widget at every width.
    // An open modal dialog sits in the top layer, outside the page's height: make room for it.
    const heights = await Promise.all(
      page
        .frames()
        .slice(1)
        .map((f) =>
          f.evaluate(() => {
            const dialogs = [];
            const find = (root) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.localName === 'dialog' && el.open) dialogs.push(el);
                if (el.shadowRoot) find(el.shadowRoot);
              }
            };
            find(document);
            // A modal dialog is at most the frame's height less 2em + 6px (Chromium's own rule):
            // its full height is its scroll height, plus its border and that margin.
            return Math.max(document.documentElement.scrollHeight, ...dialogs.map((d) => d.scrollHeight + 2 + 48));
          }),
        ),
    );
    await page.evaluate((hs) => [...document.querySelectorAll('iframe')].forEach((f, i) => f.setAttribute('height', String(hs[i] + 2))), heights);
    const file = `${story.id}.${theme}.png`;
    await page.screenshot({ path: join(out, file), fullPage: true });
    shots.push({ story, theme, file });
  }
}
await browser.close();
await site.close();

const byWidget = new Map();
for (const shot of shots) {
  const list = byWidget.get(shot.story.title) ?? [];
  list.push(shot);
  byWidget.set(shot.story.title, list);
}
const lines = [
  '# Screenshot gallery',
  '',
  `Every widget in its key states (the stories tagged \`gallery\`), each at host column widths ${HOST_WIDTHS.join(', ')} px side by side, in light and dark. Made by \`npm run screenshots\` from the Storybook build; do not edit by hand.`,
  '',
];
for (const [title, list] of byWidget) {
  lines.push(`## ${title}`, '');
  for (const shot of list) {
    if (shot.theme === 'light') lines.push(`### ${shot.story.name}`, '');
    lines.push(`![${shot.story.name}, ${shot.theme}](${shot.file})`, '');
  }
}
await writeFile(join(out, 'README.md'), lines.join('\n'));
console.log(`gallery: ${shots.length} pictures of ${stories.length} states in ${out}/`);
if (problems.length) console.log(`layout problems seen:\n  ${problems.join('\n  ')}`);
