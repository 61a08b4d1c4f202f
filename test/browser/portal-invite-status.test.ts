// <portal-invite-status>: what staff see for each fixture client and world, the diagnosis for every
// rule, and the load states (pending, error with a working retry, another client's data never shown).
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, waitFor, user, type Mock } from './support/index.js';
import { SENDER_ADDRESS } from '../../mock-server/fixtures.js';
import type { PortalInviteStatusElement } from '../../src/index.js';

type El = PortalInviteStatusElement;

async function show(clientId: string, locale = 'en') {
  const el = await mount<El>(html`<portal-invite-status client-id=${clientId}></portal-invite-status>`, { locale });
  const event = await loaded(el);
  return { el, event, view: within(el.shadowRoot as unknown as HTMLElement) };
}

const text = (el: El) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
/** The ids of the findings on screen, in order. */
const findingIds = (el: El) => [...el.shadowRoot!.querySelectorAll('[data-finding]')].map((li) => li.getAttribute('data-finding'));
const finding = (el: El, id: string) => within(el.shadowRoot!.querySelector(`[data-finding="${id}"]`) as HTMLElement);
/** The action buttons above the diagnosis (fix buttons there may share a name). */
const actions = (el: El) => within(el.shadowRoot!.querySelector('[part~="actions"]') as HTMLElement);
const badge = (el: El) => el.shadowRoot!.querySelector('[part~="status-badge"]')!.textContent!.trim();

describe('<portal-invite-status> status and diagnosis', function () {
  this.timeout(40_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => {
    mock.faults.clear();
    expectQuietConsole();
  });

  it('an active client: last sign-in, the portal link instead of resend, "signed in fine"', async () => {
    const { el, view, event } = await show('cl_active');
    expect(event.type).to.equal('portal-load');
    expect(event.detail).to.deep.equal({ widget: 'portal-invite-status', clientId: 'cl_active' });
    expect(badge(el)).to.equal('Active');
    expect(text(el)).to.contain('avery.testwood@example.com');
    expect(text(el)).to.match(/Last sign-in 2 days ago/);
    expect(view.queryByShadowRole('button', { name: /Resend invitation/ })).to.equal(null);
    expect(view.queryByShadowRole('button', { name: 'Send invitation' })).to.equal(null);
    await actions(el).findByShadowRole('button', { name: 'Copy portal link' });
    expect(findingIds(el)).to.deep.equal(['signed_in']);
    await expect(el).to.be.accessible();
  });

  it('an invited client: the yellow "not signed in yet" status, resend, and the spam advice with the sender address', async () => {
    const { el, view } = await show('cl_invited');
    expect(badge(el)).to.equal('Invited');
    const status = el.shadowRoot!.querySelector('[part~="status"]')!;
    expect(status.classList.contains('warning')).to.equal(true);
    expect(status.textContent!.trim()).to.match(/^Invited 3 days ago \(.+\); not signed in yet\.$/);
    const resend = await actions(el).findByShadowRole('button', { name: 'Resend invitation' });
    expect((resend as HTMLButtonElement).disabled).to.equal(false);
    expect(findingIds(el)).to.deep.equal(['never_signed_in']);
    const waiting = finding(el, 'never_signed_in');
    // The status says how long; the diagnosis adds what to do about it (issue #17, item 10).
    await waiting.findByShadowText('The email may be in spam or junk');
    await waiting.findByShadowText(new RegExp(SENDER_ADDRESS.replace(/\./g, '\\.')));
    await waiting.findByShadowRole('button', { name: 'Resend invitation' });
    await expect(el).to.be.accessible();
  });

  it('the invitation timeline: time, recipient, delivery, expiry and the custom message', async () => {
    const { el } = await show('cl_invited');
    const items = el.shadowRoot!.querySelectorAll('[part~="invitation"]');
    expect(items).to.have.length(1);
    const item = within(items[0] as HTMLElement);
    await item.findByShadowText('To blake.sampleton@example.com');
    await item.findByShadowText('Delivered');
    await item.findByShadowText(/^Link expires /);
    await item.findByShadowText(/Welcome to Riverbend Counseling/);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(mock.store.client('cl_invited')!.access.invitations[0]!.sentAt);
  });

  it('a client never invited: the first invitation is the fix, and the empty timeline says what to do', async () => {
    const { el } = await show('cl_not_invited');
    expect(badge(el)).to.equal('Not invited');
    await actions(el).findByShadowRole('button', { name: 'Send invitation' });
    expect(findingIds(el)).to.deep.equal(['not_invited']);
    const empty = el.shadowRoot!.querySelector('[part~="empty"]')!;
    expect(empty.textContent).to.contain('No invitations yet');
    expect(empty.textContent).to.contain('Send invitation');
    await expect(el).to.be.accessible();
  });

  it('no consent: sending is disabled with the reason, the fix opens the email form with that address', async () => {
    const { el, view } = await show('cl_no_consent');
    const send = (await view.findByShadowRole('button', { name: 'Send invitation' })) as HTMLButtonElement;
    expect(send.disabled).to.equal(true);
    const reason = el.shadowRoot!.getElementById(send.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).to.contain('no email address this person agreed to receive email at');
    expect(findingIds(el)).to.deep.equal(['no_consent']);
    await user().click(await finding(el, 'no_consent').findByShadowRole('button', { name: 'Change email' }));
    const input = (await view.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement;
    expect(input.value).to.equal('devon.nomail@example.com');
    await view.findByShadowRole('checkbox', { name: /agreed to receive email/ });
    await expect(el).to.be.accessible();
  });

  it('a bounced invitation at a mistyped address: typo first, then the bounce; both fixes carry the correction', async () => {
    const { el } = await show('cl_bounced');
    expect(findingIds(el)).to.deep.equal(['email_typo', 'bounced']);
    await finding(el, 'email_typo').findByShadowText('emery.typo@gmial.com looks like a typo of emery.typo@gmail.com.');
    await finding(el, 'email_typo').findByShadowRole('button', { name: 'Change to gmail.com' });
    await finding(el, 'bounced').findByShadowRole('button', { name: 'Fix the address' });
    expect(el.shadowRoot!.querySelector('[data-finding="bounced"] [part~="finding-severity"]')!.textContent).to.equal('Blocks access');
    expect(el.shadowRoot!.querySelector('[part~="delivery-badge"]')!.textContent).to.equal('Bounced');
    await expect(el).to.be.accessible();
  });

  it('disabled access: the state, the date, and "send invitation" restores it', async () => {
    const { el, view } = await show('cl_disabled');
    expect(badge(el)).to.equal('Disabled');
    // Said once: the status sentence; the diagnosis only carries the fix (issue #17, item 10).
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.match(/^Portal access was disabled on .+; sending an invitation restores it\.$/);
    expect(text(el).match(/restores/g)).to.have.length(1);
    expect(findingIds(el)).to.deep.equal(['access_disabled']);
    await finding(el, 'access_disabled').findByShadowText('Send an invitation to restore access');
    await finding(el, 'access_disabled').findByShadowRole('button', { name: 'Send invitation' });
    expect(view.queryByShadowRole('button', { name: 'Disable access' })).to.equal(null);
    expect(view.queryByShadowRole('button', { name: 'Copy portal link' })).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a minor without a legal guardian: the finding offers "Add a legal guardian", sending and email changes say why they cannot run', async () => {
    const { el, view } = await show('cl_minor_no_guardian');
    expect(findingIds(el)).to.deep.equal(['no_legal_guardian']);
    // The fix asks a guardian manager or the host (portal-invite-status-one-status.test.ts, item 16).
    await finding(el, 'no_legal_guardian').findByShadowRole('button', { name: 'Add a legal guardian' });
    const send = (await view.findByShadowRole('button', { name: 'Send invitation' })) as HTMLButtonElement;
    expect(send.disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById(send.getAttribute('aria-describedby')!)!.textContent).to.contain('minor with no legal guardian');
    const change = (await view.findByShadowRole('button', { name: 'Change email' })) as HTMLButtonElement;
    expect(change.disabled).to.equal(true);
    await view.findByShadowText('Nobody can receive portal emails yet.');
    await expect(el).to.be.accessible();
  });

  it('a minor with guardians: the guardian recipients are listed by name and address', async () => {
    const { el, view } = await show('cl_minor_guardian');
    await view.findByShadowText('This client is a minor: portal emails go to the legal guardians.');
    const recipients = [...el.shadowRoot!.querySelectorAll('[part~="details"] .recipients li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(recipients).to.deep.equal(['Jordan Minor (legal guardian): jordan.minor@example.com', 'Kai Minor (legal guardian): kai.minor@example.com']);
    expect(findingIds(el)).to.deep.equal(['signed_in']);
  });

  it('every fixture client shows its state and stays accessible', async () => {
    const expected: Record<string, string> = { cl_large: 'Active', cl_empty: 'Active', cl_hostile: 'Invited' };
    for (const [clientId, state] of Object.entries(expected)) {
      const { el } = await show(clientId);
      expect(badge(el), clientId).to.equal(state);
      await expect(el).to.be.accessible();
    }
  });

  it('hostile names, addresses and messages render as text', async () => {
    let alerted = false;
    const original = window.alert;
    window.alert = () => void (alerted = true);
    try {
      const { el } = await show('cl_hostile');
      const messages = [...el.shadowRoot!.querySelectorAll('.message')].map((b) => b.textContent);
      expect(messages.some((m) => m?.includes('${alert(1)}'))).to.equal(true);
      expect(text(el)).to.contain("x'onmouseover'alert-1'+x@hostile.test");
      expect(el.shadowRoot!.querySelector('img, script, iframe, svg, style:not([data-lit]), a')).to.equal(null);
      expect(findingIds(el)[0]).to.equal('never_signed_in');
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('the portal off for the practice: the status says so first, and the actions that cannot work point to it', async () => {
    mock.reset('portal-off');
    const { el, view } = await show('cl_invited');
    expect(badge(el)).to.equal('Portal off');
    const first = el.shadowRoot!.querySelector('.stack > :nth-child(2)')!;
    expect(first.getAttribute('part')).to.equal('status portal-off');
    expect(first.textContent).to.contain('off for the whole practice');
    const resend = (await actions(el).findByShadowRole('button', { name: 'Resend invitation' })) as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    // Described by the status sentence, not by a copy of it under every button (issue #17, item 10).
    expect(el.shadowRoot!.getElementById(resend.getAttribute('aria-describedby')!)).to.equal(first);
    expect(el.shadowRoot!.querySelector('[part~="reason"]')).to.equal(null);
    expect(((await view.findByShadowRole('button', { name: 'Generate PIN' })) as HTMLButtonElement).disabled).to.equal(true);
    expect(((await view.findByShadowRole('button', { name: 'Change email' })) as HTMLButtonElement).disabled).to.equal(false);
    expect(findingIds(el)).to.deep.equal(['portal_off', 'never_signed_in']);
    await expect(el).to.be.accessible();
  });

  it('the diagnosis for an adult with no address at all', async () => {
    const rec = mock.store.client('cl_not_invited')!;
    rec.summary = { ...rec.summary, emails: [] };
    const { el } = await show('cl_not_invited');
    expect(findingIds(el)).to.deep.equal(['no_email']);
    await finding(el, 'no_email').findByShadowRole('button', { name: 'Add an email address' });
  });

  it('the diagnosis for an invitation marked as spam', async () => {
    const rec = mock.store.client('cl_invited')!;
    rec.access = { ...rec.access, invitations: rec.access.invitations.map((i) => ({ ...i, delivery: 'complained' as const })) };
    const { el } = await show('cl_invited');
    expect(findingIds(el)).to.deep.equal(['marked_spam']);
    const item = finding(el, 'marked_spam');
    await item.findByShadowText(/mark it "Not spam" and add portal@riverbend-counseling\.test to their contacts/);
    await item.findByShadowRole('button', { name: 'Resend invitation' });
  });

  it('the diagnosis for an expired invitation, with the expired badge in the timeline', async () => {
    const rec = mock.store.client('cl_invited')!;
    const long = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    rec.access = { ...rec.access, invitations: rec.access.invitations.map((i) => ({ ...i, sentAt: long(9), expiresAt: long(2) })) };
    const { el } = await show('cl_invited');
    expect(findingIds(el)).to.deep.equal(['invitation_expired']);
    await finding(el, 'invitation_expired').findByShadowRole('button', { name: 'Send a new invitation' });
    expect(el.shadowRoot!.querySelector('[part~="expired-badge"]')!.textContent).to.equal('Expired');
  });

  it("the diagnosis for a guardian's mistyped address points to the guardians section", async () => {
    const rec = mock.store.client('cl_minor_guardian')!;
    rec.contacts = rec.contacts.map((c) => (c.id === 'ct_minor_g_father' ? { ...c, emails: [{ address: 'kai.minor@yahoo.cmo', consent: true, primary: true }] } : c));
    const { el } = await show('cl_minor_guardian');
    expect(findingIds(el)).to.deep.equal(['email_typo', 'signed_in']);
    const item = el.shadowRoot!.querySelector('[data-finding="email_typo"]')!;
    expect(item.textContent).to.contain('kai.minor@yahoo.cmo looks like a typo of kai.minor@yahoo.com.');
    expect(item.textContent).to.contain('Fix this in the guardians section of the profile.');
    expect(item.querySelectorAll('button')).to.have.length(0);
  });

  it('speaks Spanish', async () => {
    const { el, view } = await show('cl_bounced', 'es');
    await view.findByShadowRole('heading', { name: 'Acceso al portal del cliente' });
    await actions(el).findByShadowRole('button', { name: 'Reenviar invitación' });
    await finding(el, 'bounced').findByShadowRole('button', { name: 'Corregir la dirección' });
    expect(text(el)).to.contain('Diagnóstico');
    expect(text(el)).not.to.match(/\b(Invitations|Diagnosis|Resend)\b/);
    await expect(el).to.be.accessible();
  });

  it('a load failure shows the error and "Try again" loads for real', async () => {
    mock.faults.set('getPortalAccess', { status: 500 });
    const errors: CustomEvent[] = [];
    document.addEventListener('portal-error', (e) => errors.push(e), { once: true });
    const { el, view, event } = await show('cl_invited');
    expect(event.type).to.equal('portal-error');
    expect(event.detail).to.deep.include({ widget: 'portal-invite-status', clientId: 'cl_invited', operation: 'getPortalAccess', status: 500 });
    await view.findByShadowText('The portal service had a problem. Try again in a moment.');
    await expect(el).to.be.accessible();
    mock.faults.clear();
    const reloaded = nextLoad(el);
    await user().click(await view.findByShadowRole('button', { name: 'Try again' }));
    expect((await reloaded).type).to.equal('portal-load');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="actions"]')).to.exist);
    await actions(el).findByShadowRole('button', { name: 'Resend invitation' });
    expect(errors).to.have.length(1);
  });

  it('while loading another client, the previous client\'s data is never shown', async () => {
    const { el, view } = await show('cl_invited');
    mock.faults.set('getPortalAccess', { latencyMs: 400 });
    const reloaded = nextLoad(el);
    el.clientId = 'cl_active';
    await el.updateComplete;
    expect(text(el)).not.to.contain('blake.sampleton@example.com');
    await view.findByShadowText('Loading…');
    await expect(el).to.be.accessible();
    await reloaded;
    await waitFor(() => expect(badge(el)).to.equal('Active'));
    expect(text(el)).not.to.contain('blake.sampleton@example.com');
  });

  it('refreshes when another widget changes portal access', async () => {
    const { el, view } = await show('cl_not_invited');
    const provider = el.closest('portal-provider')!;
    const reloaded = nextLoad(el);
    await provider.client!.sendInvitation('cl_not_invited');
    await reloaded;
    await waitFor(() => expect(badge(el)).to.equal('Invited'));
    await view.findByShadowText('To casey.placeholder@example.com');
  });
});
