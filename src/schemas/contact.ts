import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { Id, NameInput, Timestamp, Version } from './common.js';
import { ClientEmail } from './client.js';
import { Invitation } from './invitation.js';
import { LIST_LIMITS } from './limits.js';

export const Relationship = lazySchema(() => z.enum(['mother', 'father', 'parent', 'stepparent', 'grandparent', 'sibling', 'spouse', 'partner', 'guardian', 'caregiver', 'other']));
export type Relationship = z.infer<typeof Relationship>;

export const PortalUserState = lazySchema(() => z.enum(['not_enrolled', 'invited', 'active', 'disabled']));
export type PortalUserState = z.infer<typeof PortalUserState>;

export const ContactPortalUser = lazySchema(() => z
  .object({
    state: PortalUserState,
    email: z.nullable(ClientEmail.shape.address),
    invitations: z.array(Invitation).check(z.maxLength(LIST_LIMITS.invitations)),
    firstSignInAt: z.nullable(Timestamp),
    lastSignInAt: z.nullable(Timestamp),
  }));
export type ContactPortalUser = z.infer<typeof ContactPortalUser>;

export const Contact = lazySchema(() => z
  .object({
    id: Id,
    clientId: Id,
    firstName: z.string().check(z.maxLength(200)),
    lastName: z.string().check(z.maxLength(200)),
    relationship: Relationship,
    legalGuardian: z.boolean(),
    emails: z.array(ClientEmail).check(z.maxLength(LIST_LIMITS.emails)),
    portalUser: ContactPortalUser,
    version: Version,
  }));
export type Contact = z.infer<typeof Contact>;

/** A client's contacts. */
export const Contacts = lazySchema(() => z.array(Contact).check(z.maxLength(LIST_LIMITS.contacts)));

export const ContactInput = lazySchema(() => z
  .strictObject({
    firstName: NameInput,
    lastName: NameInput,
    relationship: Relationship,
    legalGuardian: z.boolean(),
    emails: z.array(ClientEmail).check(z.maxLength(5)),
  }));
export type ContactInput = z.infer<typeof ContactInput>;
