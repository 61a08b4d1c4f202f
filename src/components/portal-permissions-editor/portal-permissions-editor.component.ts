import { html, nothing, type PropertyDeclaration } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PortalElement } from '../../base/portal-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { isPortalApiError } from '../../api/errors/index.js';
import type { Capability, ClientPermissionKey, ClientPermissions, Contact, PracticeSettings } from '../../schemas/index.js';
import { payBalanceBlockers, permissionProblem } from '../../domain/permission-rules.js';
import { CLIENT_PERMISSION_KEYS } from '../../domain/permission-draft.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import type { Locale } from '../../i18n/locale.js';
import { CapabilityController } from '../shared/capabilities.js';
import { PermissionDraftController } from '../shared/permission-draft-controller.js';
import { renderHeldChanges, renderReapplyReport, renderSaveBar } from '../shared/permission-draft-views.js';
import { fullName, portalUserRows, renderPortalUserGroups } from '../shared/portal-user-groups.js';
import { permissionMessages } from '../shared/permissions.messages.js';
import { permissionStyles } from '../shared/permissions.styles.js';
import { renderPracticeDialog, type PracticeChange } from './practice-dialog.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { ActionController } from '../shared/action-controller.js';
import { messages } from './portal-permissions-editor.messages.js';
import { styles } from './portal-permissions-editor.styles.js';

interface EditorData {
  clientId: string;
  practice: PracticeSettings;
  permissions: ClientPermissions;
  contacts: Contact[];
}

const ID = 'ppe';

/**
 * The base element's protected members its controllers use (DraftHost, ActionHost), made visible to them: types
 * only (declaration merging; the base class implements them). `@internal`: not public API.
 * @internal
 */
export interface PortalPermissionsEditorElement {
  get activeLocale(): Locale;
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean;
  announce(text: string): void;
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary A client's portal permissions and their portal users' permission groups, edited as a
 * draft with the rules built in (pay-balance needs billing documents and an online-payments
 * account), saved with `If-Match` so nobody's changes are silently lost; plus the practice-wide
 * portal switch for staff whose role has `practice.settings`. Staff without `permissions.edit` see
 * the permissions but cannot change them (a line says so).
 *
 * @event portal-load - Data finished loading and is on screen.
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 * @event portal-permissions-change - The user edited the draft (toggle, discard, re-apply): changed setting ids and whether unsaved changes remain.
 * @event portal-before-client-change - Cancelable: `client-id` is about to change while there are unsaved permission changes; `preventDefault()` keeps this client and the changes.
 * @event portal-permissions-saved - The permissions were saved; carries the new version.
 * @event portal-practice-updated - A practice admin turned the portal on or off for the whole practice.
 *
 * @csspart header - The title row.
 * @csspart notice - Not configured / no client.
 * @csspart pending - The loading state.
 * @csspart error - The load error, with its retry button.
 * @csspart practice-banner - "The portal is off for the practice".
 * @csspart practice - The practice-wide portal switch (staff with `practice.settings` only).
 * @csspart role-note - Says the signed-in staff member's role cannot change these permissions.
 * @csspart practice-notice - The outcome of the last change of the practice-wide switch.
 * @csspart client-permissions - The four client permissions.
 * @csspart permission - One client permission: switch, label, description and any blocker.
 * @csspart switch - Every on/off switch.
 * @csspart portal-users - The portal users section.
 * @csspart groups-table - The portal users × permission groups grid.
 * @csspart groups-row - One portal user's row in the grid.
 * @csspart groups-help - What each permission group allows.
 * @csspart conflict - Someone else saved first: what changed, and the held changes to re-apply.
 * @csspart reapply-report - What re-applying could not keep.
 * @csspart actions - Save, Discard, the unsaved-changes indicator and the outcome.
 * @csspart unsaved - The unsaved-changes indicator.
 * @csspart save-notice - The confirmation of the last action.
 * @csspart save-error - Why the last save failed.
 * @csspart button - Every button.
 * @csspart save-button - Save permissions.
 * @csspart discard-button - Discard changes.
 * @csspart reapply-button - Re-apply my changes.
 * @csspart discard-mine-button - Discard my held changes.
 * @csspart retry-button - Retry after a load error.
 * @csspart dialog - Every dialog.
 * @csspart practice-dialog - The confirmation to turn the practice portal on or off.
 * @csspart confirm-button - The button that confirms a dialog.
 */
export class PortalPermissionsEditorElement extends PortalElement {
  static override styles = [sharedStyles, permissionStyles, styles];
  protected readonly widgetName = 'portal-permissions-editor';


  /**
   * @deprecated Since 0.2: the server decides, through the session's `practice.settings`
   * capability. Only while the API has no `GET /session` (it answers 404) does this attribute still
   * decide whether the practice-wide switch is offered; otherwise it is ignored. Removed in 0.3.
   */
  @property({ type: Boolean, attribute: 'practice-admin' }) practiceAdmin = false;

  private readonly caps = new CapabilityController(this);

  /** The confirmation of the last practice-switch action. */
  @state() private practiceNotice = '';
  @state() private practiceChange: PracticeChange | null = null;
  /** Practice settings newer than the loaded ones (after this widget changed them). */
  @state() private practiceLatest: PracticeSettings | null = null;

  private readonly actions = new ActionController(this);
  private readonly practiceDialog = new ModalDialog(this, {
    id: 'ppe-practice-dialog',
    part: 'practice-dialog',
    busy: () => this.actions.busy('practice'),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>(`#${ID}-practice-switch`),
    onClosed: () => {
      this.practiceChange = null;
      this.actions.setError('practice', null);
    },
  });

  private readonly draft = new PermissionDraftController(this, this.actions);

  /**
   * Whether the permissions shown have changes that are not saved (edited, or held after someone
   * else saved first). Read-only. They belong to this client: ask before changing `client-id`, and
   * offer to stay; a change of `client-id` with unsaved changes first fires the cancelable
   * `portal-before-client-change` (see docs/embedding.md).
   */
  get hasUnsavedChanges(): boolean {
    return this.draft?.hasUnsavedChanges ?? false;
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration, useNewValue?: boolean, newValue?: unknown): void {
    // A client switch with unsaved changes asks the page first, and may be refused.
    if (name === 'clientId' && this.draft?.refusesClientChange(oldValue as string | undefined)) return;
    super.requestUpdate(name, oldValue, options, useNewValue, newValue);
  }

  private readonly data = this.loadTask({
    reads: ['getPractice', 'getPermissions', 'listContacts'],
    load: async (api, clientId, _, signal): Promise<EditorData> => {
      const [practice, permissions, contacts] = await Promise.all([
        api.getPractice({ signal }),
        api.getPermissions(clientId, { signal }),
        api.listContacts(clientId, { signal }),
        this.caps.load(api, signal),
      ]);
      return { clientId, practice, permissions, contacts };
    },
    loaded: (value) => this.onLoaded(value),
  });

  private get m() {
    return messages[this.activeLocale];
  }

  private get pm() {
    return permissionMessages[this.activeLocale];
  }

  protected override clientChanged(): void {
    // The draft belongs to one client: another client's edits must never show or be saved here.
    this.draft.clear();
    this.practiceNotice = '';
  }

  private onLoaded(value: EditorData): void {
    if (this.practiceLatest && value.practice.version >= this.practiceLatest.version) this.practiceLatest = null;
    const outcome = this.draft.adopt(value.permissions);
    if (outcome === 'held') void this.focusById(`${ID}-held`);
  }

  private practiceOf(value: EditorData): PracticeSettings {
    return this.practiceLatest && this.practiceLatest.version > value.practice.version ? this.practiceLatest : value.practice;
  }

  protected override render() {
    return html`${this.renderTask(this.data, (v) => this.renderEditor(v))}${this.renderAnnouncer()}`;
  }

  private renderEditor(value: EditorData) {
    const draft = this.draft.draft;
    if (!draft) return nothing;
    const practice = this.practiceOf(value);
    const nameOf = (id: string) => {
      const c = value.contacts.find((x) => x.id === id);
      return c ? fullName(c) : this.pm.unknownPerson;
    };
    const rows = portalUserRows(draft, value.contacts, this.activeLocale);
    const view = { locale: this.activeLocale, nameOf, idPrefix: ID };
    // Without permissions.edit the permissions show as they are, with nothing to change or save.
    const canEdit = this.caps.can('permissions.edit');
    return html`
      <div class="header" part="header"><h2>${this.m.title}</h2></div>
      ${practice.portalEnabled
        ? nothing
        : html`<div class="banner warning" part="practice-banner">
            <p class="banner-title">${this.m.portalOffTitle}</p>
            <p>${this.m.portalOffBody}</p>
          </div>`}
      ${this.caps.can('practice.settings') ? this.renderPracticeSwitch(practice) : nothing}
      ${renderHeldChanges(this.draft, view)}
      ${renderReapplyReport(this.draft, view)}
      ${this.caps.note('permissions.edit', this.activeLocale)}
      <section class="section" part="client-permissions" aria-labelledby="${ID}-client-title">
        <h3 id="${ID}-client-title">${this.m.clientSection}</h3>
        ${CLIENT_PERMISSION_KEYS.map((key) => this.renderClientPermission(key, practice, canEdit))}
      </section>
      <section class="section" part="portal-users" aria-labelledby="${ID}-users-title">
        <h3 id="${ID}-users-title">${this.m.usersSection}</h3>
        ${rows.length
          ? html`<p class="muted">${this.m.usersIntro}</p>
              ${renderPortalUserGroups({
                locale: this.activeLocale,
                rows,
                draft,
                changes: this.draft.changes,
                disabled: !this.draft.editable || !canEdit,
                idPrefix: ID,
                onToggle: (contactId, group, on) => this.draft.setGroup(contactId, group, on),
              })}`
          : html`<div class="empty"><strong>${this.m.noUsersTitle}</strong>${this.m.noUsersHelp}</div>`}
      </section>
      ${canEdit
        ? renderSaveBar(this.draft, {
            ...view,
            error: this.draft.error,
            onSave: () => void this.save(practice),
            onDiscard: () => this.draft.discard(),
          })
        : nothing}
      ${this.caps.can('practice.settings')
        ? this.practiceDialog.render(
            () =>
              renderPracticeDialog({
                locale: this.activeLocale,
                change: this.practiceChange,
                titleId: this.practiceDialog.titleId,
                busy: this.actions.busy('practice'),
                error: this.actions.error('practice'),
                onConfirm: () => void this.confirmPractice(practice),
                onCancel: () => this.practiceDialog.close(),
              }),
            { describedBy: 'ppe-practice-dialog-body' },
          )
        : nothing}
    `;
  }

  private renderClientPermission(key: ClientPermissionKey, practice: PracticeSettings, canEdit: boolean) {
    const draft = this.draft.draft!;
    const saved = this.draft.saved!;
    const id = `${ID}-perm-${key}`;
    const on = draft.client[key];
    const blockers = key === 'payBalance' ? payBalanceBlockers(draft.client, practice) : [];
    // A blocked switch that is on stays usable, so a stale "on" can always be turned off.
    const blocked = blockers.length > 0 && !on;
    const turnedOffWithBilling = key === 'payBalance' && saved.client.payBalance && !on && !draft.client.billingDocuments;
    const unsaved = on !== saved.client[key];
    const describedBy = [`${id}-help`, blockers.length ? `${id}-blocked` : '', turnedOffWithBilling ? `${id}-auto` : ''].filter(Boolean).join(' ');
    return html`<div class="permission ${unsaved ? 'unsaved' : ''}" part="permission">
      <input
        type="checkbox"
        role="switch"
        class="switch"
        part="switch"
        id=${id}
        .checked=${live(on)}
        ?disabled=${!this.draft.editable || !canEdit}
        aria-disabled=${blocked ? 'true' : nothing}
        aria-describedby=${describedBy}
        @click=${(e: Event) => blocked && e.preventDefault()}
        @change=${(e: Event) => this.toggleClient(key, (e.target as HTMLInputElement).checked)}
      />
      <div class="permission-text">
        <label for=${id}>${this.pm[`permission.${key}`]}</label>
        <p class="hint" id="${id}-help">${this.pm[`permissionHelp.${key}`]}</p>
        ${blockers.length
          ? html`<div class="blocked" id="${id}-blocked">
              ${blockers.map((b) =>
                b === 'no_payments_account'
                  ? html`<p><strong>${this.m.payBlockedTitle}</strong> ${this.m.payBlockedNoAccount} ${this.m.payFixNoAccount}</p>`
                  : html`<p><strong>${this.m.payBlockedTitle}</strong> ${this.m.payBlockedBillingOff} ${this.m.payFixBillingOff}</p>`,
              )}
            </div>`
          : nothing}
        ${turnedOffWithBilling ? html`<p class="auto-off" id="${id}-auto">${this.m.payTurnedOffWithBilling}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderPracticeSwitch(practice: PracticeSettings) {
    return html`<div class="permission" part="practice">
      <input
        type="checkbox"
        role="switch"
        class="switch"
        part="switch"
        id="${ID}-practice-switch"
        .checked=${live(practice.portalEnabled)}
        aria-describedby="${ID}-practice-help"
        @click=${(e: Event) => void this.askPracticeChange(e, practice)}
      />
      <div class="permission-text">
        <label for="${ID}-practice-switch">${this.m.practiceSwitch}</label>
        <p class="hint" id="${ID}-practice-help">${this.m.practiceSwitchHelp}</p>
        ${this.practiceNotice ? html`<p class="save-notice" part="practice-notice">${this.practiceNotice}</p>` : nothing}
      </div>
    </div>`;
  }

  private toggleClient(key: ClientPermissionKey, on: boolean): void {
    const payWasOn = this.draft.draft?.client.payBalance;
    this.draft.setClientPermission(key, on);
    if (key === 'billingDocuments' && !on && payWasOn && !this.draft.draft?.client.payBalance) this.announce(this.m.payTurnedOffAnnounce);
  }

  private async save(practice: PracticeSettings): Promise<void> {
    const client = this.client;
    const draft = this.draft.draft;
    if (!client || !draft || this.draft.saving) return;
    // The server would refuse it: say why now, next to Save, and keep the draft.
    const problem = this.draft.dirty ? permissionProblem(draft.client, practice) : null;
    if (problem) return this.draft.fail(this.describe({ code: problem }));
    const sent = await this.draft.save(
      client,
      () => this.data.run(),
      async (error) => {
        if (isPortalApiError(error) && error.code === 'no_payments_account') {
          // The practice's payments account changed since we loaded it: show its current state.
          client.invalidate('/practice');
          await this.data.run();
        }
      },
    );
    if (!sent) return;
    if (!this.draft.held) await this.focusById(`${ID}-save`);
  }

  private askPracticeChange(e: Event, practice: PracticeSettings): void {
    // The switch changes nothing until the admin confirms the consequence.
    e.preventDefault();
    this.practiceChange = { to: !practice.portalEnabled };
    void this.practiceDialog.show(e);
  }

  private confirmPractice(practice: PracticeSettings): Promise<boolean> {
    const client = this.client;
    const change = this.practiceChange;
    if (!client || !change) return Promise.resolve(false);
    return this.actions.run('practice', () => client.updatePractice({ portalEnabled: change.to }, practice.version), {
      operation: 'updatePractice',
      practiceWide: true,
      done: (saved) => this.practiceDone(saved, saved.portalEnabled ? this.m.practiceNowOn : this.m.practiceNowOff),
      failed: async (error, message) => {
        if (!(isPortalApiError(error) && error.status === 412)) return message;
        // Someone else changed the practice first: if they did what we wanted, we are done; otherwise confirm again on their version.
        try {
          const latest = await client.getPractice();
          if (latest.portalEnabled === change.to) return this.practiceDone(latest, this.m.practiceAlready(change.to));
          this.practiceLatest = latest;
          return message;
        } catch (reloadError) {
          return this.describe(reloadError);
        }
      },
    });
  }

  private practiceDone(saved: PracticeSettings, text: string): null {
    this.practiceLatest = saved;
    this.practiceDialog.close();
    this.practiceNotice = text;
    this.announce(text);
    this.emit('portal-practice-updated', { portalEnabled: saved.portalEnabled });
    return null;
  }

  /** @internal For the draft controller (DraftHost): held edits re-applied or discarded, focus moves on to Save. */
  draftResolved(): void {
    void this.focusById(`${ID}-save`);
  }

  /** @internal Without sessions, the deprecated `practice-admin` still decides the practice-wide switch. */
  legacyCapability(capability: Capability): boolean | undefined {
    return capability === 'practice.settings' ? this.practiceAdmin : undefined;
  }
}
