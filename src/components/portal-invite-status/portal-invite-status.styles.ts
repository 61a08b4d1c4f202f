import { css } from 'lit';

export const styles = css`
  .header {
    justify-content: space-between;
  }
  .header h2 {
    margin: 0;
  }
  .header h2:focus {
    outline: none;
  }
  .status-line {
    margin: 0;
  }
  /* The dates share what is left after the address (and a minor's recipients). */
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }
  .details > div {
    flex: 1 1 9rem;
    min-width: 0;
  }
  /* The portal email first, and a minor's guardian recipients: room for an address or a name with its role on one line. */
  .details > div:is(:first-child, :has(.recipients)) {
    flex: 2 1 16rem;
  }
  @container portal-widget (width < 36rem) {
    .details > div:is(:first-child, :has(.recipients)) {
      flex-basis: 100%;
    }
  }
  .details dt {
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .details .badge {
    margin-inline-start: 0.35rem;
  }
  .recipients {
    margin: 0;
    padding-inline-start: 1.1rem;
    overflow-wrap: anywhere;
  }
  .actions-row {
    align-items: flex-start;
  }
  .action {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.2rem;
    max-width: 100%;
  }
  /* A reason under a button wraps at a readable width instead of widening the button's column. */
  .action .hint {
    max-width: 18rem;
  }
  /* A middle column: the actions are a grid of equal buttons; a narrow one: a stack of full-width buttons. */
  @container portal-widget (width < 40rem) {
    .actions-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      align-items: start;
    }
    .action {
      align-items: stretch;
    }
    .action .hint {
      max-width: none;
    }
  }
  .hint {
    display: block;
    font-weight: normal;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .feedback {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .feedback:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .diagnosis,
  .timeline {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  .findings,
  .invitations {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .finding {
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    overflow-wrap: anywhere;
  }
  .finding.blocker {
    border-inline-start-color: var(--_danger);
  }
  .finding.warning {
    border-inline-start-color: var(--_warning-text);
  }
  .finding.info {
    border-inline-start-color: var(--_info-text);
  }
  .finding.ok {
    border-inline-start-color: var(--_success-text);
  }
  .finding-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.25rem;
  }
  .finding > p:last-child {
    margin-bottom: 0;
  }
  .invitation {
    border-bottom: 1px solid var(--_border);
    padding-bottom: calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }
  .invitation:last-child {
    border-bottom: 0;
  }
  .message {
    margin: 0.25rem 0 0;
    padding-inline-start: 0.6rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
    white-space: pre-wrap;
  }

  .label {
    font-weight: 600;
    margin: 0;
  }
  textarea {
    resize: vertical;
  }
  fieldset.scope {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    gap: calc(var(--_space) / 2);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .typo-hint .button.link {
    min-height: 0;
    padding-block: 0;
  }
  .dialog-error {
    color: var(--_danger-text);
    background: var(--_danger-bg);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
  .copied {
    color: var(--_success-text);
    margin: 0;
  }
  .pin {
    font-size: 1.5em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
    max-width: 10em;
  }
`;
