import { css } from 'lit';

/** Switches, the portal-user grid, change lists and the save bar: shared by the widgets that edit permissions. */
export const permissionStyles = css`
  input.switch {
    appearance: none;
    flex: none;
    position: relative;
    width: 2.5rem;
    height: 1.4rem;
    margin: 0;
    border-radius: 999px;
    border: 2px solid var(--_muted);
    background: var(--_surface-alt);
    cursor: pointer;
    vertical-align: middle;
  }
  input.switch::before {
    content: '';
    position: absolute;
    top: 50%;
    /* Logical: right to left, the knob starts on the right and "on" is to the left. */
    inset-inline-start: 0.15rem;
    width: 0.85rem;
    height: 0.85rem;
    border-radius: 50%;
    background: var(--_muted);
    transform: translateY(-50%);
    transition: inset-inline-start 0.15s ease;
  }
  input.switch:checked {
    background: var(--_primary);
    border-color: var(--_primary);
  }
  input.switch:checked::before {
    inset-inline-start: calc(100% - 1rem);
    background: var(--_on-primary);
  }
  input.switch:disabled,
  input.switch[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  /* "On → Off" reads from right to left in a right-to-left page: the arrow points that way too. */
  .change-arrow:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  @media (prefers-reduced-motion: reduce) {
    input.switch::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    input.switch {
      border-color: CanvasText;
    }
    input.switch::before {
      background: CanvasText;
    }
    input.switch:checked {
      background: Highlight;
    }
  }

  /* The grid is a table when every column fits, and a card per portal user when it does not:
     nothing is clipped or hidden in a scroller, whatever column the host gives the widget. */
  .groups-container {
    container: portal-groups / inline-size;
  }
  table.groups th[scope='row'] {
    color: var(--_text);
    font-size: 1em;
  }
  table.groups td,
  table.groups thead th:not(:first-child) {
    text-align: center;
  }
  table.groups .person {
    display: block;
    overflow-wrap: anywhere;
    max-width: 16rem;
  }
  table.groups td.unsaved {
    background: var(--_warning-bg);
  }
  table.groups .group-cell {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    cursor: pointer;
  }
  table.groups .group-name {
    display: none;
  }
  @container portal-groups (width < 44rem) {
    table.groups,
    table.groups tbody,
    table.groups td {
      display: block;
    }
    table.groups thead {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table.groups tbody {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
    }
    table.groups tr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      column-gap: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) / 2) var(--_space);
    }
    table.groups th[scope='row'] {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem calc(var(--_space) / 2);
      padding: 0.25rem 0 0.5rem;
    }
    table.groups .person {
      max-width: none;
      min-width: 0;
    }
    table.groups td {
      text-align: start;
      border-bottom: 0;
      padding: 0.35rem 0;
    }
    table.groups td.unsaved {
      padding-inline: 0.35rem;
      border-radius: var(--_radius);
    }
    /* Switch first, then its name, as the client permissions read. */
    table.groups .group-cell {
      display: flex;
      flex-direction: row-reverse;
      justify-content: flex-end;
      gap: calc(var(--_space) * 0.75);
    }
    table.groups .group-name {
      display: inline;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  }
  .group-help {
    margin-top: calc(var(--_space) / 2);
  }
  .group-help summary {
    cursor: pointer;
    color: var(--_primary);
  }
  .group-help dl {
    margin: calc(var(--_space) / 2) 0 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem var(--_space);
  }
  .group-help dt {
    font-weight: 600;
  }
  .group-help dd {
    margin: 0;
    color: var(--_muted);
  }

  ul.changes {
    margin: 0 0 calc(var(--_space) / 2);
    padding-inline-start: 1.25rem;
  }
  .banner-title {
    font-weight: 700;
  }
  .held:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .save-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }
  .save-bar .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .save-bar .button[aria-disabled='true']:hover {
    filter: none;
    background: var(--_surface);
  }
  .save-bar .button.primary[aria-disabled='true']:hover {
    background: var(--_primary);
  }
  .save-bar p {
    margin: 0;
  }
  .save-notice {
    color: var(--_success-text);
    background: var(--_success-bg);
    border-radius: var(--_radius);
    padding: 0.15rem 0.5rem;
  }
`;
