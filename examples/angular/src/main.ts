// An Angular 21 host (standalone, zoneless). The SDK registers its elements on import; the mock API
// (msw in a service worker; angular.json copies /mockServiceWorker.js from the package as an
// asset) answers before the app bootstraps, so the widgets' first requests are served by it.
import { bootstrapApplication } from '@angular/platform-browser';
import 'portal-widgets';
import { App } from './app';

// A real host starts the mock in development only (`if (isDevMode())`), loaded with import() so
// msw stays out of the main bundle. This example has no backend, so its production build starts it too.
import('portal-widgets/mock')
  .then(({ start }) => start({ world: 'default' }))
  .then(() => bootstrapApplication(App))
  .catch((error: unknown) => {
    document.body.textContent = `Could not start: ${String(error)}`;
  });
