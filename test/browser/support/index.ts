// What every browser test uses: the in-page mock API, a widget mounted in a provider, queries by
// role and label that reach into shadow roots, a user that clicks and types, and a quiet console.
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { userEvent } from './testing-library.js';
import { start } from '../../../mock-server/browser.js';
import '../../../src/index.js';
import type { PortalProviderElement } from '../../../src/index.js';
import { installConsoleGuard, takeConsoleEntries } from './console-guard.js';
import { installReadableAssertions } from './readable-assertions.js';
import { trackRequests, requestsSettled } from './requests-in-flight.js';

export { expect, html };
export { screen, within, waitFor, installClock } from './testing-library.js';
import { within } from './testing-library.js';
export { sendKeys } from '@web/test-runner-commands';

installConsoleGuard();
installReadableAssertions();
trackRequests();
export { requestsInFlight, requestsSettled } from './requests-in-flight.js';
export { CLIENT_WIDGET_TAGS, WIDGETS, WIDGET_TAGS } from './widgets.js';

export type Mock = Awaited<ReturnType<typeof start>>;

/** The mock API, reset to a world with no faults: call in `beforeEach`. */
export async function useMock(world: Parameters<Mock['reset']>[0] = 'default'): Promise<Mock> {
  const mock = await start({ quiet: true });
  // The previous test's widgets are gone, but a write they started may still be on its way.
  await requestsSettled();
  mock.reset(world);
  mock.faults.clear();
  return mock;
}

/** Fails the test if anything was printed; call in `afterEach`. */
export function expectQuietConsole(): void {
  fixtureCleanup();
  const printed = takeConsoleEntries();
  expect(printed, `console output: ${JSON.stringify(printed)}`).to.deep.equal([]);
}

export interface MountOptions {
  locale?: string;
  getToken?: PortalProviderElement['getToken'];
  timeoutMs?: number;
}

/** Mounts a template inside a `<portal-provider>` pointed at the mock; returns its first element. */
export async function mount<T extends Element>(template: TemplateResult, options: MountOptions = {}): Promise<T> {
  // Listen before the widget exists: its first load can finish before fixture() resolves.
  const first = nextPortalEvent(document);
  const provider = await fixture<PortalProviderElement>(html`<portal-provider
    api-base="/api/portal"
    locale=${options.locale ?? 'en'}
    timeout-ms=${options.timeoutMs ?? 15000}
    .getToken=${options.getToken ?? (() => 'test-token')}
    >${template}</portal-provider
  >`);
  const el = provider.firstElementChild as T;
  firstLoads.set(el, first);
  return el;
}

const firstLoads = new WeakMap<Element, Promise<CustomEvent>>();

/** As patient as `findBy*` (support/testing-library.entry.ts): a busy machine loads slowly. */
function nextPortalEvent(target: EventTarget, timeout = 10_000): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no portal-load or portal-error within ${timeout} ms`));
    }, timeout);
    const done = (e: Event) => {
      cleanup();
      resolve(e as CustomEvent);
    };
    const cleanup = () => {
      clearTimeout(timer);
      target.removeEventListener('portal-load', done);
      target.removeEventListener('portal-error', done);
    };
    target.addEventListener('portal-load', done);
    target.addEventListener('portal-error', done);
  });
}

/** A user that clicks, types and tabs like a person (events, focus, keyboard). */
export function user() {
  return userEvent.setup({ document });
}

/**
 * Waits for a mounted widget's first `portal-load` (or `portal-error`), then for its render.
 * Later loads: `await nextLoad(el)` started before the action that triggers them.
 */
export async function loaded(el: Element & { updateComplete?: Promise<unknown> }): Promise<CustomEvent> {
  const event = await (firstLoads.get(el) ?? nextPortalEvent(el));
  firstLoads.delete(el);
  await el.updateComplete;
  return event;
}

export function nextLoad(el: Element): Promise<CustomEvent> {
  return nextPortalEvent(el);
}

/** Queries by role and label inside a widget's shadow root, as a person reads the widget. */
export const viewOf = (el: Element) => within(el.shadowRoot as unknown as HTMLElement);

/** Every `name` event `target` fires from now on, in order (read it after the action). */
export function collect<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(name, (e) => seen.push(e as GlobalEventHandlersEventMap[K]));
  return seen;
}
