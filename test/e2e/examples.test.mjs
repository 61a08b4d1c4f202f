// Every example page loads in Chromium, under the strict CSP the demo server sends, with no
// console output, no uncaught error and no CSP violation; and a second copy of the SDK only warns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, recordingPage, widgetsSettled } from './browser.mjs';
import registry from '../../src/widgets.json' with { type: 'json' };

const TAGS = ['portal-provider', ...registry.widgets.map((w) => w.tag)];

describe('examples in Chromium', () => {
  let env;
  before(async () => (env = await openBrowser()));
  after(async () => env?.close());

  for (const [name, path] of [
    ['demo host page (script tag)', '/examples/host-page.html#client=cl_active'],
    ['ES modules without a bundler', '/examples/esm/index.html'],
    ['React 19', '/examples/react/index.html'],
  ]) {
    it(`${name} renders its widgets with a quiet console and no CSP violation`, async () => {
      const page = await recordingPage(env.browser);
      await page.goto(env.url + path);
      await widgetsSettled(page);
      const rendered = await page.evaluate(() => {
        const walk = (root) => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...walk(el.shadowRoot)] : []));
        return walk(document).filter((el) => el.localName !== 'portal-provider').map((el) => [el.localName, el.shadowRoot.textContent.trim().length]);
      });
      assert.ok(rendered.length > 0, 'no widget rendered');
      for (const [tag, textLength] of rendered) assert.ok(textLength > 0, `${tag} rendered no text`);
      assert.deepEqual(page.problems, []);
      assert.deepEqual(await page.cspViolations(), []);
      await page.close();
    });
  }

  it('the demo page shows one tab panel at a time and switches by click and by arrow key', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/examples/host-page.html#client=cl_active`);
    await widgetsSettled(page);
    // Waits until exactly this panel is the visible one (a click's effect is awaited, never assumed).
    const onlyVisible = (id) =>
      page.waitForFunction((want) => {
        const shown = [...document.querySelectorAll('[role="tabpanel"]')].filter((p) => p.checkVisibility()).map((p) => p.id);
        return shown.length === 1 && shown[0] === want;
      }, id, { timeout: 30_000 });
    await onlyVisible('panel-portal');
    await page.getByRole('tab', { name: 'Billing' }).click();
    await onlyVisible('panel-billing');
    await page.keyboard.press('ArrowLeft');
    await onlyVisible('panel-intake');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-intake');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('the script-tag build fetches the Spanish pack only when Spanish is chosen, under the strict CSP', async () => {
    const page = await recordingPage(env.browser);
    const packs = [];
    page.on('request', (request) => request.url().includes('/locales/') && packs.push(new URL(request.url()).pathname));
    await page.goto(`${env.url}/examples/host-page.html#client=cl_active`);
    await widgetsSettled(page);
    assert.deepEqual(packs, [], 'an English page loads no locale pack');
    await page.getByLabel('Language').selectOption('es');
    await page.waitForFunction(() => document.querySelector('portal-invite-status')?.shadowRoot?.textContent.includes('Acceso al portal del cliente')).catch(async (error) => {
      // Failed once under a loaded CI machine (1 of 6 runs with the CPU busy, 0 of 22 since): say
      // what each widget showed, so the next failure explains itself.
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('portal-provider, portal-provider > *')].map((el) => `${el.localName} locale=${el.getAttribute('locale')}: ${el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 120)}`),
      );
      assert.fail(`${error.message}\npacks requested: ${packs.join(', ') || 'none'}\n${shown.join('\n')}\nproblems: ${page.problems.join('; ')}`);
    });
    assert.deepEqual(packs, ['/dist/locales/es.iife.js']);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await page.cspViolations(), []);
    await page.close();
  });

  it('a second copy of the IIFE on the same page only warns, once per element', async () => {
    const page = await recordingPage(env.browser);
    await page.goto(`${env.url}/test/e2e/pages/two-copies.html`);
    const defined = await page.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);
    assert.deepEqual(defined, TAGS);
    const warnings = page.problems.filter((p) => p.startsWith('console.warning: portal-widgets:'));
    assert.equal(warnings.length, TAGS.length, page.problems.join('\n'));
    assert.equal(page.problems.length, TAGS.length, 'nothing but the warnings');
    await page.close();
  });
});
