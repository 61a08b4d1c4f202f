import * as z from 'zod/mini';
import { EmailAddress, type AccessState, type ClientSummary, type EmailChangeScope } from '../../schemas/index.js';
import { consentedEmails, hasConsent } from '../../domain/consented-email.js';

/** Value of the "Another address…" option of the address picker. */
export const OTHER_ADDRESS = '';

/** What staff filled in the change-email form; kept as typed until it is saved. */
export interface EmailChangeDraft {
  /** A consented address of the client, or `OTHER_ADDRESS` to type one. */
  choice: string;
  typed: string;
  /** Staff confirm the client agreed to email at the typed address. */
  consent: boolean;
  scope: EmailChangeScope;
  /** Portal-only path: invite the new address at once ("Disable and resend"). */
  resend: boolean;
}

export type EmailChangeError = 'required' | 'invalid' | 'same' | 'consent';
export interface EmailChangeErrors {
  address?: EmailChangeError;
  consent?: EmailChangeError;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Consented addresses the portal could switch to (the current one left out). */
export function addressChoices(client: Pick<ClientSummary, 'emails'>, current: string | null): string[] {
  return consentedEmails(client.emails)
    .map((e) => e.address)
    .filter((a) => !current || !same(a, current));
}

/**
 * A fresh draft: prefilled with `suggestion` (a corrected or consented address) when a diagnosis
 * fix opened the form. Someone who never signed in gets the new address invited by default.
 */
export function newDraft(choices: readonly string[], state: AccessState, suggestion?: string): EmailChangeDraft {
  const picked = suggestion ? choices.find((c) => same(c, suggestion)) : choices[0];
  const typed = suggestion && !picked ? suggestion : '';
  return { choice: picked ?? OTHER_ADDRESS, typed, consent: false, scope: 'portal', resend: state !== 'active' };
}

export function draftAddress(draft: EmailChangeDraft): string {
  return (draft.choice === OTHER_ADDRESS ? draft.typed : draft.choice).trim();
}

/** A new address, or one without "Email ok", needs staff to confirm the client's consent. */
export function needsConsent(client: Pick<ClientSummary, 'emails'>, address: string): boolean {
  return !hasConsent(client.emails, address);
}

/** What is wrong with the draft, by field; empty when it can be sent. */
export function validateDraft(draft: EmailChangeDraft, client: Pick<ClientSummary, 'emails'>, current: string | null): EmailChangeErrors {
  const address = draftAddress(draft);
  if (!address) return { address: 'required' };
  if (!z.safeParse(EmailAddress, address).success) return { address: 'invalid' };
  const consented = !needsConsent(client, address);
  // Re-entering the current address is how consent is recorded for it; otherwise it changes nothing.
  if (current && same(address, current) && consented) return { address: 'same' };
  if (!consented && !draft.consent) return { consent: 'consent' };
  return {};
}
