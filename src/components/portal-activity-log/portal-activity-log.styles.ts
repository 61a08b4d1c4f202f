import { css } from 'lit';

export const styles = css`
  /* Layout follows the widget's own width (the host's column), not the viewport. */
  :host {
    container: activity-log / inline-size;
  }
  .header {
    margin-bottom: var(--_space);
  }
  .header h2 {
    margin: 0;
  }
  .intro {
    margin: calc(var(--_space) / 4) 0 0;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible,
  .entry:focus-visible,
  #range:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .entry:focus,
  #range:focus {
    outline: none;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-bottom: var(--_space);
  }
  .filters .field {
    flex: 1 1 14rem;
    max-width: 22rem;
    margin: 0;
  }
  .filters select {
    width: 100%;
  }
  .banner {
    margin-bottom: var(--_space);
  }
  .banner.row {
    justify-content: space-between;
    flex-wrap: wrap;
  }
  .day + .day {
    margin-top: var(--_space);
  }
  .day h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
    text-transform: none;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }
  .entry {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.125rem;
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .entry time {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }
  .pager .spacer {
    flex: 1;
  }
  /* Wider columns: the time sits beside the sentence. */
  @container activity-log (min-width: 560px) {
    .entry {
      grid-template-columns: 6.5rem 1fr;
      gap: var(--_space);
    }
  }
  /* The narrowest columns: the pager's range on its own line, the buttons share the next. */
  @container activity-log (max-width: 400px) {
    .pager #range {
      flex-basis: 100%;
    }
    .pager .spacer {
      display: none;
    }
    .pager .button {
      flex: 1;
    }
    .filters .field {
      max-width: none;
    }
    .filters .button {
      flex: 1 1 100%;
    }
  }
`;
