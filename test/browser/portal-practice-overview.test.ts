// <portal-practice-overview> as a practice manager uses it: the funnel's counts, a finding's list,
// paging and the name filter, a row's fix, and the bulk invitation (dry run, send, result) that
// never reaches a mistyped address and sends nothing the second time. Axe in every state.
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, user, waitFor, type Mock } from './support/index.js';
import type { PortalPracticeOverviewElement } from '../../src/index.js';
import { PRACTICE_SIZE, practiceClientId, scenarioOf, type Scenario } from '../../mock-server/overview-fixtures.js';

type El = PortalPracticeOverviewElement;

const viewOf = (el: El) => within(el.shadowRoot as unknown as HTMLElement);
const rows = (el: El) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const dialog = (el: El) => el.shadowRoot!.querySelector<HTMLDialogElement>('#bulk-dialog')!;
const summary = (el: El) => el.shadowRoot!.querySelector('[part~="bulk-summary"]')?.textContent?.trim() ?? '';

/** Generated clients of these scenarios (the generator's own table, not the overview's answer). */
function generated(...scenarios: Scenario[]): string[] {
  return Array.from({ length: PRACTICE_SIZE }, (_, i) => i).filter((i) => scenarios.includes(scenarioOf(i))).map(practiceClientId);
}

function collect<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(name, (e) => seen.push(e as GlobalEventHandlersEventMap[K]));
  return seen;
}

async function mountOverview(options: { locale?: string } = {}): Promise<El> {
  const el = await mount<El>(html`<portal-practice-overview></portal-practice-overview>`, options);
  await loaded(el);
  return el;
}

/** Opens a finding's list from its stage and waits for its rows. */
async function openFinding(el: El, stage: string, name: RegExp, heldBy = 'Held by'): Promise<void> {
  const view = viewOf(el);
  const list = await view.findByShadowRole('list', { name: `${stage}: ${heldBy}` });
  const load = nextLoad(el);
  await user().click(within(list).getByShadowRole('button', { name }));
  await load;
  await el.updateComplete;
}

describe('<portal-practice-overview>', function () {
  this.timeout(60_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('counts the clients of each access state and what holds them back', async () => {
    const el = await mountOverview();
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Portal access across the practice' });
    const all = [...mock.store.clients.values()];
    const inState = (state: string) => all.filter((c) => c.access.state === state).length;
    expect(view.getByShadowText(`${all.length} clients: who got into the portal, and what holds the others back.`)).to.exist;
    for (const [state, label] of [['not_invited', 'Not invited'], ['invited', 'Invited'], ['active', 'Active'], ['disabled', 'Disabled']] as const) {
      const heading = view.getByShadowRole('heading', { level: 3, name: new RegExp(`^${label} ${inState(state)} clients$`) });
      expect(heading, label).to.exist;
    }
    // Never invited: the generated ones (consented address, some mistyped) plus cl_not_invited.
    const notInvited = generated('notInvited', 'notInvitedMinor', 'notInvitedTypo').length + 1;
    const stage = await view.findByShadowRole('list', { name: 'Not invited: Held by' });
    expect(within(stage).getByShadowRole('button', { name: `Never invited: ${notInvited} clients` })).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a mistyped address goes to a list to correct one by one, with the suggestion, and never to a bulk send', async () => {
    const el = await mountOverview();
    const opened = collect(document, 'portal-client-open');
    await openFinding(el, 'Not invited', /^Address looks mistyped/);
    const view = viewOf(el);
    expect(view.getByShadowText(/Never sent in bulk\. Correct each address/)).to.exist;
    expect(view.queryByShadowRole('button', { name: /to all/ })).to.equal(null);
    const first = rows(el)[0]!;
    expect(first.textContent).to.match(/@\S+: did you mean \S+@\S+\?/);
    await expect(el).to.be.accessible();
    await user().click(within(first).getByShadowRole('button', { name: /^Open client: / }));
    expect(opened).to.have.length(1);
    expect(opened[0]!.detail.finding).to.equal('email_typo');
    expect(mock.store.client(opened[0]!.detail.clientId)).to.exist;
  });

  it('bulk resend: the dry run says what the send then does; a second one at once sends nothing', async () => {
    const el = await mountOverview();
    const sentEvents = collect(document, 'portal-bulk-invitations-sent');
    await openFinding(el, 'Invited', /^Invited, never signed in/);
    const view = viewOf(el);
    await user().click(view.getByShadowRole('button', { name: 'Resend to all…' }));
    await waitFor(() => expect(summary(el)).to.match(/^Sends \d+ emails to \d+ families; \d+ skipped: /));
    const preview = summary(el);
    // The skipped ones: a mistyped address, and people who signed in before (the link, not a resend).
    const typo = generated('invitedWaitingTypo').length;
    const before = generated('activeSignedInBeforeReinvited').length;
    expect(preview).to.contain(`${typo} with a mistyped address`);
    expect(preview).to.contain(`${before} signed in before`);
    expect(mock.store.emails, 'the dry run sent nothing').to.have.length(0);
    await expect(el).to.be.accessible();

    const [, emails, families] = /^Sends (\d+) emails to (\d+) families/.exec(preview)!;
    await user().click(within(dialog(el) as unknown as HTMLElement).getByShadowRole('button', { name: `Send ${emails} emails` }));
    await waitFor(() => expect(summary(el)).to.match(/^Sent /));
    expect(summary(el)).to.equal(preview.replace(/^Sends/, 'Sent'));
    expect(mock.store.emails).to.have.length(Number(emails));
    expect(new Set(mock.store.emails.map((e) => e.clientId)).size).to.equal(Number(families));
    expect(mock.store.emails.filter((e) => !e.to.endsWith('@example.com')), 'no mistyped or bounced address').to.deep.equal([]);
    expect(sentEvents).to.have.length(1);
    expect(sentEvents[0]!.detail).to.deep.include({ finding: 'never_signed_in', sent: Number(families), emails: Number(emails) });
    expect(sentEvents[0]!.detail.clientIds).to.have.length(Number(families));
    expect(Object.keys(sentEvents[0]!.detail).sort()).to.deep.equal(['clientIds', 'emails', 'finding', 'sent', 'skipped']);

    await user().click(within(dialog(el) as unknown as HTMLElement).getByShadowRole('button', { name: 'Done' }));
    await waitFor(() => expect(dialog(el).open).to.equal(false));
    // The counts moved: only the skipped ones are left in the finding.
    await waitFor(() => expect(within(el.shadowRoot as unknown as HTMLElement).getByShadowRole('button', { name: `Invited, never signed in: ${typo + before} clients` })).to.exist);

    // At once again: nothing to send.
    await user().click(view.getByShadowRole('button', { name: 'Resend to all…' }));
    await waitFor(() => expect(summary(el)).to.match(/^Nothing to send; /));
    expect(within(dialog(el) as unknown as HTMLElement).getByShadowRole('button', { name: 'Send 0 emails' })).to.have.property('disabled', true);
    expect(mock.store.emails).to.have.length(Number(emails));
    await user().click(within(dialog(el) as unknown as HTMLElement).getByShadowRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog(el).open).to.equal(false));
    // The dialog's close event (which returns focus) comes in a task after `open` turns false.
    await waitFor(() => expect(el.shadowRoot!.activeElement?.textContent?.trim(), 'focus back on the button that opened it').to.equal('Resend to all…'));
  });

  it('lists page through the API with a bounded DOM, and filter by name', async () => {
    const el = await mountOverview();
    await openFinding(el, 'Active', /^Signed in/);
    const view = viewOf(el);
    expect(rows(el)).to.have.length(25);
    const firstPage = rows(el).map((r) => r.textContent);
    expect(view.getByShadowText(/^1–25 of \d+$/)).to.exist;
    for (let i = 0; i < 3; i++) {
      const load = nextLoad(el);
      await user().click(view.getByShadowRole('button', { name: 'Next' }));
      await load;
      await el.updateComplete;
      expect(rows(el).length, 'never more than a page').to.be.at.most(25);
    }
    expect(view.getByShadowText(/^76–100 of \d+$/)).to.exist;
    expect(rows(el).map((r) => r.textContent)).not.to.deep.equal(firstPage);
    let load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Previous' }));
    await load;

    await user().type(view.getByShadowLabelText('Filter by name'), 'alvarez{Enter}');
    // A pause while typing (300 ms on a busy machine) filters by what was typed so far: the load
    // that counts is the one for the whole name.
    await waitFor(() => {
      expect(rows(el).length).to.be.greaterThan(0);
      for (const row of rows(el)) expect(row.textContent).to.contain('Álvarez');
    });
    await expect(el).to.be.accessible();
  });

  it('a row whose fix is one call acts in place; the counts follow', async () => {
    const el = await mountOverview();
    await openFinding(el, 'Not invited', /^Never invited/);
    const view = viewOf(el);
    const notInvited = generated('notInvited', 'notInvitedMinor', 'notInvitedTypo').length + 1;
    const row = rows(el)[0]!;
    const name = row.querySelector('bdi')!.textContent!;
    await user().click(within(row).getByShadowRole('button', { name: `Send invitation: ${name}` }));
    await waitFor(() => expect(view.getByShadowText(`Invitation sent to ${name}.`, { selector: '[part~="feedback"]' })).to.exist);
    await waitFor(() => expect(view.getByShadowRole('button', { name: `Never invited: ${notInvited - 1} clients` })).to.exist);
    expect(mock.store.emails.length).to.be.greaterThan(0);
  });

  it('offers bulk sends only to a role that may invite, and learns from a 403', async () => {
    // A biller may not invite (the session the mock answers for that role).
    mock.store.setStaff('biller');
    const biller = await mountOverview();
    await openFinding(biller, 'Not invited', /^Never invited/);
    expect(viewOf(biller).queryByShadowRole('button', { name: 'Invite all…' })).to.equal(null);
    expect(viewOf(biller).queryByShadowRole('button', { name: /^Send invitation: / })).to.equal(null);
    expect(viewOf(biller).getByShadowText('Your role may not send invitations.')).to.exist;

    // The front desk may; the server still refuses this once (its role changed meanwhile).
    mock.store.setStaff('front-desk');
    const el = await mountOverview();
    await openFinding(el, 'Not invited', /^Never invited/);
    const view = viewOf(el);
    mock.faults.set('sendBulkInvitations', { status: 403 });
    await user().click(view.getByShadowRole('button', { name: 'Invite all…' }));
    await waitFor(() => expect(within(dialog(el) as unknown as HTMLElement).getByShadowRole('alert').textContent).to.contain('Your role may not send invitations.'));
    await expect(el).to.be.accessible();
    await user().click(within(dialog(el) as unknown as HTMLElement).getByShadowRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(view.queryByShadowRole('button', { name: 'Invite all…' })).to.equal(null));
  });

  it('a load error says what happened and Try again works', async () => {
    mock.faults.set('getPortalOverview', { status: 500, times: 3 });
    const el = await mount<El>(html`<portal-practice-overview></portal-practice-overview>`, {});
    await loaded(el);
    const view = viewOf(el);
    const retry = await view.findByShadowRole('button', { name: 'Try again' });
    await expect(el).to.be.accessible();
    const load = nextLoad(el);
    await user().click(retry);
    await load;
    await view.findByShadowRole('heading', { level: 2, name: 'Portal access across the practice' });
  });

  it('world portal-off: says so once and offers no send', async () => {
    mock.reset('portal-off');
    const el = await mountOverview();
    const view = viewOf(el);
    expect(view.getAllByShadowText(/The client portal is off for the whole practice/)).to.have.length(1);
    await openFinding(el, 'Not invited', /^Never invited/);
    expect(view.queryByShadowRole('button', { name: 'Invite all…' })).to.equal(null);
    expect(view.queryByShadowRole('button', { name: /^Send invitation: / })).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in Spanish', async () => {
    const el = await mountOverview({ locale: 'es' });
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Acceso al portal en toda la consulta' });
    await openFinding(el, 'Invitados', /^Invitados, nunca han iniciado sesión/, 'Frenados por');
    expect(view.getByShadowRole('button', { name: 'Reenviar a todos…' })).to.exist;
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 1280]) {
    it(`reads in a ${width} px column: nothing wider than the widget`, async () => {
      const el = await mountOverview();
      el.style.width = `${width}px`;
      el.parentElement!.style.width = `${width}px`;
      await openFinding(el, 'Invited', /^Address looks mistyped/);
      await el.updateComplete;
      const root = el.shadowRoot!;
      for (const node of root.querySelectorAll<HTMLElement>('.stage, [part~="row"], .pager, .finding-list')) {
        expect(node.scrollWidth, node.className).to.be.at.most(node.clientWidth + 1);
      }
      const stages = [...root.querySelectorAll<HTMLElement>('.stage')].map((s) => s.getBoundingClientRect().top);
      // Wide: the four states side by side; narrow: one under the other.
      if (width === 1280) expect(new Set(stages).size).to.equal(1);
      else expect(new Set(stages).size).to.equal(4);
      await expect(el).to.be.accessible();
    });
  }
});
