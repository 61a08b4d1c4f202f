/** Who the mock's requests come from: the signed-in staff member, for the activity trail. */
import type { StaffMember } from '../src/schemas/index.js';
import type { MockStore } from './store.js';

/** Signed in when the store names nobody (an owner: every capability). */
export const DEFAULT_STAFF: StaffMember = { id: 'st_owner', displayName: 'Jordan Lee', role: 'owner' };

/** The staff member the mock acts for: the store's signed-in one when it has one, else the default owner. */
export function currentActor(store: MockStore): StaffMember {
  const signedIn = (store as { staff?: StaffMember | null }).staff;
  const who = signedIn ?? DEFAULT_STAFF;
  return { id: who.id, displayName: who.displayName, role: who.role };
}
