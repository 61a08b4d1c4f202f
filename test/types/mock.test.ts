// Type test for the hand-written declaration of `portal-widgets/mock` (types/mock.d.ts, shipped as
// dist/types/mock.d.ts): the module built from mock-server/module.ts must fit it, in both
// directions where it matters (a world or an option the declaration lacks fails here).
import type * as Declared from '../../dist/types/mock.js';
import * as mock from '../../mock-server/module.js';
import type { BrowserMockOptions } from '../../mock-server/browser.js';
import type { WorldName } from '../../mock-server/fixtures.js';

export const start: typeof Declared.start = mock.start;
export const workerUrl: typeof Declared.SERVICE_WORKER_URL = mock.SERVICE_WORKER_URL;
export const worlds: typeof Declared.WORLD_NAMES = mock.WORLD_NAMES;
export const cards: typeof Declared.TEST_CARDS = mock.TEST_CARDS;
export const processor: typeof Declared.createMockProcessor = mock.createMockProcessor;

// Every world and option of the implementation is declared.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameWorlds: Same<Declared.MockWorld, WorldName> = true;
export const sameOptions: Same<keyof Declared.MockOptions, keyof BrowserMockOptions> = true;

// @ts-expect-error a world that does not exist
void mock.start({ world: 'no-such-world' });
