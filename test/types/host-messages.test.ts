// Type test for a host's strings (`overrideMessages`, `registerLocale`) against the published
// declarations: catalogs and keys are checked, a message with placeholders takes a function of the
// same parameters. Each `@ts-expect-error` fails the run if the mistake under it ever compiles.
import { overrideMessages, registerLocale, type PortalMessages } from '../../dist/types/index.js';

overrideMessages('en', {
  'portal-invite-status': {
    heading: 'Patient app access',
    notSignedInBody: (when, date) => `Invited ${when} (${date}), no sign-in yet.`,
  },
  common: { retry: 'Retry' },
});

registerLocale('fr', {
  common: { loading: 'Chargement…', retry: 'Réessayer' },
  'guardian-manager': {},
});

export const partial: PortalMessages = { problems: { card_declined: 'Card refused.' } };

// @ts-expect-error a key the catalog does not have (misspelt "heading")
overrideMessages('en', { 'portal-invite-status': { heding: 'Patient app access' } });

// @ts-expect-error a catalog that does not exist
registerLocale('fr', { 'portal-invite-statuss': { heading: 'Accès au portail' } });

// @ts-expect-error a message with placeholders takes a function, not a fixed string
overrideMessages('en', { 'portal-invite-status': { notSignedInBody: 'Invited.' } });

// @ts-expect-error the placeholders are strings, not numbers
overrideMessages('en', { 'portal-invite-status': { notSignedInBody: (when: number) => `Invited ${when}.` } });
