// Files a host serves rather than imports: `locales/es.iife.js` (a script that registers Spanish
// with the script-tag build, loaded by it on demand) and `mockServiceWorker.js` (msw's service
// worker, served at the site root). They export nothing.
export {};
