import {
  CLIENT_PERMISSION_KEYS,
  PERMISSION_GROUPS,
  type ClientPermissionKey,
  type PermissionGroup,
  type ClientPermissions,
  type ClientPermissionsUpdate,
  type PortalUserPermissions,
} from '../schemas/index.js';
import { withDependentPermissions } from './permission-rules.js';

/** The permission set being edited: exactly what `updatePermissions` sends. */
export type PermissionDraft = ClientPermissionsUpdate;

/** The four client permissions and the five portal-user groups, in the order people read them (the schemas' lists). */
export { CLIENT_PERMISSION_KEYS, PERMISSION_GROUPS };

/** One difference between two permission sets. Ids and codes only, so it can travel in events. */
export type PermissionChange =
  | { kind: 'client'; key: ClientPermissionKey; from: boolean; to: boolean }
  | { kind: 'group'; contactId: string; group: PermissionGroup; from: boolean; to: boolean }
  | { kind: 'portal-user-added' | 'portal-user-removed'; contactId: string };

export interface PermissionMerge {
  merged: PermissionDraft;
  /** My edits a rule had to undo on the latest version (pay-balance after they turned billing documents off). */
  undone: PermissionChange[];
  /** My edits for portal users who are gone (removed elsewhere). */
  dropped: PermissionChange[];
}

/** A draft to edit, copied so edits never touch loaded data. */
export function draftOf(permissions: Pick<ClientPermissions, 'client' | 'portalUsers'>): PermissionDraft {
  return {
    client: { ...permissions.client },
    portalUsers: permissions.portalUsers.map((u) => ({ contactId: u.contactId, groups: { ...u.groups } })),
  };
}

/** A stable id for a change, e.g. `client.payBalance` or `portalUsers.ct_1.messaging`. */
export function changeId(change: PermissionChange): string {
  switch (change.kind) {
    case 'client':
      return `client.${change.key}`;
    case 'group':
      return `portalUsers.${change.contactId}.${change.group}`;
    default:
      return `portalUsers.${change.contactId}`;
  }
}

const usersById = (users: readonly PortalUserPermissions[]) => new Map(users.map((u) => [u.contactId, u.groups]));

/** What differs from `before` to `after`: client permissions first, then each portal user. */
export function permissionChanges(before: PermissionDraft, after: PermissionDraft): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const key of CLIENT_PERMISSION_KEYS) {
    if (before.client[key] !== after.client[key]) changes.push({ kind: 'client', key, from: before.client[key], to: after.client[key] });
  }
  const old = usersById(before.portalUsers);
  const now = usersById(after.portalUsers);
  for (const [contactId, groups] of now) {
    const was = old.get(contactId);
    if (!was) {
      changes.push({ kind: 'portal-user-added', contactId });
      continue;
    }
    for (const group of PERMISSION_GROUPS) {
      if (was[group] !== groups[group]) changes.push({ kind: 'group', contactId, group, from: was[group], to: groups[group] });
    }
  }
  for (const contactId of old.keys()) if (!now.has(contactId)) changes.push({ kind: 'portal-user-removed', contactId });
  return changes;
}

/** Turns one client permission on or off, with the dependency rule applied (billing documents off → pay-balance off). */
export function withClientPermission(draft: PermissionDraft, key: ClientPermissionKey, value: boolean): PermissionDraft {
  return { ...draft, client: withDependentPermissions({ ...draft.client, [key]: value }) };
}

/** Turns one permission group of one portal user on or off. */
export function withGroup(draft: PermissionDraft, contactId: string, group: PermissionGroup, value: boolean): PermissionDraft {
  return {
    ...draft,
    portalUsers: draft.portalUsers.map((u) => (u.contactId === contactId ? { contactId, groups: { ...u.groups, [group]: value } } : u)),
  };
}

/**
 * Three-way merge after someone else saved first: starts from `theirs` (the latest saved version)
 * and re-applies every setting `mine` changed since `base`. Settings are on/off, so two sides that
 * both changed one agree; what can still be lost is reported instead: an edit the dependency rule
 * undoes on the latest version, and edits for a portal user who is gone. Nothing is dropped silently.
 */
export function mergePermissions(base: PermissionDraft, theirs: PermissionDraft, mine: PermissionDraft): PermissionMerge {
  const mineChanges = permissionChanges(base, mine);

  let client = { ...theirs.client };
  for (const change of mineChanges) if (change.kind === 'client') client[change.key] = change.to;
  client = withDependentPermissions(client);
  const undone = mineChanges.filter((c) => c.kind === 'client' && client[c.key] !== c.to);

  const portalUsers = theirs.portalUsers.map((u) => ({ contactId: u.contactId, groups: { ...u.groups } }));
  const dropped: PermissionChange[] = [];
  for (const change of mineChanges) {
    if (change.kind !== 'group') continue;
    const user = portalUsers.find((u) => u.contactId === change.contactId);
    if (user) user.groups[change.group] = change.to;
    else dropped.push(change);
  }
  return { merged: { client, portalUsers }, undone, dropped };
}
