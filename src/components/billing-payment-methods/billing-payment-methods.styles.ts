import { css } from 'lit';

export const styles = css`
  header {
    margin-bottom: var(--_space);
  }
  .sections {
    display: grid;
    gap: var(--_space);
    container-type: inline-size;
  }
  /* Each section a panel a person can scan: pay, saved cards, insurance, history. */
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .section-head h3 {
    font-size: 1.125em;
  }
  .section-head .balance {
    font-size: 1em;
  }
  /* Wide columns: saved cards and insurance side by side, pay and history across. */
  @container (min-width: 52rem) {
    .sections {
      grid-template-columns: 1fr 1fr;
    }
    .sections > [part~='invoices'],
    .sections > [part~='history'] {
      grid-column: 1 / -1;
    }
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  .section > h3,
  .section > .section-head h3 {
    margin: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
  }
  .banner,
  .empty,
  .hint,
  .muted,
  .balance {
    margin: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  .success-text {
    color: var(--_success-text);
    margin: 0;
  }
  .balance {
    font-weight: 600;
    font-size: 1.0625em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  /* The tables judge their own width: a table when its columns fit, a card per row when not. */
  .table-scroll {
    overflow-x: auto;
    container: billing-table / inline-size;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td .muted {
    display: block;
    font-size: 0.875em;
  }
  td .check {
    font-weight: 600;
    white-space: nowrap;
  }
  .description {
    overflow-wrap: anywhere;
    max-width: 24rem;
  }
  /* As a table, a date never breaks over lines (issued and due; a payment's date): the description
     and server text take the slack. */
  @container billing-table (width >= 38rem) {
    [part~='invoice-table'] td:is(:nth-child(3), :nth-child(4)),
    [part~='history-table'] td:first-child {
      white-space: nowrap;
    }
  }
  /* A narrow column: each invoice or payment is a card, every value under its column's name. */
  @container billing-table (width < 38rem) {
    .table-scroll :is(table, tbody, tr, td) {
      display: block;
    }
    .table-scroll thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .table-scroll tr {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.5rem var(--_space);
      padding: calc(var(--_space) * 0.75) 0;
      border-bottom: 1px solid var(--_border);
    }
    .table-scroll td {
      border: 0;
      padding: 0;
      min-width: 0;
    }
    .table-scroll :is(td.lead, td.description) {
      grid-column: 1 / -1;
      max-width: none;
    }
    .table-scroll td.lead {
      font-weight: 600;
    }
    .table-scroll td .check {
      white-space: normal;
      min-width: 0;
    }
    .table-scroll .num {
      text-align: start;
    }
    /* The column's name above the value; the empty alternative text keeps it out of what
       assistive technology reads (the column header already names the cell). */
    .table-scroll td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.8125em;
      font-weight: 600;
      color: var(--_muted);
    }
  }
  /* Four values (dates, amount, card, status) a line where they fit, two where they do not. */
  @container billing-table (30rem <= width < 38rem) {
    .table-scroll tr {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  .item > .field-error {
    flex-basis: 100%;
  }
  /* A narrow column: a card's buttons take the whole line under it (stacked full width). */
  @container portal-widget (width < 26rem) {
    .item > .row {
      flex-basis: 100%;
    }
  }
  .item-main {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .card-name {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  h4 {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 1em;
  }
  .uploads {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
  }
  .upload {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .upload > p {
    margin: 0;
  }
  .upload-title {
    font-weight: 600;
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .drop.dragging {
    border-color: var(--_focus);
  }
  .drop label.button {
    cursor: pointer;
  }
  /* The native input is hidden (its "No file chosen" is in the browser's language), but it keeps focus: show it on the label. */
  .file-input:focus-visible + label {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .file-input:disabled + label {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .preview {
    display: block;
    max-width: 100%;
    max-height: var(--portal-billing-preview-height, 10rem);
    object-fit: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .pager {
    padding-top: calc(var(--_space) / 2);
  }
  /* A middle column: the range on its own line, Newer and Older as an even pair below it. */
  @container portal-widget (26rem <= width < 40rem) {
    .pager > #history-range {
      flex-basis: 100%;
    }
    .pager > .spacer {
      display: none;
    }
    .pager > .button {
      flex: 1 1 0;
    }
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin: 0 0 var(--_space);
    gap: calc(var(--_space) / 2);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  dialog ul.invoice-lines {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .new-card {
    margin-bottom: var(--_space);
  }
  .card-field {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface-alt);
  }
  #history-range:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
