import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Contact, PermissionGroup, PortalUserState } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { PERMISSION_GROUPS, changeId, type PermissionChange, type PermissionDraft } from '../../domain/permission-draft.js';
import { permissionMessages } from './permissions.messages.js';
import { bidi } from './bidi.js';

/** One portal user of the client: a contact enrolled on the portal. */
export interface PortalUserRow {
  contactId: string;
  name: string;
  state: PortalUserState | null;
}

export const fullName = (c: Pick<Contact, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();

/** Rows for the draft's portal users, named from the contacts (in the draft's order). */
export function portalUserRows(draft: PermissionDraft, contacts: readonly Contact[], locale: Locale): PortalUserRow[] {
  return draft.portalUsers.map(({ contactId }) => {
    const contact = contacts.find((c) => c.id === contactId);
    return { contactId, name: contact ? fullName(contact) : permissionMessages[locale].unknownPerson, state: contact?.portalUser.state ?? null };
  });
}

export const STATE_BADGE: Record<PortalUserState, string> = { not_enrolled: '', invited: 'warning', active: 'success', disabled: 'danger' };

export interface PortalUserGroupsOptions {
  locale: Locale;
  rows: readonly PortalUserRow[];
  draft: PermissionDraft;
  /** Edits not saved yet, marked in their cells. */
  changes: readonly PermissionChange[];
  disabled: boolean;
  /** Keeps ids unique when two grids share a shadow root. */
  idPrefix: string;
  onToggle: (contactId: string, group: PermissionGroup, on: boolean) => void;
}

/**
 * The portal users × permission groups grid (MB Practice style): one switch per cell, named
 * "Messaging for Dana Lopez" and described by what the group allows. Both the permissions editor
 * and the guardian manager render it.
 *
 * It fits whatever column the host gives it, with nothing hidden in a scroller: a table when its
 * container is wide enough for every column, one card per portal user with a labelled switch per
 * group when it is not (container queries in `permissions.styles.ts`). The explicit roles keep the
 * table's semantics when the narrow layout changes its `display`.
 */
export function renderPortalUserGroups(o: PortalUserGroupsOptions): TemplateResult {
  const m = permissionMessages[o.locale];
  const changed = new Set(o.changes.map(changeId));
  const groupsOf = new Map(o.draft.portalUsers.map((u) => [u.contactId, u.groups]));
  return html`
    <div class="groups-container render-in-view">
      <table class="groups" part="groups-table" role="table" aria-labelledby="${o.idPrefix}-groups-caption">
        <caption class="visually-hidden" id="${o.idPrefix}-groups-caption">${m.groupsCaption}</caption>
        <thead class="groups-head" role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${m.portalUserColumn}</th>
            ${PERMISSION_GROUPS.map((g) => html`<th scope="col" role="columnheader">${m[`group.${g}`]}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${o.rows.map((row) => {
            const groups = groupsOf.get(row.contactId);
            return html`<tr part="groups-row" role="row">
              <th scope="row" role="rowheader">
                <span class="person">${bidi(row.name)}</span>
                ${row.state ? html`<span class="badge ${STATE_BADGE[row.state]}">${m[`state.${row.state}`]}</span>` : nothing}
              </th>
              ${PERMISSION_GROUPS.map((g) => {
                const unsaved = changed.has(`portalUsers.${row.contactId}.${g}`);
                // The visible group name is for the card layout (the column header says it in the table);
                // the switch's own name already holds it, so screen readers hear it once.
                return html`<td role="cell" class=${unsaved ? 'unsaved' : ''}>
                  <label class="group-cell">
                    <span class="group-name" aria-hidden="true">${m[`group.${g}`]}</span>
                    <input
                      type="checkbox"
                      role="switch"
                      class="switch"
                      part="switch"
                      aria-label=${m.groupFor(m[`group.${g}`], row.name)}
                      aria-describedby="${o.idPrefix}-help-${g}"
                      .checked=${live(groups?.[g] ?? false)}
                      ?disabled=${o.disabled}
                      @change=${(e: Event) => o.onToggle(row.contactId, g, (e.target as HTMLInputElement).checked)}
                    />
                  </label>
                </td>`;
              })}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <details class="group-help" part="groups-help">
      <summary>${m.groupsLegend}</summary>
      <dl>
        ${PERMISSION_GROUPS.map((g) => html`<dt>${m[`group.${g}`]}</dt><dd id="${o.idPrefix}-help-${g}">${m[`groupHelp.${g}`]}</dd>`)}
      </dl>
    </details>
  `;
}
