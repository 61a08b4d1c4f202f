import type { Capability } from '../../schemas/index.js';

/**
 * Whether the signed-in staff member may send bulk invitations (`portal.invite`). Capabilities not
 * known yet (no session read) offer the action and let the API decide: a 403 then hides it.
 * The one place the widget asks; it moves to the shared capabilities helper once the session
 * work (#21) lands.
 */
export function mayBulkInvite(capabilities: readonly Capability[] | undefined): boolean {
  return capabilities === undefined || capabilities.includes('portal.invite');
}
