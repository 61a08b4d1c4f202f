import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .header h2 {
    margin: 0;
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .section h3 {
    margin: 0;
  }
  .permission {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: calc(var(--_space) / 2);
    border-radius: var(--_radius);
  }
  .permission.unsaved {
    background: var(--_warning-bg);
  }
  .permission-text {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
  }
  .permission-text p {
    margin: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .permission.unsaved .hint {
    color: var(--_warning-text);
  }
  .blocked,
  .auto-off {
    color: var(--_warning-text);
    background: var(--_warning-bg);
    border-radius: var(--_radius);
    padding: 0.25rem 0.5rem;
    font-size: 0.875em;
  }
  .blocked p {
    margin: 0;
  }
`;
