import { css } from 'lit';
import { tokenStyles } from './tokens.styles.js';

/** The pieces every widget uses: headings, buttons, banners, badges, forms, dialogs, states. */
export const sharedStyles = [
  tokenStyles,
  css`
    /* Every widget lays itself out by its own width (the host's column), never the viewport's:
       rules below and in each widget's styles query this container. */
    :host {
      container: portal-widget / inline-size;
    }
    /* Text from the server (names, emails, titles) is wrapped in <bdi>: bidirectional controls
       inside it cannot reorder the words around it. */
    bdi {
      unicode-bidi: isolate;
    }
    /* One long unbroken word (a pasted link, a hostile title) wraps instead of widening its box. */
    p,
    li,
    dd,
    dt,
    td,
    th,
    label,
    legend,
    h2,
    h3,
    h4,
    .field,
    .banner,
    .error {
      overflow-wrap: anywhere;
    }
    /* A fieldset is as wide as its widest word by default (min-width: min-content). */
    fieldset {
      min-width: 0;
    }
    h2,
    h3,
    h4 {
      margin: 0 0 calc(var(--_space) / 2);
      line-height: 1.25;
    }
    /* One bold weight (labels', headings', badges') and two text sizes beside the base: each
       distinct size and weight costs a font look-up the first time a page lays it out (tens of
       milliseconds on a slow PC, see docs/performance.md), and most fonts draw 600 and 700 alike. */
    h2,
    h3,
    h4,
    strong,
    .error-title {
      font-weight: 600;
    }
    h2 {
      font-size: 1.125em;
    }
    h3 {
      font-size: 1em;
    }
    p {
      margin: 0 0 calc(var(--_space) / 2);
    }
    .muted {
      color: var(--_muted);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    .stack {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    .spacer {
      flex: 1;
    }
    /* An item of a long list (contacts, templates: up to the API's maximums), or a long table as a
       whole (the portal users' permission grid), is not laid out while it is out of view, its last
       size remembered: showing every item fits in one short task.
       Paint containment comes with it: the clip margin keeps focus rings at the edge visible. */
    .render-in-view {
      content-visibility: auto;
      contain-intrinsic-block-size: auto 8rem;
      overflow-clip-margin: 0.5rem;
    }

    /* A narrow column (a phone, a side panel): a row of buttons becomes a stack of full-width
       buttons in reading order, never a ragged grid. */
    @container portal-widget (width < 26rem) {
      :is(.row, .actions, .save-bar):has(> .button) {
        flex-direction: column;
        align-items: stretch;
      }
      :is(.row, .actions, .save-bar):has(> .button) > .spacer {
        display: none;
      }
    }

    .button {
      font: inherit;
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-height: 2.25rem;
      padding: 0.35rem 0.85rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
      /* A label (an email address above all) never breaks over lines: the row of buttons wraps instead. */
      white-space: nowrap;
      justify-content: center;
      text-align: center;
    }
    .button:hover:not(:disabled) {
      background: var(--_surface-alt);
    }
    .button.primary {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
    }
    .button.primary:hover:not(:disabled) {
      filter: brightness(1.1);
      background: var(--_primary);
    }
    .button.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_on-danger);
    }
    .button.link {
      border-color: transparent;
      background: transparent;
      color: var(--_primary);
      text-decoration: underline;
      padding-inline: 0.25rem;
    }
    .button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .banner {
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.75) var(--_space);
      border: 1px solid transparent;
    }
    .banner > :last-child {
      margin-bottom: 0;
    }
    .banner.warning {
      background: var(--_warning-bg);
      color: var(--_warning-text);
      border-color: currentColor;
    }
    .banner.info {
      background: var(--_info-bg);
      color: var(--_info-text);
    }
    .banner.success {
      background: var(--_success-bg);
      color: var(--_success-text);
    }
    .banner.danger {
      background: var(--_danger-bg);
      color: var(--_danger-text);
      border-color: currentColor;
    }

    .badge {
      display: inline-block;
      padding: 0.05rem 0.5rem;
      border-radius: 999px;
      font-size: 0.875em;
      font-weight: 600;
      background: var(--_surface-alt);
      color: var(--_text);
      border: 1px solid var(--_border);
      white-space: nowrap;
    }
    .badge.success {
      background: var(--_success-bg);
      color: var(--_success-text);
      border-color: transparent;
    }
    .badge.warning {
      background: var(--_warning-bg);
      color: var(--_warning-text);
      border-color: transparent;
    }
    .badge.danger {
      background: var(--_danger-bg);
      color: var(--_danger-text);
      border-color: transparent;
    }
    .badge.info {
      background: var(--_info-bg);
      color: var(--_info-text);
      border-color: transparent;
    }

    label {
      font-weight: 600;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .field .hint {
      font-weight: normal;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .field .field-error {
      color: var(--_danger);
      font-size: 0.875em;
    }
    input[type='text'],
    input[type='email'],
    input[type='search'],
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.4rem 0.55rem;
      min-height: 2.25rem;
    }
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      font-weight: normal;
    }
    .check input {
      margin-top: 0.2rem;
      width: 1.1rem;
      height: 1.1rem;
      accent-color: var(--_primary);
    }

    /* One dialog for every widget: one width whatever it holds (no change of shape between opens),
       the same title and spacing, and a container of its own, because a modal dialog sits in the
       top layer, as wide as the screen allows, not as the widget's column. */
    dialog {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-sizing: border-box;
      width: min(32rem, calc(100vw - 2rem));
      max-width: none;
      padding: calc(var(--_space) * 1.5);
      overflow-wrap: anywhere;
      container: portal-dialog / inline-size;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    /* The title (what the dialog's aria-labelledby names), then one space before what follows. */
    dialog :is(h2, h3)[id$='-title'] {
      font-size: 1.125em;
      line-height: 1.3;
      margin: 0 0 var(--_space);
    }
    dialog .stack > :is(h2, h3)[id$='-title'] {
      margin-bottom: 0;
    }
    dialog .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: calc(var(--_space) / 2);
      margin-top: var(--_space);
    }
    /* A phone: the dialog's buttons are a stack of full-width buttons, in reading order. */
    @container portal-dialog (width < 28rem) {
      dialog .actions {
        flex-direction: column;
        align-items: stretch;
      }
    }

    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
    }
    th {
      font-size: 0.875em;
      color: var(--_muted);
      font-weight: 600;
    }

    .pending {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--_muted);
    }
    .spinner {
      width: 1rem;
      height: 1rem;
      border: 2px solid var(--_border);
      border-top-color: var(--_primary);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
    .error {
      color: var(--_danger-text);
      background: var(--_danger-bg);
      border-radius: var(--_radius);
      padding: var(--_space);
    }
        .empty {
      text-align: center;
      padding: calc(var(--_space) * 1.5) var(--_space);
      color: var(--_muted);
    }
    .empty strong {
      display: block;
      color: var(--_text);
      margin-bottom: 0.25rem;
    }
  `,
];
