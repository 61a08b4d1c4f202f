// Browser tests in real Chromium (Debian's, or CHROME_PATH), with the mock API running in the page
// through msw's service worker.
import { createReadStream } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: process.env.WTR_FILES ?? 'test/browser/**/*.test.ts',
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15_000, ui: 'bdd' } },
  plugins: [
    // Testing Library's dependencies are CommonJS.
    commonjs({ include: ['**/node_modules/{aria-query,dom-accessibility-api,lz-string,pretty-format,react-is,ansi-styles,ansi-regex}/**/*'] }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  middleware: [
    // The worker must be served from the site root, or it registers but intercepts nothing.
    function serveMockWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.set('Service-Worker-Allowed', '/');
      context.body = createReadStream('node_modules/msw/lib/mockServiceWorker.js');
      return undefined;
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
};
