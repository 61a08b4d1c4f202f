import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { Id } from './common.js';

/** The roles a practice gives its staff (DESIGN.md, "Staff roles and records"). */
export const StaffRole = lazySchema(() => z.enum(['owner', 'clinician', 'front-desk', 'biller']));
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * What a signed-in staff member may do. The server decides (`GET /session`); widgets offer only
 * these actions and the API refuses the rest with `403 missing_capability`.
 */
export const Capability = lazySchema(() => z.enum([
  'portal.invite',
  'portal.email',
  'portal.disable',
  'portal.pin',
  'practice.settings',
  'permissions.edit',
  'contacts.edit',
  'documents.assign',
  'documents.cancel',
  'billing.view',
  'billing.cards',
  'billing.charge',
  'activity.view',
]));
export type Capability = z.infer<typeof Capability>;

/** A member of the practice's staff, as the activity trail and the session name them. */
export const StaffMember = lazySchema(() => z.object({
  id: Id,
  displayName: z.string().check(z.minLength(1), z.maxLength(200)),
  role: StaffRole,
}));
export type StaffMember = z.infer<typeof StaffMember>;

const isCapability = (value: string): value is Capability => (Capability.options as readonly string[]).includes(value);

/**
 * Who is signed in and what they may do (`GET /session`): the server's word, read once per page.
 * Widgets offer an action only when its capability is listed; the API refuses the rest anyway.
 * A capability this version of the SDK does not know (a newer server) is dropped, not an error:
 * what it would allow is not offered here anyway.
 */
/** A session's capabilities as sent: strings, so those of a server newer than this SDK still parse. */
export const CapabilityList = lazySchema(() => z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)));

export const Session = lazySchema(() => z.object({
  staff: StaffMember,
  capabilities: z.pipe(
    CapabilityList,
    z.transform((list: string[]) => [...new Set(list.filter(isCapability))]),
  ),
}));
export type Session = z.output<typeof Session>;
