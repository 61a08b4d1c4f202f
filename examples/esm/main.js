// A bundler-free host: import the pieces you use straight from the package's dist/ folder.
import { configure } from '../../dist/portal-widgets.js';
import '../../dist/components/portal-invite-status.js';
import '../../dist/components/intake-document-list.js';
// The mock API, also an ES module (development and demos only).
import { start } from '../../dist/mock.js';

await start({ world: 'default' });
configure({ apiBase: '/api/portal', getToken: async () => 'demo-token', locale: document.documentElement.lang });
