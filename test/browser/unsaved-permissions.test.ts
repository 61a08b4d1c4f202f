// Unsaved permission changes, in both widgets that edit them: Save and Discard are only offered
// when something changed, and a client switch never drops changes silently (`hasUnsavedChanges`,
// and the cancelable `portal-before-client-change`).
import { expect, html, mount, loaded, nextLoad, requestsSettled, useMock, expectQuietConsole, user, waitFor, viewOf, type Mock } from './support/index.js';
import type { GuardianManagerElement, PortalPermissionsEditorElement } from '../../src/index.js';

type El = GuardianManagerElement | PortalPermissionsEditorElement;

const button = (el: El, name: string) => viewOf(el).getByShadowRole('button', { name }) as HTMLButtonElement;
/** Unavailable to the user: announced as dimmed, and a click does nothing. */
const unavailable = (b: HTMLButtonElement) => b.disabled || b.getAttribute('aria-disabled') === 'true';
const notice = (el: El) => el.shadowRoot!.querySelector('[part="save-notice"]')?.textContent?.trim() ?? '';

const WIDGETS = [
  { tag: 'portal-permissions-editor', make: (id: string) => html`<portal-permissions-editor client-id=${id}></portal-permissions-editor>` },
  { tag: 'guardian-manager', make: (id: string) => html`<guardian-manager client-id=${id}></guardian-manager>` },
] as const;

describe('unsaved permission changes', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  for (const { tag, make } of WIDGETS) {
    it(`<${tag}>: Save and Discard are unavailable until something changes, and again once saved or discarded`, async () => {
      const el = await mount<El>(make('cl_minor_guardian'));
      await loaded(el);
      const view = viewOf(el);
      expect(unavailable(button(el, 'Save permissions')), 'Save on load').to.equal(true);
      expect(unavailable(button(el, 'Discard changes')), 'Discard on load').to.equal(true);
      // Clicking them anyway does nothing: no request, no message.
      await user().click(button(el, 'Save permissions'));
      await user().click(button(el, 'Discard changes'));
      // Anything the clicks would have sent is answered, and anything they would show rendered.
      await requestsSettled();
      await el.updateComplete;
      expect(notice(el)).to.equal('');
      expect(mock.store.client('cl_minor_guardian')!.permissions.version).to.equal(1);

      const billing = view.getByShadowRole('switch', { name: 'Billing for Jordan Minor' });
      await user().click(billing);
      await waitFor(() => expect(unavailable(button(el, 'Save permissions'))).to.equal(false));
      expect(unavailable(button(el, 'Discard changes'))).to.equal(false);
      // Turning it back is no change at all.
      await user().click(billing);
      await waitFor(() => expect(unavailable(button(el, 'Save permissions'))).to.equal(true));
      expect(view.queryByShadowText(/Unsaved changes/)).to.equal(null);

      await user().click(billing);
      await user().click(await waitFor(() => button(el, 'Discard changes')));
      await waitFor(() => expect(notice(el)).to.equal('Your unsaved changes were discarded.'));
      expect(unavailable(button(el, 'Discard changes'))).to.equal(true);
      // Focus stays where the user was, next to the confirmation.
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Discard changes');

      await user().click(billing);
      await user().click(button(el, 'Save permissions'));
      await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
      expect(unavailable(button(el, 'Save permissions'))).to.equal(true);
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Save permissions');
      await expect(el).to.be.accessible();
    });

    it(`<${tag}>: hasUnsavedChanges says whether changes would be lost, and the page can keep the client`, async () => {
      const el = await mount<El>(make('cl_minor_guardian'));
      await loaded(el);
      const asked: CustomEvent[] = [];
      let keep = true;
      el.addEventListener('portal-before-client-change', (e) => {
        asked.push(e);
        if (keep) e.preventDefault();
      });
      expect(el.hasUnsavedChanges).to.equal(false);
      await user().click(viewOf(el).getByShadowRole('switch', { name: 'Messaging for Jordan Minor' }));
      await waitFor(() => expect(viewOf(el).getByShadowText('Unsaved changes (1)')).to.exist);
      expect(el.hasUnsavedChanges).to.equal(true);

      // The page cancels: the widget stays on its client, with the change, and says so in its attribute.
      el.setAttribute('client-id', 'cl_active');
      expect(asked.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', nextClientId: 'cl_active', changed: ['portalUsers.ct_minor_g_mother.messaging'] }]);
      expect(asked[0]!.bubbles && asked[0]!.composed && asked[0]!.cancelable).to.equal(true);
      expect(el.getAttribute('client-id')).to.equal('cl_minor_guardian');
      expect(el.clientId).to.equal('cl_minor_guardian');
      await el.updateComplete;
      expect(viewOf(el).getByShadowText('Unsaved changes (1)')).to.exist;
      expect(el.hasUnsavedChanges).to.equal(true);

      // The same through the property.
      el.clientId = 'cl_active';
      expect(el.clientId).to.equal('cl_minor_guardian');
      expect(asked).to.have.length(2);

      // The page lets it go: the changes are dropped with the client.
      keep = false;
      const load = nextLoad(el);
      el.setAttribute('client-id', 'cl_active');
      await load;
      await el.updateComplete;
      expect(asked).to.have.length(3);
      expect(el.hasUnsavedChanges).to.equal(false);
      expect(viewOf(el).queryByShadowText(/Unsaved changes/)).to.equal(null);
      expect(mock.store.client('cl_minor_guardian')!.permissions.version).to.equal(1);
    });
  }

  it('no event without unsaved changes, and none after saving', async () => {
    const el = await mount<PortalPermissionsEditorElement>(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    await loaded(el);
    const asked: Event[] = [];
    document.addEventListener('portal-before-client-change', (e) => asked.push(e));
    await user().click(viewOf(el).getByShadowRole('switch', { name: 'Use secure messaging' }));
    await user().click(button(el, 'Save permissions'));
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    expect(el.hasUnsavedChanges).to.equal(false);
    const load = nextLoad(el);
    el.setAttribute('client-id', 'cl_invited');
    await load;
    expect(asked).to.have.length(0);
  });
});
