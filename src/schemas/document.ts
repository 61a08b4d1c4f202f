import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { EmailAddress, Id, Timestamp, WebUrl } from './common.js';
import { pageOf } from './common.js';
import { LIST_LIMITS } from './limits.js';

/** `cancelled`: staff withdrew it before it was signed; listed only when asked for (`status=cancelled`). */
export const DocumentStatus = lazySchema(() => z.enum(['sent', 'in_progress', 'completed', 'cancelled']));
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const DocumentSort = lazySchema(() => z.enum(['sent_desc', 'sent_asc', 'activity_desc', 'title_asc']));
export type DocumentSort = z.infer<typeof DocumentSort>;

export const IntakeDocument = lazySchema(() => z
  .object({
    id: Id,
    templateId: Id,
    title: z.string().check(z.maxLength(300)),
    status: DocumentStatus,
    sentAt: Timestamp,
    lastActivityAt: z.nullable(Timestamp),
    completedAt: z.nullable(Timestamp),
    lastReminderAt: z.nullable(Timestamp),
    requiredSections: z.object({
      completed: z.int().check(z.nonnegative()),
      total: z.int().check(z.nonnegative()),
    }),
    signedAt: z.nullable(Timestamp),
    /** Where the client fills it out; the host navigates there. */
    fillUrl: WebUrl,
    /** When staff cancelled it (status `cancelled`); `null` otherwise. */
    cancelledAt: z.nullable(Timestamp),
  }));
export type IntakeDocument = z.infer<typeof IntakeDocument>;

export const IntakeDocumentPage = lazySchema(() => pageOf(IntakeDocument));
export type IntakeDocumentPage = z.infer<typeof IntakeDocumentPage>;

/** Templates one assignment may send. */
const DOCUMENTS_PER_ASSIGNMENT = 50;

export const DocumentTemplate = lazySchema(() => z
  .object({
    id: Id,
    title: z.string().check(z.maxLength(300)),
    description: z.string().check(z.maxLength(1000)),
    requiredSections: z.int().check(z.nonnegative()),
  }));
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;

/** The practice's templates. */
export const DocumentTemplates = lazySchema(() => z.array(DocumentTemplate).check(z.maxLength(LIST_LIMITS.templates)));
/** A template as one client sees it: with the newest document of theirs made from it, if any. */
export const ClientDocumentTemplate = lazySchema(() => z.extend(DocumentTemplate, {
  /** The client's newest document from this template that is not cancelled; `null` when there is none. */
  latestDocument: z.nullable(IntakeDocument),
}));
export type ClientDocumentTemplate = z.infer<typeof ClientDocumentTemplate>;
/** Every template of the practice, as one client sees it. */
export const ClientDocumentTemplates = lazySchema(() => z.array(ClientDocumentTemplate).check(z.maxLength(LIST_LIMITS.templates)));

export const DocumentAssignment = lazySchema(() => z
  .strictObject({
    templateIds: z.array(Id).check(z.minLength(1), z.maxLength(DOCUMENTS_PER_ASSIGNMENT)),
    message: z.optional(z.string().check(z.maxLength(2000))),
    /**
     * Templates of `templateIds` the client already has a document from (open or completed) that are
     * meant to be sent again. Without this a template the client already has is refused with
     * `409 document_already_assigned`, so a double click or a stale list never sends a duplicate.
     */
    sendAgain: z.optional(z.array(Id).check(z.maxLength(50))),
  }));
export type DocumentAssignment = z.infer<typeof DocumentAssignment>;

export const DocumentAssignmentResult = lazySchema(() => z
  .object({
    documents: z.array(IntakeDocument).check(z.maxLength(DOCUMENTS_PER_ASSIGNMENT)),
    /** One email per document per recipient (seed 000), plus invitations when access was granted. */
    emailsSent: z.int().check(z.nonnegative()),
    recipients: z.array(EmailAddress).check(z.maxLength(LIST_LIMITS.contacts + 1)),
    /** The client had no portal access: sharing documents granted it and sent the invitation. */
    portalAccessGranted: z.boolean(),
  }));
export type DocumentAssignmentResult = z.infer<typeof DocumentAssignmentResult>;

export const DocumentReminderResult = lazySchema(() => z
  .object({ document: IntakeDocument, emailsSent: z.int().check(z.nonnegative()) }));
export type DocumentReminderResult = z.infer<typeof DocumentReminderResult>;
