// Staff roles × every widget action: for each role of the mock, each of the five widgets offers
// exactly the actions the role's capabilities allow (found as a person would, by role and visible
// label), says so where a section is left with no way to act, and offers no fix it cannot make.
// The expectations come from the mock's matrix (mock-server/staff.ts, the policy under test's
// input) and from this file's own list of which capability each action needs.
import { expect, html, mount, loaded, useMock, expectQuietConsole, within, waitFor, type Mock } from './support/index.js';
import type { Capability, StaffRole } from '../../src/schemas/index.js';
import { STAFF_CAPABILITIES, STAFF_ROLES } from '../../mock-server/staff.js';

const SLOW = { timeout: 10_000 };
type Query = ReturnType<typeof within>;
const viewOf = (el: Element) => within(el.shadowRoot as unknown as HTMLElement);

async function mountWidget(template: ReturnType<typeof html>): Promise<{ el: HTMLElement; view: Query }> {
  const el = await mount<HTMLElement>(template);
  await loaded(el);
  return { el, view: viewOf(el) };
}

interface Action {
  widget: string;
  /** What a person looks for. */
  label: string;
  capability: Capability;
  /** Whether the action is on offer: present (and usable, for switches). */
  offered: (view: Query) => boolean;
}

const button = (view: Query, name: string | RegExp) => view.queryAllByShadowRole('button', { name }).length > 0;
const enabledSwitch = (view: Query, name: string) => {
  const input = view.queryByShadowRole('switch', { name }) as HTMLInputElement | null;
  return !!input && !input.disabled;
};

/** Every widget action, the client it is seen on and the capability it needs. */
const ACTIONS: Record<string, { mount: () => ReturnType<typeof html>; actions: Omit<Action, 'widget'>[] }> = {
  'portal-invite-status (never invited)': {
    mount: () => html`<portal-invite-status client-id="cl_not_invited"></portal-invite-status>`,
    actions: [{ label: 'Send invitation', capability: 'portal.invite', offered: (v) => button(v, 'Send invitation') }],
  },
  'portal-invite-status (invited)': {
    mount: () => html`<portal-invite-status client-id="cl_invited"></portal-invite-status>`,
    actions: [
      { label: 'Resend invitation', capability: 'portal.invite', offered: (v) => button(v, 'Resend invitation') },
      { label: 'Change email', capability: 'portal.email', offered: (v) => button(v, 'Change email') },
      { label: 'Generate PIN', capability: 'portal.pin', offered: (v) => button(v, 'Generate PIN') },
      { label: 'Disable access', capability: 'portal.disable', offered: (v) => button(v, 'Disable access') },
    ],
  },
  'portal-invite-status (bounced: diagnosis)': {
    mount: () => html`<portal-invite-status client-id="cl_bounced"></portal-invite-status>`,
    actions: [{ label: 'Fix the address (diagnosis fix)', capability: 'portal.email', offered: (v) => button(v, 'Fix the address') }],
  },
  'portal-permissions-editor': {
    mount: () => html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`,
    actions: [
      { label: 'Allow online appointment requests (switch)', capability: 'permissions.edit', offered: (v) => enabledSwitch(v, 'Allow online appointment requests') },
      { label: 'Pay outstanding balance (switch)', capability: 'permissions.edit', offered: (v) => enabledSwitch(v, 'Pay outstanding balance') },
      { label: 'Client portal for the whole practice (switch)', capability: 'practice.settings', offered: (v) => enabledSwitch(v, 'Client portal for the whole practice') },
    ],
  },
  'guardian-manager': {
    mount: () => html`<guardian-manager client-id="cl_minor_guardian"></guardian-manager>`,
    actions: [
      { label: 'Add contact', capability: 'contacts.edit', offered: (v) => button(v, 'Add contact') },
      { label: 'Edit: Kai Minor', capability: 'contacts.edit', offered: (v) => button(v, 'Edit: Kai Minor') },
      { label: 'Remove: Kai Minor', capability: 'contacts.edit', offered: (v) => button(v, 'Remove: Kai Minor') },
      { label: 'Invite to portal: Kai Minor', capability: 'portal.invite', offered: (v) => button(v, 'Invite to portal: Kai Minor') },
      {
        label: 'portal users’ permission groups (switches)',
        capability: 'permissions.edit',
        // The only switches of this widget are the portal users' permission groups.
        offered: (v) => (v.queryAllByShadowRole('switch') as HTMLInputElement[]).some((s) => !s.disabled),
      },
    ],
  },
  'guardian-manager (no legal guardian)': {
    mount: () => html`<guardian-manager client-id="cl_minor_no_guardian"></guardian-manager>`,
    actions: [{ label: 'Add legal guardian', capability: 'contacts.edit', offered: (v) => button(v, 'Add legal guardian') }],
  },
  'intake-document-list': {
    mount: () => html`<intake-document-list client-id="cl_invited"></intake-document-list>`,
    actions: [
      { label: 'Assign documents', capability: 'documents.assign', offered: (v) => button(v, 'Assign documents') },
      { label: 'Remind: <document>', capability: 'documents.assign', offered: (v) => button(v, /^Remind: /) },
      { label: 'Cancel: <document>', capability: 'documents.cancel', offered: (v) => button(v, /^Cancel: /) },
    ],
  },
  'billing-payment-methods': {
    mount: () => html`<billing-payment-methods client-id="cl_active"></billing-payment-methods>`,
    actions: [
      { label: 'the client’s billing (Saved cards, Invoices)', capability: 'billing.view', offered: (v) => v.queryAllByShadowRole('heading', { name: 'Saved cards' }).length > 0 },
      { label: 'Add card', capability: 'billing.cards', offered: (v) => button(v, 'Add card') },
      { label: 'Remove: <card>', capability: 'billing.cards', offered: (v) => button(v, /^Remove: /) },
      { label: 'Pay balance', capability: 'billing.charge', offered: (v) => button(v, /^Pay balance/) },
    ],
  },
};

const can = (role: StaffRole, capability: Capability) => STAFF_CAPABILITIES[role].includes(capability);

describe('staff roles × every widget action', function () {
  // Each test mounts every widget (and runs axe on several): minutes of work on a loaded machine.
  this.timeout(60_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  let checked = 0;
  for (const role of STAFF_ROLES) {
    it(`${role}: each widget offers exactly what the role’s capabilities allow`, async () => {
      mock.setStaff(role);
      const wrong: string[] = [];
      for (const [widget, { mount: template, actions }] of Object.entries(ACTIONS)) {
        const { view } = await mountWidget(template());
        for (const action of actions) {
          const expected = can(role, action.capability);
          if (action.offered(view) !== expected) wrong.push(`${widget}: "${action.label}" ${expected ? 'missing' : 'offered'} (${action.capability})`);
          checked++;
        }
      }
      expect(wrong).to.deep.equal([]);
      expect(mock.store.internalErrors).to.deep.equal([]);
    });
  }

  after(() => {
    // Every action of the list, for every role: the figure the issue asks for.
    const perRole = Object.values(ACTIONS).reduce((n, w) => n + w.actions.length, 0);
    if (checked) expect(checked).to.equal(perRole * STAFF_ROLES.length);
  });

  it('a section left with no way to act says the role cannot act there (en and es), and is axe-clean', async () => {
    mock.setStaff('clinician');
    const billing = await mountWidget(html`<billing-payment-methods client-id="cl_active"></billing-payment-methods>`);
    expect(billing.view.getByShadowText('Your role can’t see billing.')).to.exist;
    await expect(billing.el).to.be.accessible();

    mock.setStaff('biller');
    const editor = await mountWidget(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    expect(editor.view.getByShadowText('Your role can’t change portal permissions.')).to.exist;
    expect(editor.view.queryByShadowRole('button', { name: 'Save permissions' })).to.equal(null);
    await expect(editor.el).to.be.accessible();

    const invite = await mountWidget(html`<portal-invite-status client-id="cl_not_invited"></portal-invite-status>`);
    expect(invite.view.getByShadowText('Your role can’t send portal invitations.')).to.exist;
    await expect(invite.el).to.be.accessible();

    const documents = await mountWidget(html`<intake-document-list client-id="cl_invited"></intake-document-list>`);
    expect(documents.view.getByShadowText('Your role can’t assign documents or send reminders.')).to.exist;

    const contacts = await mountWidget(html`<guardian-manager client-id="cl_minor_no_guardian"></guardian-manager>`);
    expect(contacts.view.getByShadowText('Your role can’t add, edit or remove contacts.')).to.exist;
    expect(contacts.view.getByShadowText('Ask a colleague who can add, edit or remove contacts.')).to.exist;
    await expect(contacts.el).to.be.accessible();

    mock.setStaff('clinician');
    const es = await mount<HTMLElement>(html`<billing-payment-methods client-id="cl_active"></billing-payment-methods>`, { locale: 'es' });
    await loaded(es);
    await waitFor(() => expect(viewOf(es).getByShadowText('Su función no le permite ver la facturación.')).to.exist, SLOW);
  });

  it('the diagnosis offers only fixes the role can make, and says who can otherwise', async () => {
    mock.setStaff('biller');
    const { view } = await mountWidget(html`<portal-invite-status client-id="cl_bounced"></portal-invite-status>`);
    expect(view.queryByShadowRole('button', { name: 'Fix the address' })).to.equal(null);
    expect(view.getAllByShadowText('Ask a colleague who can change portal email addresses.').length).to.be.greaterThan(0);
  });

  it('without portal.invite, changing the email offers no "Send a new invitation" and never sends one', async () => {
    mock.store.capabilities = () => ['portal.email'];
    try {
      const { el, view } = await mountWidget(html`<portal-invite-status client-id="cl_invited"></portal-invite-status>`);
      (view.getByShadowRole('button', { name: 'Change email' }) as HTMLButtonElement).click();
      const dialog = within(await view.findByShadowRole('dialog', { name: 'Change portal email' }, SLOW));
      expect(dialog.queryByShadowRole('checkbox', { name: /Send a new invitation/ })).to.equal(null);
      expect(el.shadowRoot!.querySelector('#email-resend')).to.equal(null);
    } finally {
      Reflect.deleteProperty(mock.store, 'capabilities');
    }
  });
});

describe('practice-admin (deprecated) and sessions', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  const practiceSwitch = (view: Query) => view.queryByShadowRole('switch', { name: 'Client portal for the whole practice' });

  it('the session decides: the owner gets the practice switch without the attribute, a biller not even with it', async () => {
    const owner = await mountWidget(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    expect(practiceSwitch(owner.view)).to.exist;
    mock.setStaff('biller');
    const biller = await mountWidget(html`<portal-permissions-editor client-id="cl_active" practice-admin></portal-permissions-editor>`);
    expect(practiceSwitch(biller.view)).to.equal(null);
  });

  it('an API without GET /session (404): practice-admin still decides the practice switch, everything else is offered as before', async () => {
    mock.faults.set('getSession', { status: 404 });
    const admin = await mountWidget(html`<portal-permissions-editor client-id="cl_active" practice-admin></portal-permissions-editor>`);
    expect(practiceSwitch(admin.view)).to.exist;
    expect((admin.view.getByShadowRole('switch', { name: 'Allow online appointment requests' }) as HTMLInputElement).disabled).to.equal(false);
    const plain = await mountWidget(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    expect(practiceSwitch(plain.view)).to.equal(null);
    const invite = await mountWidget(html`<portal-invite-status client-id="cl_invited"></portal-invite-status>`);
    expect(invite.view.getByShadowRole('button', { name: 'Disable access' })).to.exist;
  });

  it('a session that fails to load is the widget’s error, with a Try again that works', async () => {
    mock.faults.set('getSession', { status: 503, times: 3 });
    const el = await mount<HTMLElement>(html`<portal-permissions-editor client-id="cl_active"></portal-permissions-editor>`);
    await loaded(el);
    const view = viewOf(el);
    const retry = await view.findByShadowRole('button', { name: 'Try again' }, SLOW);
    (retry as HTMLButtonElement).click();
    await view.findByShadowRole('switch', { name: 'Client portal for the whole practice' }, SLOW);
  });
});
