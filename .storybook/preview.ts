import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { MockStore } from '../mock-server/store.js';
import { FaultSwitches, type Fault } from '../mock-server/faults.js';
import { createHandlers } from '../mock-server/handlers/index.js';
import type { WorldName } from '../mock-server/fixtures.js';
import type { OperationName } from '../src/api/operations.js';
import '../src/index.js';
// Generated from the components' JSDoc by `npm run manifest` (run before every Storybook command):
// the docs pages' descriptions and tables of attributes, events, parts and CSS properties.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

/** What a story says about the mock API: which practice world, and which faults to inject. */
export interface PortalStoryParameters {
  world?: WorldName;
  faults?: Partial<Record<OperationName | '*', Fault>>;
}

const store = new MockStore();
const faults = new FaultSwitches();

// Every story gets a fresh world: what one story changed never leaks into the next.
const resetMock: Loader = async ({ parameters }) => {
  const portal = (parameters.portal ?? {}) as PortalStoryParameters;
  store.reset(portal.world ?? 'default');
  faults.clear();
  for (const [operation, fault] of Object.entries(portal.faults ?? {})) if (fault) faults.set(operation as OperationName, fault);
  return {};
};

const withProvider: Decorator = (story, context) =>
  html`<portal-provider api-base="/api/portal" locale=${context.globals.locale ?? 'en'} .getToken=${() => 'storybook-token'}>${story()}</portal-provider>`;

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    // The stateful mock's handlers are the worker's initial handlers, so they survive the
    // addon's reset between stories.
    mswLoader(async () => {
      const worker = setupWorker(...createHandlers(store, faults));
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
    resetMock,
  ],
  decorators: [withProvider],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'es', title: 'Español' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
