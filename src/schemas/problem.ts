import * as z from 'zod/mini';

/** Stable machine codes, one per rule the server enforces. Hosts branch on these, not on text. */
export const ProblemCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'internal',
  'unavailable',
  'portal_off_for_practice',
  'already_signed_in',
  'no_consented_email',
  'no_legal_guardian',
  'resend_cooldown',
  'access_disabled',
  'stale_version',
  'precondition_required',
  'pay_balance_requires_billing_documents',
  'no_payments_account',
  'missing_permission',
  'amount_not_allowed',
  'nothing_to_pay',
  'invoice_not_payable',
  'card_declined',
  'idempotency_key_required',
  'idempotency_key_reused',
  'no_insurance_method',
  'unsupported_image',
  'image_too_large',
  'document_signed',
  'reminder_cooldown',
  'contact_has_portal_access',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** RFC 9457 problem details, with our `code`. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: ProblemCode,
    detail: z.optional(z.string()),
    /** Seconds until the action is allowed again (cooldowns). */
    retryAfterSeconds: z.optional(z.int()),
    /** Field-level problems for 400s: JSON paths and messages, never the submitted values. */
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  })
  .register(z.globalRegistry, { id: 'Problem', description: 'An RFC 9457 problem details document.' });
export type Problem = z.infer<typeof Problem>;
