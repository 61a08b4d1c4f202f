/** Intake documents: templates, lists (filter, sort, cursor), assignment, reminders, cancelling. */
import { canCancelDocument, invitationDecision, latestDocumentByTemplate, reminderDecision, unconfirmedResends } from '../../src/domain/index.js';
import { assignmentPlan } from '../../src/domain/assignment-plan.js';
import type { DocumentSort, DocumentStatus, DocumentTemplate } from '../../src/schemas/index.js';
import { fillUrl } from '../fixtures.js';
import { toDocument, type ClientRecord, type StoredDocument } from '../model.js';
import { cooldownProblem, problem, type FieldError, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { encodeCursor, inviteClient, normalizeMessage, page, requireClient, requirePortalOn, requireRecipients } from './shared.js';

type DocumentOps = 'listDocumentTemplates' | 'listClientDocumentTemplates' | 'listDocuments' | 'searchDocuments' | 'assignDocuments' | 'remindDocument' | 'cancelDocument';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byId = (a: StoredDocument, b: StoredDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const COMPARATORS: Record<DocumentSort, (a: StoredDocument, b: StoredDocument) => number> = {
  sent_desc: (a, b) => desc(a.sentAt, b.sentAt) || byId(a, b),
  sent_asc: (a, b) => -desc(a.sentAt, b.sentAt) || byId(a, b),
  activity_desc: (a, b) => desc(a.lastActivityAt ?? a.sentAt, b.lastActivityAt ?? b.sentAt) || byId(a, b),
  title_asc: (a, b) => collator.compare(a.title, b.title) || desc(a.sentAt, b.sentAt) || byId(a, b),
};

/** Case- and accent-insensitive text for the title search ("Cuestionario" finds "cuestionário"). */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A short stand-in for the search text inside a cursor (cursors are at most 200 characters). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

interface DocumentQuery {
  status?: DocumentStatus | undefined;
  sort?: DocumentSort | undefined;
  title?: string | undefined;
  cursor?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/**
 * The client's documents filtered and sorted; cached until the next document write. Without a
 * status filter the cancelled ones are left out: they are listed only when asked for.
 */
function documentView(rec: ClientRecord, status: DocumentStatus | undefined, sort: DocumentSort, title: string | undefined): StoredDocument[] {
  const needle = title ? folded(title.trim()) : '';
  const key = JSON.stringify([status ?? '*', sort, needle]);
  const cached = rec.documentViews.get(key);
  if (cached && cached.revision === rec.documentsRevision) return cached.items;
  const items = rec.documents
    .filter((d) => (status ? d.status === status : d.status !== 'cancelled') && (!needle || folded(d.title).includes(needle)))
    .sort(COMPARATORS[sort]);
  rec.documentViews.set(key, { revision: rec.documentsRevision, items });
  return items;
}

/** One page of a list or a search: `offset` jumps (an offset past the end is an empty page), `cursor` walks. */
function documentPage(rec: ClientRecord, q: DocumentQuery) {
  if (q.cursor !== undefined && q.offset !== undefined) {
    throw problem('bad_request', 'Send either a cursor or an offset, not both.', { errors: [{ path: 'offset', message: 'Not together with cursor' }] });
  }
  const sort = q.sort ?? 'sent_desc';
  const view = documentView(rec, q.status, sort, q.title);
  const list = `documents:${q.status ?? '*'}:${sort}:${q.title ? hash(folded(q.title.trim())) : ''}`;
  const cursor = q.offset !== undefined ? encodeCursor(list, Math.min(q.offset, view.length)) : q.cursor;
  const p = page(view, list, cursor, q.limit);
  return { items: p.slice.map(toDocument), nextCursor: p.nextCursor, total: p.total };
}

function requireDocument(rec: ClientRecord, documentId: string): StoredDocument {
  const doc = rec.documents.find((d) => d.id === documentId && d.status !== 'cancelled');
  if (!doc) throw problem('not_found', 'No document with this id for this client.');
  return doc;
}

function requireAccessNotDisabled(rec: ClientRecord): void {
  if (rec.access.state === 'disabled') throw problem('access_disabled', 'Portal access is disabled: send a new invitation to restore it first.');
}

export function documentHandlers(store: MockStore): Pick<OperationImpls, DocumentOps> {
  return {
    listDocumentTemplates: {
      run: () => ({ body: store.templates }),
    },

    listClientDocumentTemplates: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const latest = latestDocumentByTemplate(rec.documents);
        return { body: store.templates.map((t) => ({ ...t, latestDocument: latest.has(t.id) ? toDocument(latest.get(t.id)!) : null })) };
      },
    },

    listDocuments: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        return { body: documentPage(rec, ctx.query) };
      },
    },

    searchDocuments: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        return { body: documentPage(rec, ctx.body) };
      },
    },

    assignDocuments: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const errors: FieldError[] = [];
        const templates: DocumentTemplate[] = [];
        ctx.body.templateIds.forEach((id, i) => {
          const t = store.templates.find((x) => x.id === id);
          if (t) templates.push(t);
          else errors.push({ path: `$.templateIds[${i}]`, message: 'Unknown template' });
        });
        if (errors.length) throw problem('bad_request', 'Some templates do not exist.', { errors });
        const sendAgain = ctx.body.sendAgain ?? [];
        sendAgain.forEach((id, i) => {
          if (!ctx.body.templateIds.includes(id)) errors.push({ path: `$.sendAgain[${i}]`, message: 'Not one of templateIds' });
        });
        if (errors.length) throw problem('bad_request', 'sendAgain may only name templates being assigned.', { errors });
        // The same plan the widget shows staff before sending: who gets emails, whether access is
        // granted, how many emails go out, or what blocks it.
        const plan = assignmentPlan(templates.length, rec.summary, rec.access, rec.contacts, store.practice, store.now());
        if (plan.blocker) throw problem(plan.blocker);
        // A second copy of a document the client already has goes out only when asked for by name.
        const unconfirmed = new Set(unconfirmedResends(ctx.body.templateIds, sendAgain, latestDocumentByTemplate(rec.documents)));
        if (unconfirmed.size) {
          const paths = ctx.body.templateIds.flatMap((id, i) => (unconfirmed.has(id) ? [{ path: `$.templateIds[${i}]`, message: 'Already sent to this client; list it in sendAgain to send it again' }] : []));
          throw problem('document_already_assigned', 'The client already has a document from some of these templates.', { errors: paths });
        }
        const { recipients, grantsAccess } = plan;
        const message = normalizeMessage(ctx.body.message);

        // Sharing documents with a client who has no portal access grants it (and sends the
        // invitation): a first invitation, which the plan already checked (portal on, recipients).
        if (grantsAccess) inviteClient(store, rec, recipients, message);

        const now = store.nowIso();
        const documents: StoredDocument[] = templates.map((t) => {
          const id = store.nextId('doc');
          return {
            id,
            templateId: t.id,
            title: t.title,
            status: 'sent',
            sentAt: now,
            lastActivityAt: null,
            completedAt: null,
            lastReminderAt: null,
            requiredSections: { completed: 0, total: t.requiredSections },
            signedAt: null,
            fillUrl: fillUrl(id),
            cancelledAt: null,
          };
        });
        // One email per document per recipient (seed 000).
        for (const doc of documents) {
          for (const r of recipients) store.sendEmail({ kind: 'document', to: r.address, clientId: rec.id, contactId: r.who === 'client' ? null : r.who, documentId: doc.id, message });
        }
        rec.documents.push(...documents);
        rec.touchDocuments();
        return {
          body: {
            documents: documents.map(toDocument),
            emailsSent: plan.emailCount,
            recipients: [...new Set(recipients.map((r) => r.address))],
            portalAccessGranted: grantsAccess,
          },
        };
      },
    },

    remindDocument: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const doc = requireDocument(rec, ctx.param('documentId'));
        requirePortalOn(store);
        const now = store.now();
        const decision = reminderDecision(doc, store.practice.resendCooldownMinutes, now);
        if (!decision.allowed) {
          if (decision.code === 'document_signed') throw problem('document_signed', 'The document is already completed and signed.');
          throw cooldownProblem('reminder_cooldown', decision.retryAt, now, 'Wait before sending another reminder for this document.');
        }
        requireAccessNotDisabled(rec);
        const recipients = requireRecipients(store, rec.summary, rec.access, rec.contacts);
        for (const r of recipients) store.sendEmail({ kind: 'reminder', to: r.address, clientId: rec.id, contactId: r.who === 'client' ? null : r.who, documentId: doc.id });
        doc.lastReminderAt = now.toISOString();
        rec.touchDocuments();
        return { body: { document: toDocument(doc), emailsSent: recipients.length } };
      },
    },

    cancelDocument: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const doc = requireDocument(rec, ctx.param('documentId'));
        if (!canCancelDocument(doc)) throw problem('document_signed', 'A signed document cannot be cancelled.');
        doc.status = 'cancelled';
        doc.cancelledAt = store.nowIso();
        rec.touchDocuments();
        return { body: toDocument(doc) };
      },
    },
  };
}
