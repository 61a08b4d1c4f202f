import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { PortalElement, configure, type PortalProviderElement } from '../../src/index.js';
import { installConsoleGuard, takeConsoleEntries } from './support/console-guard.js';
import { waitFor } from './support/testing-library.js';
import { WIDGET_TAGS } from './support/widgets.js';

installConsoleGuard();

describe('foundation', () => {
  afterEach(() => takeConsoleEntries());

  it('registers the provider and every widget', () => {
    for (const tag of ['portal-provider', ...WIDGET_TAGS]) {
      expect(customElements.get(tag), tag).to.exist;
    }
  });

  it('warns instead of throwing when another copy defined a tag first', () => {
    class Other extends HTMLElement {}
    expect(() => PortalElement.define('portal-provider', Other)).not.to.throw();
    const printed = takeConsoleEntries();
    expect(printed).to.have.length(1);
    expect(printed[0]!.method).to.equal('warn');
    expect(printed[0]!.text).to.contain('<portal-provider> is already defined');
  });

  it('stays silent when the same class is registered twice (index plus a widget entry)', () => {
    PortalElement.define('portal-provider', customElements.get('portal-provider')!);
    expect(takeConsoleEntries()).to.deep.equal([]);
  });

  it('warns once, naming the fix, when a get-token attribute is set instead of the getToken property', async () => {
    const provider = await fixture<PortalProviderElement>(html`<portal-provider api-base="/api/portal"></portal-provider>`);
    provider.setAttribute('get-token', String(() => 'token'));
    provider.setAttribute('get-token', 'again');
    const printed = takeConsoleEntries();
    expect(printed).to.have.length(1);
    expect(printed[0]!.method).to.equal('warn');
    expect(printed[0]!.text).to.contain('get-token attribute');
    expect(printed[0]!.text).to.contain(':getToken="fn"');
    expect(provider.getToken).to.equal(undefined);
  });

  it('stays silent when getToken is set as a property', async () => {
    const provider = await fixture<PortalProviderElement>(html`<portal-provider api-base="/api/portal" .getToken=${() => 'token'}></portal-provider>`);
    expect(provider.getToken).to.be.a('function');
    expect(takeConsoleEntries()).to.deep.equal([]);
  });

  it('tells the user a widget outside any provider is not connected', async () => {
    const el = await fixture(html`<portal-invite-status client-id="cl_active"></portal-invite-status>`);
    expect(el.shadowRoot!.textContent).to.contain('not connected to the portal');
  });

  it('a provider gives its widgets a client, and a locale change reaches them without remounting', async () => {
    const provider = await fixture<PortalProviderElement>(html`<portal-provider api-base="/nowhere" locale="en"><portal-invite-status></portal-invite-status></portal-provider>`);
    const widget = provider.querySelector('portal-invite-status')!;
    await widget.updateComplete;
    expect(provider.client).to.exist;
    expect(widget.shadowRoot!.textContent).to.contain('No client selected');
    provider.locale = 'es-MX';
    await provider.updateComplete;
    await widget.updateComplete;
    // Spanish comes with its locale pack; until it is in, the English text stays.
    await waitFor(() => expect(widget.shadowRoot!.textContent).to.contain('No hay ningún cliente seleccionado'));
  });

  it('configure() connects widgets outside a provider', async () => {
    const el = await fixture(html`<portal-invite-status></portal-invite-status>`);
    configure({ apiBase: '/nowhere', locale: 'es' });
    await (el as PortalElement).updateComplete;
    await waitFor(() => expect(el.shadowRoot!.textContent).to.contain('No hay ningún cliente seleccionado'));
  });
});
