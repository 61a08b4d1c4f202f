/**
 * What clients and portal users do in the portal itself, outside the staff API: the mock lets
 * tests and demos act it out, with the same record in the activity trail a real portal keeps.
 */
import { recordActivity } from './activity-log.js';
import type { MockStore } from './store.js';

/**
 * The client (or, with `contactId`, one of their portal users) completes and signs a document:
 * every required section saved, signed now. Throws for an unknown client or an open document
 * that does not exist.
 */
export function completeDocument(store: MockStore, clientId: string, documentId: string, contactId?: string): void {
  const rec = store.client(clientId);
  const doc = rec?.documents.find((d) => d.id === documentId && (d.status === 'sent' || d.status === 'in_progress'));
  if (!rec || !doc) throw new RangeError('completeDocument: no open document with this id for this client');
  const contact = contactId ? rec.contacts.find((c) => c.id === contactId) : undefined;
  if (contactId && !contact) throw new RangeError('completeDocument: no contact with this id for this client');
  const now = store.nowIso();
  Object.assign(doc, { status: 'completed', lastActivityAt: now, completedAt: now, signedAt: now, requiredSections: { completed: doc.requiredSections.total, total: doc.requiredSections.total } });
  rec.touchDocuments();
  const actor = contact ? ({ type: 'portal_user', contactId: contact.id, displayName: `${contact.firstName} ${contact.lastName}`.trim() || contact.id } as const) : ({ type: 'client' } as const);
  recordActivity(store, clientId, actor, { kind: 'document_completed', document: { id: doc.id, title: doc.title } });
}
