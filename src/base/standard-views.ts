import { html, type TemplateResult } from 'lit';
import type { commonMessages } from '../i18n/common.messages.js';

type CommonMessages = (typeof commonMessages)['en'];

// The views every widget shows the same way, so its states read alike for people and for tests.

/** While the widget's language pack loads (data loads meanwhile): nothing to read yet. */
export const localeWaitView = (): TemplateResult =>
  html`<div class="pending" part="pending" aria-busy="true"><span class="spinner" aria-hidden="true"></span></div>`;

/** Loading. */
export const pendingView = (t: CommonMessages): TemplateResult =>
  html`<div class="pending" part="pending" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;

/** What went wrong, in the user's language, and a Try again button. */
export const errorView = (t: CommonMessages, reason: string, retry: () => void): TemplateResult =>
  html`<div class="error" part="error" role="alert">
    <p class="error-title">${t.errorTitle}</p>
    <p>${reason}</p>
    <button class="button" part="button retry-button" @click=${retry}>${t.retry}</button>
  </div>`;

/** "Not connected" (`role="alert"`: a set-up fault) or "No client selected". */
export const noticeView = (text: string, alert = false): TemplateResult =>
  alert ? html`<div class="notice" part="notice" role="alert">${text}</div>` : html`<div class="notice" part="notice">${text}</div>`;

/** The widget's live region: what `announce()` says to screen-reader users. */
export const announcerView = (text: string): TemplateResult => html`<div class="visually-hidden" role="status" aria-live="polite">${text}</div>`;
