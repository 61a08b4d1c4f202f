// Bundled by web-test-runner.config.mjs into testing-library.js: Testing Library and its
// CommonJS dependencies as one ES module the browser can import.
export { screen, within } from 'shadow-dom-testing-library';
export { waitFor } from '@testing-library/dom';
export { default as userEvent } from '@testing-library/user-event';
// A clock a test moves forward, for what changes with time (a countdown); CommonJS too.
export { install as installClock } from '@sinonjs/fake-timers';

// A busy 2-core CI machine can take longer than Testing Library's default second to show an
// effect (a save, a 412, a reload): `findBy*` and `waitFor` wait up to 10 s for their condition
// (5 s was not enough with the load average at 40 on two cores: npm test three times under load).
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 10_000 });
