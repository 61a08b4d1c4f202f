import { fixture } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { expect, expectQuietConsole, sendKeys, viewOf, waitFor, within } from './support/index.js';
import { ModalDialog } from '../../src/components/shared/modal-dialog.js';
import { ActionController } from '../../src/components/shared/action-controller.js';
import { busyButton } from '../../src/components/shared/busy-button.js';

/**
 * The dialog and action primitives on their own, in a bare element: a button opens a dialog whose
 * Save runs an action that the test answers (or fails) when it wants.
 */
class DialogProbe extends LitElement {
  static override properties = { clientId: { type: String } };
  clientId = 'cl_1';
  answer!: { resolve: (v: string) => void; reject: (e: Error) => void };
  saved: string[] = [];
  rendered = 0;
  /** The last Save's action: settles once its answer was used or dropped. */
  lastRun?: Promise<boolean>;
  readonly actions = new ActionController(this, { fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('h2') });
  readonly dialog = new ModalDialog(this, {
    id: 'edit-dialog',
    part: 'edit-dialog',
    busy: () => this.actions.busy('save'),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('h2'),
  });

  reportError(error: unknown): string {
    return `Failed: ${(error as Error).message}`;
  }

  save(): Promise<boolean> {
    return this.actions.run('save', () => new Promise<string>((resolve, reject) => (this.answer = { resolve, reject })), {
      operation: 'save',
      errorIn: 'edit-dialog',
      done: (value) => {
        this.saved.push(value);
        this.dialog.close();
      },
    });
  }

  override render() {
    return html`<h2 tabindex="-1">Probe</h2>
      <button id="open" @click=${(e: Event) => void this.dialog.show(e)}>Edit</button>
      ${this.dialog.render(() => {
        this.rendered++;
        const error = this.actions.error('edit-dialog');
        return html`<h3 id=${this.dialog.titleId}>Edit the note</h3>
          ${error ? html`<p role="alert">${error}</p>` : null}
          <button ?disabled=${this.actions.busy()} @click=${() => this.dialog.close()}>Cancel</button>
          ${busyButton({ label: 'Save', busy: this.actions.busy('save'), part: 'save-button', kind: 'primary', onClick: () => void (this.lastRun = this.save()) })}`;
      })}`;
  }
}
customElements.define('dialog-probe', DialogProbe);

async function probe(): Promise<DialogProbe> {
  const el = await fixture<DialogProbe>(html`<dialog-probe></dialog-probe>`);
  await el.updateComplete;
  return el;
}

const dialogOf = (el: DialogProbe) => el.shadowRoot!.querySelector('dialog')!;
const focused = (el: DialogProbe) => el.shadowRoot!.activeElement;

async function openDialog(el: DialogProbe): Promise<HTMLDialogElement> {
  const opener = el.shadowRoot!.querySelector<HTMLButtonElement>('#open')!;
  opener.focus();
  opener.click();
  // Named by its heading: found by role and name.
  return (await viewOf(el).findByShadowRole('dialog', { name: 'Edit the note' })) as HTMLDialogElement;
}

describe('ModalDialog and ActionController', () => {
  afterEach(() => expectQuietConsole());

  it('renders nothing inside the dialog until it opens, and is named by its heading', async () => {
    const el = await probe();
    expect(dialogOf(el).open).to.equal(false);
    expect(dialogOf(el).childElementCount).to.equal(0);
    expect(el.rendered).to.equal(0);
    const dialog = await openDialog(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('edit-dialog-title');
    expect(dialog.getAttribute('part')).to.equal('dialog edit-dialog');
  });

  it('gives focus back to the control that opened it', async () => {
    const el = await probe();
    const dialog = await openDialog(el);
    within(dialog).getByShadowRole('button', { name: 'Cancel' }).click();
    await waitFor(() => expect(focused(el)?.id).to.equal('open'));
    expect(dialog.open).to.equal(false);
    expect(dialog.childElementCount).to.equal(0);
  });

  it('gives focus to the fallback when the opener is gone', async () => {
    const el = await probe();
    const dialog = await openDialog(el);
    el.shadowRoot!.querySelector('#open')!.remove();
    within(dialog).getByShadowRole('button', { name: 'Cancel' }).click();
    await waitFor(() => expect(focused(el)?.tagName).to.equal('H2'));
  });

  it('refuses Escape while its action runs, and takes it afterwards', async () => {
    const el = await probe();
    const dialog = await openDialog(el);
    // A key press, as a person would: Chrome honours a refused Escape only after user activation.
    within(dialog).getByShadowRole('button', { name: 'Save' }).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(within(dialog).getByShadowRole('button', { name: 'Save' }).getAttribute('aria-busy')).to.equal('true'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open, 'Escape while saving').to.equal(true);

    el.answer.reject(new Error('offline'));
    await within(dialog).findByShadowRole('alert');
    expect(within(dialog).getByShadowRole('alert').textContent).to.equal('Failed: offline');
    const save = within(dialog).getByShadowRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-busy')).to.equal('false');
    // The button that had focus was disabled meanwhile: focus is back on it.
    await waitFor(() => expect(focused(el)).to.equal(save));

    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(dialog.open).to.equal(false));
    await waitFor(() => expect(focused(el)?.id).to.equal('open'));
  });

  it('stays open when opened again before the first closing was delivered', async () => {
    const el = await probe();
    const dialog = await openDialog(el);
    const opener = el.shadowRoot!.querySelector<HTMLButtonElement>('#open')!;
    // The first `close` event arrives in a later task, after the dialog was opened again.
    const lateClose = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    within(dialog).getByShadowRole('button', { name: 'Cancel' }).click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    opener.click();
    await el.updateComplete;
    await lateClose;
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(el.dialog.isOpen).to.equal(true);
    expect(within(dialog).getByShadowRole('heading', { name: 'Edit the note' })).to.exist;
  });

  it('closes with the answer, and drops an answer for a client no longer shown', async () => {
    const el = await probe();
    let dialog = await openDialog(el);
    within(dialog).getByShadowRole('button', { name: 'Save' }).click();
    await waitFor(() => expect(el.actions.busy('save')).to.equal(true));
    el.answer.resolve('first');
    await waitFor(() => expect(dialog.open).to.equal(false));
    expect(el.saved).to.deep.equal(['first']);

    dialog = await openDialog(el);
    within(dialog).getByShadowRole('button', { name: 'Save' }).click();
    await waitFor(() => expect(el.actions.busy('save')).to.equal(true));
    el.clientId = 'cl_2';
    el.actions.reset();
    el.answer.resolve('late');
    await el.lastRun;
    await el.updateComplete;
    expect(el.saved, 'the answer for cl_1 is dropped').to.deep.equal(['first']);
    expect(el.actions.busy()).to.equal(false);
  });

  it('refuses the same action while it runs', async () => {
    const el = await probe();
    const first = el.save();
    const second = await el.save();
    expect(second).to.equal(false);
    el.answer.resolve('once');
    expect(await first).to.equal(true);
    expect(el.saved).to.deep.equal(['once']);
  });
});
