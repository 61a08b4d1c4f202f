// Server-side: every entry of the packed package imports in plain Node without a DOM, each widget
// renders its pending state as declarative shadow DOM with @lit-labs/ssr (with and without its
// global DOM shim), and Chromium takes the server's markup over without duplicates or console noise.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleSubpaths, packedConsumer } from './packed.mjs';
import { openBrowser, recordingPage, widgetsSettled } from './browser.mjs';
import registry from '../../src/widgets.json' with { type: 'json' };

const WIDGETS = registry.widgets.map((w) => w.tag);

/** Runs in the consumer project: renders every widget inside a provider with a relative api-base. */
const RENDER_SCRIPT = `
if (process.argv.includes('--shim')) await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html, unsafeStatic } = await import('lit/static-html.js');
await import('portal-widgets');
const out = {};
for (const tag of ${JSON.stringify(WIDGETS)}) {
  const t = unsafeStatic(tag);
  out[tag] = await collectResult(render(html\`<portal-provider api-base="/api/portal"><\${t} client-id="cl_active"></\${t}></portal-provider>\`));
}
process.stdout.write(JSON.stringify(out));
`;

describe('server-side rendering of the packed package', () => {
  let consumer;
  before(() => {
    consumer = packedConsumer(['@lit-labs/ssr']);
    writeFileSync(join(consumer.dir, 'render.mjs'), RENDER_SCRIPT);
  });
  after(() => consumer?.close());

  const node = (args) => execFileSync(process.execPath, args, { cwd: consumer.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('every module entry imports in Node, with no DOM and nothing printed', () => {
    const subpaths = moduleSubpaths(consumer.pkg);
    assert.ok(subpaths.length >= 8, `only ${subpaths.join(', ')}`);
    for (const subpath of subpaths) {
      const script = `await import(${JSON.stringify(subpath)}); process.stdout.write(JSON.stringify({ document: typeof document, window: typeof window }));`;
      const globals = JSON.parse(node(['--input-type=module', '-e', script]));
      assert.deepEqual(globals, { document: 'undefined', window: 'undefined' }, `${subpath} created DOM globals`);
    }
  });

  let rendered;
  for (const shim of [false, true]) {
    it(`each widget renders its pending state as declarative shadow DOM${shim ? ' (global DOM shim installed)' : ''}`, () => {
      const out = JSON.parse(node(['render.mjs', ...(shim ? ['--shim'] : [])]));
      for (const tag of WIDGETS) {
        const markup = out[tag];
        const own = markup.slice(markup.indexOf(`<${tag}`));
        assert.match(own, /^<[a-z-]+\s+client-id="cl_active"[^>]*><template shadowroot="open" shadowrootmode="open">/, `${tag}: no declarative shadow root`);
        assert.match(own, /part="pending"[^>]*>.*Loading/s, `${tag}: no pending state`);
        assert.doesNotMatch(own, /not connected/, `${tag}: rendered as unconfigured`);
      }
      rendered ??= out;
    });
  }

  it('Chromium takes the server markup over: one copy of each view, the data shown, a quiet console', async () => {
    const env = await openBrowser();
    try {
      const page = await recordingPage(env.browser);
      rendered ??= JSON.parse(node(['render.mjs']));
      const body = WIDGETS.map((tag) => rendered[tag]).join('\n');
      await page.route('**/ssr.html', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title></head><body>${body}<script src="/test/e2e/pages/ssr-takeover.js"></script></body></html>`,
        }),
      );
      await page.goto(`${env.url}/test/e2e/pages/ssr.html`);
      await widgetsSettled(page);
      const views = await page.evaluate((tags) =>
        tags.map((tag) => {
          const root = document.querySelector(tag).shadowRoot;
          return [tag, root.querySelectorAll('[role="status"][aria-live]:not([part~="pending"]):not(dialog *)').length, root.querySelectorAll('[part~="pending"]').length, root.querySelectorAll('style').length];
        }),
      WIDGETS);
      // One live region outside dialogs (no second copy beside the server's), no spinner left, the server's <style> gone.
      assert.deepEqual(views, WIDGETS.map((tag) => [tag, 1, 0, 0]));
      assert.deepEqual(page.problems, []);
    } finally {
      await env.close();
    }
  });
});
