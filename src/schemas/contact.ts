import * as z from 'zod/mini';
import { Id, Timestamp, Version } from './common.js';
import { ClientEmail } from './client.js';
import { Invitation } from './invitation.js';

export const Relationship = z.enum(['mother', 'father', 'parent', 'stepparent', 'grandparent', 'sibling', 'spouse', 'partner', 'guardian', 'caregiver', 'other']);
export type Relationship = z.infer<typeof Relationship>;

export const PortalUserState = z.enum(['not_enrolled', 'invited', 'active', 'disabled']);
export type PortalUserState = z.infer<typeof PortalUserState>;

export const ContactPortalUser = z
  .object({
    state: PortalUserState,
    email: z.nullable(ClientEmail.shape.address),
    invitations: z.array(Invitation),
    firstSignInAt: z.nullable(Timestamp),
    lastSignInAt: z.nullable(Timestamp),
  });
export type ContactPortalUser = z.infer<typeof ContactPortalUser>;

export const Contact = z
  .object({
    id: Id,
    clientId: Id,
    firstName: z.string().check(z.maxLength(200)),
    lastName: z.string().check(z.maxLength(200)),
    relationship: Relationship,
    legalGuardian: z.boolean(),
    emails: z.array(ClientEmail),
    portalUser: ContactPortalUser,
    version: Version,
  });
export type Contact = z.infer<typeof Contact>;

export const ContactInput = z
  .strictObject({
    firstName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    lastName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    relationship: Relationship,
    legalGuardian: z.boolean(),
    emails: z.array(ClientEmail).check(z.maxLength(5)),
  });
export type ContactInput = z.infer<typeof ContactInput>;
