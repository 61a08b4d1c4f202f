import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { getResponse, http, type HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { MockStore } from '../mock-server/store.js';
import { FaultSwitches, type Fault } from '../mock-server/faults.js';
import { createHandlers } from '../mock-server/handlers/index.js';
import { storyApiBase } from '../stories/story-support.js';
import type { WorldName } from '../mock-server/fixtures.js';
import type { OperationName } from '../src/api/operations.js';
import type { StaffRole } from '../src/schemas/index.js';
import '../src/index.js';
import { PSEUDO_LOCALE, registerPseudoLocale } from '../src/i18n/pseudo-locale.js';
// Generated from the components' JSDoc by `npm run manifest` (run before every Storybook command):
// the docs pages' descriptions and tables of attributes, events, parts and CSS properties.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);
// `en-XA` in the Locale menu: every string accented, longer and between ⟦ ⟧ markers (src/i18n/pseudo-locale.ts).
registerPseudoLocale();

// Every portal-* event any widget documents, read from the manifest, so the Actions panel shows
// each one a story fires (with its detail) without a story listing them.
const documentedEvents = [
  ...new Set(
    manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => ('events' in d && Array.isArray(d.events) ? d.events.map((e: { name: string }) => e.name) : []))),
  ),
].sort();

/** What a story says about the mock API: which practice world, and which faults to inject. */
export interface PortalStoryParameters {
  world?: WorldName;
  /** Who is signed in (default the owner, who may do everything): docs/mock-server.md, "Staff roles". */
  staff?: StaffRole;
  faults?: Partial<Record<OperationName | '*', Fault>>;
  /** Changes the story's fresh store before it renders: data no fixture holds (many invoices, a legacy name). */
  setup?: (store: MockStore) => void;
}

/** Each rendered story's own mock API: its store, its faults and the handlers serving them. */
const mocks = new Map<string, HttpHandler[]>();

// Every story gets a fresh world of its own, under its own API base: what one story changed never
// leaks into the next, nor into a story beside it on a docs page (where every story renders at once).
const resetMock: Loader = async ({ id, parameters }) => {
  const portal = (parameters.portal ?? {}) as PortalStoryParameters;
  const store = new MockStore();
  const faults = new FaultSwitches();
  if (portal.staff) store.setStaff(portal.staff);
  store.reset(portal.world ?? 'default');
  for (const [operation, fault] of Object.entries(portal.faults ?? {})) if (fault) faults.set(operation as OperationName, fault);
  portal.setup?.(store);
  mocks.set(id, createHandlers(store, faults, { base: `*${storyApiBase(id)}` }));
  return {};
};

// One handler, installed with the worker, hands each request to the mock of the story that made it.
// Being an initial handler, it survives the addon's reset of handlers between stories.
const routeToStoryMock = http.all('*/api/portal/story/:story/*', ({ request, params }) => {
  const handlers = mocks.get(String(params.story));
  return handlers ? getResponse(handlers, request) : undefined;
});

// The provider is the story's root: the Direction menu sets its `dir`, which every widget inside
// (open dialogs in the top layer too) inherits.
const withProvider: Decorator = (story, context) =>
  html`<portal-provider
    api-base=${storyApiBase(context.id)}
    locale=${context.globals.locale ?? 'en'}
    dir=${context.globals.direction ?? 'ltr'}
    .getToken=${() => 'storybook-token'}
    >${story()}</portal-provider
  >`;

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(routeToStoryMock);
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
    resetMock,
  ],
  decorators: [withProvider, withActions],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: PSEUDO_LOCALE, title: 'Pseudo-locale (en-XA): longer, accented, ⟦marked⟧' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction of the story (right-to-left as in Arabic or Hebrew hosts)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', direction: 'ltr' },
  parameters: {
    layout: 'padded',
    actions: { handles: documentedEvents },
    controls: { expanded: true },
  },
};

export default preview;
