/**
 * The mock's staff roles: who can be signed in and what each role may do. This matrix is the
 * mock's policy (docs/mock-server.md, "Staff roles"), not the SDK's: a real practice-management
 * system decides its own roles and answers `GET /session` with the capabilities of whoever signed in.
 */
import { Capability, type StaffMember, type StaffRole } from '../src/schemas/index.js';

export const STAFF_ROLES = ['owner', 'clinician', 'front-desk', 'biller'] as const satisfies readonly StaffRole[];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * What each role may do. The owner runs the practice; the front desk invites families, keeps their
 * contacts, sends intake paperwork and takes payments (a card on file, the insurance card at
 * check-in); clinicians assign and withdraw their intake documents and give a client a sign-in PIN
 * in session; the biller manages cards and payments. Everyone sees the activity trail.
 */
export const STAFF_CAPABILITIES: Record<StaffRole, readonly Capability[]> = {
  owner: Capability.options,
  'front-desk': ['portal.invite', 'portal.email', 'portal.pin', 'permissions.edit', 'contacts.edit', 'documents.assign', 'billing.view', 'billing.cards', 'billing.charge', 'activity.view'],
  clinician: ['portal.pin', 'contacts.edit', 'documents.assign', 'documents.cancel', 'activity.view'],
  biller: ['billing.view', 'billing.cards', 'billing.charge', 'activity.view'],
};

/** One signed-in staff member per role (the activity trail names them). */
export const STAFF_MEMBERS: Record<StaffRole, StaffMember> = {
  owner: { id: 'stf_owner', displayName: 'Riley Morgan', role: 'owner' },
  'front-desk': { id: 'stf_front_desk', displayName: 'Jordan Lee', role: 'front-desk' },
  clinician: { id: 'stf_clinician', displayName: 'Dr. Sam Rivera', role: 'clinician' },
  biller: { id: 'stf_biller', displayName: 'Casey Nguyen', role: 'biller' },
};

/** The capabilities of a role, in the order `Capability` lists them. */
export function capabilitiesOf(role: StaffRole): Capability[] {
  const granted = new Set(STAFF_CAPABILITIES[role]);
  return Capability.options.filter((c) => granted.has(c));
}
