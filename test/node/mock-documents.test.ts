/// <reference types="node" />
// Intake documents in the mock: lists, paging (cl_large), assignment emails, reminders, cancelling.
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/api/operations.js';
import type { DocumentAssignmentResult, DocumentReminderResult, DocumentTemplate, IntakeDocument, IntakeDocumentPage, PortalAccess } from '../../src/schemas/index.js';
import { createNodeMock } from '../../mock-server/node.js';
import { assertOk, assertProblem, callOperation, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
const api = (name: OperationName, init?: CallInit) => callOperation(BASE, name, init);
const list = (clientId: string, query: CallInit['query'] = {}) => api('listDocuments', { params: { clientId }, query });
const doc = (clientId: string, documentId: string) => ({ params: { clientId, documentId } });

after(() => mock.close());
beforeEach(() => {
  mock.store.setNow(NOW);
  mock.reset('default');
});

describe('templates and lists', () => {
  it('templates: six intake forms', async () => {
    const res = await api('listDocumentTemplates');
    assertOk('listDocumentTemplates', res);
    assert.equal((res.body as DocumentTemplate[]).length, 6);
  });

  it('cl_invited: sent / in progress / completed; status filter; total', async () => {
    const all = await list('cl_invited');
    assertOk('listDocuments', all);
    const page = all.body as IntakeDocumentPage;
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((d) => d.status).sort(), ['completed', 'in_progress', 'sent']);
    const sent = (await list('cl_invited', { status: 'sent' })).body as IntakeDocumentPage;
    assert.deepEqual([sent.total, sent.items[0]!.status], [1, 'sent']);
    assert.equal(((await list('cl_not_invited')).body as IntakeDocumentPage).total, 0);
  });

  it('sorts: sent_desc (default), sent_asc, activity_desc, title_asc', async () => {
    const ids = async (sort?: string) => ((await list('cl_hostile', { sort, limit: 200 })).body as IntakeDocumentPage).items;
    const byDesc = await ids();
    for (let i = 1; i < byDesc.length; i++) assert.ok(byDesc[i - 1]!.sentAt >= byDesc[i]!.sentAt);
    const byAsc = await ids('sent_asc');
    assert.deepEqual(byAsc.map((d) => d.id), [...byDesc].reverse().map((d) => d.id));
    const byActivity = await ids('activity_desc');
    const activity = (d: IntakeDocument) => d.lastActivityAt ?? d.sentAt;
    for (let i = 1; i < byActivity.length; i++) assert.ok(activity(byActivity[i - 1]!) >= activity(byActivity[i]!));
    const byTitle = await ids('title_asc');
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    for (let i = 1; i < byTitle.length; i++) assert.ok(collator.compare(byTitle[i - 1]!.title, byTitle[i]!.title) <= 0);
  });

  it('bad queries → 400 (bad status, sort, limit, cursor) and never echo them', async () => {
    for (const query of [{ status: 'lost' }, { sort: 'random' }, { limit: 0 }, { limit: 201 }, { limit: 'ten' }, { cursor: '<script>' }, { cursor: btoa('documents:*:sent_asc|0') }]) {
      const res = await list('cl_invited', query);
      const p = assertProblem(res, 400, 'bad_request');
      assert.ok(p.errors?.length, JSON.stringify(query));
      assert.equal(res.text.includes('<script>'), false);
    }
  });
});

describe('cl_large paging', () => {
  it('first page is fast; 10,000 total; a cursor walk reaches the end', async () => {
    const t0 = performance.now();
    const first = await list('cl_large');
    const firstMs = performance.now() - t0;
    assertOk('listDocuments', first);
    const page = first.body as IntakeDocumentPage;
    assert.equal(page.total, 10_000);
    assert.equal(page.items.length, 50);
    // Generous bound (the test machines are shared); unloaded the first page takes ~250 ms.
    assert.ok(firstMs < 3000, `first page took ${firstMs.toFixed(0)} ms`);

    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list('cl_large', { limit: 200, ...(cursor ? { cursor } : {}) });
      assertOk('listDocuments', res);
      const p = res.body as IntakeDocumentPage;
      for (const d of p.items) seen.add(d.id);
      cursor = p.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    assert.equal(cursor, null);
    assert.equal(pages, 50);
    assert.equal(seen.size, 10_000);
  });

  it('filtered paging: totals add up across statuses', async () => {
    const totals = await Promise.all(['sent', 'in_progress', 'completed'].map(async (status) => ((await list('cl_large', { status, limit: 1 })).body as IntakeDocumentPage).total));
    assert.equal(totals.reduce((a, b) => a + b, 0), 10_000);
    assert.ok(totals.every((t) => t > 0));
  });

  it('payment history pages the same way', async () => {
    let cursor: string | null = null;
    let count = 0;
    let pages = 0;
    let last = '9999';
    do {
      const res = await api('listPayments', { params: { clientId: 'cl_large' }, query: { limit: 200, ...(cursor ? { cursor } : {}) } });
      assertOk('listPayments', res);
      const p = res.body as { items: { createdAt: string }[]; nextCursor: string | null; total: number };
      assert.equal(p.total, 10_000);
      for (const item of p.items) {
        assert.ok(item.createdAt < last, 'newest first');
        last = item.createdAt;
      }
      count += p.items.length;
      cursor = p.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    assert.equal(count, 10_000);
  });
});

describe('assignment', () => {
  it('adult with access: one email per document, no invitation', async () => {
    const res = await api('assignDocuments', { params: { clientId: 'cl_active' }, body: { templateIds: ['tpl_intake', 'tpl_phq9', 'tpl_roi'], message: 'Before Tuesday please' } });
    assertOk('assignDocuments', res);
    const r = res.body as DocumentAssignmentResult;
    assert.equal(r.documents.length, 3);
    assert.deepEqual([r.emailsSent, r.portalAccessGranted, r.recipients], [3, false, ['avery.testwood@example.com']]);
    assert.equal(mock.store.emails.length, 3);
    assert.ok(mock.store.emails.every((e) => e.kind === 'document' && e.message === 'Before Tuesday please'));
    assert.equal(((await list('cl_active')).body as IntakeDocumentPage).total, 5);
  });

  it('minor: emails go to every legal guardian (one per document per guardian)', async () => {
    const res = await api('assignDocuments', { params: { clientId: 'cl_minor_guardian' }, body: { templateIds: ['tpl_consent', 'tpl_hipaa'] } });
    assertOk('assignDocuments', res);
    const r = res.body as DocumentAssignmentResult;
    assert.deepEqual(r.recipients.sort(), ['jordan.minor@example.com', 'kai.minor@example.com']);
    assert.equal(r.emailsSent, 4);
    assert.equal(mock.store.emailsFor('cl_minor_guardian', 'document').length, 4);
  });

  it('no portal access: sharing grants it and sends the invitation too', async () => {
    const res = await api('assignDocuments', { params: { clientId: 'cl_not_invited' }, body: { templateIds: ['tpl_consent', 'tpl_hipaa', 'tpl_intake'] } });
    assertOk('assignDocuments', res);
    const r = res.body as DocumentAssignmentResult;
    assert.equal(r.portalAccessGranted, true);
    assert.equal(r.emailsSent, 4);
    assert.deepEqual(mock.store.emails.map((e) => e.kind), ['invitation', 'document', 'document', 'document']);
    const access = (await api('getPortalAccess', { params: { clientId: 'cl_not_invited' } })).body as PortalAccess;
    assert.equal(access.state, 'invited');
  });

  it('no recipient: minor without guardian → 409 no_legal_guardian; no consent → 422; disabled → 409 access_disabled', async () => {
    assertProblem(await api('assignDocuments', { params: { clientId: 'cl_minor_no_guardian' }, body: { templateIds: ['tpl_consent'] } }), 409, 'no_legal_guardian');
    assertProblem(await api('assignDocuments', { params: { clientId: 'cl_no_consent' }, body: { templateIds: ['tpl_consent'] } }), 422, 'no_consented_email');
    assertProblem(await api('assignDocuments', { params: { clientId: 'cl_disabled' }, body: { templateIds: ['tpl_consent'] } }), 409, 'access_disabled');
    assert.equal(mock.store.emails.length, 0);
  });

  it('unknown template → 400 with the path of the bad id', async () => {
    const p = assertProblem(await api('assignDocuments', { params: { clientId: 'cl_active' }, body: { templateIds: ['tpl_consent', 'tpl_nope'] } }), 400, 'bad_request');
    assert.deepEqual(p.errors, [{ path: '$.templateIds[1]', message: 'Unknown template' }]);
  });
});

describe('sending a document the client already has', () => {
  const assign = (clientId: string, body: Record<string, unknown>) => api('assignDocuments', { params: { clientId }, body });

  it("client templates: each template with the client's newest document from it, cancelled ones left out", async () => {
    await api('cancelDocument', doc('cl_invited', 'doc_invited_1'));
    const res = await api('listClientDocumentTemplates', { params: { clientId: 'cl_invited' } });
    assertOk('listClientDocumentTemplates', res);
    const latest = Object.fromEntries((res.body as (DocumentTemplate & { latestDocument: IntakeDocument | null })[]).map((t) => [t.id, t.latestDocument?.id ?? null]));
    // doc_invited_1 (intake) was cancelled: intake is a fresh template again.
    assert.deepEqual(latest, { tpl_consent: 'doc_invited_2', tpl_hipaa: 'doc_invited_3', tpl_intake: null, tpl_roi: null, tpl_financial: null, tpl_phq9: null });
  });

  it('an open or completed template without sendAgain → 409 document_already_assigned naming it; nothing is sent', async () => {
    const p = assertProblem(await assign('cl_invited', { templateIds: ['tpl_financial', 'tpl_consent', 'tpl_hipaa'] }), 409, 'document_already_assigned');
    assert.deepEqual(p.errors?.map((e) => e.path), ['$.templateIds[1]', '$.templateIds[2]']);
    assert.equal(mock.store.emails.length, 0);
    assert.equal(mock.store.client('cl_invited')!.documents.length, 3);
  });

  it('with sendAgain: a second copy, counted in the emails', async () => {
    const res = await assign('cl_invited', { templateIds: ['tpl_financial', 'tpl_hipaa'], sendAgain: ['tpl_hipaa'] });
    assertOk('assignDocuments', res);
    assert.equal((res.body as DocumentAssignmentResult).emailsSent, 2);
    assert.equal(mock.store.client('cl_invited')!.documents.filter((d) => d.templateId === 'tpl_hipaa').length, 2);
  });

  it('sendAgain naming a template that is not being assigned → 400', async () => {
    const p = assertProblem(await assign('cl_invited', { templateIds: ['tpl_financial'], sendAgain: ['tpl_hipaa'] }), 400, 'bad_request');
    assert.deepEqual(p.errors?.map((e) => e.path), ['$.sendAgain[0]']);
  });

  it('a cancelled document does not count: its template is assigned again without sendAgain', async () => {
    await api('cancelDocument', doc('cl_invited', 'doc_invited_1'));
    assertOk('assignDocuments', await assign('cl_invited', { templateIds: ['tpl_intake'] }));
  });
});

describe('title search and page jumps', () => {
  it('searchDocuments: case- and accent-insensitive "contains", with the status filter and paging', async () => {
    const res = await api('searchDocuments', { params: { clientId: 'cl_large' }, body: { title: 'phq', limit: 25 } });
    assertOk('searchDocuments', res);
    const page = res.body as IntakeDocumentPage;
    // Every sixth of the 10,000 generated documents is the PHQ-9 (template order, starting at the sixth).
    assert.equal(page.total, 1666);
    assert.ok(page.items.every((d) => d.title === 'PHQ-9 depression screening'));
    const accented = (await api('searchDocuments', { params: { clientId: 'cl_invited' }, body: { title: 'CONSÉNT' } })).body as IntakeDocumentPage;
    assert.deepEqual(accented.items.map((d) => d.id), ['doc_invited_2']);
    const none = (await api('searchDocuments', { params: { clientId: 'cl_invited' }, body: { title: 'consent', status: 'completed' } })).body as IntakeDocumentPage;
    assert.equal(none.total, 0);
  });

  it('offset jumps to any page; past the end is an empty page; cursor and offset together → 400', async () => {
    const p = (await list('cl_large', { offset: 4975, limit: 25 })).body as IntakeDocumentPage;
    assert.deepEqual([p.items[0]!.id, p.items.length, p.total], ['doc_large_04976', 25, 10_000]);
    const next = (await list('cl_large', { cursor: p.nextCursor!, limit: 25 })).body as IntakeDocumentPage;
    assert.equal(next.items[0]!.id, 'doc_large_05001');
    const past = (await list('cl_large', { offset: 20_000 })).body as IntakeDocumentPage;
    assert.deepEqual([past.items.length, past.nextCursor], [0, null]);
    assertProblem(await list('cl_large', { offset: 25, cursor: p.nextCursor! }), 400, 'bad_request');
  });
});

describe('reminders and cancelling', () => {
  it('remind: one email per recipient; again within the cooldown → 429 reminder_cooldown', async () => {
    const res = await api('remindDocument', doc('cl_invited', 'doc_invited_1'));
    assertOk('remindDocument', res);
    const r = res.body as DocumentReminderResult;
    assert.equal(r.emailsSent, 1);
    assert.equal(r.document.lastReminderAt, NOW);
    assert.deepEqual(mock.store.emails.map((e) => [e.kind, e.documentId]), [['reminder', 'doc_invited_1']]);
    const again = await api('remindDocument', doc('cl_invited', 'doc_invited_1'));
    const p = assertProblem(again, 429, 'reminder_cooldown');
    assert.equal(p.retryAfterSeconds, 600);
    assert.equal(again.headers.get('retry-after'), '600');
  });

  it('remind a completed document → 409 document_signed', async () => {
    assertProblem(await api('remindDocument', doc('cl_invited', 'doc_invited_3')), 409, 'document_signed');
  });

  it('remind a just-assigned document waits out the cooldown', async () => {
    const r = (await api('assignDocuments', { params: { clientId: 'cl_active' }, body: { templateIds: ['tpl_phq9'] } })).body as DocumentAssignmentResult;
    assertProblem(await api('remindDocument', doc('cl_active', r.documents[0]!.id)), 429, 'reminder_cooldown');
    mock.store.advance(10 * 60_000 + 1);
    assertOk('remindDocument', await api('remindDocument', doc('cl_active', r.documents[0]!.id)));
  });

  it('cancel until signed: the cancelled document leaves the default list, stays under status=cancelled; a signed one → 409 document_signed', async () => {
    const res = await api('cancelDocument', doc('cl_invited', 'doc_invited_2'));
    assertOk('cancelDocument', res);
    assert.deepEqual([(res.body as IntakeDocument).status, (res.body as IntakeDocument).cancelledAt], ['cancelled', NOW]);
    const cancelled = (await list('cl_invited', { status: 'cancelled' })).body as IntakeDocumentPage;
    assert.deepEqual([cancelled.total, cancelled.items.map((d) => d.id)], [1, ['doc_invited_2']]);
    const page = (await list('cl_invited')).body as IntakeDocumentPage;
    assert.equal(page.total, 2);
    assert.ok(!page.items.some((d) => d.id === 'doc_invited_2'));
    assert.equal(((await list('cl_invited', { status: 'in_progress' })).body as IntakeDocumentPage).total, 0);
    assertProblem(await api('cancelDocument', doc('cl_invited', 'doc_invited_2')), 404, 'not_found');
    assertProblem(await api('remindDocument', doc('cl_invited', 'doc_invited_2')), 404, 'not_found');
    assertProblem(await api('cancelDocument', doc('cl_invited', 'doc_invited_3')), 409, 'document_signed');
  });
});
