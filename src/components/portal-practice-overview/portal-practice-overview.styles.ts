import { css } from 'lit';

export const styles = css`
  /* Layout follows the widget's own width (the host's column), not the viewport. */
  :host {
    display: block;
    container: practice-overview / inline-size;
  }
  .header p {
    margin: 0;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .funnel {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: 1fr;
    gap: calc(var(--_space) / 2);
  }
  .stage {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    min-width: 0;
  }
  .stage-title {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 0.5rem;
  }
  .stage-count {
    font-weight: 400;
    color: var(--_muted);
  }
  .findings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .finding-button {
    font: inherit;
    width: 100%;
    text-align: start;
    background: none;
    color: var(--_primary);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.35rem 0.5rem;
    min-height: 2.25rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .finding-button:hover {
    background: var(--_surface-alt);
  }
  .finding-button[aria-pressed='true'] {
    border-color: var(--_primary);
    font-weight: 600;
  }
  .finding-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .finding-list {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .list-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }
  .list-header h3 {
    margin: 0;
  }
  .filter {
    max-width: 24rem;
    margin: 0;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rows[aria-busy='true'] {
    opacity: 0.7;
  }
  .client-row {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  .who {
    display: flex;
    flex-direction: column;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .bulk-sentence {
    font-weight: 600;
  }

  /* A wide column: the four states side by side, each row on one line. */
  @container practice-overview (min-width: 44rem) {
    .funnel {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    .client-row {
      flex-direction: row;
      align-items: center;
      justify-content: space-between;
    }
    .who {
      flex: 1;
    }
    .row-actions {
      flex-wrap: nowrap;
    }
  }
  @container practice-overview (min-width: 28rem) and (max-width: 43.99rem) {
    .funnel {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
`;
