import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import type { PermissionChange } from '../../domain/permission-draft.js';
import type { PermissionDraftController } from './permission-draft-controller.js';
import { permissionMessages } from './permissions.messages.js';
import { busyButton } from './busy-button.js';

/** Names a contact id for people; ids alone mean nothing to staff. */
export type NameOf = (contactId: string) => string;

/** One change, "Secure messaging: On → Off" (the arrow is read as "changed to"). */
function renderChange(change: PermissionChange, nameOf: NameOf, locale: Locale): TemplateResult {
  const m = permissionMessages[locale];
  const onOff = (v: boolean) => (v ? m.on : m.off);
  switch (change.kind) {
    case 'portal-user-added':
      return html`<li>${m.nowPortalUser(nameOf(change.contactId))}</li>`;
    case 'portal-user-removed':
      return html`<li>${m.noLongerPortalUser(nameOf(change.contactId))}</li>`;
    default: {
      const label = change.kind === 'client' ? m[`permission.${change.key}`] : m.groupFor(m[`group.${change.group}`], nameOf(change.contactId));
      return html`<li>
        ${label}: ${onOff(change.from)} <span aria-hidden="true">→</span><span class="visually-hidden">${m.changedTo}</span> ${onOff(change.to)}
      </li>`;
    }
  }
}

export function renderChangeList(changes: readonly PermissionChange[], nameOf: NameOf, locale: Locale): TemplateResult {
  return html`<ul class="changes">${changes.map((c) => renderChange(c, nameOf, locale))}</ul>`;
}

export interface DraftViewOptions {
  locale: Locale;
  nameOf: NameOf;
  idPrefix: string;
}

/** The decision after someone else saved first: what they changed, and my held edits to re-apply or discard. */
export function renderHeldChanges(draft: PermissionDraftController, o: DraftViewOptions): unknown {
  const held = draft.held;
  if (!held) return nothing;
  const m = permissionMessages[o.locale];
  const mine = draft.heldChanges;
  return html`<div class="banner warning held" part="conflict" role="group" aria-labelledby="${o.idPrefix}-held-title" tabindex="-1" id="${o.idPrefix}-held">
    <p class="banner-title" id="${o.idPrefix}-held-title">${m.heldTitle}</p>
    ${held.elsewhere.length ? html`<p>${m.heldElsewhere}</p>${renderChangeList(held.elsewhere, o.nameOf, o.locale)}` : html`<p>${m.heldNoDifference}</p>`}
    <p>${m.heldMine(mine.length)} ${m.heldLocked}</p>
    ${renderChangeList(mine, o.nameOf, o.locale)}
    <div class="row">
      <button type="button" class="button primary" part="button reapply-button" @click=${() => draft.reapply()}>${m.reapply}</button>
      <button type="button" class="button" part="button discard-mine-button" @click=${() => draft.discardHeld()}>${m.discardMine}</button>
    </div>
  </div>`;
}

/** After re-applying: what a rule undid or what concerned a portal user who is gone. */
export function renderReapplyReport(draft: PermissionDraftController, o: DraftViewOptions): unknown {
  const report = draft.report;
  if (!report) return nothing;
  const m = permissionMessages[o.locale];
  return html`<div class="banner info" part="reapply-report">
    ${report.undone.length ? html`<p>${m.undoneTitle}</p>${renderChangeList(report.undone, o.nameOf, o.locale)}` : nothing}
    ${report.dropped.length ? html`<p>${m.droppedTitle}</p>${renderChangeList(report.dropped, o.nameOf, o.locale)}` : nothing}
  </div>`;
}

/**
 * Save and Discard, the unsaved-changes indicator, and the outcome of the last action. With nothing
 * changed, Save and Discard are unavailable: `aria-disabled` rather than `disabled`, so a button
 * that just saved keeps the focus (next to the confirmation) instead of dropping it.
 */
export function renderSaveBar(draft: PermissionDraftController, o: DraftViewOptions & { error: string | null; onSave: () => void; onDiscard: () => void }): TemplateResult {
  const m = permissionMessages[o.locale];
  const count = draft.changes.length;
  const busy = draft.saving;
  const idle = count === 0;
  const unlessIdle = (action: () => void) => () => {
    if (!idle) action();
  };
  return html`<div class="save-bar" part="actions">
    ${busyButton({
      label: m.savePermissions,
      busy,
      disabled: !!draft.held,
      unavailable: idle && !busy,
      kind: 'primary',
      part: 'save-button',
      id: `${o.idPrefix}-save`,
      describedBy: count ? `${o.idPrefix}-unsaved` : undefined,
      onClick: o.onSave,
    })}
    <button
      type="button"
      class="button"
      part="button discard-button"
      id="${o.idPrefix}-discard"
      ?disabled=${busy || !!draft.held}
      aria-disabled=${idle && !busy ? 'true' : nothing}
      @click=${unlessIdle(o.onDiscard)}
    >
      ${m.discardChanges}
    </button>
    ${count ? html`<span class="badge warning" part="unsaved" id="${o.idPrefix}-unsaved">${m.unsaved(count)}</span>` : nothing}
    ${busy ? html`<span class="muted">${m.saving}</span>` : nothing}
    ${draft.notice && !busy ? html`<p class="save-notice" part="save-notice">${draft.notice}</p>` : nothing}
    ${o.error ? html`<p class="field-error" part="save-error" role="alert">${o.error}</p>` : nothing}
  </div>`;
}
