// Strings a host controls: single strings overridden, a language registered at run time, both
// shown by a widget already on the page; and the pseudo-locale a designer or a test switches to.
// Overrides are page-wide, so each test puts back what it changed.
import { expect, html, mount, loaded, useMock, expectQuietConsole, within, waitFor, type Mock } from './support/index.js';
import { overrideMessages, registerLocale, type PortalInviteStatusElement, type PortalProviderElement } from '../../src/index.js';
import { registerPseudoLocale } from '../../src/i18n/pseudo-locale.js';

type El = PortalInviteStatusElement;
const heading = (el: El) => within(el.shadowRoot as unknown as HTMLElement).getByShadowRole('heading', { level: 2 }).textContent!.trim();
const text = (el: El) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('strings a host controls', function () {
  this.timeout(20_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => {
    mock.faults.clear();
    expectQuietConsole();
  });

  it('an overridden string replaces the English one in a widget already shown, and can be taken back', async () => {
    const el = await mount<El>(html`<portal-invite-status client-id="cl_active"></portal-invite-status>`);
    await loaded(el);
    expect(heading(el)).to.equal('Client portal access');
    overrideMessages('en', {
      'portal-invite-status': { heading: 'Patient app access', activeBody: (when, date) => `Using the app since ${when} (${date}).` },
    });
    await waitFor(() => expect(heading(el)).to.equal('Patient app access'));
    expect(text(el)).to.match(/Using the app since 2 days ago \(/);
    // The rest of the catalog is untouched.
    expect(text(el)).to.contain('Portal email');
    overrideMessages('en', { 'portal-invite-status': { heading: undefined, activeBody: undefined } });
    await waitFor(() => expect(heading(el)).to.equal('Client portal access'));
    expect(text(el)).to.match(/Signed in\. Last sign-in 2 days ago/);
  });

  it('a registered language shows at once where it is asked for, English where it says nothing, dates in that language', async () => {
    const el = await mount<El>(html`<portal-invite-status client-id="cl_active"></portal-invite-status>`, { locale: 'fr-CA' });
    await loaded(el);
    // Not registered yet: English.
    expect(heading(el)).to.equal('Client portal access');
    registerLocale('fr', {
      'portal-invite-status': { heading: 'Accès au portail client', activeBody: (when, date) => `Connecté. Dernière connexion ${when} (${date}).` },
    });
    await waitFor(() => expect(heading(el)).to.equal('Accès au portail client'));
    expect(text(el)).to.contain('Dernière connexion avant-hier');
    // Not translated by the host: the English text.
    expect(text(el)).to.contain('Portal email');
    // Asked for English again: English.
    const provider = el.parentElement as PortalProviderElement;
    provider.locale = 'en';
    await waitFor(() => expect(heading(el)).to.equal('Client portal access'));
  });

  it('the pseudo-locale en-XA: every string accented, longer and between markers, data left as it is', async () => {
    registerPseudoLocale();
    const el = await mount<El>(html`<portal-invite-status client-id="cl_active"></portal-invite-status>`, { locale: 'en-XA' });
    await loaded(el);
    expect(heading(el)).to.equal('⟦Çļîîééñţ þööŕţååļ ååççéšš⟧');
    expect(text(el)).to.contain('avery.testwood@example.com');
    expect(text(el)).not.to.contain('Client portal access');
  });
});
