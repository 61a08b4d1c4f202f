import { defineMessages } from '../../i18n/messages.js';

/**
 * What each capability lets staff do, as the end of a sentence ("Your role can’t …", "Ask a
 * colleague who can …"), shared by every widget that leaves out an action the role lacks.
 */
export const capabilityMessages = defineMessages('capabilities', {
  'portal.invite': 'send portal invitations',
  'portal.email': 'change portal email addresses',
  'portal.disable': 'disable portal access',
  'portal.pin': 'generate sign-in PINs',
  'practice.settings': 'turn the client portal on or off for the practice',
  'permissions.edit': 'change portal permissions',
  'contacts.edit': 'add, edit or remove contacts',
  'documents.assign': 'assign documents or send reminders',
  'documents.cancel': 'cancel documents',
  'billing.view': 'see billing',
  'billing.cards': 'manage saved cards and insurance cards',
  'billing.charge': 'take payments',
  'activity.view': 'see the activity trail',
  roleCannot: (what: string) => `Your role can’t ${what}.`,
  askColleague: (what: string) => `Ask a colleague who can ${what}.`,
});

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    capabilities: (typeof capabilityMessages)['en'];
  }
}
