// Issue #17 for <intake-document-list>: already-sent templates and "Send again" (item 3), wording that
// follows `audience` (item 13), and the table: dates on one line at any column width, Remind apart
// from a destructive Cancel, title search, page jump with focus on the first new row, and cancelled
// documents under a "Cancelled" filter (item 14).
import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, user, waitFor, viewOf, type Mock } from './support/index.js';
import type { IntakeDocumentListElement } from '../../src/index.js';

type El = IntakeDocumentListElement;

const FLASH = { selector: '.flash p' };
const rows = (el: El) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const titles = (el: El) => rows(el).map((r) => r.querySelector('.title')!.textContent!.trim());
const rowOf = (el: El, title: string) => {
  const row = rows(el).find((r) => r.querySelector('.title')?.textContent?.trim() === title);
  if (!row) throw new Error(`no row "${title}"`);
  return within(row);
};
/** What a person reads: the widget's text, options of its selects included. */
const visibleText = (el: El) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
/** A date as an English reader sees it, worked out here from the stored timestamp. */
const day = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

async function mountList(clientId: string, attrs: { audience?: string; locale?: string; width?: number } = {}) {
  const el = await mount<El>(html`<intake-document-list client-id=${clientId} audience=${attrs.audience ?? 'staff'}></intake-document-list>`, attrs.locale ? { locale: attrs.locale } : {});
  if (attrs.width) el.style.width = `${attrs.width}px`;
  await loaded(el);
  return el;
}

/** Selects what a field holds and types over it, as a person would. */
async function retype(field: HTMLElement, text: string) {
  const length = (field as HTMLInputElement).value.length;
  await user().type(field, text, { initialSelectionStart: 0, initialSelectionEnd: length });
}

async function openAssign(el: El) {
  const view = viewOf(el);
  await user().click(await view.findByShadowRole('button', { name: 'Assign documents' }));
  const dialog = await view.findByShadowRole('dialog', { name: 'Assign documents' });
  await within(dialog).findByShadowRole('group', { name: 'Templates' });
  return within(dialog);
}

/** Wraps the page's fetch (which the API client uses) and keeps each request's method, URL and body. */
function recordRequests() {
  const original = window.fetch;
  const seen: { method: string; url: string; body: string }[] = [];
  window.fetch = async (input, init) => {
    const req = new Request(input instanceof Request ? input.clone() : input, init);
    seen.push({ method: req.method, url: req.url, body: req.body ? await req.text() : '' });
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('<intake-document-list> item 3: templates the client already has', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('shows them as already sent with status and date; sending one again is an explicit choice the email count includes', async () => {
    const el = await mountList('cl_invited');
    const dialog = await openAssign(el);
    const stored = mock.store.client('cl_invited')!.documents;
    const consent = stored.find((d) => d.templateId === 'tpl_consent')!;
    const hipaa = stored.find((d) => d.templateId === 'tpl_hipaa')!;

    // Not offered as ordinary templates…
    for (const title of ['Consent for treatment', 'HIPAA notice of privacy practices: acknowledgement', 'Intake questionnaire']) {
      expect(dialog.queryByShadowRole('checkbox', { name: title }), title).to.equal(null);
    }
    expect(dialog.getByShadowRole('checkbox', { name: 'Financial policy' })).to.exist;
    // …but listed as already sent, each with its status and date.
    const already = within(dialog.getByShadowRole('group', { name: 'Already sent to this client' }));
    expect(already.getByShadowText(`In progress, sent ${day(consent.sentAt)}`)).to.exist;
    expect(already.getByShadowText(`Completed ${day(hipaa.completedAt!)}`)).to.exist;
    expect(already.getByShadowText(`Sent ${day(stored.find((d) => d.templateId === 'tpl_intake')!.sentAt)}`)).to.exist;
    expect(already.getAllByShadowText(/a reminder from the list may be all that is needed/)).to.have.length(2);

    await user().click(dialog.getByShadowRole('checkbox', { name: 'Financial policy' }));
    expect(await dialog.findByShadowText('This sends 1 email to blake.sampleton@example.com.')).to.exist;
    await user().click(already.getByShadowRole('checkbox', { name: 'Send again: HIPAA notice of privacy practices: acknowledgement' }));
    expect(await dialog.findByShadowText('This sends 2 emails to blake.sampleton@example.com.')).to.exist;
    expect(dialog.getByShadowText('Sent again: HIPAA notice of privacy practices: acknowledgement.')).to.exist;
    await expect(el).to.be.accessible();

    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    expect(await viewOf(el).findByShadowText(/^2 documents assigned: 2 emails sent to blake.sampleton@example.com/, FLASH)).to.exist;
    expect(mock.store.emailsFor('cl_invited', 'document')).to.have.length(2);
    expect(stored.filter((d) => d.templateId === 'tpl_hipaa')).to.have.length(2);
  });

  it('a template sent elsewhere meanwhile is refused, and the dialog then shows it as already sent', async () => {
    const el = await mountList('cl_invited');
    const dialog = await openAssign(el);
    await user().click(dialog.getByShadowRole('checkbox', { name: 'Financial policy' }));
    // Another staff member assigns the financial policy while this dialog is open.
    const other = await fetch('/api/portal/clients/cl_invited/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
      body: JSON.stringify({ templateIds: ['tpl_financial'] }),
    });
    expect(other.status).to.equal(201);

    await user().click(dialog.getByShadowRole('button', { name: 'Assign and send' }));
    expect(await dialog.findByShadowText('The client already has this document. Choose “Send again” to send another copy.')).to.exist;
    const already = within(await dialog.findByShadowRole('group', { name: 'Already sent to this client' }));
    expect(await already.findByShadowRole('checkbox', { name: 'Send again: Financial policy' })).to.exist;
    expect(mock.store.emailsFor('cl_invited', 'document')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<intake-document-list> item 13: wording follows the audience', () => {
  beforeEach(async () => {
    await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('the client reads their own words, none of the staff ones', async () => {
    const el = await mountList('cl_invited', { audience: 'client' });
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Your documents' });
    expect(rowOf(el, 'Intake questionnaire').getByShadowText('Not started', { selector: '.badge' })).to.exist;
    expect(rowOf(el, 'Intake questionnaire').getByShadowText(/^Received \w{3} \d/)).to.exist;
    const status = view.getByShadowLabelText('Status') as HTMLSelectElement;
    expect([...status.options].map((o) => o.text)).to.deep.equal(['All documents', 'Not started', 'In progress', 'Completed']);
    const sort = view.getByShadowLabelText('Sort by') as HTMLSelectElement;
    expect([...sort.options].map((o) => o.text)).to.deep.equal(['Newest first', 'Oldest first', 'Recently worked on', 'Title (A to Z)']);
    const text = visibleText(el);
    for (const staffWords of ['Intake documents', 'Assign', 'Remind', 'Cancel', 'The client', 'client’s', 'Sent ', 'Newest sent first', 'Signed documents are final']) {
      expect(text, staffWords).not.to.contain(staffWords);
    }
    await expect(el).to.be.accessible();
  });

  it('staff read staff words, none of the client ones', async () => {
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Intake documents' });
    const status = view.getByShadowLabelText('Status') as HTMLSelectElement;
    expect([...status.options].map((o) => o.text)).to.deep.equal(['All but cancelled', 'Sent', 'In progress', 'Completed', 'Cancelled']);
    const text = visibleText(el);
    for (const clientWords of ['Your documents', 'Fill out', 'Received', 'Not started', 'your practice', 'Nothing to fill out']) {
      expect(text, clientWords).not.to.contain(clientWords);
    }
  });

  it('and in Spanish', async () => {
    const el = await mountList('cl_invited', { audience: 'client', locale: 'es' });
    const view = viewOf(el);
    await view.findByShadowRole('heading', { level: 2, name: 'Sus documentos' });
    expect(rowOf(el, 'Intake questionnaire').getByShadowText('Sin empezar', { selector: '.badge' })).to.exist;
    expect(rowOf(el, 'Intake questionnaire').getByShadowText(/^Recibido el /)).to.exist;
    expect(visibleText(el)).not.to.contain('Enviado');
  });
});

describe('<intake-document-list> item 14: the table', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  for (const width of [320, 480, 768, 1280]) {
    it(`at ${width} px every date is on one line, nothing overflows, and Cancel looks destructive next to Remind`, async () => {
      const el = await mountList('cl_invited', { width });
      const view = viewOf(el);
      await view.findByShadowRole('button', { name: 'Remind: Intake questionnaire' });
      const host = el.getBoundingClientRect();
      expect(Math.round(host.width)).to.equal(width);

      const dates = [...el.shadowRoot!.querySelectorAll('[part~="row"] time')];
      expect(dates.length).to.be.at.least(5);
      for (const d of dates) expect(d.getClientRects().length, `${d.textContent} on one line`).to.equal(1);

      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('.table-scroll, [part~="row"], [part~="filters"], [part~="header"]')) {
        expect(node.scrollWidth, `${node.className || node.getAttribute('part')} scrolls sideways`).to.be.at.most(node.clientWidth + 1);
        const r = node.getBoundingClientRect();
        expect(r.right, 'inside the widget').to.be.at.most(host.right + 0.5);
      }

      const row = rowOf(el, 'Intake questionnaire');
      const remind = row.getByShadowRole('button', { name: 'Remind: Intake questionnaire' });
      const cancel = row.getByShadowRole('button', { name: 'Cancel: Intake questionnaire' });
      const [rs, cs] = [getComputedStyle(remind), getComputedStyle(cancel)];
      expect(cs.color, 'Cancel is not styled like Remind').not.to.equal(rs.color);
      expect(cs.borderTopColor, 'Cancel has the danger outline').to.equal(cs.color);
      // Side by side, not stacked.
      const [rr, cr] = [remind.getBoundingClientRect(), cancel.getBoundingClientRect()];
      expect(Math.abs(rr.top - cr.top)).to.be.below(2);
      expect(cr.left).to.be.above(rr.right);
    });
  }

  it("the cooldown note sits under Remind, not under Cancel", async () => {
    const el = await mountList('cl_invited', { width: 768 });
    const row = () => rowOf(el, 'Intake questionnaire');
    await user().click(row().getByShadowRole('button', { name: 'Remind: Intake questionnaire' }));
    const note = await waitFor(() => row().getByShadowText(/^Available again in /));
    const remind = row().getByShadowRole('button', { name: 'Remind: Intake questionnaire' }).getBoundingClientRect();
    const cancel = row().getByShadowRole('button', { name: 'Cancel: Intake questionnaire' }).getBoundingClientRect();
    const n = note.getBoundingClientRect();
    expect(n.top).to.be.at.least(remind.bottom - 1);
    expect(Math.abs(n.left - remind.left)).to.be.below(2);
    expect(n.right, 'ends before Cancel begins').to.be.at.most(cancel.left + 1);
  });

  it('searches 10,000 documents by title through a request body, never the URL', async () => {
    const requests = recordRequests();
    try {
      const el = await mountList('cl_large');
      const view = viewOf(el);
      expect(await view.findByShadowText('Showing 1–25 of 10,000')).to.exist;
      const load = nextLoad(el);
      await user().type(view.getByShadowRole('searchbox', { name: 'Search by title' }), 'phq');
      await load;
      // Every sixth generated document is the PHQ-9: 1,666 of 10,000.
      expect(await view.findByShadowText('Showing 1–25 of 1,666')).to.exist;
      expect(new Set(titles(el))).to.deep.equal(new Set(['PHQ-9 depression screening']));
      expect(requests.seen.some((r) => r.url.toLowerCase().includes('phq')), 'no search text in a URL').to.equal(false);
      expect(requests.seen.some((r) => r.method === 'POST' && r.url.endsWith('/clients/cl_large/documents/search') && JSON.parse(r.body).title === 'phq')).to.equal(true);

      const searched = nextLoad(el);
      await retype(view.getByShadowRole('searchbox', { name: 'Search by title' }), 'zebra{Enter}');
      await searched;
      expect(await view.findByShadowText('No documents with “zebra” in the title.')).to.exist;
      await expect(el).to.be.accessible();
      await user().click(view.getByShadowRole('button', { name: 'Clear search' }));
      expect(await view.findByShadowText('Showing 1–25 of 10,000')).to.exist;
      await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(view.getByShadowRole('searchbox', { name: 'Search by title' })));
    } finally {
      requests.restore();
    }
  });

  it('jumps to any of 400 pages; after each page change focus is on the first new row', async () => {
    const el = await mountList('cl_large');
    const view = viewOf(el);
    const pageField = await view.findByShadowRole('textbox', { name: 'Page' });
    expect(view.getByShadowText('of 400')).to.exist;

    await retype(pageField, '401');
    await user().click(view.getByShadowRole('button', { name: 'Go' }));
    expect(await view.findByShadowRole('alert')).to.have.property('textContent', 'Enter a page from 1 to 400.');

    let load = nextLoad(el);
    await retype(pageField, '200{Enter}');
    await load;
    expect(await view.findByShadowText('Showing 4,976–5,000 of 10,000')).to.exist;
    // The fixture numbers documents newest first.
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]!.querySelector('.title')));
    expect(rows(el)[0]!.getAttribute('data-doc')).to.equal('doc_large_04976');
    expect(view.getByShadowRole('textbox', { name: 'Page' })).to.have.property('value', '200');

    load = nextLoad(el);
    await user().click(view.getByShadowRole('button', { name: 'Next' }));
    await load;
    expect(await view.findByShadowText('Showing 5,001–5,025 of 10,000')).to.exist;
    await waitFor(() => expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]!.querySelector('.title')));
    expect(rows(el)[0]!.getAttribute('data-doc')).to.equal('doc_large_05001');
    await expect(el).to.be.accessible();
  });

  it('a cancelled document stays findable under the "Cancelled" filter', async () => {
    const el = await mountList('cl_invited');
    const view = viewOf(el);
    await user().click(rowOf(el, 'Consent for treatment').getByShadowRole('button', { name: 'Cancel: Consent for treatment' }));
    const dialog = within(await view.findByShadowRole('dialog', { name: 'Cancel this document?' }));
    await user().click(dialog.getByShadowRole('button', { name: 'Cancel document' }));
    expect(await view.findByShadowText('Cancelled documents stay listed under Status: Cancelled.', FLASH)).to.exist;
    await waitFor(() => expect(titles(el)).not.to.include('Consent for treatment'));

    const load = nextLoad(el);
    await user().selectOptions(view.getByShadowLabelText('Status'), 'cancelled');
    await load;
    await waitFor(() => expect(titles(el)).to.deep.equal(['Consent for treatment']));
    const row = rowOf(el, 'Consent for treatment');
    expect(row.getByShadowText('Cancelled', { selector: '.badge' })).to.exist;
    const cancelledAt = mock.store.client('cl_invited')!.documents.find((d) => d.id === 'doc_invited_2')!.cancelledAt!;
    expect(row.getByShadowText(`Cancelled ${day(cancelledAt)}`)).to.exist;
    expect(row.queryByShadowRole('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
