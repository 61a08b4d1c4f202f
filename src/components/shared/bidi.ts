import { html, type TemplateResult } from 'lit';

/**
 * Server-supplied text (a name, an email, a title), isolated from the text around it: a
 * right-to-left override inside it cannot reverse the words after it. The one way widgets show
 * such text next to their own.
 */
export function bidi(text: string | null | undefined): TemplateResult {
  return html`<bdi>${text}</bdi>`;
}
