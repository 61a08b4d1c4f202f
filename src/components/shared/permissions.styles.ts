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
    left: 0.15rem;
    width: 0.85rem;
    height: 0.85rem;
    border-radius: 50%;
    background: var(--_muted);
    transform: translateY(-50%);
    transition: left 0.15s ease;
  }
  input.switch:checked {
    background: var(--_primary);
    border-color: var(--_primary);
  }
  input.switch:checked::before {
    left: calc(100% - 1rem);
    background: var(--_on-primary);
  }
  input.switch:disabled,
  input.switch[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
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

  .grid-scroll {
    overflow-x: auto;
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
