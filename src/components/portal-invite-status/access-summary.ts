import { html, nothing, type TemplateResult } from 'lit';
import { hasConsent } from '../../domain/consented-email.js';
import { latest } from '../../domain/resend-cooldown.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { AccessSituation } from './access-situation.js';
import type { InviteStatusMessages } from './portal-invite-status.messages.js';
import { bidi } from '../shared/bidi.js';

export interface SummaryView {
  m: InviteStatusMessages;
  locale: Locale;
  /** "3 days ago". */
  when: (iso: string) => string;
}

const STATE_BADGE = { not_invited: '', invited: 'warning', active: 'success', disabled: 'danger' } as const;
const STATE_TONE = { not_invited: 'neutral', invited: 'warning', active: 'success', disabled: 'info' } as const;

/**
 * The heading with the one status badge. With the portal off for the practice the badge says so
 * (nobody can sign in, whatever the client's own state: no green "Active" over a blocked portal).
 */
export function renderHeader({ d, portalOn }: AccessSituation, { m }: SummaryView): TemplateResult {
  return html`<div class="header row" part="header">
    <h2 id="heading" tabindex="-1">${m.heading}</h2>
    <span class="badge ${portalOn ? STATE_BADGE[d.access.state] : 'danger'}" part="status-badge">${portalOn ? m.state(d.access.state) : m.portalOffBadge}</span>
  </div>`;
}

/** The sentence that goes with the badge: where access stands, practice switch included. */
export function statusSentence({ d, portalOn }: AccessSituation, { m, locale, when }: SummaryView): string {
  const { access } = d;
  if (!portalOn) return m.portalOffStatus(m.ownState(access.state));
  const last = latest(access.invitations.map((i) => i.sentAt));
  switch (access.state) {
    case 'invited':
      if (!last) return m.notInvitedBody;
      return (access.firstSignInAt ? m.reinvitedBody : m.notSignedInBody)(when(last), formatDateTime(last, locale));
    case 'active':
      return access.lastSignInAt ? m.activeBody(when(access.lastSignInAt), formatDateTime(access.lastSignInAt, locale)) : m.activeNoDate;
    case 'disabled':
      return access.disabledAt ? m.disabledBody(formatDateTime(access.disabledAt, locale)) : m.disabledNoDate;
    case 'not_invited':
      return m.notInvitedBody;
  }
}

/**
 * One sentence under the badge. A just-confirmed action takes its place (the new state in the
 * words of the action) instead of adding a second banner that says the same.
 */
export function renderStatus(s: AccessSituation, view: SummaryView, confirmation: string | null): TemplateResult {
  const tone = !s.portalOn ? 'danger' : confirmation ? 'success' : STATE_TONE[s.d.access.state];
  return html`<p id="status" class="status-line ${tone}" part="status ${confirmation ? 'feedback' : s.portalOn ? '' : 'portal-off'}" tabindex="-1">
    ${confirmation ?? statusSentence(s, view)}
  </p>`;
}

/** The portal email, a minor's guardian recipients, and the sign-in dates. */
export function renderDetails({ d, plan, minor }: AccessSituation, { m, locale }: SummaryView): TemplateResult {
  const { access, client } = d;
  const guardianName = (id: string) => {
    const c = d.contacts.find((x) => x.id === id);
    return c ? `${c.firstName} ${c.lastName}` : '';
  };
  // Not invited yet: the address the invitation would go to, the same one the send dialog names.
  const pending = access.email ? undefined : plan.recipients.find((r) => r.who === 'client');
  const signIn = (iso: string | null) => (iso ? html`<time datetime=${iso}>${formatDateTime(iso, locale)}</time>` : m.never);
  return html`<dl class="details" part="details" aria-label=${m.detailsLabel}>
    <div>
      <dt>${m.portalEmail}</dt>
      <dd>
        ${access.email
          ? html`${bidi(access.email)} ${!hasConsent(client.emails, access.email) ? html`<span class="badge warning">${m.noConsent}</span>` : nothing}`
          : pending
            ? html`${bidi(pending.address)}<span class="hint">${m.pendingPortalEmail}</span>`
            : m.noPortalEmail}
      </dd>
    </div>
    ${minor
      ? html`<div>
          <dt>${m.recipients}</dt>
          <dd>
            <p class="muted">${m.minorNote}</p>
            ${plan.recipients.length
              ? html`<ul class="recipients">
                  ${plan.recipients.map((r) => html`<li>${r.who === 'client' ? html`${bidi(r.address)} (${m.clientOwnAddress})` : html`${bidi(guardianName(r.who))} (${m.legalGuardian}): ${bidi(r.address)}`}</li>`)}
                </ul>`
              : html`<p>${m.noRecipients}</p>`}
          </dd>
        </div>`
      : nothing}
    <div>
      <dt>${m.firstSignIn}</dt>
      <dd>${signIn(access.firstSignInAt)}</dd>
    </div>
    <div>
      <dt>${m.lastSignIn}</dt>
      <dd>${signIn(access.lastSignInAt)}</dd>
    </div>
  </dl>`;
}
