/** What a failed payment request means for the money. */
export type PaymentOutcome = 'unknown' | 'refused';

/**
 * After a payment request fails: `refused` when the server answered that it did not charge (a 4xx
 * such as a declined card), so the next attempt is a new payment with a new idempotency key;
 * `unknown` when no answer came back (network, timeout), the server failed (5xx) or its answer was
 * unreadable: the card may have been charged, so only a retry with the same key and the same body
 * is safe (the server then answers without charging twice).
 */
export function paymentOutcome(error: { status?: number | undefined }): PaymentOutcome {
  const status = error.status;
  if (status === undefined || status === 408 || status >= 500) return 'unknown';
  // A success status with a body we could not read: the payment went through, we just can't show it.
  if (status < 400) return 'unknown';
  return 'refused';
}
