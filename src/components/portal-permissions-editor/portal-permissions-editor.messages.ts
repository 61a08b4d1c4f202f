import { defineMessages } from '../../i18n/messages.js';

export const messages = defineMessages('portal-permissions-editor', {
  title: 'Portal permissions',
  clientSection: 'What the client can do in the portal',
  usersSection: 'Portal users’ permissions',
  usersIntro: 'Parents, guardians and helpers enrolled on this client’s portal, and what each of them can use.',
  noUsersTitle: 'No portal users yet',
  noUsersHelp: 'To let a parent, guardian or helper use the portal for this client, invite them from the client’s contacts. They appear here once enrolled.',
  payBlockedTitle: 'Unavailable:',
  payBlockedNoAccount: 'the practice has no active online payments account.',
  payFixNoAccount: 'To fix: set up online card payments for the practice, then come back here.',
  payBlockedBillingOff: 'it needs “Access billing documents”.',
  payFixBillingOff: 'To fix: turn on “Access billing documents” first.',
  payTurnedOffWithBilling: 'Turned off with “Access billing documents”, which it needs. Save to keep this.',
  payTurnedOffAnnounce: 'Pay outstanding balance was turned off too, because it needs Access billing documents.',
  portalOffTitle: 'The client portal is off for the whole practice',
  portalOffBody: 'Clients and portal users can’t sign in, even with access enabled here. Permissions you save apply once the portal is turned back on.',
  practiceSwitch: 'Client portal for the whole practice',
  practiceSwitchHelp: 'When off, no client or portal user can sign in or use any portal feature, whatever their own access says.',
  turnOffTitle: 'Turn off the client portal for the whole practice?',
  turnOffBody:
    'No client or portal user will be able to sign in or use the portal (messages, documents and forms, appointment requests, billing and payments) until it is turned back on, whatever their own access says. Invitations can’t be sent meanwhile.',
  turnOff: 'Turn off the portal',
  turnOnTitle: 'Turn on the client portal for the whole practice?',
  turnOnBody: 'Clients and portal users who have access will be able to sign in again, with the permissions set for each of them.',
  turnOn: 'Turn on the portal',
  practiceNowOff: 'The client portal is now off for the whole practice.',
  practiceNowOn: 'The client portal is now on for the whole practice.',
  practiceAlready: (on: boolean) => (on ? 'Someone else already turned the portal on.' : 'Someone else already turned the portal off.'),
});

// The catalog's English, for the types of a host's overrides and locales (registerLocale).
declare module '../../i18n/messages.js' {
  interface PortalMessageCatalogs {
    'portal-permissions-editor': (typeof messages)['en'];
  }
}
