// The script-tag build: registers every element and exposes the API as `window.PortalWidgets`.
export * from './index.js';
