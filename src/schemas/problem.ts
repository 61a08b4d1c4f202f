import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { LIST_LIMITS } from './limits.js';

/** Stable machine codes, one per rule the server enforces. Hosts branch on these, not on text. */
export const ProblemCode = lazySchema(() => z.enum([
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
  'image_type_mismatch',
  'card_already_saved',
  'method_not_allowed',
  'request_timeout',
  'payload_too_large',
  'unsupported_media_type',
  'document_already_assigned',
  'missing_capability',
  'too_many_contacts',
]));
export type ProblemCode = z.infer<typeof ProblemCode>;

/** RFC 9457 problem details, with our `code`. */
export const Problem = lazySchema(() => z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: ProblemCode,
    detail: z.optional(z.string()),
    /** Seconds until the action is allowed again (cooldowns). */
    retryAfterSeconds: z.optional(z.int()),
    /**
     * With `missing_capability`: the capability the signed-in staff member lacks (see `Capability`;
     * a string, so a capability newer than this SDK still parses).
     */
    capability: z.optional(z.string().check(z.maxLength(100))),
    /** Field-level problems for 400s: JSON paths and messages, never the submitted values. */
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() })).check(z.maxLength(LIST_LIMITS.problemErrors))),
  }));
export type Problem = z.infer<typeof Problem>;

/**
 * The HTTP status of every problem code: one table for the mock server, the OpenAPI document and
 * docs/api.md. Codes are stable; a host backend answers each rule with exactly this status.
 */
export const problemStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  internal: 500,
  unavailable: 503,
  portal_off_for_practice: 409,
  already_signed_in: 409,
  no_consented_email: 422,
  no_legal_guardian: 409,
  resend_cooldown: 429,
  access_disabled: 409,
  stale_version: 412,
  precondition_required: 428,
  pay_balance_requires_billing_documents: 422,
  no_payments_account: 409,
  missing_permission: 403,
  amount_not_allowed: 422,
  nothing_to_pay: 409,
  invoice_not_payable: 409,
  card_declined: 402,
  idempotency_key_required: 400,
  idempotency_key_reused: 422,
  no_insurance_method: 409,
  unsupported_image: 415,
  image_too_large: 413,
  document_signed: 409,
  reminder_cooldown: 429,
  image_type_mismatch: 415,
  card_already_saved: 409,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  document_already_assigned: 409,
  missing_capability: 403,
  too_many_contacts: 409,
} as const satisfies Record<ProblemCode, number>;
