/** Who the mock's requests come from: the signed-in staff member, for the activity trail. */
import type { StaffMember } from '../src/schemas/index.js';
import type { MockStore } from './store.js';

/** The staff member the mock acts for (a copy: the trail keeps who it was at the time). */
export function currentActor(store: MockStore): StaffMember {
  const { id, displayName, role } = store.staff;
  return { id, displayName, role };
}
