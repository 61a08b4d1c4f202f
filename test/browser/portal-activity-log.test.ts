import { expect, html, mount, loaded, nextLoad, useMock, expectQuietConsole, within, user, waitFor, type Mock } from './support/index.js';
import type { PortalActivityLogElement, PortalProviderElement } from '../../src/index.js';
import type { ActivityEntry } from '../../src/schemas/index.js';

type El = PortalActivityLogElement;

/** Patient waits: the machine running the suite is shared and sometimes slow. */
const SLOW = { timeout: 10_000 };
const root = (el: Element) => el.shadowRoot!;
const viewOf = (el: Element) => within(root(el) as unknown as HTMLElement);
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What each entry on screen says, top to bottom. */
const sentences = (el: El) => [...root(el).querySelectorAll('[part~="entry"] [part~="text"]')].map(text);
const dayHeadings = (el: El) => [...root(el).querySelectorAll('[part~="day-heading"]')].map(text);
const range = (el: El) => text(root(el).querySelector('[part~="pager"] #range'));

async function show(clientId: string, locale?: string) {
  const el = await mount<El>(html`<portal-activity-log client-id=${clientId}></portal-activity-log>`, locale ? { locale } : {});
  await loaded(el);
  return el;
}

function collect<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  target.addEventListener(name, (e) => seen.push(e as GlobalEventHandlersEventMap[K]));
  return seen;
}

/** Every request the page makes (the client uses the page's fetch). */
function recordRequests() {
  const original = window.fetch;
  const seen: string[] = [];
  window.fetch = (input, init) => {
    seen.push(new Request(input instanceof Request ? input.clone() : input, init).url);
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

/** Captures the next file the page saves: the Blob handed to `URL.createObjectURL` and the link's file name. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let lastBlob: Blob | null = null;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    lastBlob = obj as Blob;
    return create.call(URL, obj);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download && lastBlob) files.push({ name: this.download, blob: lastBlob });
    // The real click would open the browser's download; the test reads the Blob instead.
  };
  return {
    files,
    restore: () => {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

/** RFC 4180 rows (quoted cells with commas, quotes and line breaks). */
function parseCsv(textValue: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < textValue.length; i++) {
    const c = textValue[i]!;
    if (quoted) {
      if (c === '"' && textValue[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && textValue[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function download(el: El, downloads: ReturnType<typeof captureDownloads>) {
  const before = downloads.files.length;
  await user().click(viewOf(el).getByShadowRole('button', { name: 'Download CSV' }));
  await waitFor(() => expect(downloads.files.length).to.equal(before + 1), SLOW);
  const file = downloads.files[before]!;
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  expect([...bytes.slice(0, 3)], 'a byte-order mark so spreadsheets read UTF-8').to.deep.equal([0xef, 0xbb, 0xbf]);
  return { name: file.name, type: file.blob.type, rows: parseCsv(new TextDecoder().decode(bytes)) };
}

describe('<portal-activity-log>', () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await useMock();
  });
  afterEach(() => expectQuietConsole());

  it('says who did what, newest first, grouped by day', async () => {
    const el = await show('cl_invited');
    expect(sentences(el)).to.deep.equal([
      'The client completed and signed HIPAA notice of privacy practices: acknowledgement',
      'Dr. Sam Rivera (clinician) assigned Intake questionnaire, Consent for treatment, and HIPAA notice of privacy practices: acknowledgement (3 emails)',
      'Jordan Lee (front desk) sent the portal invitation to b•••@example.com',
    ]);
    // Two days: the completion two days ago, the invitation and assignment three days ago.
    const at = mock.store.activityOf('cl_invited').entries.map((e) => new Date(e.at));
    const dayOf = (d: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(d);
    expect(dayHeadings(el)).to.deep.equal([dayOf(at[2]!), dayOf(at[0]!)]);
    const times = [...root(el).querySelectorAll('[part~="entry"] time')].map((t) => t.getAttribute('datetime'));
    expect(times).to.deep.equal([...mock.store.activityOf('cl_invited').entries].reverse().map((e) => e.at));
    expect(range(el)).to.equal('Entries 1 to 3 of 3');
    await expect(el).to.be.accessible();
  });

  it('reads in Spanish', async () => {
    const el = await show('cl_disabled', 'es');
    expect(text(root(el).querySelector('h2'))).to.equal('Actividad');
    expect(sentences(el)[0]).to.equal('Riley Morgan (titular) desactivó el acceso al portal');
    await expect(el).to.be.accessible();
  });

  it('a resend in <portal-invite-status> on the same page appears at once, without the typed message', async () => {
    const provider = (await mount<HTMLElement>(html`<div>
      <portal-invite-status client-id="cl_invited"></portal-invite-status>
      <portal-activity-log client-id="cl_invited"></portal-activity-log>
    </div>`)).closest('portal-provider') as PortalProviderElement;
    const invite = provider.querySelector('portal-invite-status')!;
    const log = provider.querySelector('portal-activity-log')!;
    await waitFor(() => expect(sentences(log)).to.have.length(3), SLOW);
        await user().click(await within(root(invite).querySelector('[part~="actions"]') as HTMLElement).findByShadowRole('button', { name: 'Resend invitation' }, SLOW));
    await waitFor(() => expect(root(invite).querySelector('dialog[open]')).to.exist, SLOW);
    const dialog = root(invite).querySelector('dialog[open]') as HTMLElement;
    const message = root(invite).getElementById('invite-message') as HTMLTextAreaElement;
    await user().type(message, 'Private words for Blake', { initialSelectionStart: 0, initialSelectionEnd: message.value.length });
    await user().click(within(dialog).getByShadowRole('button', { name: 'Resend invitation' }));
    await waitFor(() => expect(sentences(log)[0]).to.equal('Riley Morgan (owner) resent the portal invitation to b•••@example.com'), SLOW);
    expect(text(root(log))).not.to.contain('Private words');
    expect(dayHeadings(log)[0]).to.equal('Today');
    await expect(log).to.be.accessible();
  });

  it('a contact added in <guardian-manager> and a card made default in <billing-payment-methods> appear too', async () => {
    const provider = (await mount<HTMLElement>(html`<div>
      <guardian-manager client-id="cl_active"></guardian-manager>
      <billing-payment-methods client-id="cl_active"></billing-payment-methods>
      <portal-activity-log client-id="cl_active"></portal-activity-log>
    </div>`)).closest('portal-provider') as PortalProviderElement;
    const guardians = provider.querySelector('guardian-manager')!;
    const billing = provider.querySelector('billing-payment-methods')!;
    const log = provider.querySelector('portal-activity-log')!;
    await waitFor(() => expect(sentences(log).length).to.be.greaterThan(5), SLOW);

    await user().click(await viewOf(guardians).findByShadowRole('button', { name: 'Add contact' }, SLOW));
    const form = within((await viewOf(guardians).findByShadowRole('dialog', { name: 'Add a contact' }, SLOW)) as HTMLElement);
    await user().type(form.getByShadowRole('textbox', { name: 'First name' }), 'Quinn');
    await user().type(form.getByShadowRole('textbox', { name: 'Last name' }), 'Helper');
    await user().selectOptions(form.getByShadowRole('combobox', { name: /Relationship/ }), 'caregiver');
    await user().click(form.getByShadowRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(sentences(log)[0]).to.equal('Riley Morgan (owner) added Quinn Helper (caregiver) as a contact'), SLOW);

    await user().click(await viewOf(billing).findByShadowRole('button', { name: /Set as default/ }, SLOW));
    await waitFor(() => expect(sentences(log)[0]).to.equal('Riley Morgan (owner) made the Mastercard ending in 4444 the default card'), SLOW);
  });

  it('pages the 5,000 entries of cl_large 50 at a time: the DOM holds one page, focus goes to the first new entry', async () => {
    const el = await show('cl_large');
    expect(range(el)).to.equal('Entries 1 to 50 of 5,000');
    const nodesAtFirst = root(el).querySelectorAll('*').length;
    const older = viewOf(el).getByShadowRole('button', { name: 'Older' });
    for (let page = 1; page <= 6; page++) {
      const next = nextLoad(el);
      await user().click(older);
      await next;
      await waitFor(() => expect(range(el)).to.equal(`Entries ${page * 50 + 1} to ${page * 50 + 50} of 5,000`), SLOW);
      expect(root(el).querySelectorAll('[part~="entry"]')).to.have.length(50);
    }
    await waitFor(() => expect(root(el).activeElement?.getAttribute('part')).to.equal('entry'));
    const nodesAfter = root(el).querySelectorAll('*').length;
    // Day headings vary a little from page to page; entries do not pile up.
    expect(nodesAfter).to.be.lessThan(nodesAtFirst + 40);
    // The entries shown are the store's, newest first, 301st to 350th.
    const expected = [...mock.store.activityOf('cl_large').entries].reverse().slice(300, 350).map((e) => e.at);
    expect([...root(el).querySelectorAll('[part~="entry"] time')].map((t) => t.getAttribute('datetime'))).to.deep.equal(expected);
    await user().click(viewOf(el).getByShadowRole('button', { name: 'Newer' }));
    await waitFor(() => expect(range(el)).to.equal('Entries 251 to 300 of 5,000'), SLOW);
    await expect(el).to.be.accessible();
  });

  it('filters by kind, says when nothing matches, and Show all activity goes back', async () => {
    const el = await show('cl_large');
    const declined = mock.store.activityOf('cl_large').entries.filter((e) => e.kind === 'payment_declined');
    await user().selectOptions(viewOf(el).getByShadowRole('combobox', { name: 'Show' }), 'payment_declined');
    await waitFor(() => expect(range(el)).to.equal(`Entries 1 to ${Math.min(50, declined.length)} of ${declined.length.toLocaleString('en')}`), SLOW);
    expect(sentences(el).every((s) => s.endsWith(': declined'))).to.equal(true);

    await user().selectOptions(viewOf(el).getByShadowRole('combobox', { name: 'Show' }), 'contact_removed');
    const empty = await viewOf(el).findByShadowText('No “Contact removed” activity for this client.', {}, SLOW);
    expect(empty).to.exist;
    await expect(el).to.be.accessible();
    await user().click(viewOf(el).getByShadowRole('button', { name: 'Show all activity' }));
    await waitFor(() => expect(range(el)).to.equal('Entries 1 to 50 of 5,000'), SLOW);
  });

  it('Download CSV holds the rows on screen (and every filtered one), safe from formulas, named without PHI', async () => {
    const downloads = captureDownloads();
    try {
      // A staff name a spreadsheet would run as a formula.
      const log = mock.store.activityOf('cl_invited');
      const first = log.entries[0]!;
      log.append({ ...first, id: 'act_formula', at: new Date().toISOString(), actor: { type: 'staff', id: 'st_x', displayName: '=HYPERLINK("http://evil.test","x")', role: 'biller' } } as ActivityEntry);
      const el = await show('cl_invited');
      const exported = collect(el, 'portal-activity-exported');
      const csv = await download(el, downloads);
      expect(csv.name).to.match(/^portal-activity-cl_invited-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(csv.type).to.equal('text/csv;charset=utf-8');
      expect(csv.rows[0]).to.deep.equal(['Date and time (UTC)', 'Who', 'Role', 'Kind', 'What happened', 'Ids']);
      const body = csv.rows.slice(1);
      // The same sentences as on screen; the one starting with "=" is kept as text by a leading quote.
      expect(body.map((r) => r[4])).to.deep.equal([`'${sentences(el)[0]}`, ...sentences(el).slice(1)]);
      expect(body.map((r) => r[0])).to.deep.equal([...root(el).querySelectorAll('[part~="entry"] time')].map((t) => t.getAttribute('datetime')));
      expect(body[0]![1]).to.equal(`'=HYPERLINK("http://evil.test","x")`);
      expect(body[0]![4]!.startsWith(`'=`)).to.equal(true);
      expect(body.at(-1)).to.deep.equal([log.entries[0]!.at, 'Jordan Lee', 'front desk', 'invitation_sent', 'Jordan Lee (front desk) sent the portal invitation to b•••@example.com', '']);
      expect(body.find((r) => r[3] === 'documents_assigned')![5]).to.equal('doc_invited_1 doc_invited_2 doc_invited_3');
      await waitFor(() => expect(exported.map((e) => e.detail)).to.deep.equal([{ clientId: 'cl_invited', kind: null, entries: 4 }]), SLOW);
      await waitFor(() => expect(text(root(el).querySelector('.banner.success[part~="status"]'))).to.match(/^Downloaded 4 entries as portal-activity-cl_invited-\d{4}-\d{2}-\d{2}\.csv\.$/), SLOW);

      // Filtered: all the matching entries of the long trail, not just the page on screen.
      const large = await show('cl_large');
      await user().selectOptions(viewOf(large).getByShadowRole('combobox', { name: 'Show' }), 'payment_made');
      const made = mock.store.activityOf('cl_large').entries.filter((e) => e.kind === 'payment_made');
      await waitFor(() => expect(range(large)).to.contain(`of ${made.length.toLocaleString('en')}`), SLOW);
      const filtered = await download(large, downloads);
      expect(filtered.name).to.match(/^portal-activity-cl_large-payment_made-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(filtered.rows.length - 1).to.equal(made.length);
      expect(new Set(filtered.rows.slice(1).map((r) => r[3]))).to.deep.equal(new Set(['payment_made']));
      expect(filtered.rows[1]![0]).to.equal(made.at(-1)!.at);
    } finally {
      downloads.restore();
    }
  });

  it('no PHI in its URLs or its events', async () => {
    const requests = recordRequests();
    const downloads = captureDownloads();
    try {
      const events = [...['portal-load', 'portal-error', 'portal-activity-exported'].map((n) => collect(document, n as 'portal-load'))];
      const el = await show('cl_minor_guardian');
      await user().selectOptions(viewOf(el).getByShadowRole('combobox', { name: 'Show' }), 'permissions_changed');
      await waitFor(() => expect(sentences(el)[0]).to.contain('Jordan Minor: Messaging on'), SLOW);
      await download(el, downloads);
      const urls = requests.seen.filter((u) => u.includes('/activity'));
      expect(urls.length).to.be.greaterThan(1);
      for (const u of urls) expect(new URL(u).pathname + new URL(u).search).to.match(/^\/api\/portal\/clients\/cl_minor_guardian\/activity\?(?:(?:cursor=[A-Za-z0-9_-]+|kind=[a-z_]+|limit=\d+)&?)+$/);
      const details = JSON.stringify(events.flat().map((e) => e.detail));
      expect(details).not.to.match(/@|Jordan|Minor|Indy/);
    } finally {
      requests.restore();
      downloads.restore();
    }
  });

  it('the pending state is accessible', async () => {
    mock.faults.set('listActivity', { hang: true });
    const pending = await mount<El>(html`<portal-activity-log client-id="cl_active"></portal-activity-log>`);
    await waitFor(() => expect(root(pending).querySelector('[part~="pending"]')).to.exist);
    await expect(pending).to.be.accessible();
  });

  it('error with a working retry, and the empty state, say so and are accessible', async () => {
    // Until cleared, not for a count: a request left over from an earlier test (the one before
    // leaves a hanging request) must not use up this widget's failures.
    mock.faults.set('listActivity', { status: 503 });
    const errors = collect(document, 'portal-error');
    const failed = await mount<El>(html`<portal-activity-log client-id="cl_active"></portal-activity-log>`, { timeoutMs: 2000 });
    await loaded(failed);
    const alert = await viewOf(failed).findByShadowRole('alert', {}, SLOW);
    expect(text(alert)).to.contain('Try again');
    expect(errors.map((e) => e.detail)).to.deep.include({ widget: 'portal-activity-log', clientId: 'cl_active', operation: 'listActivity', status: 503, code: 'unavailable' });
    await expect(failed).to.be.accessible();
    mock.faults.clear();
    await user().click(viewOf(failed).getByShadowRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sentences(failed).length).to.be.greaterThan(5), SLOW);

    const empty = await show('cl_empty');
    expect(text(root(empty).querySelector('[part~="empty"]'))).to.equal(
      'No activity yet Invitations, permission changes, documents, cards and payments for this client will be listed here.',
    );
    expect(viewOf(empty).queryByShadowRole('button', { name: 'Download CSV' })).to.equal(null);
    await expect(empty).to.be.accessible();
  });

  it('hostile names and titles are text; at 320 px nothing overflows', async () => {
    const el = await show('cl_hostile');
    expect(root(el).querySelector('img, script, svg, iframe, style:not([data-lit])')).to.equal(null);
    expect(sentences(el).join('\n')).to.contain('<img src=x onerror=alert(1)>');
    el.style.width = '320px';
    await el.updateComplete;
    for (const node of root(el).querySelectorAll<HTMLElement>('[part~="entry"], [part~="pager"], [part~="filters"]')) {
      expect(node.scrollWidth, node.getAttribute('part') ?? '').to.be.at.most(node.clientWidth + 1);
    }
    await expect(el).to.be.accessible();
  });
});
