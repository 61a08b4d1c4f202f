import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { LIST_LIMITS } from './limits.js';

// zod probes `new Function` once to decide whether to compile object parsers. On a page with a
// strict CSP (no 'unsafe-eval') that probe is reported as a violation, so it is switched off:
// parsing stays correct, just interpreted.
z.config({ jitless: true });

/** Opaque resource id, e.g. `cl_active`, `ct_1`, `doc_42`. Ids never carry names or emails. */
export const Id = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

/**
 * Characters a person's name never needs and that change what others read: control characters
 * (line breaks, tabs, NUL, BEL…) and the bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069), which can reverse the text shown after them. The invisible
 * direction marks (LRM, RLM, ALM) stay allowed: mixed-script names use them.
 */
export const HIDDEN_NAME_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * A name as written by staff: 1–200 characters, not blank, none of `HIDDEN_NAME_CHARACTERS`. Stored
 * exactly as sent (never trimmed here: a name sent back unchanged must stay as it was, spaces
 * included); forms trim what a person types.
 */
export const NameInput = lazySchema(() => z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(/\S/, { message: 'Must not be blank' }),
    // A pattern rather than a refinement, so the OpenAPI document states the rule too.
    z.regex(/^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/, { message: 'Must not contain control characters or bidirectional controls' }),
  ));

/** An RFC 3339 timestamp in UTC. */
export const Timestamp = lazySchema(() => z.iso.datetime());

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = lazySchema(() => z.iso.date());

export const EmailAddress = lazySchema(() => z.email().check(z.maxLength(254)));

/** A web address a host may navigate to or a person may open: http(s) only, never `javascript:` or `data:`. */
export const WebUrl = lazySchema(() => z.url({ protocol: /^https?$/ }));

/**
 * An ISO 4217 currency code: three uppercase letters (`USD`). The shape is checked rather than a
 * list of codes, since `Intl.supportedValuesOf('currency')` is missing in some hosts and every
 * well-formed code formats.
 */
export const CurrencyCode = lazySchema(() => z.string().check(z.regex(/^[A-Z]{3}$/)));

/** Money in minor units (cents) with an ISO 4217 currency: never floats. */
export const Money = lazySchema(() => z
  .object({
    amount: z.int().check(z.nonnegative()),
    currency: CurrencyCode,
  }));
export type Money = z.infer<typeof Money>;

/**
 * Optimistic-concurrency version of a resource. The server sends it both in the body and as the
 * strong `ETag` header `"<version>"`; writes send it back as `If-Match`.
 */
export const Version = lazySchema(() => z.int().check(z.nonnegative()));

/** A page of a long collection, walked with an opaque cursor. */
export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item).check(z.maxLength(LIST_LIMITS.page)),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.nonnegative()),
  });
}
