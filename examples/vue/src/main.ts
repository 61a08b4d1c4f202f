// A Vue 3.5 host. The SDK registers its elements on import; the mock API (msw in a service worker,
// /mockServiceWorker.js copied into public/ by `npm run worker`) answers before the app mounts,
// so the widgets' first requests are already served by it.
import { createApp } from 'vue';
import 'portal-widgets';
import App from './App.vue';
import '../../example.css';

// A real host starts the mock in development only: `if (import.meta.env.DEV) { … }`. This example
// has no backend, so its production build starts it too.
const { start } = await import('portal-widgets/mock');
await start({ world: 'default' });

createApp(App).mount('#app');
