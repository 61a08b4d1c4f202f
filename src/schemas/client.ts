import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { CalendarDate, EmailAddress, Id } from './common.js';
import { LIST_LIMITS } from './limits.js';

export const ClientEmail = lazySchema(() => z
  .object({
    address: EmailAddress,
    /** "Email ok" / reminders on: the client agreed to receive email here. */
    consent: z.boolean(),
    primary: z.boolean(),
  }));
export type ClientEmail = z.infer<typeof ClientEmail>;

export const ClientSummary = lazySchema(() => z
  .object({
    id: Id,
    firstName: z.string().check(z.maxLength(200)),
    lastName: z.string().check(z.maxLength(200)),
    dateOfBirth: z.nullable(CalendarDate),
    emails: z.array(ClientEmail).check(z.maxLength(LIST_LIMITS.emails)),
  }));
export type ClientSummary = z.infer<typeof ClientSummary>;
