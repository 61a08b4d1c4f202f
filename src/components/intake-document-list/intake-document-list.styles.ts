import { css } from 'lit';

export const styles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
    margin-bottom: var(--_space);
  }
  .header h2 {
    margin: 0;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .banner {
    margin-bottom: var(--_space);
  }
  .flash {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .flash p {
    margin: 0;
  }
  .flash .button.link {
    color: inherit;
    min-height: auto;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  /* Search, status and sort share the row; where they wrap, each line is filled edge to edge. */
  .filters .field {
    flex: 1 1 10rem;
    min-width: 0;
  }
  .filters .search {
    flex: 3 1 14rem;
    margin: 0;
  }
  .filters select,
  .filters input {
    width: 100%;
  }
  .list[aria-busy='true'] {
    opacity: 0.7;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  th.title,
  .card .title {
    font-weight: 600;
    color: var(--_text);
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  th.title {
    min-width: 9rem;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The table keeps the widgets' type scale (15 / 13.125 / 12.1875 px by default): every size
     and weight used is one more font the browser prepares before the first paint. */
  table {
    font-size: 1em;
  }
  /* A date never breaks over lines: the status cell gives each date its own line instead. */
  time {
    white-space: nowrap;
  }
  .status-cell {
    min-width: 9rem;
  }
  .status-cell .when {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
    margin-top: 0.15rem;
  }
  .badge.neutral {
    background: var(--_surface-alt);
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  tr.cancelled th.title {
    color: var(--_muted);
    font-weight: 500;
  }
  .cell-label {
    display: none;
  }
  .sections {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  progress {
    width: 6rem;
    height: 0.5rem;
    accent-color: var(--_primary);
  }
  .button.small {
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* Room for Remind with its cooldown note beside Cancel, so the two never stack. */
  .actions-cell {
    min-width: 16rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem 0.75rem;
  }
  /* Remind and its cooldown note form one unit; Cancel stands apart. */
  .remind {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 10rem;
  }
  .button.destructive {
    color: var(--_danger);
    border-color: var(--_danger);
    background: transparent;
  }
  .button.destructive:hover:not(:disabled) {
    background: var(--_danger-bg);
    color: var(--_danger-text);
  }
  .actions-cell .hint,
  .actions-cell .field-error {
    margin: 0.25rem 0 0;
    font-size: 0.8125em;
  }
  .hint {
    color: var(--_muted);
  }
  .field-error {
    color: var(--_danger);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-top: var(--_space);
  }
  .pager-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .jump {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    margin: 0;
  }
  .jump input {
    width: 4.5rem;
    min-height: 2.25rem;
  }
  .pager .field-error {
    flex-basis: 100%;
    margin: 0;
  }
  .spacer {
    flex: 1;
  }
  .range {
    margin: var(--_space) 0 0;
  }
  .pager .range {
    margin: 0;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25rem;
  }
  .card p {
    margin: 0;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .card-head h3 {
    margin: 0;
  }
  .card .button {
    margin-top: 0.25rem;
  }
  fieldset.templates {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .template {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: start;
  }
  .template input {
    margin-top: 0.2rem;
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--_primary);
  }
  .template .hint {
    grid-column: 2;
    margin: 0;
    font-size: 0.875em;
  }
  textarea {
    resize: vertical;
  }
  .summary .banner {
    margin: 0;
  }
  .summary p {
    margin: 0 0 0.25rem;
  }
  .email-count {
    font-weight: 700;
  }
  .empty .button {
    margin-top: var(--_space);
  }
  .empty-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .already-sent {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .already-sent-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
  }
  .template-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .already-sent .hint {
    margin: 0;
    font-size: 0.875em;
  }
  .send-again {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .send-again input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--_primary);
  }

  /* A narrow column: each document is a card (title, status with dates, sections, actions). */
  @container portal-widget (width < 46rem) {
    .table-scroll {
      overflow: visible;
    }
    table.documents,
    table.documents tbody,
    table.documents tr,
    table.documents th,
    table.documents td {
      display: block;
      width: auto;
    }
    table.documents thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table.documents tbody {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.75);
    }
    table.documents tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.75);
    }
    table.documents th,
    table.documents td,
    table.documents .actions-cell {
      border: 0;
      padding: 0;
      min-width: 0;
    }
    table.documents th.title,
    table.documents td.actions-cell {
      flex: 1 1 100%;
    }
    table.documents td.status-cell,
    table.documents td.sections-cell {
      flex: 1 1 9rem;
    }
    .cell-label {
      display: block;
      font-size: 0.8125em;
      color: var(--_muted);
    }
  }
`;
