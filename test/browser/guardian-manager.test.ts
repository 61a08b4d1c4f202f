import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, user, sendKeys, waitFor, viewOf, collect, installClock, requestsSettled, type Mock } from './support/index.js';
import type { GuardianManagerElement, PortalProviderElement } from '../../src/index.js';

type El = GuardianManagerElement;

const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
const confirmation = (el: El) => el.shadowRoot!.querySelector('[part="confirmation"]')?.textContent?.trim() ?? '';
const cardOf = (el: El, name: string) => {
  const card = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="contact"]')].find((c) => c.querySelector('h3')?.textContent?.trim() === name);
  if (!card) throw new Error(`no contact "${name}"`);
  return within(card);
};
const dialogNamed = async (el: El, name: string | RegExp) => within(await viewOf(el).findByShadowRole('dialog', { name }));

/** Types over the whole value, as a person selecting it all and typing would. */
const replaceText = (input: HTMLInputElement, text: string) => user().type(input, text, { initialSelectionStart: 0, initialSelectionEnd: input.value.length });

async function mountManager(clientId: string, locale?: string) {
  const el = await mount<El>(html`<guardian-manager client-id=${clientId}></guardian-manager>`, locale ? { locale } : {});
  await loaded(el);
  return el;
}

describe('<guardian-manager>', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('lists contacts with relationship, legal guardian badge, emails with consent and portal-user state', async () => {
    const el = await mountManager('cl_minor_guardian');
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Contacts and guardians' });
    const mom = cardOf(el, 'Jordan Minor');
    expect(mom.getByShadowText('Mother')).to.exist;
    expect(mom.getByShadowText('Legal guardian')).to.exist;
    expect(mom.getByShadowText('Active')).to.exist;
    expect(mom.getByShadowText('jordan.minor@example.com')).to.exist;
    expect(mom.getByShadowText('Email ok')).to.exist;
    expect(mom.getByShadowText(/Last signed in/)).to.exist;
    expect(mom.getByShadowText(/Signed in already, so there is no invitation to resend/)).to.exist;
    expect(mom.queryByShadowRole('button', { name: /Resend invitation/ })).to.equal(null);

    const dad = cardOf(el, 'Kai Minor');
    expect(dad.getByShadowText('Father')).to.exist;
    expect(dad.getByShadowText('Not a portal user')).to.exist;
    expect(dad.getByShadowRole('button', { name: 'Invite to portal: Kai Minor' })).to.exist;

    // Indy is 14 and the practice's own-access age is 13.
    expect(view.getByShadowText(/Indy is 14\. At this practice minors get portal access of their own from age 13/)).to.exist;
    expect(view.queryByShadowText(/should be the primary portal user/)).to.equal(null);
    expect(view.queryByShadowText(/no legal guardian/)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('warns about a minor with no legal guardian and adds one from the warning', async () => {
    const el = await mountManager('cl_minor_no_guardian');
    const added = collect(el, 'portal-contact-added');
    const view = viewOf(el);
    expect(view.getByShadowText('Gale is a minor with no legal guardian')).to.exist;
    expect(view.getByShadowText(/edit them and check “Legal guardian”/)).to.exist;
    await expect(el).to.be.accessible();

    await user().click(view.getByShadowRole('button', { name: 'Add legal guardian' }));
    const dialog = await dialogNamed(el, 'Add a legal guardian');
    expect((dialog.getByShadowRole('checkbox', { name: 'Legal guardian' }) as HTMLInputElement).checked).to.equal(true);
    await waitFor(() => expect(active(el)?.id).to.equal('gm-cf-first'));
    await expect(el).to.be.accessible();

    const u = user();
    await u.type(dialog.getByShadowLabelText('First name'), 'Robin');
    await u.type(dialog.getByShadowLabelText('Last name'), 'Junior');
    await u.selectOptions(dialog.getByShadowLabelText('Relationship to the client'), 'grandparent');
    await u.type(dialog.getByShadowLabelText('Email (optional)'), 'robin.junior@example.com');
    await u.click(dialog.getByShadowRole('checkbox', { name: 'Email ok (consent)' }));
    await u.click(dialog.getByShadowRole('button', { name: 'Add legal guardian' }));

    await waitFor(() => expect(confirmation(el)).to.equal('Robin Junior was added.'));
    const stored = mock.store.client('cl_minor_no_guardian')!.contacts.find((c) => c.firstName === 'Robin')!;
    expect(stored).to.deep.include({ lastName: 'Junior', relationship: 'grandparent', legalGuardian: true });
    expect(stored.emails).to.deep.equal([{ address: 'robin.junior@example.com', consent: true, primary: true }]);
    expect(added.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_no_guardian', contactId: stored.id }]);
    await waitFor(() => expect(view.queryByShadowText('Gale is a minor with no legal guardian')).to.equal(null));
    expect(cardOf(el, 'Robin Junior').getByShadowText('Grandparent')).to.exist;
    await waitFor(() => expect(active(el)?.id).to.equal('gm-add'));
  });

  it('validates the form with messages tied to the fields and focus on the first problem, keeping what was typed', async () => {
    const el = await mountManager('cl_empty');
    const view = viewOf(el);
    expect(view.getByShadowText('No contacts yet')).to.exist;
    expect(view.getByShadowText('No portal users yet')).to.exist;
    await user().click(view.getByShadowRole('button', { name: 'Add contact' }));
    const dialog = await dialogNamed(el, 'Add a contact');
    await user().type(dialog.getByShadowLabelText('Last name'), 'Blank');
    await user().type(dialog.getByShadowLabelText('Email (optional)'), 'morgan@');
    await user().click(dialog.getByShadowRole('button', { name: 'Add contact' }));

    const first = dialog.getByShadowLabelText('First name') as HTMLInputElement;
    await waitFor(() => expect(active(el)).to.equal(first));
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(first).to.have.attribute('aria-describedby', 'gm-cf-first-error');
    expect(el.shadowRoot!.getElementById('gm-cf-first-error')!.textContent).to.equal('Enter a first name.');
    expect(dialog.getByShadowText('Choose how they are related to the client.')).to.exist;
    expect(dialog.getByShadowText(/Enter an email address like name@example.com/)).to.exist;
    expect(dialog.getByShadowLabelText('Email (optional)').getAttribute('aria-describedby')).to.equal('gm-cf-email-hint gm-cf-email-error');
    expect((dialog.getByShadowLabelText('Last name') as HTMLInputElement).value).to.equal('Blank');
    expect((dialog.getByShadowLabelText('Last name') as HTMLInputElement).getAttribute('aria-invalid')).to.equal('false');
    expect(mock.store.client('cl_empty')!.contacts).to.have.length(0);
    await expect(el).to.be.accessible();

    // Fixing a field clears its message.
    await user().type(first, 'Sam');
    await waitFor(() => expect(el.shadowRoot!.getElementById('gm-cf-first-error')).to.equal(null));
  });

  it('edits a contact with If-Match', async () => {
    const el = await mountManager('cl_minor_guardian');
    const updated = collect(el, 'portal-contact-updated');
    const editButton = cardOf(el, 'Kai Minor').getByShadowRole('button', { name: 'Edit: Kai Minor' });
    await user().click(editButton);
    const dialog = await dialogNamed(el, 'Edit Kai Minor');
    const last = dialog.getByShadowLabelText('Last name') as HTMLInputElement;
    expect(last.value).to.equal('Minor');
    await replaceText(last, 'Minor-Reyes');
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Legal guardian' }));
    await user().click(dialog.getByShadowRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(confirmation(el)).to.equal('Kai Minor-Reyes was updated.'));
    const stored = mock.store.client('cl_minor_guardian')!.contacts.find((c) => c.id === 'ct_minor_g_father')!;
    expect(stored).to.deep.include({ lastName: 'Minor-Reyes', legalGuardian: false, version: 2 });
    expect(updated.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_father' }]);
    await waitFor(() => expect(active(el)?.textContent).to.contain('Edit'));
  });

  it('keeps what was typed when someone else changed the contact first, and says what they changed', async () => {
    const el = await mountManager('cl_minor_guardian');
    await user().click(cardOf(el, 'Kai Minor').getByShadowRole('button', { name: 'Edit: Kai Minor' }));
    const dialog = await dialogNamed(el, 'Edit Kai Minor');
    const first = dialog.getByShadowLabelText('First name') as HTMLInputElement;
    await replaceText(first, 'Kairo');

    const rec = mock.store.client('cl_minor_guardian')!;
    const kai = rec.contacts.find((c) => c.id === 'ct_minor_g_father')!;
    mock.store.saveContact(rec, { ...kai, relationship: 'stepparent' });

    await user().click(dialog.getByShadowRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(el.shadowRoot!.getElementById('gm-cf-elsewhere')?.textContent).to.contain('Someone else changed this contact while you were editing (relationship)'));
    expect(first.value).to.equal('Kairo');
    await waitFor(() => expect(active(el)?.id).to.equal('gm-cf-elsewhere'));
    await expect(el).to.be.accessible();

    await user().click(dialog.getByShadowRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(confirmation(el)).to.equal('Kairo Minor was updated.'));
    expect(rec.contacts.find((c) => c.id === 'ct_minor_g_father')).to.deep.include({ firstName: 'Kairo', relationship: 'father', version: 3 });
  });

  it('removes a contact after a confirmation that says which access ends', async () => {
    const el = await mountManager('cl_minor_guardian');
    const removed = collect(el, 'portal-contact-removed');
    await user().click(cardOf(el, 'Jordan Minor').getByShadowRole('button', { name: 'Remove: Jordan Minor' }));
    const dialog = await dialogNamed(el, 'Remove Jordan Minor?');
    expect(dialog.getByShadowText('Jordan Minor will lose portal access for Indy: they can no longer sign in or see anything in Indy’s portal.')).to.exist;
    expect(dialog.getByShadowText('Portal emails for Indy will no longer go to Jordan Minor.')).to.exist;
    expect(dialog.queryByShadowText(/will have no legal guardian/)).to.equal(null);
    await expect(el).to.be.accessible();

    await user().click(dialog.getByShadowRole('button', { name: 'Remove contact' }));
    await waitFor(() => expect(confirmation(el)).to.equal('Jordan Minor was removed.'));
    const rec = mock.store.client('cl_minor_guardian')!;
    expect(rec.contacts.map((c) => c.id)).to.deep.equal(['ct_minor_g_father']);
    expect(rec.permissions.portalUsers).to.deep.equal([]);
    expect(removed.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_mother' }]);
    await waitFor(() => expect(active(el)?.id).to.equal('gm-add'));
    await waitFor(() => expect(viewOf(el).getByShadowText('No portal users yet')).to.exist);
  });

  it('counts a resend cooldown down while it shows: "Available again in…" follows the clock', async () => {
    // Only what the countdown reads is faked; it runs at real speed until the test moves it on.
    const clock = installClock({ toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      const el = await mountManager('cl_minor_guardian');
      await user().click(cardOf(el, 'Kai Minor').getByShadowRole('button', { name: 'Invite to portal: Kai Minor' }));
      const dialog = await dialogNamed(el, 'Invite Kai Minor to the portal');
      await user().click(dialog.getByShadowRole('button', { name: 'Send invitation' }));
      await waitFor(() => expect(cardOf(el, 'Kai Minor').getByShadowText(/Resend invitation: Available again in 10 minutes/)).to.exist);
      await requestsSettled();

      await clock.tickAsync(5 * 60_000);
      await waitFor(() => expect(cardOf(el, 'Kai Minor').getByShadowText(/Resend invitation: Available again in 5 minutes/)).to.exist);
    } finally {
      clock.uninstall();
    }
  });

  it('enrolls a contact as a portal user with an invitation, then follows the resend rules', async () => {
    const el = await mountManager('cl_minor_guardian');
    const sent = collect(el, 'portal-invite-sent');
    await user().click(cardOf(el, 'Kai Minor').getByShadowRole('button', { name: 'Invite to portal: Kai Minor' }));
    const dialog = await dialogNamed(el, 'Invite Kai Minor to the portal');
    expect(dialog.getByShadowText(/The invitation goes to kai\.minor@example\.com, from portal@riverbend-counseling\.test/)).to.exist;
    await expect(el).to.be.accessible();
    await user().type(dialog.getByShadowLabelText('Personal message (optional)'), 'Hello from the clinic');
    await user().click(dialog.getByShadowRole('button', { name: 'Send invitation' }));

    await waitFor(() => expect(confirmation(el)).to.equal('Invitation sent to Kai Minor.'));
    const emails = mock.store.emailsFor('cl_minor_guardian', 'invitation');
    expect(emails.map((e) => [e.to, e.contactId, e.message])).to.deep.equal([['kai.minor@example.com', 'ct_minor_g_father', 'Hello from the clinic']]);
    const kai = mock.store.client('cl_minor_guardian')!.contacts.find((c) => c.id === 'ct_minor_g_father')!;
    expect(sent.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_father', invitationId: kai.portalUser.invitations[0]!.id, kind: 'send' }]);

    // Now invited: within the cooldown the resend waits, and Kai appears in the permissions grid.
    // The card as it is once the contacts reloaded (not the one on screen before).
    await waitFor(() => expect(cardOf(el, 'Kai Minor').getByShadowText('Invited')).to.exist);
    const card = cardOf(el, 'Kai Minor');
    expect(card.getByShadowText(/Resend invitation: Available again in 10 minutes/)).to.exist;
    expect(card.queryByShadowRole('button', { name: /Resend invitation/ })).to.equal(null);
    expect(await viewOf(el).findByShadowRole('switch', { name: 'Messaging for Kai Minor' })).to.exist;

    // Once the cooldown is over (the invitation went out 20 minutes ago), resend is offered.
    const rec = mock.store.client('cl_minor_guardian')!;
    const earlier = new Date(Date.now() - 20 * 60_000).toISOString();
    mock.store.saveContact(rec, { ...kai, portalUser: { ...kai.portalUser, invitations: kai.portalUser.invitations.map((i) => ({ ...i, sentAt: earlier })) } });
    // As if another widget on the page had changed the contacts.
    const reload = nextLoad(el);
    (el.parentElement as PortalProviderElement).client!.dispatchEvent(
      new CustomEvent('portal-data-changed', { detail: { clientId: 'cl_minor_guardian', resources: ['contacts'], operation: 'updateContact' } }),
    );
    await reload;
    await el.updateComplete;
    await user().click(cardOf(el, 'Kai Minor').getByShadowRole('button', { name: 'Resend invitation: Kai Minor' }));
    const resend = await dialogNamed(el, 'Resend the invitation to Kai Minor');
    await user().click(resend.getByShadowRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(sent).to.have.length(2));
    expect(sent[1]!.detail.kind).to.equal('resend');
    expect(mock.store.emailsFor('cl_minor_guardian', 'invitation')).to.have.length(2);
  });

  it('says when a contact cannot be invited for lack of a consented address', async () => {
    const el = await mountManager('cl_active');
    const riley = mock.store.client('cl_active')!.contacts[0]!;
    expect(riley.emails[0]!.consent).to.equal(true);
    const view = viewOf(el);
    expect(view.getByShadowText('Avery has an email address they agreed to receive email at, so Avery should be the primary portal user. Enroll contacts only to help them.')).to.exist;
    await user().click(cardOf(el, 'Riley Testwood').getByShadowRole('button', { name: 'Edit: Riley Testwood' }));
    const dialog = await dialogNamed(el, 'Edit Riley Testwood');
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Email ok (consent)' }));
    await user().click(dialog.getByShadowRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(cardOf(el, 'Riley Testwood').getByShadowText(/add an email address with consent/)).to.exist);
    expect(cardOf(el, 'Riley Testwood').getByShadowText('No email consent')).to.exist;
    expect(cardOf(el, 'Riley Testwood').queryByShadowRole('button', { name: /Invite to portal/ })).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('edits portal users’ permission groups through the shared grid, saved with If-Match', async () => {
    const el = await mountManager('cl_minor_guardian');
    const saved = collect(el, 'portal-permissions-saved');
    const view = viewOf(el);
    const billing = view.getByShadowRole('switch', { name: 'Billing for Jordan Minor' }) as HTMLInputElement;
    const was = billing.checked;
    await user().click(billing);
    expect(await view.findByShadowText('Unsaved changes (1)')).to.exist;
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="save-notice"]')?.textContent).to.equal('Permissions saved.'));
    const stored = mock.store.client('cl_minor_guardian')!.permissions;
    expect(stored.portalUsers[0]!.groups.billing).to.equal(!was);
    expect(saved.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_minor_guardian', version: stored.version }]);
    await expect(el).to.be.accessible();
  });

  it('holds permission edits when someone else saved first, with what they changed', async () => {
    const el = await mountManager('cl_minor_guardian');
    const view = viewOf(el);
    const scheduling = view.getByShadowRole('switch', { name: 'Scheduling for Jordan Minor' }) as HTMLInputElement;
    const was = scheduling.checked;
    await user().click(scheduling);
    const rec = mock.store.client('cl_minor_guardian')!;
    mock.store.savePermissions(rec, { ...rec.permissions, client: { ...rec.permissions.client, secureMessaging: false } });
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    const banner = within(await view.findByShadowRole('group', { name: 'Someone else saved these permissions while you were editing' }));
    expect(banner.getByShadowText(/Use secure messaging: On/)).to.exist;
    await user().click(banner.getByShadowRole('button', { name: 'Re-apply my changes' }));
    await user().click(view.getByShadowRole('button', { name: 'Save permissions' }));
    await waitFor(() => expect(mock.store.client('cl_minor_guardian')!.permissions.version).to.equal(3));
    const stored = mock.store.client('cl_minor_guardian')!.permissions;
    expect(stored.client.secureMessaging).to.equal(false);
    expect(stored.portalUsers[0]!.groups.scheduling).to.equal(!was);
  });

  it('shows a load error with a working retry', async () => {
    mock.faults.set('listContacts', { status: 503, times: 3 });
    const errors = collect(document, 'portal-error');
    const el = await mount<El>(html`<guardian-manager client-id="cl_minor_guardian"></guardian-manager>`);
    await loaded(el);
    const view = viewOf(el);
    expect((await view.findByShadowRole('alert')).textContent).to.contain('Something went wrong');
    expect(errors[0]!.detail).to.deep.include({ widget: 'guardian-manager', clientId: 'cl_minor_guardian', operation: 'listContacts', status: 503 });
    await expect(el).to.be.accessible();
    const reload = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Try again' }));
    await reload;
    await el.updateComplete;
    expect(cardOf(el, 'Jordan Minor')).to.exist;
  });

  it('keeps the form when adding fails, and says why', async () => {
    const el = await mountManager('cl_empty');
    mock.faults.set('createContact', { network: true });
    await user().click(viewOf(el).getByShadowRole('button', { name: 'Add contact' }));
    const dialog = await dialogNamed(el, 'Add a contact');
    await user().type(dialog.getByShadowLabelText('First name'), 'Sam');
    await user().type(dialog.getByShadowLabelText('Last name'), 'Blank');
    await user().selectOptions(dialog.getByShadowLabelText('Relationship to the client'), 'sibling');
    await user().click(dialog.getByShadowRole('button', { name: 'Add contact' }));
    expect((await dialog.findByShadowRole('alert')).textContent).to.contain('Can’t reach the portal service');
    expect((dialog.getByShadowLabelText('First name') as HTMLInputElement).value).to.equal('Sam');
    expect(mock.store.client('cl_empty')!.contacts).to.have.length(0);
    mock.faults.clear();
    await user().click(dialog.getByShadowRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(confirmation(el)).to.equal('Sam Blank was added.'));
  });

  it('works with the keyboard alone: add a contact, and Escape returns focus to the trigger', async () => {
    const el = await mountManager('cl_empty');
    const add = viewOf(el).getByShadowRole('button', { name: 'Add contact' });
    add.focus();
    await sendKeys({ press: 'Enter' });
    await dialogNamed(el, 'Add a contact');
    await waitFor(() => expect(active(el)?.id).to.equal('gm-cf-first'));
    await sendKeys({ type: 'Sam' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Blank' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('gm-cf-relationship');
    await sendKeys({ type: 'Sib' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('gm-cf-email');
    await sendKeys({ type: 'sam.blank@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(confirmation(el)).to.equal('Sam Blank was added.'));
    expect(mock.store.client('cl_empty')!.contacts[0]).to.deep.include({ relationship: 'sibling', emails: [{ address: 'sam.blank@example.com', consent: true, primary: true }] });
    await waitFor(() => expect(active(el)).to.equal(add));

    // The list reloads after the write.
    const edit = await waitFor(() => cardOf(el, 'Sam Blank').getByShadowRole('button', { name: 'Edit: Sam Blank' }));
    edit.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = el.shadowRoot!.querySelector('dialog#gm-contact-dialog') as HTMLDialogElement;
    await waitFor(() => expect(dialog.open).to.equal(true));
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog.open).to.equal(false));
    await waitFor(() => expect(active(el)).to.equal(edit));
  });

  it('renders hostile names, addresses and messages as text', async () => {
    const el = await mountManager('cl_hostile');
    expect(el.shadowRoot!.querySelector('img, script, svg, iframe, a, math, base')).to.equal(null);
    const names = [...el.shadowRoot!.querySelectorAll('[part="contact"] h3')].map((h) => h.textContent);
    const stored = mock.store.client('cl_hostile')!.contacts.map((c) => `${c.firstName} ${c.lastName}`.trim());
    expect(names).to.deep.equal(stored);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const el = await mountManager('cl_minor_guardian', 'es');
    const view = viewOf(el);
    expect(view.getByShadowRole('heading', { level: 2, name: 'Contactos y tutores' })).to.exist;
    expect(cardOf(el, 'Jordan Minor').getByShadowText('Madre')).to.exist;
    expect(cardOf(el, 'Jordan Minor').getByShadowText('Tutor legal')).to.exist;
    expect(view.getByShadowRole('button', { name: 'Invitar al portal: Kai Minor' })).to.exist;
  });
});
