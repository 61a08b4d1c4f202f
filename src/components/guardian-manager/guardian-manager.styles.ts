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
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
  }
  .header h2 {
    margin: 0;
  }
  .banner p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  p.banner {
    margin: 0;
  }
  .contacts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .contact {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .contact p {
    margin: 0;
  }
  .contact-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) / 2);
  }
  .contact-head h3 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .emails {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .emails li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .address {
    overflow-wrap: anywhere;
  }
  .portal-status {
    color: var(--_muted);
  }
  .portal-status.problem {
    color: var(--_danger-text);
    background: var(--_danger-bg);
    border-radius: var(--_radius);
    padding: 0.15rem 0.5rem;
  }
  .contact-actions .hint,
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .permissions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .permissions h3 {
    margin: 0;
  }
  dialog form .stack {
    gap: calc(var(--_space) * 0.75);
  }
  dialog .hint {
    margin: 0.15rem 0 0 1.6rem;
  }
  dialog .field .hint {
    margin: 0;
  }
  dialog textarea {
    width: 100%;
  }
  .effects {
    padding-inline-start: 1.25rem;
  }
`;
