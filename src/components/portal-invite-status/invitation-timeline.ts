import { html, nothing, type TemplateResult } from 'lit';
import type { DeliveryStatus, Invitation } from '../../schemas/index.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteStatusMessages } from './portal-invite-status.messages.js';

/** How many invitations show before "Show all". */
export const TIMELINE_PREVIEW = 5;

const DELIVERY_BADGE: Record<DeliveryStatus, string> = { sent: 'info', delivered: 'success', bounced: 'danger', complained: 'warning' };

export interface TimelineView {
  m: InviteStatusMessages;
  locale: Locale;
  now: Date;
  /** Invited and not signed in: an expired link is a problem worth a badge, not just history. */
  waiting: boolean;
  showAll: boolean;
  onShowAll: () => void;
}

/** Every invitation, newest first: when, to whom, what became of it and when its link expires. */
export function renderInvitationTimeline(invitations: readonly Invitation[], view: TimelineView): TemplateResult {
  const { m, locale, now } = view;
  const newestFirst = [...invitations].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
  const shown = view.showAll ? newestFirst : newestFirst.slice(0, TIMELINE_PREVIEW);
  return html`<section class="timeline" part="timeline" aria-labelledby="timeline-heading">
    <h3 id="timeline-heading">${m.timelineHeading}</h3>
    ${newestFirst.length === 0
      ? html`<div class="empty" part="empty"><strong>${m.timelineEmptyTitle}</strong>${m.timelineEmptyBody}</div>`
      : html`<ol class="invitations">
            ${shown.map((inv) => {
              const expired = Date.parse(inv.expiresAt) <= now.getTime();
              return html`<li class="invitation" part="invitation" data-invitation=${inv.id}>
                <div class="row">
                  <time datetime=${inv.sentAt}>${formatDateTime(inv.sentAt, locale)}</time>
                  <span class="badge ${DELIVERY_BADGE[inv.delivery]}" part="delivery-badge">${m.delivery(inv.delivery)}</span>
                  ${expired && view.waiting ? html`<span class="badge" part="expired-badge">${m.expiredBadge}</span>` : nothing}
                </div>
                <div class="recipient">${m.sentTo(inv.to)}</div>
                <div class="muted">${expired ? m.expired(formatDateTime(inv.expiresAt, locale)) : m.expires(formatDateTime(inv.expiresAt, locale))}</div>
                ${inv.message ? html`<blockquote class="message"><span class="visually-hidden">${m.customMessage}: </span>${inv.message}</blockquote>` : nothing}
              </li>`;
            })}
          </ol>
          ${shown.length < newestFirst.length
            ? html`<button type="button" class="button link" part="button show-all-button" @click=${view.onShowAll}>${m.showAll(newestFirst.length)}</button>`
            : nothing}`}
  </section>`;
}
