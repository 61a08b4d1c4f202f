import { defineMessages } from '../../i18n/messages.js';

/**
 * Words both the permissions editor and the guardian manager use: permission and group names with
 * what they allow, portal-user states, relationships, and the "changed elsewhere" vocabulary.
 */
export const permissionMessages = defineMessages('permissions', {
  'permission.appointmentRequests': 'Allow online appointment requests',
  'permission.secureMessaging': 'Use secure messaging',
  'permission.billingDocuments': 'Access billing documents',
  'permission.payBalance': 'Pay outstanding balance',
  'permissionHelp.appointmentRequests': 'Lets the client request appointments in the portal, based on the practice’s availability and scheduling settings.',
  'permissionHelp.secureMessaging': 'Lets the client send and receive secure messages in the portal.',
  'permissionHelp.billingDocuments': 'Lets the client see invoices, statements and superbills in the portal.',
  'permissionHelp.payBalance': 'Lets the client pay outstanding invoices by card in the portal: the full balance or whole invoices.',
  'group.basic': 'Basic functions',
  'group.messaging': 'Messaging',
  'group.documents': 'Documents and forms',
  'group.scheduling': 'Scheduling',
  'group.billing': 'Billing',
  'groupHelp.basic': 'Portal settings, the practice’s banner messages, the upcoming-appointment banner and the client’s profile.',
  'groupHelp.messaging': 'Send and receive secure messages with the practice.',
  'groupHelp.documents': 'See shared documents, and fill out and sign assigned forms.',
  'groupHelp.scheduling': 'See sessions and request appointments.',
  'groupHelp.billing': 'See invoices and payment details, and add payment methods.',
  'state.not_enrolled': 'Not a portal user',
  'state.invited': 'Invited',
  'state.active': 'Active',
  'state.disabled': 'Disabled',
  'relationship.mother': 'Mother',
  'relationship.father': 'Father',
  'relationship.parent': 'Parent',
  'relationship.stepparent': 'Stepparent',
  'relationship.grandparent': 'Grandparent',
  'relationship.sibling': 'Sibling',
  'relationship.spouse': 'Spouse',
  'relationship.partner': 'Partner',
  'relationship.guardian': 'Guardian',
  'relationship.caregiver': 'Caregiver',
  'relationship.other': 'Other',
  on: 'On',
  off: 'Off',
  changedTo: 'changed to',
  groupFor: (group: string, person: string) => `${group} for ${person}`,
  portalUserColumn: 'Portal user',
  groupsCaption: 'Permission groups of each portal user',
  groupsLegend: 'What each group allows',
  unknownPerson: 'A removed contact',
  nowPortalUser: (person: string) => `${person} is now a portal user`,
  noLongerPortalUser: (person: string) => `${person} is no longer a portal user`,
  unsaved: (count: number) => (count === 1 ? 'Unsaved changes (1)' : `Unsaved changes (${count})`),
  savePermissions: 'Save permissions',
  saving: 'Saving…',
  discardChanges: 'Discard changes',
  saved: 'Permissions saved.',
  discarded: 'Your unsaved changes were discarded.',
  heldTitle: 'Someone else saved these permissions while you were editing',
  heldElsewhere: 'Changed elsewhere:',
  heldNoDifference: 'Their save changed nothing you can see here.',
  heldMine: (count: number) =>
    count === 1 ? 'Your 1 unsaved change is kept. Re-apply it on top of their version, or discard it.' : `Your ${count} unsaved changes are kept. Re-apply them on top of their version, or discard them.`,
  heldLocked: 'Switches are locked until you choose.',
  reapply: 'Re-apply my changes',
  discardMine: 'Discard my changes',
  reapplied: 'Your changes were re-applied on top of the latest version. Review them, then save.',
  undoneTitle: 'Could not be re-applied, because of a rule:',
  droppedTitle: 'Could not be re-applied, because the person is no longer a portal user:',
  mineDiscarded: 'Your changes were discarded. The latest saved version is shown.',
  nothingToSave: 'There are no unsaved changes.',
  nothingToDiscard: 'There are no unsaved changes to discard.',
  heldAnnounce: 'Someone else saved these permissions first. Your changes are kept: re-apply or discard them.',
});

export type PermissionMessages = (typeof permissionMessages)['en'];

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    permissions: (typeof permissionMessages)['en'];
  }
}
