// Shared by the end-to-end tests: the demo server, Chromium, and a page that records everything a
// host would not want: console output, uncaught errors and Content-Security-Policy violations.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export async function openBrowser() {
  const server = await serve({ port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh page whose problems are collected in `page.problems` (and CSP violations counted). */
export async function recordingPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => page.problems.push(`console.${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.cspViolations = () => page.evaluate(() => window.__cspViolations);
  return page;
}

/** Waits until no widget on the page shows its loading state (bounded: 30 s, a loaded machine is slow). */
export async function widgetsSettled(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      // The demo page wires its controls only after its mock API starts: until then a choice made in
      // them would be overwritten. It says when it is ready.
      if (document.querySelector('script[src*="host-page.js"]') && !('demoReady' in document.documentElement.dataset)) return false;
      const walk = (root) => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...walk(el.shadowRoot)] : []));
      const widgets = walk(document).filter((el) => el.localName !== 'portal-provider');
      return widgets.length > 0 && widgets.every((el) => !el.shadowRoot.querySelector('[part~="pending"]') && el.shadowRoot.childElementCount > 0);
    },
    null,
    { timeout, polling: 100 },
  );
}

/**
 * Checks `condition` (sync or async) every 50 ms until it holds; false if it never did within
 * `timeout`, so the caller's own assertion says what was missing. For what no Playwright wait
 * covers (a frame's error page, a console line).
 */
export async function until(condition, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    // The pause between two checks of the condition, not a wait.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
