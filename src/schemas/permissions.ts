import * as z from 'zod/mini';
import { lazySchema } from './lazy.js';
import { Id, Version } from './common.js';
import { LIST_LIMITS } from './limits.js';

/**
 * The four client permissions and the five portal-user groups, in the order people read them.
 * Plain lists, so code that only needs the names (the editors, the permission rules) builds no
 * schema when it loads; the enums below are built from them.
 */
export const CLIENT_PERMISSION_KEYS = ['appointmentRequests', 'secureMessaging', 'billingDocuments', 'payBalance'] as const;
export const PERMISSION_GROUPS = ['basic', 'messaging', 'documents', 'scheduling', 'billing'] as const;

export const ClientPermissionKey = lazySchema(() => z.enum(CLIENT_PERMISSION_KEYS));
export type ClientPermissionKey = z.infer<typeof ClientPermissionKey>;

/** One boolean for each name of a list, in its order: the client's permissions, a portal user's groups. */
const flagsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodMiniBoolean>);

export const ClientPermissionFlags = lazySchema(() => flagsOf(CLIENT_PERMISSION_KEYS));
export type ClientPermissionFlags = z.infer<typeof ClientPermissionFlags>;

export const PermissionGroup = lazySchema(() => z.enum(PERMISSION_GROUPS));
export type PermissionGroup = z.infer<typeof PermissionGroup>;

export const PortalUserGroups = lazySchema(() => flagsOf(PERMISSION_GROUPS));
export type PortalUserGroups = z.infer<typeof PortalUserGroups>;

export const PortalUserPermissions = lazySchema(() => z
  .object({ contactId: Id, groups: PortalUserGroups }));
export type PortalUserPermissions = z.infer<typeof PortalUserPermissions>;

export const ClientPermissions = lazySchema(() => z
  .object({
    clientId: Id,
    client: ClientPermissionFlags,
    portalUsers: z.array(PortalUserPermissions).check(z.maxLength(LIST_LIMITS.contacts)),
    version: Version,
  }));
export type ClientPermissions = z.infer<typeof ClientPermissions>;

export const ClientPermissionsUpdate = lazySchema(() => z
  .strictObject({ client: ClientPermissionFlags, portalUsers: z.array(PortalUserPermissions).check(z.maxLength(LIST_LIMITS.contacts)) }));
export type ClientPermissionsUpdate = z.infer<typeof ClientPermissionsUpdate>;
