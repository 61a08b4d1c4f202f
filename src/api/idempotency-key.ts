/** A fresh key for one payment attempt: reuse it when retrying that attempt, never for another. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
