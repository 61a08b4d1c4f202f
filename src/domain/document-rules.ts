import type { IntakeDocument, ProblemCode } from '../schemas/index.js';
import { cooldownEndsAt } from './resend-cooldown.js';

/** Staff can cancel a document until it is signed. */
export function canCancelDocument(doc: Pick<IntakeDocument, 'signedAt' | 'status'>): boolean {
  return doc.signedAt === null && doc.status !== 'completed';
}

export type ReminderDecision = { allowed: true } | { allowed: false; code: Extract<ProblemCode, 'document_signed' | 'reminder_cooldown'>; retryAt?: Date };

/** A reminder is one email; it waits out the same cooldown as invitations. */
export function reminderDecision(doc: Pick<IntakeDocument, 'status' | 'sentAt' | 'lastReminderAt'>, cooldownMinutes: number, now: Date): ReminderDecision {
  if (doc.status === 'completed') return { allowed: false, code: 'document_signed' };
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
