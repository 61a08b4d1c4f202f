import type { IntakeDocument, ProblemCode } from '../schemas/index.js';
import { cooldownEndsAt } from './resend-cooldown.js';

/** Staff can cancel a document until it is signed. */
export function canCancelDocument(doc: Pick<IntakeDocument, 'signedAt' | 'status'>): boolean {
  return doc.signedAt === null && doc.status !== 'completed';
}

/** Every code `reminderDecision` can refuse with. */
export const REMINDER_REFUSALS = ['document_signed', 'reminder_cooldown'] as const satisfies readonly ProblemCode[];
/** Cancelling is refused once the document is signed (`canCancelDocument`). */
export const CANCEL_REFUSALS = ['document_signed'] as const satisfies readonly ProblemCode[];

export type ReminderDecision = { allowed: true } | { allowed: false; code: (typeof REMINDER_REFUSALS)[number]; retryAt?: Date };

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
