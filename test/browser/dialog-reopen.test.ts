import { expect, mount, loaded, useMock, expectQuietConsole, within } from './support/index.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { createMockProcessor } from '../../mock-server/mock-processor.js';

/**
 * Close a dialog and open it again at once: the first dialog's `close` event is delivered in a
 * later task, after the reopening, and must not tear down the dialog that is open now.
 * (It did, in every widget, before `dialogClosed()`; CI caught it as a one-in-many flake.)
 */
interface Case {
  tag: string;
  clientId: string;
  attrs?: string;
  opener: { role: 'button' | 'switch'; name: string };
  dialog: string;
}

const cases: Case[] = [
  { tag: 'portal-invite-status', clientId: 'cl_active', opener: { role: 'button', name: 'Disable access' }, dialog: 'Disable portal access?' },
  { tag: 'portal-permissions-editor', clientId: 'cl_active', attrs: 'practice-admin', opener: { role: 'switch', name: 'Client portal for the whole practice' }, dialog: 'Turn off the client portal for the whole practice?' },
  { tag: 'guardian-manager', clientId: 'cl_active', opener: { role: 'button', name: 'Add contact' }, dialog: 'Add a contact' },
  { tag: 'intake-document-list', clientId: 'cl_invited', attrs: 'audience="staff"', opener: { role: 'button', name: 'Assign documents' }, dialog: 'Assign documents' },
  { tag: 'billing-payment-methods', clientId: 'cl_active', attrs: 'audience="staff"', opener: { role: 'button', name: 'Pay balance ($350.00)' }, dialog: 'Pay $350.00' },
  { tag: 'billing-payment-methods', clientId: 'cl_empty', attrs: 'audience="staff"', opener: { role: 'button', name: 'Add card' }, dialog: 'Add a card' },
];

/** Resolves with the dialog's next `close` event. */
const nextClose = (dialog: HTMLDialogElement) => new Promise<Event>((resolve) => dialog.addEventListener('close', resolve, { once: true }));

describe('a dialog closed and opened again at once stays open', () => {
  beforeEach(() => useMock());
  afterEach(() => expectQuietConsole());

  for (const c of cases) {
    it(`${c.tag} (${c.clientId}): "${c.dialog}"`, async () => {
      const tag = unsafeStatic(c.tag);
      const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(staticHtml`<${tag} client-id=${c.clientId} .processor=${createMockProcessor()}></${tag}>`);
      for (const attr of c.attrs?.split(' ') ?? []) {
        const [name, value] = attr.split('=');
        el.setAttribute(name!, value?.replace(/"/g, '') ?? '');
      }
      await loaded(el);
      await el.updateComplete;
      const view = within(el.shadowRoot as unknown as HTMLElement);
      const opener = (await view.findByShadowRole(c.opener.role, { name: c.opener.name })) as HTMLElement;

      opener.click();
      const dialog = (await view.findByShadowRole('dialog', { name: c.dialog })) as HTMLDialogElement;
      const closed = nextClose(dialog);
      within(dialog).getByShadowRole('button', { name: 'Cancel' }).click();
      await el.updateComplete;
      expect(dialog.open, 'Cancel closed it').to.equal(false);

      opener.click();
      await el.updateComplete;
      // The first close event has now been delivered (after the reopening), and rendered.
      await closed;
      await el.updateComplete;
      expect(dialog.open, 'the reopened dialog is still open').to.equal(true);
      expect(within(dialog).getByShadowRole('heading', { name: c.dialog })).to.exist;
    });
  }
});
