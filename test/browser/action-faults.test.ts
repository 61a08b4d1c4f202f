// Action faults (issue #11, items 1 and 6, the write side of the fault matrix): each widget's main
// form fails on submit with a server error, a dropped connection or a timeout. The person sees why,
// next to the action; nothing they typed or picked is lost; the store holds nothing; and once the
// API is back, submitting the same form again records the action exactly once.
import { commonMessages } from '../../src/i18n/common.messages.js';
import type { Fault } from '../../mock-server/faults.js';
import type { MockStore } from '../../mock-server/store.js';
import type { OperationName } from '../../src/api/operations.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';
import { expect, expectQuietConsole, loaded, mount, useMock, user, waitFor, within, type Mock } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

type View = ReturnType<typeof within>;
const en = commonMessages.en;

const FAULTS: { name: string; fault: Fault; says: string; timeoutMs?: number }[] = [
  { name: 'a server error', fault: { status: 500 }, says: en.serverError },
  { name: 'a dropped connection', fault: { network: true }, says: en.networkError },
  { name: 'no answer (timeout)', fault: { hang: true }, says: en.timeoutError, timeoutMs: 1000 },
];

const MESSAGE = 'Kept after the failure: the link is below.';
const CONTACT = { first: 'Marlow', last: 'Keptwell', email: 'marlow.keptwell@example.com' };
const CARD = '4242 4242 4242 4242';

interface Form {
  tag: string;
  clientId: string;
  operation: OperationName;
  /** Opens the form and fills it in as a person would. */
  fill(view: View, el: HTMLElement): Promise<void>;
  submit(view: View, el: HTMLElement): Promise<void>;
  /** Asserts that everything `fill` entered is still there. */
  kept(view: View, el: HTMLElement): void;
  /** How many times the store recorded this action. */
  recorded(store: MockStore): number;
}

const dialog = (view: View, name: string | RegExp) => within(view.getByShadowRole('dialog', { name }) as HTMLElement);
const field = <T extends HTMLElement>(scope: View, label: string) => scope.getByShadowLabelText(label) as T;

const FORMS: Form[] = [
  {
    tag: 'portal-invite-status',
    clientId: 'cl_invited',
    operation: 'sendInvitation',
    async fill(view) {
      await user().click((await view.findAllByShadowRole('button', { name: 'Resend invitation' }))[0]!);
      const message = field<HTMLTextAreaElement>(within((await view.findByShadowRole('dialog', { name: 'Resend portal invitation' })) as HTMLElement), 'Message (optional)');
      // Replaces the last message, which the dialog starts from.
      await user().type(message, MESSAGE, { initialSelectionStart: 0, initialSelectionEnd: message.value.length });
    },
    submit: (view) => user().click(dialog(view, 'Resend portal invitation').getByShadowRole('button', { name: 'Resend invitation' })),
    kept(view) {
      expect(field<HTMLTextAreaElement>(dialog(view, 'Resend portal invitation'), 'Message (optional)').value).to.equal(MESSAGE);
    },
    recorded: (store) => store.emailsFor('cl_invited', 'invitation').filter((e) => e.message === MESSAGE).length,
  },
  {
    tag: 'portal-permissions-editor',
    clientId: 'cl_active',
    operation: 'updatePermissions',
    async fill(view) {
      await user().click(await view.findByShadowRole('switch', { name: 'Use secure messaging' }));
      await user().click(view.getByShadowRole('switch', { name: 'Allow online appointment requests' }));
    },
    submit: (view) => user().click(view.getByShadowRole('button', { name: 'Save permissions' })),
    kept(view) {
      for (const name of ['Use secure messaging', 'Allow online appointment requests']) {
        expect((view.getByShadowRole('switch', { name }) as HTMLInputElement).checked, name).to.equal(false);
      }
      expect(view.getByShadowText('Unsaved changes (2)')).to.exist;
    },
    recorded: (store) => {
      const flags = store.client('cl_active')!.permissions.client;
      return !flags.secureMessaging && !flags.appointmentRequests ? 1 : 0;
    },
  },
  {
    tag: 'guardian-manager',
    clientId: 'cl_minor_guardian',
    operation: 'createContact',
    async fill(view) {
      await user().click((await view.findAllByShadowRole('button', { name: 'Add contact' }))[0]!);
      const form = within((await view.findByShadowRole('dialog', { name: 'Add a contact' })) as HTMLElement);
      await user().type(field(form, 'First name'), CONTACT.first);
      await user().type(field(form, 'Last name'), CONTACT.last);
      await user().selectOptions(field(form, 'Relationship to the client'), 'grandparent');
      await user().type(field(form, 'Email (optional)'), CONTACT.email);
      await user().click(form.getByShadowRole('checkbox', { name: /Email ok/ }));
    },
    submit: (view) => user().click(dialog(view, 'Add a contact').getByShadowRole('button', { name: 'Add contact' })),
    kept(view) {
      const form = dialog(view, 'Add a contact');
      expect([field<HTMLInputElement>(form, 'First name').value, field<HTMLInputElement>(form, 'Last name').value, field<HTMLInputElement>(form, 'Email (optional)').value]).to.deep.equal([
        CONTACT.first,
        CONTACT.last,
        CONTACT.email,
      ]);
      expect(field<HTMLSelectElement>(form, 'Relationship to the client').value).to.equal('grandparent');
      expect((form.getByShadowRole('checkbox', { name: /Email ok/ }) as HTMLInputElement).checked).to.equal(true);
    },
    recorded: (store) => store.client('cl_minor_guardian')!.contacts.filter((c) => c.lastName === CONTACT.last).length,
  },
  {
    tag: 'intake-document-list',
    clientId: 'cl_invited',
    operation: 'assignDocuments',
    async fill(view) {
      await user().click(await view.findByShadowRole('button', { name: 'Assign documents' }));
      const form = within((await view.findByShadowRole('dialog', { name: 'Assign documents' })) as HTMLElement);
      await user().click(await form.findByShadowRole('checkbox', { name: 'Financial policy' }));
      await user().click(form.getByShadowRole('checkbox', { name: 'Release of information' }));
    },
    submit: (view) => user().click(dialog(view, 'Assign documents').getByShadowRole('button', { name: 'Assign and send' })),
    kept(view) {
      const form = dialog(view, 'Assign documents');
      for (const name of ['Financial policy', 'Release of information']) expect((form.getByShadowRole('checkbox', { name }) as HTMLInputElement).checked, name).to.equal(true);
    },
    recorded: (store) => store.client('cl_invited')!.documents.filter((d) => d.templateId === 'tpl_financial').length,
  },
  {
    tag: 'billing-payment-methods',
    clientId: 'cl_empty',
    operation: 'addCard',
    async fill(view, el) {
      await user().click((await view.findAllByShadowRole('button', { name: 'Add card' }))[0]!);
      await view.findByShadowRole('dialog', { name: 'Add a card' });
      const card = within(await waitFor(() => el.querySelector<HTMLElement>('[slot="card-field"] .pw-mock-card')!));
      await user().type(card.getByLabelText('Card number'), CARD);
      await user().type(card.getByLabelText('Expiry (MM/YY)'), '12/39');
      await user().type(card.getByLabelText('Security code (CVC)'), '123');
    },
    submit: (view) => user().click(dialog(view, 'Add a card').getByShadowRole('button', { name: 'Save card' })),
    kept(view, el) {
      // The processor's field (light DOM) still holds the card; the dialog is still open around it.
      expect(dialog(view, 'Add a card')).to.exist;
      expect((within(el.querySelector<HTMLElement>('[slot="card-field"]')!).getByLabelText('Card number') as HTMLInputElement).value).to.equal(CARD);
    },
    recorded: (store) => store.client('cl_empty')!.cards.length,
  },
];

/** Every alert the widget shows, as text. */
const alerts = (el: HTMLElement) =>
  within(el.shadowRoot as unknown as HTMLElement)
    .queryAllByShadowRole('alert')
    .map((a) => a.textContent!.replace(/\s+/g, ' ').trim());

describe('action faults: what a person typed survives a failed submit', function () {
  this.timeout(40_000);
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => {
    mock.faults.clear();
    expectQuietConsole();
  });

  for (const form of FORMS) {
    describe(`<${form.tag}> ${form.operation}`, () => {
      for (const { name, fault, says, timeoutMs } of FAULTS) {
        it(`${name}: says why, keeps the input, and the same submit works once the API is back`, async () => {
          const el = await mount<HTMLElement>(
            staticHtml`<${unsafeStatic(form.tag)} client-id=${form.clientId} .processor=${createMockProcessor()}></${unsafeStatic(form.tag)}>`,
            { timeoutMs: timeoutMs ?? 15_000 },
          );
          expect((await loaded(el)).type).to.equal('portal-load');
          const view = within(el.shadowRoot as unknown as HTMLElement);
          await form.fill(view, el);

          mock.faults.set(form.operation, fault);
          await form.submit(view, el);
          await waitFor(() => expect(alerts(el).join(' | ')).to.contain(says));
          form.kept(view, el);
          expect(form.recorded(mock.store), 'recorded while failing').to.equal(0);
          await expect(el).to.be.accessible();

          mock.faults.clear();
          await waitFor(() => expect(view.queryAllByShadowRole('button', { busy: true })).to.deep.equal([]));
          await form.submit(view, el);
          await waitFor(() => expect(form.recorded(mock.store), 'recorded once the API is back').to.equal(1));
          expect(mock.store.internalErrors).to.deep.equal([]);
        });
      }
    });
  }
});
