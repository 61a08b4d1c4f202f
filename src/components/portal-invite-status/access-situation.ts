import type { ClientSummary, Contact, PortalAccess, PracticeSettings } from '../../schemas/index.js';
import { ageOn, isMinor } from '../../domain/age.js';
import { invitationRecipients, type RecipientPlan } from '../../domain/invitation-recipients.js';
import { invitationDecision, type InvitationDecision } from '../../domain/invitation-rules.js';
import { diagnosePortalAccess, type Finding } from '../../domain/portal-diagnosis.js';

/** Everything the widget loads for one client, in one go. */
export interface PortalAccessData {
  clientId: string;
  practice: PracticeSettings;
  client: ClientSummary;
  access: PortalAccess;
  contacts: Contact[];
}

/** Why "Send invitation" cannot run right now. */
export type SendBlock = { kind: 'portal_off' } | { kind: 'no_recipient'; code: NonNullable<RecipientPlan['blocker']> } | { kind: 'cooldown'; retryAt: Date };

/** What the data allows at one instant, worked out once per render from the domain rules. */
export interface AccessSituation {
  d: PortalAccessData;
  now: Date;
  plan: RecipientPlan;
  /** The invitation decision as if the portal were on; the practice switch is `portalOn`. */
  decision: InvitationDecision;
  portalOn: boolean;
  minor: boolean;
  /** Signed in at least once and not disabled: no resend, the portal link instead. */
  signedInBefore: boolean;
  sendBlock: SendBlock | null;
  /** A minor under the own-access age has no portal address of their own to change. */
  emailChangeAllowed: boolean;
  findings: Finding[];
}

export function accessSituation(d: PortalAccessData, now: Date): AccessSituation {
  const plan = invitationRecipients(d.client, d.access, d.contacts, d.practice, now);
  const decision = invitationDecision(d.access, { ...d.practice, portalEnabled: true }, now);
  const portalOn = d.practice.portalEnabled;
  let sendBlock: SendBlock | null = null;
  if (!portalOn) sendBlock = { kind: 'portal_off' };
  else if (plan.blocker) sendBlock = { kind: 'no_recipient', code: plan.blocker };
  else if (!decision.allowed && decision.code === 'resend_cooldown' && decision.retryAt) sendBlock = { kind: 'cooldown', retryAt: decision.retryAt };
  const minor = isMinor(d.client, now);
  const ownAddress = !minor || (d.client.dateOfBirth !== null && ageOn(d.client.dateOfBirth, now) >= d.practice.minorOwnAccessAge);
  return {
    d,
    now,
    plan,
    decision,
    portalOn,
    minor,
    signedInBefore: !decision.allowed && decision.code === 'already_signed_in',
    sendBlock,
    emailChangeAllowed: ownAddress,
    findings: diagnosePortalAccess({ practice: d.practice, client: d.client, access: d.access, contacts: d.contacts, now }),
  };
}
