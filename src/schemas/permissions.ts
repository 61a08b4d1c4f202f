import * as z from 'zod/mini';
import { Id, Version } from './common.js';

export const ClientPermissionKey = z.enum(['appointmentRequests', 'secureMessaging', 'billingDocuments', 'payBalance']);
export type ClientPermissionKey = z.infer<typeof ClientPermissionKey>;

export const ClientPermissionFlags = z
  .object({
    appointmentRequests: z.boolean(),
    secureMessaging: z.boolean(),
    billingDocuments: z.boolean(),
    payBalance: z.boolean(),
  })
  .register(z.globalRegistry, { id: 'ClientPermissionFlags', description: 'The four per-client portal permissions.' });
export type ClientPermissionFlags = z.infer<typeof ClientPermissionFlags>;

export const PermissionGroup = z.enum(['basic', 'messaging', 'documents', 'scheduling', 'billing']);
export type PermissionGroup = z.infer<typeof PermissionGroup>;

export const PortalUserGroups = z
  .object({
    basic: z.boolean(),
    messaging: z.boolean(),
    documents: z.boolean(),
    scheduling: z.boolean(),
    billing: z.boolean(),
  })
  .register(z.globalRegistry, { id: 'PortalUserGroups', description: 'Permission groups of one portal user.' });
export type PortalUserGroups = z.infer<typeof PortalUserGroups>;

export const PortalUserPermissions = z
  .object({ contactId: Id, groups: PortalUserGroups })
  .register(z.globalRegistry, { id: 'PortalUserPermissions', description: 'A contact enrolled as a portal user and their groups.' });
export type PortalUserPermissions = z.infer<typeof PortalUserPermissions>;

export const ClientPermissions = z
  .object({
    clientId: Id,
    client: ClientPermissionFlags,
    portalUsers: z.array(PortalUserPermissions),
    version: Version,
  })
  .register(z.globalRegistry, { id: 'ClientPermissions', description: "A client's permissions and their portal users' groups." });
export type ClientPermissions = z.infer<typeof ClientPermissions>;

export const ClientPermissionsUpdate = z
  .strictObject({ client: ClientPermissionFlags, portalUsers: z.array(PortalUserPermissions) })
  .register(z.globalRegistry, { id: 'ClientPermissionsUpdate', description: 'The whole permission set; sent with If-Match.' });
export type ClientPermissionsUpdate = z.infer<typeof ClientPermissionsUpdate>;
