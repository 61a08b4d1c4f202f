// A React 19 host using the custom elements directly: React 19 passes properties (clientId,
// getToken) as properties and `on<event-name>` props as event listeners. It imports the SDK by
// its package name, as a host does: `npm run build` bundles it against this repository's dist/
// (scripts/build-examples.mjs, served by `npm start`); test/e2e/framework-examples.test.mjs
// bundles it against the packed tarball installed in a host's node_modules.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'portal-widgets/jsx';
import 'portal-widgets';
// The mock API as an ES module (a real host imports 'portal-widgets/mock' in development only).
import { start as startMock } from 'portal-widgets/mock';

type LoggedEvent = GlobalEventHandlersEventMap['portal-load'] | GlobalEventHandlersEventMap['portal-permissions-saved'] | GlobalEventHandlersEventMap['portal-contact-added'];

const getToken = async () => 'demo-token';

function ClientPortalPanel() {
  const [clientId, setClientId] = useState('cl_minor_guardian');
  const [events, setEvents] = useState<string[]>([]);
  const log = ({ type, detail, target }: LoggedEvent) =>
    setEvents((list) => [`${(target as Element).localName}: ${type} ${detail.clientId}`, ...list].slice(0, 10));
  return (
    <main>
      <h1>React 19 host</h1>
      <label htmlFor="client">Client</label>
      <select id="client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
        <option value="cl_minor_guardian">Minor with guardian</option>
        <option value="cl_active">Adult, signed in</option>
      </select>
      <portal-provider apiBase="/api/portal" getToken={getToken} locale="en">
        <portal-invite-status clientId={clientId} onportal-load={log} />
        <guardian-manager clientId={clientId} onportal-load={log} onportal-contact-added={log} />
        <portal-permissions-editor clientId={clientId} onportal-load={log} onportal-permissions-saved={log} />
      </portal-provider>
      <p aria-live="polite" id="events">Last events: {events.join(', ') || 'none yet'}</p>
    </main>
  );
}

await startMock({ world: 'default' });
createRoot(document.getElementById('root')!).render(<ClientPortalPanel />);
