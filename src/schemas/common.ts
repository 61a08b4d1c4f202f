import * as z from 'zod/mini';

// zod probes `new Function` once to decide whether to compile object parsers. On a page with a
// strict CSP (no 'unsafe-eval') that probe is reported as a violation, so it is switched off:
// parsing stays correct, just interpreted.
z.config({ jitless: true });

/** Opaque resource id, e.g. `cl_active`, `ct_1`, `doc_42`. Ids never carry names or emails. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** An RFC 3339 timestamp in UTC. */
export const Timestamp = z.iso.datetime();

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

export const EmailAddress = z.email().check(z.maxLength(254));

/** A web address a host may navigate to or a person may open: http(s) only, never `javascript:` or `data:`. */
export const WebUrl = z.url({ protocol: /^https?$/ });

/** Money in minor units (cents) with an ISO 4217 currency: never floats. */
export const Money = z
  .object({
    amount: z.int().check(z.nonnegative()),
    currency: z.string().check(z.length(3)),
  });
export type Money = z.infer<typeof Money>;

/**
 * Optimistic-concurrency version of a resource. The server sends it both in the body and as the
 * strong `ETag` header `"<version>"`; writes send it back as `If-Match`.
 */
export const Version = z.int().check(z.nonnegative());

/** A page of a long collection, walked with an opaque cursor. */
export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.nonnegative()),
  });
}
