// The deterministic performance budgets (size-budgets.json), enforced on every run: how many
// requests the five widgets make for one client, and how many DOM nodes a 10,000-row list keeps.
// Timings are not asserted here; `npm run bench` reports them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { startHttpMock } from '../../mock-server/http.ts';

const budgets = JSON.parse(readFileSync(new URL('../../size-budgets.json', import.meta.url), 'utf8'));

describe('performance budgets (deterministic figures)', () => {
  let site, mock, browser;
  before(async () => {
    site = await serve({ port: 0 });
    mock = await startHttpMock({ port: 0, world: 'default' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  });
  after(async () => {
    await browser?.close();
    await mock?.close();
    await site?.close();
  });

  async function page() {
    const p = await (await browser.newContext()).newPage();
    const origin = new URL(mock.url).origin;
    await p.route('**/api/portal/**', async (route) => {
      const url = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: origin + url.pathname + url.search }) });
    });
    return p;
  }

  it('five widgets for one client share practice, client and contacts requests', async () => {
    const p = await page();
    await p.goto(`${site.url}/bench/mount.html?client=cl_active`);
    await p.evaluate(() => window.__mounted);
    const requests = await p.evaluate(() => window.__portalRequests);
    const count = (path) => requests.filter((r) => r === `GET ${path}`).length;
    assert.equal(count('/api/portal/practice'), 1, `practice fetched ${count('/api/portal/practice')} times: ${requests.join(', ')}`);
    assert.ok(count('/api/portal/clients/cl_active') <= 1, 'client summary fetched more than once');
    const repeated = [...new Set(requests)].filter((r) => requests.filter((x) => x === r).length > 1);
    assert.deepEqual(repeated, [], 'no request is made twice');
    console.log(`requests: ${requests.length}`);
    assert.ok(requests.length <= budgets.requestsPerClient, `${requests.length} requests > budget ${budgets.requestsPerClient}: ${requests.join(', ')}`);
    await p.context().close();
  });

  for (const tag of ['intake-document-list', 'billing-payment-methods']) {
    it(`<${tag}> keeps a bounded DOM for 10,000 rows`, async () => {
      const p = await page();
      await p.goto(`${site.url}/bench/list.html?tag=${tag}&client=cl_large`);
      await p.evaluate(() => window.__firstRows);
      const nodes = await p.evaluate((t) => {
        const count = (root) => [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
        return count(document.querySelector(t).shadowRoot);
      }, tag);
      console.log(`${tag} nodes: ${nodes}`);
      assert.ok(nodes <= budgets.longListDomNodes, `${nodes} DOM nodes > budget ${budgets.longListDomNodes}`);
      await p.context().close();
    });
  }
});
