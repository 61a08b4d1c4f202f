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
    gap: var(--_space);
    margin-bottom: var(--_space);
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
    min-width: 10rem;
  }
  table {
    font-size: 0.9375em;
  }
  td time {
    display: inline-block;
    min-width: 6.5rem;
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
  .actions-cell {
    min-width: 9.5rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .actions-cell .hint,
  .actions-cell .field-error {
    margin: 0.25rem 0 0;
    font-size: 0.8125em;
    max-width: 12rem;
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
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
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
  dialog {
    width: min(36rem, 92vw);
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
`;
