/**
 * The most items the API may return in each list. They are part of the contract (the OpenAPI
 * document declares them as `maxItems`): a client refuses an answer that holds more, so no answer,
 * however large or hostile, can freeze the page that shows it. Sized for real practices, and small
 * enough that the largest valid answer renders within one 50 ms task.
 */
export const LIST_LIMITS = {
  /** Items of one page (`listDocuments`, `listPayments`): also the largest `limit` a request may ask for. */
  page: 200,
  /** Contacts of one client (and so portal users). */
  contacts: 50,
  /** Email addresses of a client or a contact. */
  emails: 10,
  /** Invitations kept per portal user: the most recent ones. */
  invitations: 10,
  /** Document templates of a practice. */
  templates: 200,
  /** Invoices of one client. */
  invoices: 200,
  /** Saved cards of one client. */
  cards: 20,
  /** Insurance payment methods of one client. */
  insurance: 10,
  /** Permissions one `permissions_changed` activity entry lists: the client's 4, and 5 groups per portal user. */
  permissionChanges: 4 + 5 * 50,
  /** Field errors in one problem document. */
  problemErrors: 100,
  /** Clients one bulk invitation request handles (and its answer lists); a larger finding goes in batches. */
  bulkInvitations: 500,
} as const;

/**
 * The largest JSON answer body, in bytes. Far above what the lists' maximums produce with ordinary
 * text, and small enough to parse within a frame: a client stops reading a larger body and refuses it.
 */
export const ANSWER_MAX_BYTES = 4 * 1024 * 1024;
