import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalClient, PortalDataChangedEvent, ResourceName } from '../api/portal-client.js';

export interface DataChangeOptions {
  /** The client whose writes to watch; followed when it changes (a new provider configuration). */
  client: () => PortalClient | undefined;
  /** Whether a change to this client's data concerns the widget (practice-wide changes always do). */
  concerns: (clientId: string) => boolean;
  resources: readonly ResourceName[];
  changed: (resources: ResourceName[]) => void;
}

/**
 * Calls `changed` when a write on the page (by any widget, or by the host through the client)
 * changes data the widget shows: the client's `portal-data-changed` names the resources it changed.
 */
export class DataChangeController implements ReactiveController {
  private watched?: PortalClient;
  private stop?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DataChangeOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Put back on the page: watch again at once, not from the next render.
    this.hostUpdate();
  }

  hostUpdate(): void {
    const client = this.options.client();
    if (client === this.watched) return;
    this.hostDisconnected();
    this.watched = client;
    if (!client) return;
    const { concerns, resources, changed } = this.options;
    const onChange = ({ detail }: PortalDataChangedEvent) => {
      if (detail.clientId !== null && !concerns(detail.clientId)) return;
      if (detail.resources.some((r) => resources.includes(r))) changed(detail.resources);
    };
    client.addEventListener('portal-data-changed', onChange);
    this.stop = () => client.removeEventListener('portal-data-changed', onChange);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = this.watched = undefined;
  }
}
