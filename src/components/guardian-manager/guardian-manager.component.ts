import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { PortalElement } from '../../base/portal-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './guardian-manager.styles.js';

/**
 * @summary Placeholder: this widget is being built.
 *
 * @event portal-load - Data finished loading.
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 */
export class GuardianManagerElement extends PortalElement {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'guardian-manager';

  /** Id of the client whose data the widget shows. */
  @property({ attribute: 'client-id', reflect: true }) clientId = '';

  private readonly summary = new Task(this, {
    task: async ([client, clientId], { signal }) => {
      if (!client || !clientId) return initialState;
      const value = await client.getClient(clientId, { signal });
      this.emit('portal-load', { widget: this.widgetName, clientId });
      return value;
    },
    args: () => [this.client, this.clientId] as const,
  });

  protected override currentClientId(): string | null {
    return this.clientId || null;
  }

  protected override render() {
    return html`${this.renderTask(this.summary, (c) => html`<p>${c?.firstName} ${c?.lastName}</p>`)}${this.renderAnnouncer()}`;
  }
}
