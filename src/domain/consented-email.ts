import type { ClientEmail } from '../schemas/index.js';

/** Addresses the person agreed to receive email at, primary first. */
export function consentedEmails(emails: readonly ClientEmail[]): ClientEmail[] {
  return emails.filter((e) => e.consent).sort((a, b) => Number(b.primary) - Number(a.primary));
}

export function hasConsent(emails: readonly ClientEmail[], address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return emails.some((e) => e.consent && e.address.toLowerCase() === wanted);
}
