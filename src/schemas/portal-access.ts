import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { EmailAddress, Id, Timestamp, Version } from './common.js';
import { Invitation } from './invitation.js';
import { LIST_LIMITS } from './limits.js';

export const AccessState = lazySchema(() => z.enum(['not_invited', 'invited', 'active', 'disabled']));
export type AccessState = z.infer<typeof AccessState>;

export const PortalAccess = lazySchema(() => z
  .object({
    clientId: Id,
    state: AccessState,
    /** The address used for portal sign-in; for a minor, invitations go to the legal guardians. */
    email: z.nullable(EmailAddress),
    invitations: z.array(Invitation).check(z.maxLength(LIST_LIMITS.invitations)),
    firstSignInAt: z.nullable(Timestamp),
    lastSignInAt: z.nullable(Timestamp),
    disabledAt: z.nullable(Timestamp),
    version: Version,
  }));
export type PortalAccess = z.infer<typeof PortalAccess>;

export const EmailChangeScope = lazySchema(() => z.enum(['portal', 'primary']));
export type EmailChangeScope = z.infer<typeof EmailChangeScope>;

export const PortalEmailChange = lazySchema(() => z
  .strictObject({
    email: EmailAddress,
    /** `portal`: only the sign-in address; `primary`: the client's primary address for everything. */
    scope: EmailChangeScope,
    /** The client agreed to email at this address. Required true for a new address. */
    consent: z.boolean(),
    /** "Disable and resend": end access at the old address and invite the new one. */
    disableAndResend: z.boolean(),
  }));
export type PortalEmailChange = z.infer<typeof PortalEmailChange>;

export const SignInPin = lazySchema(() => z
  .object({
    /** Shown once; the server keeps only a hash. */
    pin: z.string().check(z.regex(/^\d{6}$/)),
    expiresAt: Timestamp,
  }));
export type SignInPin = z.infer<typeof SignInPin>;
