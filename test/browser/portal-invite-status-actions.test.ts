// <portal-invite-status> actions: each one's happy path (what the user sees and what the mock
// recorded), its refusal, the resend cooldown and keyboard-only use.
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, waitFor, user, sendKeys, type Mock } from './support/index.js';
import { fnv1a } from '../../mock-server/model.js';
import type { PortalInviteStatusElement } from '../../src/index.js';
import type { PortalEventDetails } from '../../src/events/portal-events.js';

type El = PortalInviteStatusElement;

async function show(clientId: string) {
  const el = await mount<El>(html`<portal-invite-status client-id=${clientId}></portal-invite-status>`);
  await loaded(el);
  return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
}

const root = (el: El) => el.shadowRoot!;
const actions = (el: El) => within(root(el).querySelector('[part~="actions"]') as HTMLElement);
const dialog = (el: El, name: string) => root(el).getElementById(`${name}-dialog`) as HTMLDialogElement;
const inDialog = (el: El, name: string) => within(dialog(el, name) as HTMLElement);
const feedback = (el: El) => root(el).querySelector('[part~="feedback"]')?.textContent?.trim();
const badge = (el: El) => root(el).querySelector('[part~="status-badge"]')!.textContent!.trim();
const findingIds = (el: El) => [...root(el).querySelectorAll('[data-finding]')].map((li) => li.getAttribute('data-finding'));

/** Collects the details of one event type fired from the widget. */
function collect<K extends keyof PortalEventDetails>(el: El, name: K): PortalEventDetails[K][] {
  const seen: PortalEventDetails[K][] = [];
  el.addEventListener(name, (e) => seen.push((e as CustomEvent<PortalEventDetails[K]>).detail));
  return seen;
}

/** Waits for the refresh a write triggers, and its render. */
async function refreshed(el: El, load: Promise<unknown>) {
  await load;
  await waitFor(() => expect(root(el).querySelector('[part~="pending"]')).to.equal(null));
  await el.updateComplete;
}

describe('<portal-invite-status> actions', function () {
  this.timeout(40_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => {
    mock.faults.clear();
    mock.store.setNow(null);
    expectQuietConsole();
  });

  it('resends an invitation with an edited message using only the keyboard, then holds the cooldown', async () => {
    const { el } = await show('cl_invited');
    const sent = collect(el, 'portal-invite-sent');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Resend invitation');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(dialog(el, 'invite').open).to.equal(true));
    const message = root(el).getElementById('invite-message') as HTMLTextAreaElement;
    await waitFor(() => expect(root(el).activeElement).to.equal(message));
    // The last message is the starting point; staff replace it.
    expect(message.value).to.contain('Welcome to Riverbend Counseling');
    await sendKeys({ press: 'ControlOrMeta+A' });
    await sendKeys({ type: 'Your link is below.' });
    await expect(el).to.be.accessible();
    const reloaded = nextLoad(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Resend invitation');
    await sendKeys({ press: 'Enter' });
    await refreshed(el, reloaded);

    const emails = mock.store.emailsFor('cl_invited', 'invitation');
    expect(emails.map((e) => [e.to, e.message])).to.deep.equal([['blake.sampleton@example.com', 'Your link is below.']]);
    const invitation = mock.store.client('cl_invited')!.access.invitations.at(-1)!;
    expect(sent).to.deep.equal([{ clientId: 'cl_invited', contactId: null, invitationId: invitation.id, kind: 'resend' }]);
    expect(dialog(el, 'invite').open).to.equal(false);
    expect(feedback(el)).to.equal('Invitation sent to blake.sampleton@example.com.');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Invitation sent to blake.sampleton@example.com.');

    const resend = (await actions(el).findByShadowRole('button', { name: 'Resend invitation' })) as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    expect(root(el).getElementById(resend.getAttribute('aria-describedby')!)!.textContent).to.equal('Available again in 10 minutes.');
    // The focused button became unavailable: focus stays in the widget, on the confirmation.
    await waitFor(() => expect(root(el).activeElement?.getAttribute('part')).to.contain('feedback'));
    await expect(el).to.be.accessible();
  });

  it('sends a first invitation without a message; the client is then invited', async () => {
    const { el } = await show('cl_not_invited');
    const sent = collect(el, 'portal-invite-sent');
    await user().click(await actions(el).findByShadowRole('button', { name: 'Send invitation' }));
    // One recipient reads as a sentence, not a one-item list (issue #17, item 15).
    await inDialog(el, 'invite').findByShadowText('The invitation goes to casey.placeholder@example.com.');
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'invite').findByShadowRole('button', { name: 'Send invitation' }));
    await refreshed(el, reloaded);
    expect(mock.store.emailsFor('cl_not_invited', 'invitation').map((e) => e.message)).to.deep.equal([null]);
    expect(sent[0]!.kind).to.equal('send');
    expect(badge(el)).to.equal('Invited');
    expect(findingIds(el)).to.deep.equal(['never_signed_in']);
  });

  it('re-enables disabled access from the diagnosis fix', async () => {
    const { el } = await show('cl_disabled');
    const fix = within(root(el).querySelector('[data-finding="access_disabled"]') as HTMLElement);
    const trigger = await fix.findByShadowRole('button', { name: 'Send invitation' });
    await user().click(trigger);
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'invite').findByShadowRole('button', { name: 'Send invitation' }));
    await refreshed(el, reloaded);
    expect(mock.store.client('cl_disabled')!.access.state).to.equal('invited');
    expect(badge(el)).to.equal('Invited');
  });

  it('the cooldown ends on time: the button comes back by itself', async () => {
    // Sent 10 minutes ago less 5 seconds: the cooldown ends 5 seconds from now. (With 1.5 s, a busy
    // machine could take longer than that to send and render, and find the button already back.)
    mock.store.setNow(Date.now() - 10 * 60_000 + 5000);
    mock.reset();
    const { el } = await show('cl_invited');
    mock.store.setNow(Date.now() - 10 * 60_000 + 5000);
    const reloaded = nextLoad(el);
    await el.closest('portal-provider')!.client!.sendInvitation('cl_invited');
    await refreshed(el, reloaded);
    mock.store.setNow(null);
    const resend = (await actions(el).findByShadowRole('button', { name: 'Resend invitation' })) as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    expect(root(el).textContent).to.contain('Available again in 1 minute.');
    await waitFor(() => expect(resend.disabled).to.equal(false));
    expect(root(el).querySelector('[part~="reason"]')).to.equal(null);
  });

  it('a server cooldown refusal keeps the typed message and says when to try again', async () => {
    const { el } = await show('cl_invited');
    const errors = collect(el, 'portal-error');
    mock.faults.set('sendInvitation', { status: 429, code: 'resend_cooldown', times: 1 });
    await user().click(await actions(el).findByShadowRole('button', { name: 'Resend invitation' }));
    await waitFor(() => expect(dialog(el, 'invite').open).to.equal(true));
    const message = root(el).getElementById('invite-message') as HTMLTextAreaElement;
    await user().type(message, 'Second try', { initialSelectionStart: 0, initialSelectionEnd: message.value.length });
    await user().click(await inDialog(el, 'invite').findByShadowRole('button', { name: 'Resend invitation' }));
    const alert = await inDialog(el, 'invite').findByShadowRole('alert');
    expect(alert.textContent).to.match(/^An email was sent very recently\. Wait before sending another\. Available again in 1 minute\.$/);
    expect(dialog(el, 'invite').open).to.equal(true);
    expect(message.value).to.equal('Second try');
    await waitFor(() => expect(root(el).activeElement?.getAttribute('part')).to.contain('invite-confirm-button'));
    expect(errors).to.deep.equal([{ widget: 'portal-invite-status', clientId: 'cl_invited', operation: 'sendInvitation', status: 429, code: 'resend_cooldown' }]);
    expect(mock.store.emailsFor('cl_invited')).to.have.length(0);
    await expect(el).to.be.accessible();
    // Cancel keeps the draft too.
    // A real Escape (user-event's synthetic key does not close a modal dialog, so the dialog was
    // never closed and reopened here).
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog(el, 'invite').open).to.equal(false));
    await user().click(await actions(el).findByShadowRole('button', { name: 'Resend invitation' }));
    // Judged once the dialog is open again, with whatever reopening renders.
    await waitFor(() => expect(dialog(el, 'invite').open).to.equal(true));
    await el.updateComplete;
    expect((root(el).getElementById('invite-message') as HTMLTextAreaElement).value).to.equal('Second try');
  });

  it('fixes a bounced address from the diagnosis: prefilled correction, consent, new invitation to it', async () => {
    const { el } = await show('cl_bounced');
    const changed = collect(el, 'portal-email-changed');
    const fix = within(root(el).querySelector('[data-finding="bounced"]') as HTMLElement);
    await user().click(await fix.findByShadowRole('button', { name: 'Fix the address' }));
    const form = inDialog(el, 'email');
    const input = (await form.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement;
    expect(input.value).to.equal('emery.typo@gmail.com');
    expect(((await form.findByShadowRole('checkbox', { name: /Send a new invitation/ })) as HTMLInputElement).checked).to.equal(true);
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    // Consent first: a new address needs it.
    const consent = (await form.findByShadowRole('checkbox', { name: /agreed to receive email/ })) as HTMLInputElement;
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    await form.findByShadowText('Confirm that the client agreed to receive email at this address.');
    await waitFor(() => expect(root(el).activeElement).to.equal(consent));
    await expect(el).to.be.accessible();
    await user().click(consent);
    const reloaded = nextLoad(el);
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    await refreshed(el, reloaded);

    const rec = mock.store.client('cl_bounced')!;
    expect(rec.access.email).to.equal('emery.typo@gmail.com');
    expect(mock.store.emailsFor('cl_bounced', 'invitation').map((e) => [e.to, e.delivery])).to.deep.equal([['emery.typo@gmail.com', 'delivered']]);
    expect(changed).to.deep.equal([{ clientId: 'cl_bounced', scope: 'portal', invitationSent: true }]);
    expect(feedback(el)).to.equal('Portal email changed to emery.typo@gmail.com, and an invitation was sent to it.');
    expect(findingIds(el)).to.deep.equal(['never_signed_in']);
  });

  it('changes the primary email: typo hint, consent, "Update portal access?" and "Disable and resend"', async () => {
    const { el } = await show('cl_invited');
    const changed = collect(el, 'portal-email-changed');
    const trigger = await actions(el).findByShadowRole('button', { name: 'Change email' });
    await user().click(trigger);
    const form = inDialog(el, 'email');
    await form.findByShadowText('blake.sampleton@example.com');
    const input = (await form.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement;
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    await form.findByShadowText('Enter an email address.');
    await user().type(input, 'blake@');
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    await form.findByShadowText('Enter a valid email address, like name@example.com.');
    await user().type(input, 'gmial.com');
    await form.findByShadowText('Did you mean blake@gmail.com?');
    await user().click(await form.findByShadowRole('button', { name: 'Use blake@gmail.com' }));
    await waitFor(() => expect(input.value).to.equal('blake@gmail.com'));
    await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
    await user().click(await form.findByShadowRole('radio', { name: /primary email/ }));
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));

    await waitFor(() => expect(dialog(el, 'confirm-primary').open).to.equal(true));
    const confirm = inDialog(el, 'confirm-primary');
    await confirm.findByShadowRole('heading', { name: 'Update portal access?' });
    await confirm.findByShadowText(/The primary email becomes blake@gmail\.com/);
    await expect(el).to.be.accessible();
    const reloaded = nextLoad(el);
    await user().click(await confirm.findByShadowRole('button', { name: 'Disable and resend' }));
    await refreshed(el, reloaded);

    const rec = mock.store.client('cl_invited')!;
    expect(rec.summary.emails.find((e) => e.primary)?.address).to.equal('blake@gmail.com');
    expect(rec.access.email).to.equal('blake@gmail.com');
    expect(mock.store.emailsFor('cl_invited', 'invitation').map((e) => e.to)).to.deep.equal(['blake@gmail.com']);
    expect(changed).to.deep.equal([{ clientId: 'cl_invited', scope: 'primary', invitationSent: true }]);
    expect(dialog(el, 'email').open).to.equal(false);
    expect(dialog(el, 'confirm-primary').open).to.equal(false);
    // Focus comes back with the dialog's close event, a task after it closed.
    await waitFor(() => expect(root(el).activeElement).to.equal(trigger));
  });

  it('"Change email only" changes the primary email without an invitation', async () => {
    const { el } = await show('cl_active');
    const changed = collect(el, 'portal-email-changed');
    await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
    const form = inDialog(el, 'email');
    expect(await form.findByShadowRole('checkbox', { name: /Send a new invitation/ })).to.be.instanceOf(HTMLInputElement);
    await user().type(await form.findByShadowRole('textbox', { name: 'New portal email' }), 'avery@example.org');
    await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
    await user().click(await form.findByShadowRole('radio', { name: /primary email/ }));
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'confirm-primary').findByShadowRole('button', { name: 'Change email only' }));
    await refreshed(el, reloaded);
    expect(mock.store.emailsFor('cl_active')).to.have.length(0);
    expect(mock.store.client('cl_active')!.access.state).to.equal('active');
    expect(mock.store.client('cl_active')!.access.email).to.equal('avery@example.org');
    expect(changed).to.deep.equal([{ clientId: 'cl_active', scope: 'primary', invitationSent: false }]);
    expect(feedback(el)).to.equal('Portal email changed to avery@example.org.');
  });

  it('re-entering the current consented address is refused before any request', async () => {
    const { el } = await show('cl_invited');
    await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
    const form = inDialog(el, 'email');
    await user().type(await form.findByShadowRole('textbox', { name: 'New portal email' }), 'Blake.Sampleton@example.com');
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    await form.findByShadowText('This is already the portal email.');
    expect(mock.store.client('cl_invited')!.access.version).to.equal(1);
  });

  it('a failed email change keeps everything typed, in the dialog and after reopening it', async () => {
    const { el } = await show('cl_active');
    const errors = collect(el, 'portal-error');
    mock.faults.set('changePortalEmail', { status: 500 });
    await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
    const form = inDialog(el, 'email');
    const input = (await form.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement;
    await user().type(input, 'avery@example.org');
    await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
    await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
    const alert = await form.findByShadowRole('alert');
    expect(alert.textContent).to.equal('The portal service had a problem. Try again in a moment.');
    expect(errors[0]).to.deep.include({ operation: 'changePortalEmail', status: 500 });
    expect(input.value).to.equal('avery@example.org');
    await user().click(await form.findByShadowRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog(el, 'email').open).to.equal(false));
    await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
    // Judged once the dialog is open again, with whatever reopening renders.
    await waitFor(() => expect(dialog(el, 'email').open).to.equal(true));
    await el.updateComplete;
    expect(((await form.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement).value).to.equal('avery@example.org');
    expect(((await form.findByShadowRole('checkbox', { name: /agreed to receive email/ })) as HTMLInputElement).checked).to.equal(true);
    expect(mock.store.client('cl_active')!.access.email).to.equal('avery.testwood@example.com');
  });

  it('a change made elsewhere while the dialog was open is not overwritten: the widget says so and shows the new state', async () => {
    const { el } = await show('cl_active');
    const disabled = collect(el, 'portal-access-disabled');
    await user().click(await actions(el).findByShadowRole('button', { name: 'Disable access' }));
    await waitFor(() => expect(dialog(el, 'disable').open).to.equal(true));
    // Another member of staff changes the portal email meanwhile.
    const record = mock.store.client('cl_active')!;
    mock.store.saveAccess(record, { ...record.access, email: 'avery.portal@example.com' });
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'disable').findByShadowRole('button', { name: 'Disable access' }));
    await reloaded;
    await waitFor(() => expect(dialog(el, 'disable').textContent).to.contain('Someone else changed this in the meantime.'));
    expect(record.access.state, 'not disabled over the other change').to.equal('active');
    expect(disabled).to.deep.equal([]);
    await waitFor(() => expect(root(el).textContent).to.contain('avery.portal@example.com'));
    await expect(el).to.be.accessible();
  });

  it('disables access after a confirmation; Escape cancels and gives focus back to the trigger', async () => {
    const { el } = await show('cl_active');
    const disabled = collect(el, 'portal-access-disabled');
    const trigger = (await actions(el).findByShadowRole('button', { name: 'Disable access' })) as HTMLButtonElement;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(dialog(el, 'disable').open).to.equal(true));
    await inDialog(el, 'disable').findByShadowRole('heading', { name: 'Disable portal access?' });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog(el, 'disable').open).to.equal(false));
    await waitFor(() => expect(root(el).activeElement).to.equal(trigger));
    expect(mock.store.client('cl_active')!.access.state).to.equal('active');

    await user().click(trigger);
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'disable').findByShadowRole('button', { name: 'Disable access' }));
    await refreshed(el, reloaded);
    expect(mock.store.client('cl_active')!.access.state).to.equal('disabled');
    expect(disabled).to.deep.equal([{ clientId: 'cl_active' }]);
    expect(badge(el)).to.equal('Disabled');
    expect(feedback(el)).to.equal('Portal access disabled; sending an invitation restores it.');
    await actions(el).findByShadowRole('button', { name: 'Send invitation' });
  });

  it('a refused disable says why inside the dialog', async () => {
    const { el } = await show('cl_active');
    mock.faults.set('disablePortalAccess', { status: 403 });
    await user().click(await actions(el).findByShadowRole('button', { name: 'Disable access' }));
    await user().click(await inDialog(el, 'disable').findByShadowRole('button', { name: 'Disable access' }));
    const alert = await inDialog(el, 'disable').findByShadowRole('alert');
    expect(alert.textContent).to.equal('You do not have permission to do this.');
    expect(mock.store.client('cl_active')!.access.state).to.equal('active');
  });

  it('generates a PIN shown once with its expiry, copies it, and forgets it on close', async () => {
    const { el } = await show('cl_invited');
    const created = collect(el, 'portal-pin-created');
    const u = user();
    const trigger = await actions(el).findByShadowRole('button', { name: 'Generate PIN' });
    await u.click(trigger);
    await waitFor(() => expect(dialog(el, 'pin').open).to.equal(true));
    const pinDialog = inDialog(el, 'pin');
    const field = (await pinDialog.findByShadowRole('textbox', { name: 'PIN' })) as HTMLInputElement;
    expect(field.value).to.match(/^\d{6}$/);
    const stored = mock.store.client('cl_invited')!.pins;
    expect(stored).to.have.length(1);
    expect(stored[0]!.hash).to.equal(fnv1a(`cl_invited:${field.value}`));
    expect(created).to.deep.equal([{ clientId: 'cl_invited', expiresAt: stored[0]!.expiresAt }]);
    expect(JSON.stringify(created)).not.to.contain(field.value);
    await pinDialog.findByShadowText(/^Expires .+ \(in 15 minutes\)\.$/);
    await expect(el).to.be.accessible();
    await u.click(await pinDialog.findByShadowRole('button', { name: 'Copy PIN' }));
    await pinDialog.findByShadowText('PIN copied.');
    expect(await navigator.clipboard.readText()).to.equal(field.value);
    await u.click(await pinDialog.findByShadowRole('button', { name: 'Close' }));
    await waitFor(() => expect(root(el).activeElement).to.equal(trigger));
    expect(root(el).textContent).not.to.contain(field.value);
  });

  it('a PIN refused by the server, and a clipboard that refuses the PIN', async () => {
    const { el } = await show('cl_active');
    mock.faults.set('createSignInPin', { status: 409, code: 'access_disabled', times: 1 });
    const u = user();
    await u.click(await actions(el).findByShadowRole('button', { name: 'Generate PIN' }));
    await waitFor(() => expect(feedback(el)).to.equal('Portal access is disabled for this person.'));
    expect(root(el).querySelector('[part~="feedback"]')!.getAttribute('role')).to.equal('alert');
    expect(dialog(el, 'pin').open).to.equal(false);
    // Focus went back to the button that was disabled while the request ran.
    await waitFor(() => expect(root(el).activeElement?.textContent?.trim()).to.equal('Generate PIN'));
    await expect(el).to.be.accessible();

    await u.click(await actions(el).findByShadowRole('button', { name: 'Generate PIN' }));
    await waitFor(() => expect(dialog(el, 'pin').open).to.equal(true));
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')), configurable: true });
    await u.click(await inDialog(el, 'pin').findByShadowRole('button', { name: 'Copy PIN' }));
    const alert = await inDialog(el, 'pin').findByShadowRole('alert');
    expect(alert.textContent).to.equal('Could not copy. Select the text and copy it yourself.');
  });

  it('copies the portal link for a client who has signed in; when copying fails the link shows to copy by hand', async () => {
    const { el } = await show('cl_active');
    const u = user();
    await u.click(await actions(el).findByShadowRole('button', { name: 'Copy portal link' }));
    await waitFor(() => expect(feedback(el)).to.equal('Portal link copied. Paste it into a secure message to the client.'));
    expect(await navigator.clipboard.readText()).to.equal(mock.store.practice.portalUrl);

    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')), configurable: true });
    await u.click(await actions(el).findByShadowRole('button', { name: 'Copy portal link' }));
    await waitFor(() => expect(feedback(el)).to.equal('Could not copy. Select the text and copy it yourself.'));
    const field = (await within(root(el) as unknown as HTMLElement).findByShadowRole('textbox', { name: 'Portal link' })) as HTMLInputElement;
    expect(field.value).to.equal(mock.store.practice.portalUrl);
    expect(field.readOnly).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('turns the portal on for the practice from the diagnosis', async () => {
    mock.reset('portal-off');
    const { el } = await show('cl_invited');
    const updated = collect(el, 'portal-practice-updated');
    const fix = within(root(el).querySelector('[data-finding="portal_off"]') as HTMLElement);
    await user().click(await fix.findByShadowRole('button', { name: 'Turn portal on' }));
    await inDialog(el, 'portal-on').findByShadowRole('heading', { name: 'Turn the client portal on?' });
    await expect(el).to.be.accessible();
    const reloaded = nextLoad(el);
    await user().click(await inDialog(el, 'portal-on').findByShadowRole('button', { name: 'Turn portal on' }));
    await refreshed(el, reloaded);
    expect(mock.store.practice.portalEnabled).to.equal(true);
    expect(updated).to.deep.equal([{ portalEnabled: true }]);
    expect(root(el).querySelector('[part~="portal-off"]')).to.equal(null);
    expect(((await actions(el).findByShadowRole('button', { name: 'Resend invitation' })) as HTMLButtonElement).disabled).to.equal(false);
  });
});
