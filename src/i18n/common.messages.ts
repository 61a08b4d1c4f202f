import type { ProblemCode } from '../schemas/index.js';
import { defineMessages } from './messages.js';

/** Strings every widget shares: states, buttons and what each API problem means to a person. */
export const commonMessages = defineMessages('common', {
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  discard: 'Discard',
  confirm: 'Confirm',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy. Select the text and copy it yourself.',
  notConfigured: 'This widget is not connected to the portal. Wrap it in <portal-provider> or call PortalWidgets.configure().',
  noClient: 'No client selected.',
  errorTitle: 'Something went wrong',
  networkError: 'Can’t reach the portal service. Check the connection and try again.',
  timeoutError: 'The portal service took too long to answer. Try again.',
  contractError: 'The portal service sent data this page cannot read. Try again; if it keeps happening, contact support.',
  authError: 'Your session has ended or you do not have access. Sign in again.',
  notFound: 'This record was not found. It may have been removed.',
  serverError: 'The portal service had a problem. Try again in a moment.',
  conflict: 'Someone else changed this in the meantime. The latest version is shown.',
  availableAgain: (when: string) => `Available again ${when}.`,
  oversizedError: 'The portal service sent more data than this page accepts, so none of it is shown. Try again; if it keeps happening, contact support.',
  displayError: 'This information could not be shown. Try again; if it keeps happening, contact support.',
});

/** What each rule the server enforces means, said to staff. */
export const problemMessages = defineMessages<Record<ProblemCode, string>>('problems', {
  bad_request: 'Some of the information is not valid. Check the highlighted fields.',
  unauthorized: 'Your session has ended. Sign in again.',
  forbidden: 'You do not have permission to do this.',
  not_found: 'This record was not found. It may have been removed.',
  internal: 'The portal service had a problem. Try again in a moment.',
  unavailable: 'The portal service is unavailable right now. Try again in a moment.',
  portal_off_for_practice: 'The client portal is turned off for the whole practice, so nobody can sign in.',
  already_signed_in: 'This person has already signed in, so there is no invitation to resend. Share the portal link instead.',
  no_consented_email: 'There is no email address this person agreed to receive email at.',
  no_legal_guardian: 'This client is a minor with no legal guardian on file, so portal emails have nowhere to go.',
  resend_cooldown: 'An email was sent very recently. Wait before sending another.',
  access_disabled: 'Portal access is disabled for this person.',
  stale_version: 'Someone else changed this in the meantime.',
  precondition_required: 'This change needs the current version. Reload and try again.',
  pay_balance_requires_billing_documents: '"Pay outstanding balance" needs "Access billing documents".',
  no_payments_account: 'The practice has no active online payments account.',
  missing_permission: 'Online payment is not turned on for this client.',
  amount_not_allowed: 'Only the full balance or whole invoices can be paid.',
  nothing_to_pay: 'There is nothing to pay.',
  invoice_not_payable: 'One of the invoices can no longer be paid. The list has been refreshed.',
  card_declined: 'The card was declined. Try another card.',
  idempotency_key_required: 'The payment request was incomplete. Try again.',
  idempotency_key_reused: 'This payment was already submitted with different details. Start again.',
  no_insurance_method: 'The practice must add an insurance payment method before a card image can be uploaded.',
  unsupported_image: 'Upload a JPEG, PNG or WebP image.',
  image_too_large: 'The image is too large.',
  document_signed: 'This document is already signed.',
  reminder_cooldown: 'A reminder was sent very recently. Wait before sending another.',
  image_type_mismatch: 'The file’s contents are not the image type its name says. Choose a JPEG, PNG or WebP image.',
  card_already_saved: 'This card is already saved.',
  method_not_allowed: 'The portal service does not accept this kind of request here. Contact support.',
  request_timeout: 'The request took too long to reach the portal service. Try again.',
  payload_too_large: 'This is more than the portal service accepts at once.',
  unsupported_media_type: 'The portal service could not read this request. Contact support.',
  document_already_assigned: 'The client already has this document. Choose “Send again” to send another copy.',
  missing_capability: 'Your role doesn’t allow this. Ask a colleague who can do it.',
  too_many_contacts: 'This client already has 50 contacts, the most there can be. Remove one before adding another.',
});

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module './messages.js' {
  interface PortalMessageCatalogs {
    common: (typeof commonMessages)['en'];
    problems: (typeof problemMessages)['en'];
  }
}
