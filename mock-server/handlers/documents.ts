/** Intake documents: templates, lists (filter, sort, cursor), assignment, reminders, cancelling. */
import { canCancelDocument, reminderDecision } from '../../src/domain/index.js';
import { assignmentPlan } from '../../src/domain/assignment-plan.js';
import type { DocumentSort, DocumentStatus, DocumentTemplate } from '../../src/schemas/index.js';
import { fillUrl } from '../fixtures.js';
import { toDocument, type ClientRecord, type StoredDocument } from '../model.js';
import { cooldownProblem, problem, type FieldError, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { inviteClient, normalizeMessage, page, requireClient, requirePortalOn, requireRecipients } from './shared.js';

type DocumentOps = 'listDocumentTemplates' | 'listDocuments' | 'assignDocuments' | 'remindDocument' | 'cancelDocument';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byId = (a: StoredDocument, b: StoredDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const COMPARATORS: Record<DocumentSort, (a: StoredDocument, b: StoredDocument) => number> = {
  sent_desc: (a, b) => desc(a.sentAt, b.sentAt) || byId(a, b),
  sent_asc: (a, b) => -desc(a.sentAt, b.sentAt) || byId(a, b),
  activity_desc: (a, b) => desc(a.lastActivityAt ?? a.sentAt, b.lastActivityAt ?? b.sentAt) || byId(a, b),
  title_asc: (a, b) => collator.compare(a.title, b.title) || desc(a.sentAt, b.sentAt) || byId(a, b),
};

/** The client's live documents filtered and sorted; cached until the next document write. */
function documentView(rec: ClientRecord, status: DocumentStatus | undefined, sort: DocumentSort): StoredDocument[] {
  const key = `${status ?? '*'}:${sort}`;
  const cached = rec.documentViews.get(key);
  if (cached && cached.revision === rec.documentsRevision) return cached.items;
  const items = rec.documents.filter((d) => d.cancelledAt === null && (!status || d.status === status)).sort(COMPARATORS[sort]);
  rec.documentViews.set(key, { revision: rec.documentsRevision, items });
  return items;
}

function requireDocument(rec: ClientRecord, documentId: string): StoredDocument {
  const doc = rec.documents.find((d) => d.id === documentId && d.cancelledAt === null);
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

    listDocuments: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        const { status, sort = 'sent_desc', cursor, limit } = ctx.query;
        const view = documentView(rec, status, sort);
        const p = page(view, `documents:${status ?? '*'}:${sort}`, cursor, limit);
        return { body: { items: p.slice.map(toDocument), nextCursor: p.nextCursor, total: p.total } };
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
        // The same plan the widget shows staff before sending: who gets emails, whether access is
        // granted, how many emails go out, or what blocks it.
        const plan = assignmentPlan(templates.length, rec.summary, rec.access, rec.contacts, store.practice, store.now());
        if (plan.blocker) throw problem(plan.blocker);
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
        doc.cancelledAt = store.nowIso();
        rec.touchDocuments();
        return { body: toDocument(doc) };
      },
    },
  };
}
