import type { ClientSummary } from '../schemas/index.js';

export const ADULT_AGE = 18;

/** Whole years between a `YYYY-MM-DD` birth date and `now` (UTC calendar). */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** A client without a birth date is treated as an adult: we cannot route their mail to anyone else. */
export function isMinor(client: Pick<ClientSummary, 'dateOfBirth'>, now: Date): boolean {
  return client.dateOfBirth !== null && ageOn(client.dateOfBirth, now) < ADULT_AGE;
}
