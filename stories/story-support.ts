// Helpers every story file uses: the mock API's world and faults for a story, and waiting for a
// widget to show something before a story acts on it (stories act like a person, after loading).
import type { PortalStoryParameters } from '../.storybook/preview.js';

/** Story parameters that set the mock API's world and faults. */
export const portal = (p: PortalStoryParameters) => ({ portal: p });

/** The API base of one story's own mock (.storybook/preview.ts gives every story a fresh one). */
export const storyApiBase = (storyId: string) => `/api/portal/story/${storyId}`;

/** Waits (up to 5 s) for a widget's shadow root to show `selector`. */
export async function shown(host: Element | null, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = host?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${selector} never appeared`);
}
