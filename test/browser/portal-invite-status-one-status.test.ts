// <portal-invite-status> tells one story (issue #17): findings follow the latest invitation (item 1),
// the portal email shown is the one the invitation goes to (item 9), one status that accounts for the
// practice switch and that a confirmation replaces (item 10), plain dialogs (item 15), and a fix
// button for guardian findings answered by a guardian manager or the host (item 16).
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, waitFor, user, type Mock } from './support/index.js';
import type { GuardianManagerElement, PortalInviteStatusElement } from '../../src/index.js';
import type { PortalEventDetails } from '../../src/events/portal-events.js';

type El = PortalInviteStatusElement;

async function show(clientId: string) {
  const el = await mount<El>(html`<portal-invite-status client-id=${clientId}></portal-invite-status>`);
  await loaded(el);
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const view = (el: Element) => within(root(el) as unknown as HTMLElement);
const actions = (el: El) => within(root(el).querySelector('[part~="actions"]') as HTMLElement);
const dialog = (el: El, name: string) => root(el).getElementById(`${name}-dialog`) as HTMLDialogElement;
const inDialog = (el: El, name: string) => within(dialog(el, name) as HTMLElement);
const finding = (el: El, id: string) => within(root(el).querySelector(`[data-finding="${id}"]`) as HTMLElement);
const findingIds = (el: El) => [...root(el).querySelectorAll('[data-finding]')].map((li) => li.getAttribute('data-finding'));
const badge = (el: El) => root(el).querySelector('[part~="status-badge"]')!.textContent!.trim();
const status = (el: El) => root(el).querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

/** What is on screen outside closed dialogs and the screen-reader announcer. */
function visibleText(el: El): string {
  const clone = root(el).querySelector('.stack')!.cloneNode(true) as HTMLElement;
  for (const hidden of clone.querySelectorAll('dialog:not([open]), .visually-hidden')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ');
}

/** Waits for the refresh a write triggers, and its render. */
async function refreshed(el: El, load: Promise<unknown>) {
  await load;
  await waitFor(() => expect(root(el).querySelector('[part~="pending"]')).to.equal(null));
  await el.updateComplete;
}

describe('<portal-invite-status> one story (issue #17)', function () {
  this.timeout(50_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => {
    mock.faults.clear();
    expectQuietConsole();
  });

  describe('item 1: findings follow the latest invitation', () => {
    it('after a resend the diagnosis no longer counts the days since the first invitation', async () => {
      const el = await show('cl_invited');
      await finding(el, 'never_signed_in').findByShadowText('The email may be in spam or junk');
      expect(visibleText(el)).to.contain('3 days ago');
      await user().click(await actions(el).findByShadowRole('button', { name: 'Resend invitation' }));
      const reloaded = nextLoad(el);
      await user().click(await inDialog(el, 'invite').findByShadowRole('button', { name: 'Resend invitation' }));
      await refreshed(el, reloaded);
      await waitFor(() => expect(badge(el)).to.equal('Invited'));
      const waiting = finding(el, 'never_signed_in');
      await waiting.findByShadowText('Give the family time to find the email');
      expect(root(el).querySelector('[data-finding="never_signed_in"] [part~="finding-severity"]')!.textContent).to.equal('Note');
      expect(visibleText(el)).not.to.match(/3 days|spam or junk folder/);
    });

    it('after "Change to …@gmail.com" with a new invitation, the bounce and the 2-day wait are gone', async () => {
      const el = await show('cl_bounced');
      expect(findingIds(el)).to.deep.equal(['email_typo', 'bounced']);
      await user().click(await finding(el, 'email_typo').findByShadowRole('button', { name: 'Change to gmail.com' }));
      const form = inDialog(el, 'email');
      await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
      const reloaded = nextLoad(el);
      await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
      await refreshed(el, reloaded);
      await waitFor(() => expect(findingIds(el)).to.deep.equal(['never_signed_in']));
      await finding(el, 'never_signed_in').findByShadowText('Give the family time to find the email');
      expect(visibleText(el)).not.to.match(/2 days ago|after 2 days/);
    });
  });

  describe('item 9: the portal email shown is where the invitation goes', () => {
    it('Casey, never invited: the details and the send dialog name the same address', async () => {
      const el = await show('cl_not_invited');
      const details = within(root(el).querySelector('[part~="details"]') as HTMLElement);
      await details.findByShadowText('casey.placeholder@example.com');
      await details.findByShadowText('The invitation will go here; it becomes the portal email once sent.');
      expect(visibleText(el)).not.to.contain('None');
      await user().click(await actions(el).findByShadowRole('button', { name: 'Send invitation' }));
      await inDialog(el, 'invite').findByShadowText('The invitation goes to casey.placeholder@example.com.');
    });

    it('with no address to send to, the portal email is "None"', async () => {
      const rec = mock.store.client('cl_no_consent')!;
      expect(rec.access.email).to.equal(null);
      const el = await show('cl_no_consent');
      const details = root(el).querySelector('[part~="details"] dd')!;
      expect(details.textContent!.trim()).to.equal('None');
    });
  });

  describe('item 10: one status, accounting for the practice switch; a confirmation replaces it', () => {
    it('after "Disable access" the state is said by the badge and one sentence, and the diagnosis adds only the fix', async () => {
      const el = await show('cl_active');
      await user().click(await actions(el).findByShadowRole('button', { name: 'Disable access' }));
      const reloaded = nextLoad(el);
      await user().click(await inDialog(el, 'disable').findByShadowRole('button', { name: 'Disable access' }));
      await refreshed(el, reloaded);
      await waitFor(() => expect(badge(el)).to.equal('Disabled'));
      expect(status(el)).to.equal('Portal access disabled; sending an invitation restores it.');
      expect(root(el).querySelectorAll('[part~="feedback"]')).to.have.length(1);
      // No banner, toast or helper text saying it again.
      expect(root(el).querySelectorAll('.stack .banner')).to.have.length(0);
      expect(visibleText(el).match(/disabled/gi)).to.have.length(2);
      const fix = root(el).querySelector('[data-finding="access_disabled"]')!;
      expect(fix.querySelectorAll('p')).to.have.length(0);
      await finding(el, 'access_disabled').findByShadowRole('button', { name: 'Send invitation' });
      await expect(el).to.be.accessible();
    });

    it('with the portal off for the practice, an active client shows "Portal off", never a green "Active" beside "Blocks access"', async () => {
      mock.reset('portal-off');
      const el = await show('cl_active');
      expect(badge(el)).to.equal('Portal off');
      expect(root(el).querySelector('[part~="status-badge"]')!.classList.contains('danger')).to.equal(true);
      expect(status(el)).to.equal('The client portal is off for the whole practice, so nobody can sign in or get portal emails until it is turned on again (this client has access).');
      expect(root(el).querySelector('.header .badge.success, .diagnosis .badge.success'), 'a green badge while access is blocked').to.equal(null);
      // The diagnosis carries the fix, not the same sentence again.
      await finding(el, 'portal_off').findByShadowText('Turn the portal on for the practice');
      await finding(el, 'portal_off').findByShadowRole('button', { name: 'Turn portal on' });
      expect(visibleText(el).match(/off for the whole practice/g)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('after "Disable and resend" for someone who signed in before, nothing says "not signed in yet" over the last sign-in', async () => {
      const el = await show('cl_active');
      await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
      const form = inDialog(el, 'email');
      await user().type(await form.findByShadowRole('textbox', { name: 'New portal email' }), 'avery@example.org');
      await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
      await user().click(await form.findByShadowRole('radio', { name: /primary email/ }));
      await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
      const reloaded = nextLoad(el);
      await user().click(await inDialog(el, 'confirm-primary').findByShadowRole('button', { name: 'Disable and resend' }));
      await refreshed(el, reloaded);
      await waitFor(() => expect(badge(el)).to.equal('Invited'));
      expect(status(el)).to.equal('Portal email changed to avery@example.org, and an invitation was sent to it.');
      expect(visibleText(el)).not.to.match(/not signed in yet/i);
      expect(visibleText(el)).to.match(/Last sign-in/);
      // Back on this client later, without the confirmation: the status says "since", not "yet".
      const other = nextLoad(el);
      el.clientId = 'cl_empty';
      await refreshed(el, other);
      const back = nextLoad(el);
      el.clientId = 'cl_active';
      await refreshed(el, back);
      await waitFor(() => expect(status(el)).to.match(/^Invited again now \(.+\); not signed in since\.$/));
      expect(visibleText(el)).not.to.match(/not signed in yet/i);
    });
  });

  describe('item 15: dialogs', () => {
    it('several recipients are a list; one is a sentence', async () => {
      const rec = mock.store.client('cl_minor_guardian')!;
      rec.access = { ...rec.access, state: 'not_invited', invitations: [], firstSignInAt: null, lastSignInAt: null };
      const el = await show('cl_minor_guardian');
      await user().click(await actions(el).findByShadowRole('button', { name: 'Send invitation' }));
      const items = () => [...dialog(el, 'invite').querySelectorAll('.recipients li')].map((li) => li.textContent);
      await waitFor(() => expect(items()).to.deep.equal(['jordan.minor@example.com', 'kai.minor@example.com']));
    });

    it('the change-email form keeps one shape between opens, and the confirmation says what each button does', async () => {
      const el = await show('cl_invited');
      const controls = () =>
        [...dialog(el, 'email').querySelectorAll('input, select, button')].map((c) => `${c.tagName}:${(c as HTMLInputElement).type}:${c.id || c.textContent!.trim()}`);
      await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
      const form = inDialog(el, 'email');
      // The first shape is the one the opened dialog shows.
      await waitFor(() => expect(dialog(el, 'email').open).to.equal(true));
      await el.updateComplete;
      const first = controls();
      await form.findByShadowRole('checkbox', { name: /agreed to receive email/ });
      await form.findByShadowRole('checkbox', { name: /Send a new invitation/ });
      await user().type(await form.findByShadowRole('textbox', { name: 'New portal email' }), 'blake@example.org');
      await el.updateComplete; // the render that typing caused, before judging its shape
      expect(controls()).to.deep.equal(first);
      await user().click(await form.findByShadowRole('radio', { name: /primary email/ }));
      await el.updateComplete;
      expect(controls()).to.deep.equal(first);
      await form.findByShadowText('For the primary email, the next step asks whether to move portal access.');
      await user().click(await form.findByShadowRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(dialog(el, 'email').open).to.equal(false));
      await user().click(await actions(el).findByShadowRole('button', { name: 'Change email' }));
      await waitFor(() => expect(dialog(el, 'email').open).to.equal(true));
      expect(controls()).to.deep.equal(first);

      await user().click(await form.findByShadowRole('checkbox', { name: /agreed to receive email/ }));
      await user().click(await form.findByShadowRole('button', { name: 'Change email' }));
      const confirm = inDialog(el, 'confirm-primary');
      await confirm.findByShadowText(/“Change email only” leaves portal access as it is/);
      const labels = [...dialog(el, 'confirm-primary').querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(labels).to.deep.equal(['Go back', 'Change email only', 'Disable and resend']);
      await user().click(await confirm.findByShadowRole('button', { name: 'Go back' }));
      await waitFor(() => expect(dialog(el, 'confirm-primary').open).to.equal(false));
      expect(dialog(el, 'email').open).to.equal(true);
      expect(((await form.findByShadowRole('textbox', { name: 'New portal email' })) as HTMLInputElement).value).to.equal('blake@example.org');
      expect(mock.store.client('cl_invited')!.access.version).to.equal(1);
    });
  });

  describe('item 16: guardian findings have a fix', () => {
    function requests(): PortalEventDetails['portal-guardian-fix-request'][] {
      const seen: PortalEventDetails['portal-guardian-fix-request'][] = [];
      const listener = (e: GlobalEventHandlersEventMap['portal-guardian-fix-request']) => {
        expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
        seen.push(e.detail);
      };
      document.addEventListener('portal-guardian-fix-request', listener);
      after(() => document.removeEventListener('portal-guardian-fix-request', listener));
      return seen;
    }

    it('"Add a legal guardian" opens the guardian manager on the page, legal guardian ticked; once added the invitation can go', async () => {
      const seen = requests();
      const el = await mount<El>(html`<portal-invite-status client-id="cl_minor_no_guardian"></portal-invite-status><guardian-manager client-id="cl_minor_no_guardian"></guardian-manager>`);
      const gm = el.parentElement!.querySelector<GuardianManagerElement>('guardian-manager')!;
      await waitFor(() => expect(root(gm).querySelector('[part~="contacts"]')).to.exist);
      await waitFor(() => expect(findingIds(el)).to.deep.equal(['no_legal_guardian']));
      const fix = await finding(el, 'no_legal_guardian').findByShadowRole('button', { name: 'Add a legal guardian' });
      await user().click(fix);
      const form = within((await view(gm).findByShadowRole('dialog', { name: 'Add a legal guardian' })) as HTMLElement);
      expect(seen).to.deep.equal([{ clientId: 'cl_minor_no_guardian', reason: 'no_legal_guardian', contactId: null }]);
      expect((form.getByShadowRole('checkbox', { name: 'Legal guardian' }) as HTMLInputElement).checked).to.equal(true);
      expect(root(el).querySelector('[part~="guardian-fix-note"]')).to.equal(null);
      await user().type(form.getByShadowLabelText('First name'), 'Robin');
      await user().type(form.getByShadowLabelText('Last name'), 'Junior');
      await user().selectOptions(form.getByShadowLabelText('Relationship to the client'), 'mother');
      await user().type(form.getByShadowLabelText('Email (optional)'), 'robin.junior@example.com');
      await user().click(form.getByShadowRole('checkbox', { name: 'Email ok (consent)' }));
      const reloaded = nextLoad(el);
      await user().click(form.getByShadowRole('button', { name: /Add/ }));
      await refreshed(el, reloaded);
      await waitFor(() => expect(findingIds(el)).to.deep.equal(['not_invited']));
      const send = (await actions(el).findByShadowRole('button', { name: 'Send invitation' })) as HTMLButtonElement;
      expect(send.disabled).to.equal(false);
    });

    it('with no guardian manager and no host answer, the finding says where to add the guardian', async () => {
      const seen = requests();
      const el = await show('cl_minor_no_guardian');
      await user().click(await finding(el, 'no_legal_guardian').findByShadowRole('button', { name: 'Add a legal guardian' }));
      await finding(el, 'no_legal_guardian').findByShadowText(/There is no guardian list on this page: add the legal guardian where the client’s contacts are managed/);
      expect(seen).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('a host that handles the request (preventDefault) gets no note in the widget', async () => {
      const take = (e: Event) => e.preventDefault();
      document.addEventListener('portal-guardian-fix-request', take);
      try {
        const el = await show('cl_minor_no_guardian');
        await user().click(await finding(el, 'no_legal_guardian').findByShadowRole('button', { name: 'Add a legal guardian' }));
        await el.updateComplete;
        expect(root(el).querySelector('[part~="guardian-fix-note"]')).to.equal(null);
      } finally {
        document.removeEventListener('portal-guardian-fix-request', take);
      }
    });

    it('"Record the guardian’s consent" opens that guardian’s form in the guardian manager', async () => {
      const rec = mock.store.client('cl_minor_guardian')!;
      rec.access = { ...rec.access, state: 'not_invited', invitations: [], firstSignInAt: null, lastSignInAt: null };
      rec.contacts = rec.contacts.map((c) => ({ ...c, emails: c.emails.map((e) => ({ ...e, consent: false })) }));
      const seen = requests();
      const el = await mount<El>(html`<portal-invite-status client-id="cl_minor_guardian"></portal-invite-status><guardian-manager client-id="cl_minor_guardian"></guardian-manager>`);
      const gm = el.parentElement!.querySelector<GuardianManagerElement>('guardian-manager')!;
      await waitFor(() => expect(root(gm).querySelector('[part~="contacts"]')).to.exist);
      await waitFor(() => expect(findingIds(el)).to.deep.equal(['no_consent']));
      await user().click(await finding(el, 'no_consent').findByShadowRole('button', { name: 'Record the guardian’s consent' }));
      const form = within((await view(gm).findByShadowRole('dialog', { name: 'Edit Jordan Minor' })) as HTMLElement);
      expect(seen).to.deep.equal([{ clientId: 'cl_minor_guardian', reason: 'no_guardian_consent', contactId: 'ct_minor_g_mother' }]);
      expect((form.getByShadowRole('checkbox', { name: 'Email ok (consent)' }) as HTMLInputElement).checked).to.equal(false);
    });
  });
});
