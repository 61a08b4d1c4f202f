import { expect } from './support/index.js';

describe('test support', () => {
  it('a failing assertion about a DOM node reports a short description, not the node', () => {
    const el = document.createElement('section');
    el.setAttribute('part', 'history');
    el.textContent = 'Payment history';
    let caught: (Error & { actual?: unknown }) | undefined;
    try {
      expect(el).to.equal(null);
    } catch (error) {
      caught = error as Error & { actual?: unknown };
    }
    // A node left in the error made the runner's serialiser kill the browser session.
    expect(caught?.actual).to.equal('<section part="history"> "Payment history"');
    expect(caught?.message).to.contain('section');
  });
});
