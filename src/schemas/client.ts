import * as z from 'zod/mini';
import { CalendarDate, EmailAddress, Id } from './common.js';

export const ClientEmail = z
  .object({
    address: EmailAddress,
    /** "Email ok" / reminders on: the client agreed to receive email here. */
    consent: z.boolean(),
    primary: z.boolean(),
  });
export type ClientEmail = z.infer<typeof ClientEmail>;

export const ClientSummary = z
  .object({
    id: Id,
    firstName: z.string().check(z.maxLength(200)),
    lastName: z.string().check(z.maxLength(200)),
    dateOfBirth: z.nullable(CalendarDate),
    emails: z.array(ClientEmail),
  });
export type ClientSummary = z.infer<typeof ClientSummary>;
