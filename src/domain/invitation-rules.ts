import type { ProblemCode } from '../schemas/index.js';
import { cooldownEndsAt, latest } from './resend-cooldown.js';

export interface InvitationSubject {
  state: 'not_invited' | 'not_enrolled' | 'invited' | 'active' | 'disabled';
  firstSignInAt: string | null;
  invitations: readonly { sentAt: string }[];
}

/** Every code `invitationDecision` can refuse with (the API declares them for each operation that invites). */
export const INVITATION_REFUSALS = ['portal_off_for_practice', 'already_signed_in', 'resend_cooldown'] as const satisfies readonly ProblemCode[];
/** Inviting a disabled person (re-enabling them) is refused only while the practice portal is off. */
export const REENABLE_REFUSALS = ['portal_off_for_practice'] as const satisfies readonly ProblemCode[];

export type InvitationDecision =
  | { allowed: true; kind: 'send' | 'resend' }
  | { allowed: false; code: (typeof INVITATION_REFUSALS)[number]; retryAt?: Date };

/**
 * Whether an invitation may be sent to a client or a contact portal user (same rules for both).
 * Resend is offered only while the person has never signed in; after a first sign-in staff share the
 * portal link instead. Sending to a disabled person re-enables them, even if they signed in before.
 */
export function invitationDecision(subject: InvitationSubject, practice: { portalEnabled: boolean; resendCooldownMinutes: number }, now: Date): InvitationDecision {
  if (!practice.portalEnabled) return { allowed: false, code: 'portal_off_for_practice' };
  if (subject.state === 'disabled') return { allowed: true, kind: 'send' };
  if (subject.state === 'active' || subject.firstSignInAt) return { allowed: false, code: 'already_signed_in' };
  if (subject.state === 'invited') {
    const retryAt = cooldownEndsAt(latest(subject.invitations.map((i) => i.sentAt)), practice.resendCooldownMinutes, now);
    if (retryAt) return { allowed: false, code: 'resend_cooldown', retryAt };
    return { allowed: true, kind: 'resend' };
  }
  return { allowed: true, kind: 'send' };
}
