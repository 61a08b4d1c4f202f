import { html, nothing, type TemplateResult } from 'lit';
import type { Finding, FindingId, FindingSeverity } from '../../domain/portal-diagnosis.js';
import type { InviteStatusMessages } from './portal-invite-status.messages.js';

/** What a finding says: a title, a sentence (none when the status already says it), and the label of its fix button (none: no button). */
export interface FindingText {
  title: string;
  body: string | null;
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
  /** A guardian fix nobody on the page took: say where to do it, under that finding. */
  unansweredGuardianFix: FindingId | null;
}

const BADGE: Record<FindingSeverity, string> = { blocker: 'danger', warning: 'warning', info: 'info', ok: 'success' };

/**
 * The words of a finding. Findings the status line already states (portal off, access disabled,
 * never invited, signed in) carry only their fix here, so nothing is said twice.
 */
export function findingText(f: Finding, m: InviteStatusMessages, when: (iso: string) => string, sender: string): FindingText {
  const guardian = f.about === 'guardian';
  switch (f.id) {
    case 'portal_off':
      return { title: m.portalOffFinding, body: null, fixLabel: m.turnOn };
    case 'no_email':
      return guardian
        ? { title: m.noGuardianEmailFinding, body: m.noGuardianEmailFindingBody, fixLabel: m.addGuardianEmail }
        : { title: m.noEmailFinding, body: m.noEmailFindingBody, fixLabel: m.addEmail };
    case 'no_consent':
      return guardian
        ? { title: m.noGuardianConsentFinding, body: m.noGuardianConsentFindingBody, fixLabel: m.recordGuardianConsent }
        : { title: m.noConsentFinding, body: m.noConsentFindingBody, fixLabel: m.useConsentedEmail };
    case 'no_legal_guardian':
      return { title: m.noGuardianFinding, body: m.noGuardianFindingBody, fixLabel: m.addGuardian };
    case 'email_typo':
      return { title: m.typoFinding, body: m.typoFindingBody(f.address ?? '', f.suggestion ?? ''), fixLabel: guardian ? null : m.useCorrection(domainOf(f.suggestion ?? '')) };
    case 'bounced':
      return { title: m.bouncedFinding, body: m.bouncedFindingBody(f.address ?? '', f.at ? when(f.at) : ''), fixLabel: guardian ? null : m.fixAddress };
    case 'marked_spam':
      return { title: m.spamFinding, body: m.spamFindingBody(f.address ?? '', sender), fixLabel: m.resend };
    case 'invitation_expired':
      return { title: m.expiredFinding, body: m.expiredFindingBody(f.at ? when(f.at) : ''), fixLabel: m.sendNew };
    case 'access_disabled':
      return { title: m.disabledFinding, body: null, fixLabel: m.send };
    case 'not_invited':
      return { title: m.notInvitedFinding, body: null, fixLabel: m.send };
    case 'never_signed_in':
      return f.days
        ? { title: m.waitingFinding, body: m.waitingFindingBody(sender), fixLabel: f.fix === 'copy_portal_link' ? m.copyLink : m.resend }
        : { title: m.waitingRecentFinding, body: m.waitingRecentFindingBody(sender), fixLabel: f.fix === 'copy_portal_link' ? m.copyLink : m.resend };
    case 'signed_in':
      // "Copy portal link" is already among the actions.
      return { title: m.signedInFinding, body: m.signedInFindingBody, fixLabel: null };
  }
}

/** The corrected domain alone: the body names the whole address, and a button label never holds one (it would not fit a narrow column). */
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** Guardian findings the widget can ask a guardian manager (or the host) to fix. */
const ASKS_FOR_GUARDIAN: ReadonlySet<FindingId> = new Set(['no_legal_guardian', 'no_consent', 'no_email']);

/** The diagnosis: one list item per finding, most blocking first, each with its one fix. */
export function renderDiagnosis(findings: readonly Finding[], view: DiagnosisView): TemplateResult {
  const { m } = view;
  return html`<section class="diagnosis" part="diagnosis" aria-labelledby="diagnosis-heading">
    <h3 id="diagnosis-heading">${m.diagnosisHeading}</h3>
    <p class="muted">${m.diagnosisIntro}</p>
    <ol class="findings">
      ${findings.map((f, i) => {
        const text = findingText(f, m, view.when, view.sender);
        const asksForGuardian = f.fix === 'guardians_section' && ASKS_FOR_GUARDIAN.has(f.id);
        return html`<li class="finding ${f.severity}" part="finding finding-${f.severity}" data-finding=${f.id}>
          <div class="finding-head">
            <span class="badge ${BADGE[f.severity]}" part="finding-severity">${m.severity(f.severity)}</span>
            <strong class="finding-title">${text.title}</strong>
          </div>
          ${text.body ? html`<p>${text.body}</p>` : nothing}
          ${text.fixLabel && f.fix && (f.fix !== 'guardians_section' || asksForGuardian)
            ? view.fixButton(f, text.fixLabel, i)
            : f.fix === 'guardians_section'
              ? html`<p class="muted">${m.fixInGuardians}</p>`
              : nothing}
          ${asksForGuardian && view.unansweredGuardianFix === f.id ? html`<p class="hint" part="guardian-fix-note">${m.guardianFixUnhandled}</p>` : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}
