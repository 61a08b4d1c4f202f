import { html, nothing, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { PortalElement } from '../../base/portal-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { isPortalApiError } from '../../api/errors/index.js';
import { formatRelative } from '../../i18n/format.js';
import type { ClientPermissions, ClientSummary, Contact, PracticeSettings } from '../../schemas/index.js';
import { guardianAdvice } from '../../domain/guardian-advice.js';
import { contactRemovalEffects } from '../../domain/contact-removal.js';
import { CONTACT_FIELDS, changedContactDetails, contactFormValues, storedNameProblems, validateContactForm, type ContactFormValues } from '../../domain/contact-form.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import type { Locale } from '../../i18n/locale.js';
import { CapabilityController } from '../shared/capabilities.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { PermissionDraftController } from '../shared/permission-draft-controller.js';
import { renderHeldChanges, renderReapplyReport, renderSaveBar } from '../shared/permission-draft-views.js';
import { fullName, portalUserRows, renderPortalUserGroups } from '../shared/portal-user-groups.js';
import { permissionMessages } from '../shared/permissions.messages.js';
import { permissionStyles } from '../shared/permissions.styles.js';
import { contactInvitation, renderContactCard } from './contact-card.js';
import { FIELD_IDS, renderContactFormDialog, type ContactFormState } from './contact-form-dialog.js';
import { renderInviteDialog, renderRemoveDialog, type InviteState, type RemoveState } from './contact-dialogs.js';
import { messages } from './guardian-manager.messages.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { ActionController } from '../shared/action-controller.js';
import { styles } from './guardian-manager.styles.js';

interface GuardianData {
  clientId: string;
  practice: PracticeSettings;
  client: ClientSummary;
  contacts: Contact[];
  permissions: ClientPermissions;
}

const ID = 'gm';

/**
 * The base element's protected members its controllers use (DraftHost, ActionHost), made visible to them: types
 * only (declaration merging; the base class implements them). `@internal`: not public API.
 * @internal
 */
export interface GuardianManagerElement {
  get activeLocale(): Locale;
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean;
  announce(text: string): void;
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary A client's contacts (parents, legal guardians, helpers): add, edit and remove them,
 * enroll them as portal users and send or resend their invitations by the same rules as clients,
 * and edit their permission groups; with the rules said out loud (a minor needs a legal guardian,
 * an adult with a consented email should use the portal themself, older minors have their own access).
 *
 * @event portal-load - Data finished loading and is on screen.
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 * @event portal-contact-added - A contact was added.
 * @event portal-contact-updated - A contact was edited.
 * @event portal-contact-removed - A contact was removed.
 * @event portal-invite-sent - A contact was invited to the portal (or their invitation resent).
 * @event portal-permissions-change - The user edited portal users' permission groups (not saved yet).
 * @event portal-before-client-change - Cancelable: `client-id` is about to change while there are unsaved permission changes; `preventDefault()` keeps this client and the changes.
 * @event portal-permissions-saved - Portal users' permission groups were saved; carries the new version.
 *
 * Answers `portal-guardian-fix-request` for its client (from `<portal-invite-status>` anywhere on the
 * page, unless a host listener already took it): opens "Add a legal guardian", or the named guardian's
 * form to fix their address or consent, and calls `preventDefault()`.
 *
 * @csspart header - The title row with "Add contact".
 * @csspart notice - Not configured / no client.
 * @csspart pending - The loading state.
 * @csspart error - The load error, with its retry button.
 * @csspart advice - A rule banner: portal off, primary portal user, partial guardian view.
 * @csspart guardian-warning - A minor with no legal guardian, with "Add legal guardian".
 * @csspart confirmation - The outcome of the last contact action.
 * @csspart role-note - Says the signed-in staff member's role cannot change contacts, or portal users' permissions.
 * @csspart contacts - The list of contacts.
 * @csspart contact - One contact.
 * @csspart guardian-badge - "Legal guardian".
 * @csspart state-badge - The contact's portal-user state.
 * @csspart permissions - The portal users' permissions section.
 * @csspart switch - Every on/off switch.
 * @csspart groups-table - The portal users × permission groups grid.
 * @csspart groups-row - One portal user's row in the grid.
 * @csspart groups-help - What each permission group allows.
 * @csspart conflict - Someone else saved permissions first: what changed, and the held changes to re-apply.
 * @csspart reapply-report - What re-applying could not keep.
 * @csspart actions - Save, Discard, the unsaved-changes indicator and the outcome.
 * @csspart unsaved - The unsaved-changes indicator.
 * @csspart save-notice - The confirmation of the last permissions action.
 * @csspart save-error - Why the last permissions save failed.
 * @csspart button - Every button.
 * @csspart invite-button - Invite to portal / Resend invitation.
 * @csspart edit-button - Edit a contact.
 * @csspart remove-button - Remove a contact.
 * @csspart save-button - Save permissions.
 * @csspart discard-button - Discard permission changes.
 * @csspart reapply-button - Re-apply my permission changes.
 * @csspart discard-mine-button - Discard my held permission changes.
 * @csspart retry-button - Retry after a load error.
 * @csspart dialog - Every dialog.
 * @csspart contact-dialog - The add / edit contact form.
 * @csspart remove-dialog - The confirmation before removing a contact.
 * @csspart invite-dialog - Send or resend an invitation.
 * @csspart confirm-button - The button that confirms a dialog.
 * @csspart add-button - "Add contact" in the title row.
 * @csspart add-guardian-button - "Add legal guardian" in the missing-guardian warning.
 */
export class GuardianManagerElement extends PortalElement {
  static override styles = [sharedStyles, permissionStyles, styles];
  protected readonly widgetName = 'guardian-manager';

  /** The visible outcome of the last contact action. */
  @state() private confirmation = '';
  @state() private form: ContactFormState | null = null;
  @state() private removing: RemoveState | null = null;
  @state() private inviting: InviteState | null = null;

  /** Saving a contact, removing one, inviting one: each in its dialog, with its error there. */
  private readonly actions = new ActionController(this);
  private readonly contactDialog = this.dialog('gm-contact-dialog', 'contact-dialog', 'save-contact', () => (this.form = null));
  private readonly removeDialog = this.dialog('gm-remove-dialog', 'remove-dialog', 'remove', () => (this.removing = null));
  private readonly inviteDialog = this.dialog('gm-invite-dialog', 'invite-dialog', 'invite', () => (this.inviting = null));

  private readonly draft = new PermissionDraftController(this, this.actions);
  private readonly caps = new CapabilityController(this);
  /** Re-renders while a resend cooldown shows, so "Available again in…" counts down and ends on time. */
  private readonly cooldownTimer = new RefreshTimer(this);

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
    reads: ['getPractice', 'getClient', 'listContacts', 'getPermissions'],
    load: async (api, clientId, _, signal): Promise<GuardianData> => {
      const [practice, summary, contacts, permissions] = await Promise.all([
        api.getPractice({ signal }),
        api.getClient(clientId, { signal }),
        api.listContacts(clientId, { signal }),
        api.getPermissions(clientId, { signal }),
        this.caps.load(api, signal),
      ]);
      return { clientId, practice, client: summary, contacts, permissions };
    },
    loaded: (value) => this.onLoaded(value),
  });

  private get m() {
    return messages[this.activeLocale];
  }

  protected override clientChanged(): void {
    // Everything in progress belongs to the previous client.
    this.draft.clear();
    this.actions.reset();
    for (const dialog of [this.contactDialog, this.removeDialog, this.inviteDialog]) dialog.close();
    this.confirmation = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On window, so a host listener on document runs first (to show this widget's tab, or to take it).
    window.addEventListener('portal-guardian-fix-request', this.onGuardianFixRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('portal-guardian-fix-request', this.onGuardianFixRequest);
  }

  /** Another widget asks for a guardian for this client: open the form, focus returning to the asker. */
  private readonly onGuardianFixRequest = (event: GlobalEventHandlersEventMap['portal-guardian-fix-request']): void => {
    const value = this.data.value;
    if (event.defaultPrevented || !value || value.clientId !== this.clientId || event.detail.clientId !== this.clientId) return;
    // A role that cannot edit contacts leaves the request to someone else on the page.
    if (!this.caps.can('contacts.edit')) return;
    event.preventDefault();
    const contact = event.detail.reason === 'no_legal_guardian' ? undefined : value.contacts.find((c) => c.id === event.detail.contactId);
    const asker = event.composedPath()[0];
    void this.openForm(contact ?? null, asker instanceof HTMLElement ? asker : this, !contact);
  };

  private onLoaded(value: GuardianData): void {
    const outcome = this.draft.adopt(value.permissions);
    if (outcome === 'held') void this.focusById(`${ID}-held`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scheduleCooldownRefresh();
  }

  /** The resend cooldowns on screen: the timer wakes the widget as they count down and end. */
  private scheduleCooldownRefresh(): void {
    const value = this.data.value;
    if (!value || value.clientId !== this.clientId) return this.cooldownTimer.stop();
    const now = new Date();
    this.cooldownTimer.wakeAt(value.contacts.map((c) => contactInvitation(c, value.practice, now).decision).map((d) => (d.allowed ? null : d.retryAt)));
  }

  protected override render() {
    return html`${this.renderTask(this.data, (v) => this.renderManager(v))}${this.renderAnnouncer()}`;
  }

  private renderManager(value: GuardianData) {
    const now = new Date();
    const clientName = value.client.firstName;
    const advice = guardianAdvice(value.client, value.contacts, value.practice, now);
    const mayEdit = this.caps.can('contacts.edit');
    return html`
      <div class="header" part="header">
        <h2>${this.m.title}</h2>
        ${mayEdit
          ? html`<button type="button" class="button" part="button add-button" id="${ID}-add" @click=${(e: Event) => this.openForm(null, e.currentTarget as HTMLElement)}>
              ${this.m.addContact}
            </button>`
          : nothing}
      </div>
      ${this.caps.note('contacts.edit', this.activeLocale)}
      ${value.practice.portalEnabled ? nothing : html`<p class="banner warning" part="advice">${this.m.portalOff}</p>`}
      ${advice.missingLegalGuardian
        ? html`<div class="banner danger" part="guardian-warning">
            <p class="banner-title">${this.m.noGuardianTitle(clientName)}</p>
            <p>${this.m.noGuardianBody}</p>
            ${value.contacts.length && mayEdit ? html`<p>${this.m.noGuardianHint}</p>` : nothing}
            ${mayEdit
              ? html`<button type="button" class="button primary" part="button add-guardian-button" @click=${(e: Event) => this.openForm(null, e.currentTarget as HTMLElement, true)}>
                  ${this.m.addLegalGuardian}
                </button>`
              : html`<p>${this.caps.askColleague('contacts.edit', this.activeLocale)}</p>`}
          </div>`
        : nothing}
      ${advice.partialGuardianView
        ? html`<p class="banner info" part="advice">${this.m.partialView(clientName, advice.partialGuardianView.age, advice.partialGuardianView.ownAccessAge)}</p>`
        : nothing}
      ${advice.clientShouldBePrimaryUser ? html`<p class="banner info" part="advice">${this.m.primaryUser(clientName)}</p>` : nothing}
      ${this.confirmation ? html`<p class="banner success" part="confirmation">${this.confirmation}</p>` : nothing}
      ${value.contacts.length
        ? html`<ul class="contacts" part="contacts" aria-label=${this.m.contactsLabel}>
            ${value.contacts.map((c) =>
              renderContactCard(c, {
                locale: this.activeLocale,
                practice: value.practice,
                now,
                mayEdit,
                mayInvite: this.caps.can('portal.invite'),
                onEdit: (contact, trigger) => this.openForm(contact, trigger),
                onRemove: (contact, trigger) => this.openRemove(contact, value, trigger),
                onInvite: (contact, kind, address, trigger) => this.openInvite(contact, kind, address, trigger),
              }),
            )}
          </ul>`
        : html`<div class="empty"><strong>${this.m.noContactsTitle}</strong>${this.m.noContactsHelp}</div>`}
      ${this.renderPermissions(value)}
      ${this.contactDialog.render(() =>
        renderContactFormDialog({
          locale: this.activeLocale,
          form: this.form,
          titleId: this.contactDialog.titleId,
          busy: this.actions.busy('save-contact'),
          error: this.actions.error('gm-contact-dialog'),
          onInput: (field, v) => this.onFormInput(field, v),
          onSubmit: () => void this.submitForm(),
          onCancel: () => this.contactDialog.close(),
        }),
      )}
      ${this.removeDialog.render(
        () =>
          renderRemoveDialog(this.removing, clientName, {
            locale: this.activeLocale,
            titleId: this.removeDialog.titleId,
            busy: this.actions.busy('remove'),
            error: this.actions.error('gm-remove-dialog'),
            onConfirm: () => void this.confirmRemove(),
            onCancel: () => this.removeDialog.close(),
          }),
        { describedBy: 'gm-remove-dialog-body' },
      )}
      ${this.inviteDialog.render(
        () =>
          renderInviteDialog(this.inviting, value.practice.senderAddress, {
            locale: this.activeLocale,
            titleId: this.inviteDialog.titleId,
            busy: this.actions.busy('invite'),
            error: this.actions.error('gm-invite-dialog'),
            onConfirm: () => void this.sendInvite(),
            onCancel: () => this.inviteDialog.close(),
            onMessage: (message) => {
              if (this.inviting) this.inviting = { ...this.inviting, message };
            },
          }),
        { describedBy: 'gm-invite-dialog-body' },
      )}
    `;
  }

  private renderPermissions(value: GuardianData) {
    const draft = this.draft.draft;
    if (!draft) return nothing;
    const pm = permissionMessages[this.activeLocale];
    const rows = portalUserRows(draft, value.contacts, this.activeLocale);
    const nameOf = (id: string) => {
      const c = value.contacts.find((x) => x.id === id);
      return c ? fullName(c) : pm.unknownPerson;
    };
    const view = { locale: this.activeLocale, nameOf, idPrefix: ID };
    const canEdit = this.caps.can('permissions.edit');
    return html`<section class="permissions" part="permissions" aria-labelledby="${ID}-permissions-title">
      <h3 id="${ID}-permissions-title">${this.m.permissionsTitle}</h3>
      ${rows.length || this.draft.held
        ? html`${renderHeldChanges(this.draft, view)}
          ${renderReapplyReport(this.draft, view)}
          ${this.caps.note('permissions.edit', this.activeLocale)}
          ${renderPortalUserGroups({
            locale: this.activeLocale,
            rows,
            draft,
            changes: this.draft.changes,
            disabled: !this.draft.editable || !canEdit,
            idPrefix: ID,
            onToggle: (contactId, group, on) => this.draft.setGroup(contactId, group, on),
          })}
          ${canEdit
            ? renderSaveBar(this.draft, {
                ...view,
                error: this.draft.error,
                onSave: () => void this.savePermissions(),
                onDiscard: () => this.draft.discard(),
              })
            : nothing}`
        : html`<div class="empty"><strong>${this.m.noPortalUsersTitle}</strong>${this.m.noPortalUsersHelp}</div>`}
    </section>`;
  }

  /**
   * A dialog whose action (`action`) shows its error inside it (under its id); closed, it forgets
   * what it showed, and focus goes to "Add contact" when the control that opened it is gone.
   */
  private dialog(id: string, part: string, action: string, forget: () => void): ModalDialog {
    return new ModalDialog(this, {
      id,
      part,
      busy: () => this.actions.busy(action),
      fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>(`#${ID}-add`),
      onClosed: () => {
        forget();
        this.actions.setError(id, null);
      },
    });
  }

  // ---- add / edit ------------------------------------------------------------------------------

  private openForm(contact: Contact | null, trigger: HTMLElement, guardian = false): void {
    this.form = {
      contact,
      guardian,
      values: contactFormValues(contact, { legalGuardian: guardian }),
      // A stored name the API would refuse back (legacy data): said at once, on its field.
      problems: contact ? storedNameProblems(contact) : {},
      changedElsewhere: null,
      removedElsewhere: false,
    };
    void this.contactDialog.show(trigger);
  }

  private onFormInput(field: keyof ContactFormValues, value: string | boolean): void {
    if (!this.form) return;
    const problems = { ...this.form.problems };
    if (field in problems) delete problems[field as keyof typeof problems];
    this.form = { ...this.form, values: { ...this.form.values, [field]: value }, problems };
  }

  private async submitForm(): Promise<void> {
    const form = this.form;
    const client = this.client;
    if (!form || this.actions.busy('save-contact') || !client) return;
    const editing = form.contact && !form.removedElsewhere ? form.contact : null;
    const checked = validateContactForm(form.values, editing?.emails ?? [], editing ?? {});
    if (!checked.ok) {
      this.form = { ...form, problems: checked.problems };
      this.actions.setError('gm-contact-dialog', null);
      const first = CONTACT_FIELDS.find((f) => checked.problems[f]);
      if (first) void this.focusById(FIELD_IDS[first]);
      return;
    }
    const clientId = this.clientId;
    let conflict = false;
    await this.actions.run(
      'save-contact',
      () => (editing ? client.updateContact(clientId, editing.id, checked.input, editing.version) : client.createContact(clientId, checked.input)),
      {
        operation: editing ? 'updateContact' : 'createContact',
        errorIn: 'gm-contact-dialog',
        done: (saved) => {
          this.emit(editing ? 'portal-contact-updated' : 'portal-contact-added', { clientId, contactId: saved.id });
          // "Add legal guardian" disappears once there is one: focus then goes to "Add contact".
          this.contactDialog.close({ focus: form.guardian ? 'fallback' : 'opener' });
          this.done(editing ? this.m.updated(fullName(saved)) : this.m.added(fullName(saved)));
        },
        failed: async (error, message) => {
          const status = isPortalApiError(error) ? error.status : undefined;
          if (!editing || (status !== 412 && status !== 404)) return message;
          conflict = true;
          return this.editConflict(editing, message);
        },
      },
    );
    if (conflict && this.form) void this.focusById('gm-cf-elsewhere');
  }

  /** Someone else changed or removed the contact being edited: show what, keep what the user typed. */
  private async editConflict(editing: Contact, message: string): Promise<string | null> {
    await this.data.run();
    const latest = this.data.value?.contacts.find((c) => c.id === editing.id);
    if (!this.form) return null;
    if (this.data.status !== TaskStatus.COMPLETE) return message;
    this.form = latest
      ? { ...this.form, contact: latest, changedElsewhere: changedContactDetails(editing, latest), removedElsewhere: false }
      : { ...this.form, removedElsewhere: true, changedElsewhere: null };
    return null;
  }

  // ---- remove ----------------------------------------------------------------------------------

  private openRemove(contact: Contact, value: GuardianData, trigger: HTMLElement): void {
    this.removing = { contact, effects: contactRemovalEffects(contact, value.client, value.contacts, new Date()) };
    void this.removeDialog.show(trigger);
  }

  private async confirmRemove(): Promise<void> {
    const removing = this.removing;
    const client = this.client;
    if (!removing || !client) return;
    const clientId = this.clientId;
    const { contact } = removing;
    const name = fullName(contact);
    await this.actions.run('remove', () => client.removeContact(clientId, contact.id, contact.version), {
      operation: 'removeContact',
      errorIn: 'gm-remove-dialog',
      done: () => {
        this.emit('portal-contact-removed', { clientId, contactId: contact.id });
        this.closeRemoved(this.m.removed(name));
      },
      failed: async (error, message) => {
        const status = isPortalApiError(error) ? error.status : undefined;
        if (status === 404) return this.closeRemoved(this.m.alreadyRemoved(name));
        if (status !== 412) return message;
        // Changed elsewhere: show the latest version's consequences before the user confirms again.
        await this.data.run();
        const value = this.data.value;
        const latest = value?.contacts.find((c) => c.id === contact.id);
        if (!latest || !value) return this.closeRemoved(this.m.alreadyRemoved(name));
        this.removing = { contact: latest, effects: contactRemovalEffects(latest, value.client, value.contacts, new Date()) };
        return message;
      },
    });
  }

  private closeRemoved(text: string): null {
    // The contact's buttons are gone: focus goes to "Add contact".
    this.removeDialog.close({ focus: 'fallback' });
    this.done(text);
    return null;
  }

  // ---- invite ----------------------------------------------------------------------------------

  private openInvite(contact: Contact, kind: 'send' | 'resend', address: string, trigger: HTMLElement): void {
    this.inviting = { contact, kind, address, message: '' };
    void this.inviteDialog.show(trigger);
  }

  private async sendInvite(): Promise<void> {
    const inviting = this.inviting;
    const client = this.client;
    if (!inviting || !client) return;
    const clientId = this.clientId;
    const message = inviting.message.trim();
    await this.actions.run('invite', () => client.inviteContact(clientId, inviting.contact.id, message ? { message: inviting.message } : {}), {
      operation: 'inviteContact',
      errorIn: 'gm-invite-dialog',
      done: (saved) => {
        const invitationId = saved.portalUser.invitations.at(-1)?.id ?? '';
        this.emit('portal-invite-sent', { clientId, contactId: saved.id, invitationId, kind: inviting.kind });
        this.inviteDialog.close();
        this.done(this.m.inviteSent(fullName(saved)));
      },
      failed: (error, text) => {
        if (!(isPortalApiError(error) && error.retryAfterSeconds)) return text;
        const again = new Date(Date.now() + error.retryAfterSeconds * 1000);
        return `${text} ${this.common.availableAgain(formatRelative(again, new Date(), this.activeLocale))}`;
      },
    });
  }

  // ---- permissions (the editing model and its views are shared with the permissions editor) ----

  private async savePermissions(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (!(await this.draft.save(client, () => this.data.run()))) return;
    if (!this.draft.held) await this.focusById(`${ID}-save`);
  }

  // ---- shared ----------------------------------------------------------------------------------

  /** After a contact action: visible confirmation, and the same words for screen readers. */
  private done(text: string): void {
    this.confirmation = text;
    this.announce(text);
  }

  /** @internal For the draft controller (DraftHost): held edits re-applied or discarded, focus moves on to Save. */
  draftResolved(): void {
    void this.focusById(`${ID}-save`);
  }
}
