import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { EmailAddress, Id, Timestamp } from './common.js';

export const DeliveryStatus = lazySchema(() => z.enum(['sent', 'delivered', 'bounced', 'complained']));
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Invitation = lazySchema(() => z
  .object({
    id: Id,
    sentAt: Timestamp,
    to: EmailAddress,
    /** The custom message staff added, if any. */
    message: z.nullable(z.string().check(z.maxLength(2000))),
    delivery: DeliveryStatus,
    expiresAt: Timestamp,
  }));
export type Invitation = z.infer<typeof Invitation>;

export const InvitationRequest = lazySchema(() => z
  .strictObject({ message: z.optional(z.string().check(z.maxLength(2000))) }));
export type InvitationRequest = z.infer<typeof InvitationRequest>;
