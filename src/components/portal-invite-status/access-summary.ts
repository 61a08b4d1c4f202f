import { html, nothing, type TemplateResult } from 'lit';
import { hasConsent } from '../../domain/consented-email.js';
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

/** The heading with the state badge, and the portal-off banner above everything else. */
export function renderHeader({ d, portalOn }: AccessSituation, { m }: SummaryView): TemplateResult {
  return html`<div class="header row" part="header">
      <h2 id="heading" tabindex="-1">${m.heading}</h2>
      <span class="badge ${STATE_BADGE[d.access.state]}" part="status-badge">${m.state(d.access.state)}</span>
    </div>
    ${portalOn
      ? nothing
      : html`<div class="banner danger" part="portal-off">
          <p><strong>${m.portalOffTitle}</strong></p>
          <p>${m.portalOffBody}</p>
        </div>`}`;
}

/** Where access stands, in a sentence: the yellow "not signed in yet" banner for invited clients. */
export function renderStatus({ d }: AccessSituation, { m, locale, when }: SummaryView): TemplateResult {
  const { access } = d;
  const last = access.invitations.reduce<string | null>((a, i) => (!a || Date.parse(i.sentAt) > Date.parse(a) ? i.sentAt : a), null);
  switch (access.state) {
    case 'invited':
      return html`<div class="banner warning" part="status">
        <p><strong>${m.notSignedInTitle}</strong></p>
        ${last ? html`<p>${(access.firstSignInAt ? m.reinvitedBody : m.notSignedInBody)(when(last), formatDateTime(last, locale))}</p>` : nothing}
      </div>`;
    case 'active':
      return html`<p class="status-line" part="status">${access.lastSignInAt ? m.activeBody(when(access.lastSignInAt), formatDateTime(access.lastSignInAt, locale)) : m.activeNoDate}</p>`;
    case 'disabled':
      return html`<div class="banner info" part="status"><p>${access.disabledAt ? m.disabledBody(formatDateTime(access.disabledAt, locale)) : m.disabledNoDate}</p></div>`;
    case 'not_invited':
      return html`<p class="status-line" part="status">${m.notInvitedBody}</p>`;
  }
}

/** The portal email, a minor's guardian recipients, and the sign-in dates. */
export function renderDetails({ d, plan, minor }: AccessSituation, { m, locale }: SummaryView): TemplateResult {
  const { access, client } = d;
  const guardianName = (id: string) => {
    const c = d.contacts.find((x) => x.id === id);
    return c ? `${c.firstName} ${c.lastName}` : '';
  };
  const signIn = (iso: string | null) => (iso ? html`<time datetime=${iso}>${formatDateTime(iso, locale)}</time>` : m.never);
  return html`<dl class="details" part="details" aria-label=${m.detailsLabel}>
    <div>
      <dt>${m.portalEmail}</dt>
      <dd>
        ${access.email ? bidi(access.email) : m.noPortalEmail}
        ${access.email && !hasConsent(client.emails, access.email) ? html`<span class="badge warning">${m.noConsent}</span>` : nothing}
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
