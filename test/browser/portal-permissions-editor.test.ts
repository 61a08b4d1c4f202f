import { expect, html, mount, loaded, nextLoad, requestsSettled, useMock, expectQuietConsole, within, user, sendKeys, waitFor, viewOf, collect, type Mock } from './support/index.js';
import type { PortalPermissionsEditorElement } from '../../src/index.js';

type El = PortalPermissionsEditorElement;

const switchOf = (el: El, name: string | RegExp) => viewOf(el).getByShadowRole('switch', { name }) as HTMLInputElement;
const announced = (el: El) => el.shadowRoot!.querySelector('[aria-live="polite"].visually-hidden')?.textContent ?? '';
const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The visible confirmation next to Save (the live region says the same for screen readers). */
const notice = (el: El) => el.shadowRoot!.querySelector('[part="save-notice"]')?.textContent?.trim() ?? '';

async function mountEditor(clientId: string, opts: { admin?: boolean; locale?: string } = {}) {
  const changes = collect(document, 'portal-permissions-change');
  const el = await mount<El>(html`<portal-permissions-editor client-id=${clientId} ?practice-admin=${opts.admin ?? false}></portal-permissions-editor>`, opts.locale ? { locale: opts.locale } : {});
  await loaded(el);
  expect(changes, 'no change event on load').to.have.length(0);
  return el;
}

describe('<portal-permissions-editor>', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('shows the four client permissions and a grid of portal users × groups', async () => {
    const el = await mountEditor('cl_minor_guardian');
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Portal permissions' });
    expect(switchOf(el, 'Allow online appointment requests').checked).to.equal(true);
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(true);
    expect(switchOf(el, 'Access billing documents').checked).to.equal(true);
    expect(switchOf(el, 'Pay outstanding balance').checked).to.equal(false);
    // Switches are described, not only named.
    expect(switchOf(el, 'Use secure messaging').getAttribute('aria-describedby')).to.match(/help/);

    const table = view.getByShadowRole('table', { name: 'Permission groups of each portal user' });
    expect(within(table).getAllByShadowRole('row')).to.have.length(2);
    const stored = mock.store.client('cl_minor_guardian')!.permissions.portalUsers[0]!.groups;
    expect(switchOf(el, 'Messaging for Jordan Minor').checked).to.equal(stored.messaging);
    expect(switchOf(el, 'Billing for Jordan Minor').checked).to.equal(stored.billing);
    expect(switchOf(el, 'Documents and forms for Jordan Minor').checked).to.equal(stored.documents);
    expect(within(table).getByShadowText('Active')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('turning billing documents off turns pay-balance off with it, visibly and announced', async () => {
    const el = await mountEditor('cl_active');
    const changes = collect(el, 'portal-permissions-change');
    expect(switchOf(el, 'Pay outstanding balance').checked).to.equal(true);

    await user().click(switchOf(el, 'Access billing documents'));
    const pay = switchOf(el, 'Pay outstanding balance');
    await waitFor(() => expect(pay.checked).to.equal(false));
    expect(pay.getAttribute('aria-disabled')).to.equal('true');
    const view = viewOf(el);
    expect(view.getByShadowText(/Turned off with “Access billing documents”/)).to.exist;
    expect(view.getByShadowText(/To fix: turn on “Access billing documents” first/)).to.exist;
    await waitFor(() => expect(announced(el)).to.contain('Pay outstanding balance was turned off too'));
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail).to.deep.equal({ clientId: 'cl_active', changed: ['client.billingDocuments', 'client.payBalance'], dirty: true });
    expect(view.getByShadowText('Unsaved changes (2)')).to.exist;

    // While billing documents are off, pay-balance cannot be turned on.
    await user().click(pay);
    await el.updateComplete; // whatever the click would have rendered
    expect(pay.checked).to.equal(false);
    expect(changes).to.have.length(1);
    await expect(el).to.be.accessible();

    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    const saved = mock.store.client('cl_active')!.permissions;
    expect(saved.client).to.deep.equal({ appointmentRequests: true, secureMessaging: true, billingDocuments: false, payBalance: false });
  });

  it('says why pay-balance is unavailable without an online payments account, and how to fix it', async () => {
    mock.reset('no-payments-account');
    const el = await mountEditor('cl_active');
    const pay = switchOf(el, 'Pay outstanding balance');
    expect(pay.checked).to.equal(false);
    expect(pay.getAttribute('aria-disabled')).to.equal('true');
    const view = viewOf(el);
    expect(view.getByShadowText(/the practice has no active online payments account/)).to.exist;
    expect(view.getByShadowText(/set up online card payments for the practice/)).to.exist;
    await user().click(pay);
    await el.updateComplete; // whatever the click would have rendered
    expect(pay.checked).to.equal(false);
    expect(view.queryByShadowText(/Unsaved changes/)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('saves the draft with If-Match, confirms, and emits the new version', async () => {
    const el = await mountEditor('cl_minor_guardian');
    const saved = collect(el, 'portal-permissions-saved');
    const before = mock.store.client('cl_minor_guardian')!.permissions;
    await user().click(switchOf(el, 'Billing for Jordan Minor'));
    await user().click(switchOf(el, 'Allow online appointment requests'));
    const view = viewOf(el);
    expect(await view.findByShadowText('Unsaved changes (2)')).to.exist;
    // Nothing is sent before Save.
    await requestsSettled();
    expect(mock.store.client('cl_minor_guardian')!.permissions.version).to.equal(before.version);

    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    const after = mock.store.client('cl_minor_guardian')!.permissions;
    expect(after.version).to.equal(before.version + 1);
    expect(after.client.appointmentRequests).to.equal(!before.client.appointmentRequests);
    expect(after.portalUsers[0]!.groups.billing).to.equal(!before.portalUsers[0]!.groups.billing);
    expect(saved.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', version: after.version }]);
    expect(view.queryByShadowText(/Unsaved changes/)).to.equal(null);
    await waitFor(() => expect(announced(el)).to.equal('Permissions saved.'));
    expect(active(el)?.textContent).to.contain('Save permissions');
    await expect(el).to.be.accessible();
  });

  it('discard restores the saved version', async () => {
    const el = await mountEditor('cl_minor_guardian');
    const changes = collect(el, 'portal-permissions-change');
    const messaging = switchOf(el, 'Messaging for Jordan Minor');
    const was = messaging.checked;
    await user().click(messaging);
    expect(messaging.checked).to.equal(!was);
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(notice(el)).to.equal('Your unsaved changes were discarded.'));
    expect(switchOf(el, 'Messaging for Jordan Minor').checked).to.equal(was);
    expect(view.queryByShadowText(/Unsaved changes/)).to.equal(null);
    expect(notice(el)).to.equal('Your unsaved changes were discarded.');
    expect(changes.map((e) => e.detail.dirty)).to.deep.equal([true, false]);
    expect(mock.store.client('cl_minor_guardian')!.permissions.version).to.equal(1);
  });

  it('keeps the user’s draft through a 412, shows what changed elsewhere, and re-applies it', async () => {
    const el = await mountEditor('cl_minor_guardian');
    await user().click(switchOf(el, 'Messaging for Jordan Minor'));
    await user().click(switchOf(el, 'Use secure messaging'));

    // Someone else saves first.
    const rec = mock.store.client('cl_minor_guardian')!;
    mock.store.savePermissions(rec, { ...rec.permissions, client: { ...rec.permissions.client, appointmentRequests: false } });

    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    const banner = await view.findByShadowRole('group', { name: 'Someone else saved these permissions while you were editing' });
    const b = within(banner);
    expect(b.getByShadowText(/Allow online appointment requests: On/).textContent).to.match(/On\s*→\s*changed to\s*Off/);
    expect(b.getByShadowText(/Your 2 unsaved changes are kept/)).to.exist;
    expect(b.getByShadowText(/Messaging for Jordan Minor: On/)).to.exist;
    // The latest saved version is on screen, locked until the user decides.
    expect(switchOf(el, 'Allow online appointment requests').checked).to.equal(false);
    expect(switchOf(el, 'Messaging for Jordan Minor').checked).to.equal(true);
    expect(switchOf(el, 'Messaging for Jordan Minor').disabled).to.equal(true);
    await waitFor(() => expect(active(el)?.id).to.equal('ppe-held'));
    await expect(el).to.be.accessible();

    await user().click(b.getByShadowRole('button', { name: 'Re-apply my changes' }));
    await waitFor(() => expect(notice(el)).to.contain('re-applied on top of the latest version'));
    expect(switchOf(el, 'Messaging for Jordan Minor').checked).to.equal(false);
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(false);
    expect(switchOf(el, 'Allow online appointment requests').checked).to.equal(false);
    expect(notice(el)).to.contain('re-applied on top of the latest version');

    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    const stored = mock.store.client('cl_minor_guardian')!.permissions;
    expect(stored.version).to.equal(3);
    expect(stored.client).to.deep.include({ appointmentRequests: false, secureMessaging: false });
    expect(stored.portalUsers[0]!.groups.messaging).to.equal(false);
  });

  it('a held draft can be discarded in favour of the other version', async () => {
    const el = await mountEditor('cl_active');
    await user().click(switchOf(el, 'Use secure messaging'));
    const rec = mock.store.client('cl_active')!;
    mock.store.savePermissions(rec, { ...rec.permissions, client: { ...rec.permissions.client, appointmentRequests: false } });
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await user().click(await view.findByShadowRole('button', { name: 'Discard my changes' }));
    await waitFor(() => expect(notice(el)).to.contain('Your changes were discarded'));
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(true);
    expect(switchOf(el, 'Use secure messaging').disabled).to.equal(false);
    expect(notice(el)).to.contain('Your changes were discarded');
    expect(mock.store.client('cl_active')!.permissions.client.secureMessaging).to.equal(true);
  });

  it('a 412 with nothing newer to show is explained next to Save, and the draft is kept', async () => {
    const el = await mountEditor('cl_active');
    await user().click(switchOf(el, 'Use secure messaging'));
    mock.faults.set('updatePermissions', { status: 412, code: 'stale_version', times: 1 });
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    expect((await view.findByShadowRole('alert')).textContent).to.contain('Someone else changed this in the meantime.');
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(false);
    expect(view.getByShadowText('Unsaved changes (1)')).to.exist;
  });

  it('shows a banner when the portal is off for the practice, with no switch for a role without practice.settings', async () => {
    mock.reset('portal-off');
    mock.setStaff('front-desk');
    const el = await mountEditor('cl_active');
    const view = viewOf(el);
    expect(view.getByShadowText('The client portal is off for the whole practice')).to.exist;
    expect(view.getByShadowText(/can’t sign in, even with access enabled here/)).to.exist;
    expect(view.queryByShadowRole('switch', { name: 'Client portal for the whole practice' })).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lets a practice admin turn the portal off, after a confirmation that names the consequence', async () => {
    const el = await mountEditor('cl_active');
    const updated = collect(el, 'portal-practice-updated');
    const view = viewOf(el);
    const practiceSwitch = switchOf(el, 'Client portal for the whole practice');
    expect(practiceSwitch.checked).to.equal(true);

    await user().click(practiceSwitch);
    const dialog = await view.findByShadowRole('dialog', { name: 'Turn off the client portal for the whole practice?' });
    expect(within(dialog).getByShadowText(/No client or portal user will be able to sign in/)).to.exist;
    expect(practiceSwitch.checked, 'nothing changes before confirming').to.equal(true);
    await expect(el).to.be.accessible();

    // Escape cancels and gives focus back to the switch.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect((dialog as HTMLDialogElement).open).to.equal(false));
    await waitFor(() => expect(active(el)).to.equal(practiceSwitch));
    expect(mock.store.practice.portalEnabled).to.equal(true);

    await user().click(practiceSwitch);
    const again = await view.findByShadowRole('dialog', { name: 'Turn off the client portal for the whole practice?' });
    await user().click(within(again).getByShadowRole('button', { name: 'Turn off the portal' }));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="practice-notice"]')?.textContent).to.equal('The client portal is now off for the whole practice.'));
    expect(mock.store.practice.portalEnabled).to.equal(false);
    expect(updated.map((e) => e.detail)).to.deep.equal([{ portalEnabled: false }]);
    expect(view.getByShadowText('The client portal is off for the whole practice')).to.exist;
    expect(switchOf(el, 'Client portal for the whole practice').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry that works, and reports it', async () => {
    mock.faults.set('getPermissions', { status: 500, times: 3 });
    const errors = collect(document, 'portal-error');
    const el = await mount<El>(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    await loaded(el);
    const view = viewOf(el);
    const alert = await view.findByShadowRole('alert');
    expect(alert.textContent).to.contain('Something went wrong');
    expect(errors.map((e) => e.detail)).to.deep.equal([{ widget: 'portal-permissions-editor', clientId: 'cl_active', operation: 'getPermissions', status: 500, code: 'internal' }]);
    await expect(el).to.be.accessible();
    const reload = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Try again' }));
    await reload;
    await view.findByShadowRole('switch', { name: 'Use secure messaging' });
  });

  it('keeps the draft when a save fails, says why next to Save, and saves on the next try', async () => {
    const el = await mountEditor('cl_active');
    await user().click(switchOf(el, 'Use secure messaging'));
    mock.faults.set('updatePermissions', { network: true });
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    // A PUT with If-Match is safe to repeat: the client tries three times (about 0.9 s) first.
    const alert = await view.findByShadowRole('alert');
    expect(alert.textContent).to.contain('Can’t reach the portal service');
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(false);
    expect(view.getByShadowText('Unsaved changes (1)')).to.exist;
    await expect(el).to.be.accessible();

    mock.faults.clear();
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    expect(mock.store.client('cl_active')!.permissions.client.secureMessaging).to.equal(false);
  });

  it('works with the keyboard alone', async () => {
    const el = await mountEditor('cl_active');
    switchOf(el, 'Allow online appointment requests').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(switchOf(el, 'Use secure messaging'));
    await sendKeys({ press: 'Space' });
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(false);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent).to.contain('Save permissions');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(notice(el)).to.equal('Permissions saved.'));
    expect(mock.store.client('cl_active')!.permissions.client.secureMessaging).to.equal(false);
  });

  it('drops the draft when it is given another client', async () => {
    const el = await mountEditor('cl_active');
    await user().click(switchOf(el, 'Use secure messaging'));
    let load = nextLoad(el);
    el.clientId = 'cl_invited';
    await load;
    await el.updateComplete;
    expect(viewOf(el).queryByShadowText(/Unsaved changes/)).to.equal(null);
    load = nextLoad(el);
    el.clientId = 'cl_active';
    await load;
    await el.updateComplete;
    expect(switchOf(el, 'Use secure messaging').checked).to.equal(true);
    expect(viewOf(el).queryByShadowText(/Unsaved changes/)).to.equal(null);
  });

  it('renders hostile names as text', async () => {
    const el = await mountEditor('cl_hostile');
    expect(el.shadowRoot!.querySelector('img, script, svg, iframe, style:not([data-lit])')).to.equal(null);
    const table = viewOf(el).getByShadowRole('table');
    expect(within(table).getAllByShadowRole('switch')).to.have.length(5);
  });

  it('speaks Spanish', async () => {
    const el = await mountEditor('cl_minor_guardian', { locale: 'es' });
    const view = viewOf(el);
    expect(view.getByShadowRole('heading', { level: 2, name: 'Permisos del portal' })).to.exist;
    expect(switchOf(el, 'Mensajería de Jordan Minor')).to.exist;
    expect(view.getByShadowRole('button', { name: 'Guardar permisos' })).to.exist;
  });
});
