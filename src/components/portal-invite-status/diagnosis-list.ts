import { html, nothing, type TemplateResult } from 'lit';
import type { Finding, FindingSeverity } from '../../domain/portal-diagnosis.js';
import type { InviteStatusMessages } from './portal-invite-status.messages.js';

/** What a finding says: a title, a sentence, and the label of its fix button (none: no button). */
export interface FindingText {
  title: string;
  body: string;
  fixLabel: string | null;
}

export interface DiagnosisView {
  m: InviteStatusMessages;
  /** "3 days ago", "in 2 hours". */
  when: (iso: string) => string;
  /** The practice's sender address, for spam advice. */
  sender: string;
  /** The fix button for a finding (the host knows whether it can run now). */
  fixButton: (finding: Finding, label: string, index: number) => TemplateResult;
}

const BADGE: Record<FindingSeverity, string> = { blocker: 'danger', warning: 'warning', info: 'info', ok: 'success' };

export function findingText(f: Finding, m: InviteStatusMessages, when: (iso: string) => string, sender: string): FindingText {
  const guardian = f.about === 'guardian';
  switch (f.id) {
    case 'portal_off':
      return { title: m.portalOffFinding, body: m.portalOffFindingBody, fixLabel: m.turnOn };
    case 'no_email':
      return guardian
        ? { title: m.noGuardianEmailFinding, body: m.noGuardianEmailFindingBody, fixLabel: null }
        : { title: m.noEmailFinding, body: m.noEmailFindingBody, fixLabel: m.addEmail };
    case 'no_consent':
      return guardian
        ? { title: m.noGuardianConsentFinding, body: m.noGuardianConsentFindingBody, fixLabel: null }
        : { title: m.noConsentFinding, body: m.noConsentFindingBody, fixLabel: m.useConsentedEmail };
    case 'no_legal_guardian':
      return { title: m.noGuardianFinding, body: m.noGuardianFindingBody, fixLabel: null };
    case 'email_typo':
      return { title: m.typoFinding, body: m.typoFindingBody(f.address ?? '', f.suggestion ?? ''), fixLabel: guardian ? null : m.useCorrection(f.suggestion ?? '') };
    case 'bounced':
      return { title: m.bouncedFinding, body: m.bouncedFindingBody(f.address ?? '', f.at ? when(f.at) : ''), fixLabel: guardian ? null : m.fixAddress };
    case 'marked_spam':
      return { title: m.spamFinding, body: m.spamFindingBody(f.address ?? '', sender), fixLabel: m.resend };
    case 'invitation_expired':
      return { title: m.expiredFinding, body: m.expiredFindingBody(f.at ? when(f.at) : ''), fixLabel: m.sendNew };
    case 'access_disabled':
      return { title: m.disabledFinding, body: f.at ? m.disabledFindingBody(when(f.at)) : m.disabledFindingBodyNoDate, fixLabel: m.send };
    case 'not_invited':
      return { title: m.notInvitedFinding, body: m.notInvitedFindingBody, fixLabel: m.send };
    case 'never_signed_in':
      return {
        title: f.days ? m.waitingFinding(f.days) : m.waitingRecentFinding,
        body: m.waitingFindingBody(sender),
        fixLabel: f.fix === 'copy_portal_link' ? m.copyLink : m.resend,
      };
    case 'signed_in':
      return { title: m.signedInFinding, body: f.at ? m.signedInFindingBody(when(f.at)) : m.signedInFindingBodyNoDate, fixLabel: m.copyLink };
  }
}

/** The diagnosis: one list item per finding, most blocking first, each with its one fix. */
export function renderDiagnosis(findings: readonly Finding[], view: DiagnosisView): TemplateResult {
  const { m } = view;
  return html`<section class="diagnosis" part="diagnosis" aria-labelledby="diagnosis-heading">
    <h3 id="diagnosis-heading">${m.diagnosisHeading}</h3>
    <p class="muted">${m.diagnosisIntro}</p>
    <ol class="findings">
      ${findings.map((f, i) => {
        const text = findingText(f, m, view.when, view.sender);
        return html`<li class="finding ${f.severity}" part="finding finding-${f.severity}" data-finding=${f.id}>
          <div class="finding-head">
            <span class="badge ${BADGE[f.severity]}" part="finding-severity">${m.severity(f.severity)}</span>
            <strong class="finding-title">${text.title}</strong>
          </div>
          <p>${text.body}</p>
          ${text.fixLabel && f.fix && f.fix !== 'guardians_section'
            ? view.fixButton(f, text.fixLabel, i)
            : f.fix === 'guardians_section' && f.id !== 'no_legal_guardian'
              ? html`<p class="muted">${m.fixInGuardians}</p>`
              : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}
