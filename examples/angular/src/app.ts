import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { PortalProviderElement } from 'portal-widgets';

type LoggedEvent = GlobalEventHandlersEventMap['portal-load'] | GlobalEventHandlersEventMap['portal-permissions-saved'];

/**
 * The SDK's elements in an Angular template. CUSTOM_ELEMENTS_SCHEMA lets the compiler accept them.
 * With strictTemplates, `$event` of a `(portal-*)` binding is typed from the SDK's event map, but
 * names of properties and attributes and the values bound to them are not checked (docs/embedding.md).
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>Angular 21 host</h1>
      <label for="client">Client</label>
      <select id="client" #client [value]="clientId()" (change)="clientId.set(client.value)">
        <option value="cl_minor_guardian">Minor with guardian</option>
        <option value="cl_active">Adult, signed in</option>
      </select>
      <portal-provider api-base="/api/portal" [getToken]="getToken" locale="en">
        <portal-invite-status [clientId]="clientId()" (portal-load)="log($event)"></portal-invite-status>
        <guardian-manager [clientId]="clientId()" (portal-load)="log($event)"></guardian-manager>
        <portal-permissions-editor [clientId]="clientId()" (portal-load)="log($event)" (portal-permissions-saved)="log($event)"></portal-permissions-editor>
      </portal-provider>
      <p aria-live="polite" id="events">Last events: {{ events().join(', ') || 'none yet' }}</p>
    </main>
  `,
})
export class App {
  protected readonly clientId = signal('cl_minor_guardian');
  protected readonly events = signal<string[]>([]);

  // A function: bound as a property (`[getToken]`); an attribute can only hold a string.
  protected readonly getToken: PortalProviderElement['getToken'] = async () => 'demo-token';

  protected log({ type, detail, target }: LoggedEvent): void {
    this.events.update((list) => [`${(target as Element).localName}: ${type} ${detail.clientId}`, ...list].slice(0, 10));
  }
}
