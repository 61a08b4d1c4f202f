import { expect, html, mount, loaded, nextLoad, requestsSettled, useMock, expectQuietConsole, within, user, sendKeys, waitFor, viewOf, collect, type Mock } from './support/index.js';
import type { IntakeDocumentListElement } from '../../src/index.js';

type El = IntakeDocumentListElement;

/** The visible confirmation (the live region says the same words to screen readers). */
const FLASH = { selector: '.flash p' };
const announced = (el: El) => el.shadowRoot!.querySelector('[role="status"][aria-live="polite"].visually-hidden')!.textContent;
const rows = (el: El) => [...el.shadowRoot!.querySelectorAll('[part~="row"]')];
const rowOf = (el: El, title: string) => {
  const row = rows(el).find((r) => r.querySelector('.title')?.textContent?.trim() === title);
  if (!row) throw new Error(`no row "${title}"`);
  return within(row as HTMLElement);
};

/** When each documents request of a client left the page (the client calls the page's fetch). */
function documentRequests() {
  const original = window.fetch;
  const started: { clientId: string; at: number }[] = [];
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const clientId = /\/clients\/([^/?]+)\/documents/.exec(url)?.[1];
    if (clientId) started.push({ clientId, at: performance.now() });
    return original(input, init);
  };
  return { started, restore: () => (window.fetch = original) };
}

async function mountList(clientId: string, attrs: { audience?: string; poll?: number; locale?: string } = {}) {
  const el = await mount<El>(
    html`<intake-document-list client-id=${clientId} audience=${attrs.audience ?? 'staff'} poll-interval=${attrs.poll ?? 0}></intake-document-list>`,
    attrs.locale ? { locale: attrs.locale } : {},
  );
  await loaded(el);
  return el;
}

describe('<intake-document-list> staff view', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('shows each document with status, dates, required sections and signature', async () => {
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Intake documents' });
    expect(rows(el)).to.have.length(3);

    const sent = rowOf(el, 'Intake questionnaire');
    expect(sent.getByShadowText('Sent', { selector: '.badge' })).to.exist;
    expect(sent.getByShadowText('0 of 6')).to.exist;
    expect(sent.getByShadowText(/^Sent \w{3} \d{1,2}, \d{4}$/)).to.exist;
    expect(sent.getByShadowRole('button', { name: 'Remind: Intake questionnaire' })).to.exist;
    expect(sent.getByShadowRole('button', { name: 'Cancel: Intake questionnaire' })).to.exist;

    const started = rowOf(el, 'Consent for treatment');
    expect(started.getByShadowText('In progress')).to.exist;
    expect(started.getByShadowText('1 of 3')).to.exist;
    expect(started.getByShadowRole('progressbar', { name: 'Required sections completed: Consent for treatment' })).to.have.property('value', 1);

    const done = rowOf(el, 'HIPAA notice of privacy practices: acknowledgement');
    expect(done.getByShadowText('Completed', { selector: '.badge' })).to.exist;
    expect(done.getByShadowText(/^Signed \w{3} \d/)).to.exist;
    expect(done.queryByShadowRole('button', { name: /Cancel/ })).to.equal(null);
    expect(done.getByShadowText('Signed documents are final.')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('filters by status and sorts through the API, back on page 1', async () => {
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    let load = nextLoad(el);
    await user().selectOptions(await view.findByShadowLabelText('Status'), 'completed');
    await load;
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('.title')!.textContent!.trim())).to.deep.equal(['HIPAA notice of privacy practices: acknowledgement']);
    await expect(el).to.be.accessible();

    load = nextLoad(el);
    await user().selectOptions(view.getByShadowLabelText('Status'), '');
    await load;
    load = nextLoad(el);
    await user().selectOptions(view.getByShadowLabelText('Sort by'), 'title_asc');
    await load;
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('.title')!.textContent!.trim())).to.deep.equal([
      'Consent for treatment',
      'HIPAA notice of privacy practices: acknowledgement',
      'Intake questionnaire',
    ]);
  });

  it('an empty filter says so and offers to show everything', async () => {
    const el = await mountList('cl_disabled');
    const view = viewOf(el);
    const load = nextLoad(el);
    await user().selectOptions(await view.findByShadowLabelText('Status'), 'sent');
    await load;
    expect(await view.findByShadowText('No documents with status “Sent”.')).to.exist;
    await expect(el).to.be.accessible();
    await user().click(view.getByShadowRole('button', { name: 'Show all documents' }));
    await waitFor(() => expect(rows(el)).to.have.length(1));
  });

  it('an empty list tells staff what to do, with the Assign button', async () => {
    const el = await mountList('cl_empty');
    const view = viewOf(el);
    expect(await view.findByShadowText('No intake documents yet')).to.exist;
    expect(view.getByShadowText(/one email per document/)).to.exist;
    expect(view.getAllByShadowRole('button', { name: 'Assign documents' })).to.have.length(1);
    expect(view.queryByShadowRole('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with a working retry and reports it with codes only', async () => {
    mock.faults.set('listDocuments', { status: 404, code: 'not_found' });
    const errors = collect(document, 'portal-error');
    const el = await mount<El>(html`<intake-document-list client-id="cl_invited"></intake-document-list>`);
    await loaded(el);
    const view = viewOf(el);
    expect(await view.findByShadowText('This record was not found. It may have been removed.')).to.exist;
    expect(errors[0]!.detail).to.deep.equal({ widget: 'intake-document-list', clientId: 'cl_invited', operation: 'listDocuments', status: 404, code: 'not_found' });
    await expect(el).to.be.accessible();

    mock.faults.clear();
    await user().click(view.getByShadowRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows(el)).to.have.length(3));
  });

  it('pages through 10,000 documents 25 at a time, replacing the rows', async () => {
    const el = await mountList('cl_large');
    const view = viewOf(el);
    expect(await view.findByShadowText('Showing 1–25 of 10,000')).to.exist;
    expect(rows(el)).to.have.length(25);
    const firstPage = rows(el)[0]!.getAttribute('data-doc');

    let load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Next' }));
    await load;
    expect(await view.findByShadowText('Showing 26–50 of 10,000')).to.exist;
    expect(rows(el)).to.have.length(25);
    expect(el.shadowRoot!.querySelectorAll('tr, li').length).to.be.at.most(50);
    expect(rows(el)[0]!.getAttribute('data-doc')).not.to.equal(firstPage);

    load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Next' }));
    await load;
    expect(await view.findByShadowText('Showing 51–75 of 10,000')).to.exist;

    load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Previous' }));
    await load;
    load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Previous' }));
    await load;
    expect(await view.findByShadowText('Showing 1–25 of 10,000')).to.exist;
    expect(rows(el)[0]!.getAttribute('data-doc')).to.equal(firstPage);
    expect(view.getByShadowRole('button', { name: 'Previous' }).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it("switching client never shows the previous client's documents", async () => {
    const el = await mountList('cl_large');
    const load = nextLoad(el);
    el.clientId = 'cl_empty';
    await el.updateComplete;
    expect(rows(el).filter((r) => r.getAttribute('data-doc')!.startsWith('doc_large'))).to.have.length(0);
    await load;
    expect(await viewOf(el).findByShadowText('No intake documents yet')).to.exist;
  });

  it('changing the filter on a later page starts again at page 1', async () => {
    const el = await mountList('cl_large');
    const view = viewOf(el);
    let load = nextLoad(el);
    await user().click(await view.findByShadowRole('button', { name: 'Next' }));
    await load;
    load = nextLoad(el);
    await user().selectOptions(view.getByShadowLabelText('Status'), 'sent');
    await load;
    expect(await view.findByShadowText(/^Showing 1–25 of /)).to.exist;
    expect(rows(el).every((r) => r.querySelector('.badge')!.textContent!.trim() === 'Sent')).to.equal(true);
  });
});

describe('<intake-document-list> when documents cannot reach the client', () => {
  afterEach(() => expectQuietConsole());

  it('shows the practice-wide portal switch and offers no reminders or assigning', async () => {
    await useMock('portal-off');
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    expect(await view.findByShadowText(/turned off for the whole practice/)).to.exist;
    expect(view.getByShadowRole('button', { name: 'Assign documents' })).to.have.property('disabled', true);
    expect(view.queryByShadowRole('button', { name: /^Remind/ })).to.equal(null);
    expect(view.getAllByShadowRole('button', { name: /^Cancel/ })).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('says that disabled access blocks reminders and new documents', async () => {
    const mock = await useMock();
    const invited = mock.store.client('cl_invited')!;
    invited.access = { ...invited.access, state: 'disabled', disabledAt: new Date().toISOString() };
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    expect(await view.findByShadowText(/Portal access is disabled for this client/)).to.exist;
    expect(view.getByShadowRole('button', { name: 'Assign documents' })).to.have.property('disabled', true);
    expect(view.queryByShadowRole('button', { name: /^Remind/ })).to.equal(null);
  });

  it('shows hostile titles as plain text', async () => {
    await useMock();
    const el = await mountList('cl_hostile');
    expect(rows(el)).to.have.length(25);
    expect(el.shadowRoot!.querySelector('img, script, svg, iframe, style:not([data-lit]), a')).to.equal(null);
    expect(rowOf(el, '<img src=x onerror=alert(1)>')).to.exist;
  });
});

describe('<intake-document-list> assign', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  async function openAssign(el: El) {
    const view = viewOf(el);
    await user().click(await view.findByShadowRole('button', { name: 'Assign documents' }));
    const dialog = await view.findByShadowRole('dialog', { name: 'Assign documents' });
    await within(dialog).findByShadowRole('group', { name: 'Templates' });
    return within(dialog);
  }

  it('says how many emails it sends and that it grants portal access, and the mock sends exactly that', async () => {
    const assigned = collect(document, 'portal-documents-assigned');
    const el = await mountList('cl_not_invited');
    const dialog = await openAssign(el);
    expect(dialog.getByShadowText('Select at least one template.')).to.exist;

    await user().click(dialog.getByShadowRole('checkbox', { name: 'Consent for treatment' }));
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Financial policy' }));
    expect(await dialog.findByShadowText('This sends 3 emails to casey.placeholder@example.com.')).to.exist;
    expect(dialog.getByShadowText(/this grants portal access and sends an invitation/)).to.exist;
    await user().type(dialog.getByShadowLabelText('Message (optional)'), 'Please complete before Monday.');
    await expect(el).to.be.accessible();

    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    const view = viewOf(el);
    expect(await view.findByShadowText(/2 documents assigned: 3 emails sent to casey.placeholder@example.com/, FLASH)).to.exist;
    expect(view.getByShadowText('Portal access was granted and an invitation was sent.', FLASH)).to.exist;
    await waitFor(() => expect(announced(el)).to.contain('2 documents assigned'));

    const emails = mock.store.emailsFor('cl_not_invited');
    expect(emails).to.have.length(3);
    expect(emails.filter((e) => e.kind === 'invitation')).to.have.length(1);
    expect(emails.filter((e) => e.kind === 'document').every((e) => e.message === 'Please complete before Monday.')).to.equal(true);
    expect(assigned).to.have.length(1);
    expect(assigned[0]!.detail).to.deep.equal({
      clientId: 'cl_not_invited',
      documentIds: mock.store.client('cl_not_invited')!.documents.map((d) => d.id),
      emailsSent: 3,
      portalAccessGranted: true,
    });
    expect(JSON.stringify(assigned[0]!.detail)).not.to.contain('@');
    await waitFor(() => expect(rows(el)).to.have.length(2));
    await expect(el).to.be.accessible();
  });

  it("sends a minor's documents to every legal guardian and counts each email", async () => {
    const el = await mountList('cl_minor_guardian');
    const dialog = await openAssign(el);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Release of information' }));
    await user().click(dialog.getByShadowRole('checkbox', { name: 'PHQ-9 depression screening' }));
    expect(await dialog.findByShadowText('This sends 4 emails to jordan.minor@example.com and kai.minor@example.com.')).to.exist;
    expect(dialog.getByShadowText(/go to the legal guardians/)).to.exist;
    expect(dialog.queryByShadowText(/grants portal access/)).to.equal(null);
    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    await viewOf(el).findByShadowText(/4 emails sent/, FLASH);
    const emails = mock.store.emailsFor('cl_minor_guardian', 'document');
    expect(emails).to.have.length(4);
    expect(new Set(emails.map((e) => e.to))).to.deep.equal(new Set(['jordan.minor@example.com', 'kai.minor@example.com']));
  });

  it('says why nothing can be sent to a minor without a legal guardian', async () => {
    const el = await mountList('cl_minor_no_guardian');
    const dialog = await openAssign(el);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Intake questionnaire' }));
    expect(await dialog.findByShadowText(/no legal guardian on file/)).to.exist;
    expect(dialog.getByShadowText(/Add a legal guardian/)).to.exist;
    expect(dialog.getByShadowRole('button', { name: 'Assign and send' })).to.have.property('disabled', true);
    await expect(el).to.be.accessible();
  });

  it('shows why the dialog could not load, with a working retry', async () => {
    mock.faults.set('listContacts', { status: 404, code: 'not_found' });
    const errors = collect(document, 'portal-error');
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    await user().click(await view.findByShadowRole('button', { name: 'Assign documents' }));
    const dialog = within(await view.findByShadowRole('dialog', { name: 'Assign documents' }));
    expect(await dialog.findByShadowText('This record was not found. It may have been removed.')).to.exist;
    expect(errors.at(-1)!.detail).to.include({ operation: 'listContacts', status: 404 });
    await expect(el).to.be.accessible();
    mock.faults.clear();
    await user().click(dialog.getByShadowRole('button', { name: 'Try again' }));
    expect(await dialog.findByShadowRole('checkbox', { name: 'Financial policy' })).to.exist;
  });

  it('keeps the selection and the message when sending fails, and sends on retry', async () => {
    mock.faults.set('assignDocuments', { status: 503, times: 1 });
    const el = await mountList('cl_invited');
    const dialog = await openAssign(el);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Financial policy' }));
    await user().type(dialog.getByShadowLabelText('Message (optional)'), 'Thanks!');
    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    expect(await dialog.findByShadowText('The portal service is unavailable right now. Try again in a moment.')).to.exist;
    expect(dialog.getByShadowRole('checkbox', { name: 'Financial policy' })).to.have.property('checked', true);
    expect(dialog.getByShadowLabelText('Message (optional)')).to.have.property('value', 'Thanks!');
    expect(mock.store.emailsFor('cl_invited')).to.have.length(0);
    await expect(el).to.be.accessible();

    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    await viewOf(el).findByShadowText(/1 document assigned: 1 email sent/, FLASH);
    expect(mock.store.emailsFor('cl_invited', 'document')).to.have.length(1);
  });

  it('works with the keyboard alone, and Escape returns focus to the trigger', async () => {
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    const trigger = await view.findByShadowRole('button', { name: 'Assign documents' });
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = within(await view.findByShadowRole('dialog', { name: 'Assign documents' }));
    await dialog.findByShadowRole('checkbox', { name: 'Release of information' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(trigger));

    await sendKeys({ press: 'Enter' });
    const first = await dialog.findByShadowRole('checkbox', { name: 'Release of information' });
    first.focus();
    // Submitting nothing says what is missing and puts focus on the first template.
    const send = dialog.getByShadowRole('button', { name: 'Assign and send' });
    send.focus();
    await sendKeys({ press: 'Enter' });
    expect(await dialog.findByShadowRole('alert')).to.have.property('textContent', 'Select at least one template.');
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(first));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(await dialog.findByShadowText('This sends 2 emails to blake.sampleton@example.com.')).to.exist;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await view.findByShadowText(/2 documents assigned/, FLASH);
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(trigger));
    expect(mock.store.emailsFor('cl_invited', 'document')).to.have.length(2);
  });
});

describe('<intake-document-list> remind and cancel', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('sends one reminder, then waits out the cooldown', async () => {
    const reminded = collect(document, 'portal-document-reminded');
    const el = await mountList('cl_invited');
    const row = rowOf(el, 'Intake questionnaire');
    await user().click(row.getByShadowRole('button', { name: 'Remind: Intake questionnaire' }));
    expect(await viewOf(el).findByShadowText('Reminder for “Intake questionnaire” sent (1 email).', FLASH)).to.exist;
    expect(mock.store.emailsFor('cl_invited', 'reminder').map((e) => e.documentId)).to.deep.equal(['doc_invited_1']);
    expect(reminded.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_invited', documentId: 'doc_invited_1' }]);

    const again = await waitFor(() => {
      const b = rowOf(el, 'Intake questionnaire').getByShadowRole('button', { name: 'Remind: Intake questionnaire' });
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      return b;
    });
    expect(rowOf(el, 'Intake questionnaire').getByShadowText('Available again in 10 minutes.')).to.exist;
    await user().click(again);
    // Any request that click started has been answered before judging that none was sent.
    await requestsSettled();
    await el.updateComplete;
    expect(mock.store.emailsFor('cl_invited', 'reminder')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a refused reminder next to its button', async () => {
    mock.faults.set('remindDocument', { status: 429, code: 'reminder_cooldown' });
    const errors = collect(document, 'portal-error');
    const el = await mountList('cl_invited');
    const row = rowOf(el, 'Consent for treatment');
    await user().click(row.getByShadowRole('button', { name: 'Remind: Consent for treatment' }));
    expect(await rowOf(el, 'Consent for treatment').findByShadowRole('alert')).to.have.property(
      'textContent',
      'A reminder was sent very recently. Wait before sending another.',
    );
    expect(errors.at(-1)!.detail).to.include({ operation: 'remindDocument', code: 'reminder_cooldown', status: 429 });
    await expect(el).to.be.accessible();
  });

  it('cancels an unsigned document after confirmation; Escape keeps it', async () => {
    const cancelled = collect(document, 'portal-document-cancelled');
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    const trigger = rowOf(el, 'Consent for treatment').getByShadowRole('button', { name: 'Cancel: Consent for treatment' });
    await user().click(trigger);
    let dialog = within(await view.findByShadowRole('dialog', { name: 'Cancel this document?' }));
    expect(dialog.getByShadowText(/“Consent for treatment” will be withdrawn/)).to.exist;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(trigger));
    expect(mock.store.client('cl_invited')!.documents.find((d) => d.id === 'doc_invited_2')!.cancelledAt).to.equal(null);

    await user().click(trigger);
    dialog = within(await view.findByShadowRole('dialog', { name: 'Cancel this document?' }));
    await user().click(dialog.getByShadowRole('button', { name: 'Cancel document' }));
    expect(await view.findByShadowText('“Consent for treatment” was cancelled.', FLASH)).to.exist;
    await waitFor(() => expect(rows(el)).to.have.length(2));
    expect(mock.store.client('cl_invited')!.documents.find((d) => d.id === 'doc_invited_2')!.cancelledAt).to.be.a('string');
    expect(cancelled.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_invited', documentId: 'doc_invited_2' }]);
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(view.getByShadowRole('heading', { level: 2 })));
    await expect(el).to.be.accessible();
  });

  it('keeps the dialog open with the reason when cancelling is refused', async () => {
    mock.faults.set('cancelDocument', { status: 409, code: 'document_signed' });
    const el = await mountList('cl_invited');
    await user().click(rowOf(el, 'Intake questionnaire').getByShadowRole('button', { name: 'Cancel: Intake questionnaire' }));
    const dialog = within(await viewOf(el).findByShadowRole('dialog', { name: 'Cancel this document?' }));
    await user().click(dialog.getByShadowRole('button', { name: 'Cancel document' }));
    expect(await dialog.findByShadowRole('alert')).to.have.property('textContent', 'This document is already signed.');
    expect(rows(el)).to.have.length(3);
  });
});

describe('<intake-document-list> client view and completion', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('lets the client fill out open documents; completed ones are read-only', async () => {
    const opened = collect(document, 'portal-document-open');
    const el = await mountList('cl_invited', { audience: 'client' });
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Your documents' });
    expect(view.queryByShadowRole('button', { name: /Assign|Remind|Cancel/ })).to.equal(null);
    expect(view.getAllByShadowRole('button', { name: /^Fill out/ })).to.have.length(2);
    expect(rowOf(el, 'HIPAA notice of privacy practices: acknowledgement').getByShadowText(/^Completed on /)).to.exist;
    await expect(el).to.be.accessible();

    await user().click(view.getByShadowRole('button', { name: 'Fill out: Consent for treatment' }));
    expect(opened.map((e) => e.detail)).to.deep.equal([
      { clientId: 'cl_invited', documentId: 'doc_invited_2', url: 'https://portal.riverbend-counseling.test/documents/doc_invited_2' },
    ]);
  });

  it('the client view of an empty list says nothing is waiting', async () => {
    const el = await mountList('cl_empty', { audience: 'client' });
    expect(await viewOf(el).findByShadowText('Nothing to fill out')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('emits portal-document-completed once when polling shows a document became completed', async () => {
    const completed = collect(document, 'portal-document-completed');
    const el = await mountList('cl_invited', { poll: 1 });
    expect(completed, 'never on first load').to.have.length(0);

    const rec = mock.store.client('cl_invited')!;
    const doc = rec.documents.find((d) => d.id === 'doc_invited_2')!;
    const at = new Date().toISOString();
    Object.assign(doc, { status: 'completed', completedAt: at, signedAt: at, lastActivityAt: at, requiredSections: { completed: 3, total: 3 } });
    rec.touchDocuments();

    await waitFor(() => expect(completed).to.have.length(1));
    expect(completed[0]!.detail).to.deep.equal({ clientId: 'cl_invited', documentId: 'doc_invited_2' });
    await waitFor(() => expect(rowOf(el, 'Consent for treatment').getByShadowText('Completed', { selector: '.badge' })).to.exist);
    await nextLoad(el);
    expect(completed, 'once per document').to.have.length(1);
  });

  it('stops polling when removed from the page', async () => {
    const el = await mountList('cl_invited', { poll: 1 });
    let calls = 0;
    el.addEventListener('portal-load', () => calls++);
    const requests = documentRequests();
    try {
      el.remove();
      const removedAt = performance.now();
      // A list mounted after the removal polls on the same one-second interval: once it has polled
      // (and its answer is in), the removed list's interval, armed earlier, would have fired too.
      const witness = await mountList('cl_active', { poll: 1 });
      await nextLoad(witness);
      await requestsSettled();
      expect(requests.started.filter((r) => r.clientId === 'cl_invited' && r.at >= removedAt), 'requests after removal').to.deep.equal([]);
      expect(calls).to.equal(0);
    } finally {
      requests.restore();
    }
  });

  it('pauses polling while the page is hidden and catches up when it is shown again', async () => {
    const el = await mountList('cl_invited', { poll: 1 });
    let loads = 0;
    el.addEventListener('portal-load', () => loads++);
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    const requests = documentRequests();
    try {
      setVisibility('hidden');
      // Hidden for longer than one poll interval, so a refresh falls due meanwhile (the time the
      // behaviour needs, not a wait for an effect).
      await new Promise((r) => setTimeout(r, 1300));
      expect(loads, 'no requests while hidden').to.equal(0);
      const shownAt = performance.now();
      setVisibility('visible');
      await waitFor(() => expect(loads).to.equal(1));
      // "At once": the catch-up request left before the next one-second tick could have sent it.
      const first = requests.started.find((r) => r.clientId === 'cl_invited' && r.at >= shownAt);
      expect(first!.at - shownAt, 'ms from shown to the catch-up request').to.be.below(1000);
    } finally {
      requests.restore();
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('keeps the rows and says so when a background refresh fails', async () => {
    const el = await mountList('cl_invited', { poll: 1 });
    mock.faults.set('listDocuments', { status: 404, code: 'not_found' });
    const view = viewOf(el);
    expect(await view.findByShadowText(/The list could not be refreshed/)).to.exist;
    expect(rows(el)).to.have.length(3);
    await expect(el).to.be.accessible();
    mock.faults.clear();
    await waitFor(() => expect(view.queryByShadowText(/The list could not be refreshed/)).to.equal(null));
  });

  it('speaks Spanish', async () => {
    const el = await mountList('cl_invited', { locale: 'es' });
    const view = viewOf(el);
    expect(await view.findByShadowRole('heading', { level: 2, name: 'Documentos de admisión' })).to.exist;
    expect(view.getByShadowRole('button', { name: 'Asignar documentos' })).to.exist;
    expect(view.getByShadowText('0 de 6')).to.exist;
    await expect(el).to.be.accessible();
  });
});
