// A React 19 host using the custom elements directly: React 19 passes properties (clientId,
// getToken) as properties and `on<event-name>` props as event listeners. Built by
// scripts/build-examples.mjs into app.js.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from '../../dist/types/jsx.js';
import '../../dist/portal-widgets.js';
// The mock API as an ES module (a real host imports 'portal-widgets/mock' in development only).
import { start as startMock } from '../../dist/mock.js';


const getToken = async () => 'demo-token';

function ClientPortalPanel() {
  const [clientId, setClientId] = useState('cl_minor_guardian');
  const [events, setEvents] = useState<string[]>([]);
  const log = (name: string) => setEvents((list) => [name, ...list].slice(0, 5));
  return (
    <main>
      <h1>React 19 host</h1>
      <label>
        Client{' '}
        <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value="cl_minor_guardian">Minor with guardian</option>
          <option value="cl_active">Adult, signed in</option>
        </select>
      </label>
      <portal-provider apiBase="/api/portal" getToken={getToken} locale="en">
        <guardian-manager clientId={clientId} onportal-load={() => log('portal-load')} onportal-contact-added={() => log('portal-contact-added')} />
        <portal-permissions-editor clientId={clientId} onportal-permissions-saved={() => log('portal-permissions-saved')} />
      </portal-provider>
      <p aria-live="polite">Last events: {events.join(', ') || 'none yet'}</p>
    </main>
  );
}

await startMock({ world: 'default' });
createRoot(document.getElementById('root')!).render(<ClientPortalPanel />);
