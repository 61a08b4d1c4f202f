import type { ActivityKind, BulkFinding, CardSide, EmailChangeScope, Money, OverviewFinding, ProblemCode } from '../schemas/index.js';

/**
 * Every event the widgets dispatch. All bubble and cross shadow roots (composed), and their
 * details carry ids, never names or emails, so a host can log them safely.
 */
export interface PortalEventDetails {
  /** A widget finished loading its data. */
  'portal-load': { widget: string; clientId: string };
  /** A widget met an error it shows to the user (load or action). */
  'portal-error': { widget: string; clientId: string; operation?: string; status?: number; code?: ProblemCode };
  'portal-invite-sent': { clientId: string; contactId: string | null; invitationId: string; kind: 'send' | 'resend' };
  'portal-email-changed': { clientId: string; scope: EmailChangeScope; invitationSent: boolean };
  'portal-access-disabled': { clientId: string };
  'portal-pin-created': { clientId: string; expiresAt: string };
  'portal-practice-updated': { portalEnabled: boolean };
  'portal-permissions-change': { clientId: string; changed: string[]; dirty: boolean };
  'portal-permissions-saved': { clientId: string; version: number };
  /**
   * Cancelable. `client-id` is about to change while the widget holds unsaved changes (their ids in
   * `changed`). `preventDefault()` keeps the widget on `clientId` with its changes; otherwise they
   * are dropped. Hosts ask `hasUnsavedChanges` before switching; this catches a switch that did not.
   */
  'portal-before-client-change': { clientId: string; nextClientId: string; changed: string[] };
  'portal-contact-added': { clientId: string; contactId: string };
  'portal-contact-updated': { clientId: string; contactId: string };
  'portal-contact-removed': { clientId: string; contactId: string };
  'portal-documents-assigned': { clientId: string; documentIds: string[]; emailsSent: number; portalAccessGranted: boolean };
  'portal-document-reminded': { clientId: string; documentId: string };
  'portal-document-cancelled': { clientId: string; documentId: string };
  'portal-document-open': { clientId: string; documentId: string; url: string };
  'portal-document-completed': { clientId: string; documentId: string };
  'portal-payment-method-added': { clientId: string; paymentMethodId: string };
  'portal-payment-method-removed': { clientId: string; paymentMethodId: string };
  'portal-insurance-card-uploaded': { clientId: string; insuranceMethodId: string; side: CardSide };
  'portal-payment-succeeded': { clientId: string; paymentId: string; amount: Money; invoiceIds: string[] };
  'portal-payment-failed': { clientId: string; status?: number; code?: ProblemCode };
  /**
   * Cancelable: `<portal-invite-status>` asks for a legal guardian to be added (or a guardian's
   * address fixed) for a minor. Whoever takes it calls `preventDefault()`: a `<guardian-manager>`
   * for the same client opens its form (it listens on `window`, after any host listener on
   * `document`); a host without one opens its own. Unanswered, the widget says where to do it.
   */
  'portal-guardian-fix-request': { clientId: string; reason: GuardianFixReason; contactId: string | null };
  /** `<portal-activity-log>` downloaded the trail as CSV (an export of records a host may want to audit). */
  'portal-activity-exported': { clientId: string; kind: ActivityKind | null; entries: number };
  /**
   * `<portal-practice-overview>` sent a bulk invitation: the finding it was for, the clients it
   * reached (ids only) and the counts. Never fired for a dry run.
   */
  'portal-bulk-invitations-sent': { finding: BulkFinding; clientIds: string[]; sent: number; emails: number; skipped: number };
  /** Staff asked to open a client's page from the practice overview (to fix what `finding` says there). */
  'portal-client-open': { clientId: string; finding: OverviewFinding };
}

/** Why a guardian is asked for: none is a legal guardian, or none has an address with consent. */
export type GuardianFixReason = 'no_legal_guardian' | 'no_guardian_consent' | 'no_guardian_email';

export type PortalEventName = keyof PortalEventDetails;

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-load': CustomEvent<PortalEventDetails['portal-load']>;
    'portal-error': CustomEvent<PortalEventDetails['portal-error']>;
    'portal-invite-sent': CustomEvent<PortalEventDetails['portal-invite-sent']>;
    'portal-email-changed': CustomEvent<PortalEventDetails['portal-email-changed']>;
    'portal-access-disabled': CustomEvent<PortalEventDetails['portal-access-disabled']>;
    'portal-pin-created': CustomEvent<PortalEventDetails['portal-pin-created']>;
    'portal-practice-updated': CustomEvent<PortalEventDetails['portal-practice-updated']>;
    'portal-permissions-change': CustomEvent<PortalEventDetails['portal-permissions-change']>;
    'portal-permissions-saved': CustomEvent<PortalEventDetails['portal-permissions-saved']>;
    'portal-before-client-change': CustomEvent<PortalEventDetails['portal-before-client-change']>;
    'portal-contact-added': CustomEvent<PortalEventDetails['portal-contact-added']>;
    'portal-contact-updated': CustomEvent<PortalEventDetails['portal-contact-updated']>;
    'portal-contact-removed': CustomEvent<PortalEventDetails['portal-contact-removed']>;
    'portal-documents-assigned': CustomEvent<PortalEventDetails['portal-documents-assigned']>;
    'portal-document-reminded': CustomEvent<PortalEventDetails['portal-document-reminded']>;
    'portal-document-cancelled': CustomEvent<PortalEventDetails['portal-document-cancelled']>;
    'portal-document-open': CustomEvent<PortalEventDetails['portal-document-open']>;
    'portal-document-completed': CustomEvent<PortalEventDetails['portal-document-completed']>;
    'portal-payment-method-added': CustomEvent<PortalEventDetails['portal-payment-method-added']>;
    'portal-payment-method-removed': CustomEvent<PortalEventDetails['portal-payment-method-removed']>;
    'portal-insurance-card-uploaded': CustomEvent<PortalEventDetails['portal-insurance-card-uploaded']>;
    'portal-payment-succeeded': CustomEvent<PortalEventDetails['portal-payment-succeeded']>;
    'portal-payment-failed': CustomEvent<PortalEventDetails['portal-payment-failed']>;
    'portal-guardian-fix-request': CustomEvent<PortalEventDetails['portal-guardian-fix-request']>;
    'portal-activity-exported': CustomEvent<PortalEventDetails['portal-activity-exported']>;
    'portal-bulk-invitations-sent': CustomEvent<PortalEventDetails['portal-bulk-invitations-sent']>;
    'portal-client-open': CustomEvent<PortalEventDetails['portal-client-open']>;
  }
}
