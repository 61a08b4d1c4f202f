// Browser tests in real Chromium (Debian's, or CHROME_PATH), with the mock API running in the page
// through msw's service worker.
import { createReadStream } from 'node:fs';
import { buildSync } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { taskTracePlugin } from './test/browser/support/task-trace-plugin.mjs';

// Testing Library ships CommonJS dependencies the dev server cannot serve as ES modules, so it is
// bundled once, here, into one module the tests import through test/browser/support.
buildSync({
  entryPoints: ['test/browser/support/testing-library.entry.ts'],
  outfile: 'test/browser/support/testing-library.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"test"', 'process.env': '{}' },
  // Required by fake-timers only when `process` exists, never in a browser.
  external: ['util'],
  logLevel: 'error',
});

export default {
  files: process.env.WTR_FILES ?? 'test/browser/**/*.test.ts',
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 1,
  // Bounds for a hung file or test, not speed limits: under load (npm test with a CPU-bound process
  // beside it) a file's tests took several times as long, and a 15 s test over 15 s failed.
  testsFinishTimeout: 900_000,
  testFramework: { config: { timeout: 30_000, ui: 'bdd' } },
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    taskTracePlugin(),
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
