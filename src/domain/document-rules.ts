import type { IntakeDocument, ProblemCode } from '../schemas/index.js';
import { cooldownEndsAt } from './resend-cooldown.js';

/** Sent or in progress: the client can still fill it out. */
export function isOpenDocument(doc: Pick<IntakeDocument, 'status'>): boolean {
  return doc.status === 'sent' || doc.status === 'in_progress';
}

/** Staff can cancel a document until it is signed (and only once). */
export function canCancelDocument(doc: Pick<IntakeDocument, 'signedAt' | 'status'>): boolean {
  return doc.signedAt === null && isOpenDocument(doc);
}

/** Every code `reminderDecision` can refuse with. */
export const REMINDER_REFUSALS = ['document_signed', 'reminder_cooldown'] as const satisfies readonly ProblemCode[];
/** Cancelling is refused once the document is signed (`canCancelDocument`). */
export const CANCEL_REFUSALS = ['document_signed'] as const satisfies readonly ProblemCode[];

export type ReminderDecision = { allowed: true } | { allowed: false; code: (typeof REMINDER_REFUSALS)[number]; retryAt?: Date };

/** A reminder is one email; it waits out the same cooldown as invitations. */
export function reminderDecision(doc: Pick<IntakeDocument, 'status' | 'sentAt' | 'lastReminderAt'>, cooldownMinutes: number, now: Date): ReminderDecision {
  if (!isOpenDocument(doc)) return { allowed: false, code: 'document_signed' };
  const retryAt = cooldownEndsAt(doc.lastReminderAt ?? doc.sentAt, cooldownMinutes, now);
  return retryAt ? { allowed: false, code: 'reminder_cooldown', retryAt } : { allowed: true };
}

/** Each document sent triggers one email per recipient (seed 000); granting access adds an invitation each. */
export function assignmentEmailCount(documentCount: number, recipientCount: number, grantsAccess: boolean): number {
  return recipientCount * (documentCount + (grantsAccess ? 1 : 0));
}

/** A document is complete when every required section is saved and it is signed. */
export function isDocumentComplete(doc: Pick<IntakeDocument, 'requiredSections' | 'signedAt'>): boolean {
  return doc.signedAt !== null && doc.requiredSections.completed >= doc.requiredSections.total;
}

/**
 * The client's newest document from each template, cancelled ones left out: what "Assign
 * documents" shows as already sent, and what makes a second copy need an explicit "send again".
 */
export function latestDocumentByTemplate<D extends Pick<IntakeDocument, 'templateId' | 'status' | 'sentAt' | 'id'>>(docs: Iterable<D>): Map<string, D> {
  const latest = new Map<string, D>();
  for (const doc of docs) {
    if (doc.status === 'cancelled') continue;
    const seen = latest.get(doc.templateId);
    if (!seen || doc.sentAt > seen.sentAt || (doc.sentAt === seen.sentAt && doc.id > seen.id)) latest.set(doc.templateId, doc);
  }
  return latest;
}

/**
 * Templates being assigned that the client already has a document from (open or completed) and
 * that the request does not say to send again. The server refuses these (`document_already_assigned`);
 * the widget never sends one without the person's explicit "Send again".
 */
/** What assigning answers when a template the client already has is not confirmed as sent again. */
export const RESEND_CONFIRMATION_REFUSALS = ['document_already_assigned'] as const satisfies readonly ProblemCode[];

export function unconfirmedResends(templateIds: readonly string[], sendAgain: readonly string[], alreadySent: ReadonlySet<string> | ReadonlyMap<string, unknown>): string[] {
  const confirmed = new Set(sendAgain);
  return templateIds.filter((id) => alreadySent.has(id) && !confirmed.has(id));
}
