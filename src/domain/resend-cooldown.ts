/**
 * When the next email to the same person may go out, or null if it may go now. Keeps staff from
 * flooding a family with invitations or reminders.
 */
export function cooldownEndsAt(lastSentAt: string | null | undefined, cooldownMinutes: number, now: Date): Date | null {
  if (!lastSentAt || cooldownMinutes <= 0) return null;
  const ends = new Date(Date.parse(lastSentAt) + cooldownMinutes * 60_000);
  return ends.getTime() > now.getTime() ? ends : null;
}

/** Latest of a list of ISO timestamps (they compare as strings when all are UTC `Z`). */
export function latest(timestamps: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const t of timestamps) if (t && (best === null || Date.parse(t) > Date.parse(best))) best = t;
  return best;
}
