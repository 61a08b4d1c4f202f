// Types of the bundle web-test-runner.config.mjs builds from testing-library.entry.ts.
export { screen, within } from 'shadow-dom-testing-library';
export { waitFor } from '@testing-library/dom';
export { default as userEvent } from '@testing-library/user-event';
// A clock a test moves forward, for what changes with time (a countdown); CommonJS too.
export { install as installClock } from '@sinonjs/fake-timers';
