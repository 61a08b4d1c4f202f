// Bundled by web-test-runner.config.mjs into testing-library.js: Testing Library and its
// CommonJS dependencies as one ES module the browser can import.
export { screen, within } from 'shadow-dom-testing-library';
export { waitFor } from '@testing-library/dom';
export { default as userEvent } from '@testing-library/user-event';
