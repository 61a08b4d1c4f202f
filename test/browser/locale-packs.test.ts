// Spanish is a locale pack a page loads only when it uses Spanish; a widget asked for Spanish
// shows no English while the pack is on its way. (Each test file runs in a fresh page, so the pack
// is not loaded when this file starts.)
import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../src/index.js';
import { waitFor } from './support/testing-library.js';

// The unbundled test page loads hundreds of modules: make room to record the ones that follow.
performance.setResourceTimingBufferSize(10_000);
const packRequests = () => performance.getEntriesByType('resource').filter((e) => /\/src\/locales\/es\./.test(new URL(e.name).pathname));

describe('locale packs', () => {
  it('an English page never fetches the Spanish pack', async () => {
    const el = await fixture(html`<portal-provider api-base="/nowhere" locale="en"><portal-invite-status></portal-invite-status></portal-provider>`);
    await el.querySelector('portal-invite-status')!.updateComplete;
    // The provider decides at once whether a pack is needed; its English text is that decision's
    // render (a 50 ms sleep here added nothing: a request started would not have finished by then).
    await waitFor(() => expect(el.querySelector('portal-invite-status')!.shadowRoot!.textContent).to.contain('No client selected'));
    expect(packRequests().map((e) => e.name)).to.deep.equal([]);
  });

  it('a Spanish widget loads the pack once and shows no English before it', async () => {
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      for (const w of document.querySelectorAll('portal-invite-status, guardian-manager')) seen.push(w.shadowRoot?.textContent ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    // One widget in a provider; one outside any, configured page-wide.
    configure({ apiBase: '/nowhere', locale: 'es' });
    const el = await fixture(html`<div><portal-provider api-base="/nowhere" locale="es"><portal-invite-status></portal-invite-status></portal-provider><guardian-manager></guardian-manager></div>`);
    const [invite, guardians] = [el.querySelector('portal-invite-status')!, el.querySelector('guardian-manager')!];
    await guardians.updateComplete;
    seen.push(invite.shadowRoot!.textContent ?? '', guardians.shadowRoot!.textContent ?? '');
    // The one outside leaves the page before the pack arrives and comes back after it.
    guardians.remove();
    await waitFor(() => expect(invite.shadowRoot!.textContent).to.contain('No hay ningún cliente seleccionado'));
    el.append(guardians);
    await waitFor(() => expect(guardians.shadowRoot!.textContent).to.contain('No hay ningún cliente seleccionado'));
    observer.disconnect();
    expect(seen.filter((text) => text.includes('No client selected') || text.includes('Loading'))).to.deep.equal([]);
    expect(packRequests(), 'one request for both widgets').to.have.length(1);
  });
});
