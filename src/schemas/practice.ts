import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { EmailAddress, Version, WebUrl } from './common.js';

export const OnlinePaymentsStatus = lazySchema(() => z.enum(['active', 'not_set_up', 'restricted']));
export type OnlinePaymentsStatus = z.infer<typeof OnlinePaymentsStatus>;

export const PracticeSettings = lazySchema(() => z
  .object({
    /** Practice-wide switch: off means no client can sign in, whatever their own access says. */
    portalEnabled: z.boolean(),
    /** The card processor account; card payments need it `active`. */
    onlinePayments: OnlinePaymentsStatus,
    portalUrl: WebUrl,
    /** The address portal emails come from (clients add it to their contacts). */
    senderAddress: EmailAddress,
    /** Age at which a minor gets portal access of their own; guardians then see only part. */
    minorOwnAccessAge: z.int().check(z.minimum(0), z.maximum(18)),
    /** Minutes staff must wait between two invitations (or reminders) to the same person. */
    resendCooldownMinutes: z.int().check(z.nonnegative()),
    /** Days after which an invitation link expires. */
    invitationExpiryDays: z.int().check(z.positive()),
    version: Version,
  }));
export type PracticeSettings = z.infer<typeof PracticeSettings>;

export const PracticeSettingsUpdate = lazySchema(() => z
  .strictObject({ portalEnabled: z.boolean() }));
export type PracticeSettingsUpdate = z.infer<typeof PracticeSettingsUpdate>;
