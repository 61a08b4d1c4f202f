// The React, Vue and Angular examples, built with their own toolchains (esbuild, vue-tsc + vite
// build, ng build) against the packed package, load in Chromium under the strict CSP: the widgets
// show their data, the client chosen in the framework's state reaches them, the handled portal-*
// events arrive in the framework's state, and nothing is printed, thrown or blocked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { buildReactExample } from '../../scripts/build-examples.mjs';
import { buildFrameworkExample, runInExample } from '../../scripts/build-framework-example.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';
import { openBrowser, recordingPage, widgetsSettled } from './browser.mjs';
import { packedConsumer } from './packed.mjs';

const WIDGETS = ['portal-invite-status', 'guardian-manager', 'portal-permissions-editor'];

/**
 * The React example as a host bundles it: examples/react/app.tsx with esbuild, resolved from the
 * consumer folder, whose node_modules holds the unpacked tarball (portal-widgets), its dependencies
 * (lit, @lit/context, @lit/task, ky, zod) and react, react-dom, all but the SDK linked to this
 * repository's node_modules as a flat (hoisted) host install lays them out. The site: the page, the
 * bundle, the examples' stylesheet and the mock's worker, copied from the package to the site root.
 */
async function buildReactFromTarball(consumer) {
  const dir = join(consumer.dir, 'react-site');
  mkdirSync(dir);
  const started = performance.now();
  const inputs = await buildReactExample({ outfile: join(dir, 'app.js'), resolveDir: consumer.dir });
  const build = Math.round((performance.now() - started) / 100) / 10;
  const sdk = inputs.filter((file) => file.includes(`${sep}portal-widgets${sep}dist${sep}`) || file.startsWith(new URL('../../dist/', import.meta.url).pathname));
  assert.ok(sdk.length > 0 && sdk.every((file) => file.startsWith(join(consumer.dir, 'node_modules/portal-widgets/'))), `the SDK was not bundled from the tarball:\n${sdk.join('\n')}`);
  const page = new URL('../../examples/', import.meta.url);
  copyFileSync(new URL('react/index.html', page), join(dir, 'index.html'));
  copyFileSync(new URL('example.css', page), join(dir, 'example.css'));
  copyFileSync(join(consumer.dir, 'node_modules/portal-widgets/dist/mockServiceWorker.js'), join(dir, 'mockServiceWorker.js'));
  return { dir, timings: { build } };
}

describe('framework examples built from the packed package', () => {
  let consumer;
  let env;
  before(async () => {
    consumer = packedConsumer(['react', 'react-dom']);
    env = await openBrowser();
  });
  after(async () => {
    await env?.close();
    consumer?.close();
  });

  for (const [name, framework] of [['react', 'React 19'], ['vue', 'Vue 3.5'], ['angular', 'Angular 21']]) {
    describe(framework, () => {
      let site;
      let page;
      before(async () => {
        const built = name === 'react' ? await buildReactFromTarball(consumer) : buildFrameworkExample(name, consumer.tarball);
        // Figures for docs and CI budgets: what installing and building this example costs.
        console.log(`# ${name} example: ${JSON.stringify(built.timings)} s (${name === 'react' ? 'esbuild bundle' : 'npm ci, SDK from the tarball, build'})`);
        site = await serveStatic(built.dir, { headers: { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' } });
      });
      after(async () => {
        await page?.close();
        await site?.close();
      });

      const eventLog = () => page.locator('#events');

      it('renders every widget with its data, under the strict CSP', async () => {
        page = await recordingPage(env.browser);
        await page.goto(site.url + '/');
        await page.getByRole('heading', { name: `${framework} host` }).waitFor();
        await widgetsSettled(page, 20_000);
        for (const tag of WIDGETS) {
          const shown = await page.locator(tag).evaluate((el) => ({
            text: el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '',
            error: el.shadowRoot?.querySelector('[part~="error"]')?.textContent.trim() ?? null,
          }));
          assert.ok(shown.text.length > 0, `${tag} rendered nothing`);
          assert.equal(shown.error, null, `${tag} shows an error`);
        }
        // Data from the mock API, through the provider's getToken (bound as a property).
        await page.locator('portal-permissions-editor').getByRole('switch', { name: 'Allow online appointment requests' }).waitFor();
        await page.locator('guardian-manager').getByText('Jordan Minor').first().waitFor();
        assert.deepEqual(page.problems, []);
        assert.deepEqual(await page.cspViolations(), []);
      });

      it('hands each widget portal-load to the framework handler, then follows the client chosen in its state', async () => {
        await page.waitForFunction(
          (tags) => tags.every((tag) => document.querySelector('#events')?.textContent.includes(`${tag}: portal-load cl_minor_guardian`)),
          WIDGETS,
          { timeout: 10_000 },
        );
        await page.getByLabel('Client', { exact: true }).selectOption('cl_active');
        await page.waitForFunction(
          (tags) => tags.every((tag) => document.querySelector('#events')?.textContent.includes(`${tag}: portal-load cl_active`)),
          WIDGETS,
          { timeout: 10_000 },
        );
        assert.deepEqual(await page.locator('portal-invite-status, guardian-manager, portal-permissions-editor').evaluateAll((els) => els.map((el) => el.clientId)), ['cl_active', 'cl_active', 'cl_active']);
        assert.deepEqual(page.problems, []);
      });

      it('a user action reaches the framework handler (portal-permissions-saved)', async () => {
        const editor = page.locator('portal-permissions-editor');
        await widgetsSettled(page, 20_000);
        await editor.getByRole('switch', { name: 'Allow online appointment requests' }).click();
        await editor.getByRole('button', { name: 'Save permissions' }).click();
        await eventLog().filter({ hasText: 'portal-permissions-editor: portal-permissions-saved cl_active' }).waitFor({ timeout: 10_000 });
        assert.deepEqual(page.problems, []);
        assert.deepEqual(await page.cspViolations(), []);
      });

      if (name === 'angular') {
        // The limits docs/embedding.md states: with CUSTOM_ELEMENTS_SCHEMA and strictTemplates,
        // ngc rejects exactly the lines marked as errors (wrong uses of a typed $event) and lets
        // misspelled names and wrongly typed property values through.
        it("ngc's template checking catches exactly what docs/embedding.md says", () => {
          const file = 'type-test/template-limits.ts';
          const expected = readFileSync(new URL(`../../examples/angular/${file}`, import.meta.url), 'utf8')
            .split('\n')
            .flatMap((line, i) => (line.endsWith('<!-- error -->') ? [i + 1] : []));
          assert.ok(expected.length >= 4, 'the type test marks no error lines');
          const { status, output } = runInExample('angular', ['ngc', '-p', 'tsconfig.type-test.json']);
          const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
          const reported = [...new Set([...plain.matchAll(/template-limits\.ts[:(](\d+)/g)].map(([, line]) => Number(line)))].sort((a, b) => a - b);
          assert.notEqual(status, 0, output);
          assert.deepEqual(reported, expected, output);
        });
      }
    });
  }
});
