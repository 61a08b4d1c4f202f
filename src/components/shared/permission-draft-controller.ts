import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalClient } from '../../api/portal-client.js';
import { isPortalApiError } from '../../api/errors/index.js';
import type { ActionController } from './action-controller.js';
import { reactive } from './reactive.js';
import type { Locale } from '../../i18n/locale.js';
import type { ClientPermissionKey, ClientPermissions, PermissionGroup } from '../../schemas/index.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import {
  changeId,
  draftOf,
  mergePermissions,
  permissionChanges,
  withClientPermission,
  withGroup,
  type PermissionChange,
  type PermissionDraft,
} from '../../domain/permission-draft.js';
import { permissionMessages } from './permissions.messages.js';

/** Unsaved edits set aside because someone else saved a newer version first. */
export interface HeldChanges {
  /** The version the edits started from. */
  base: PermissionDraft;
  mine: PermissionDraft;
  /** What the newer version changed since `base`. */
  elsewhere: PermissionChange[];
}

/** What re-applying could not keep: shown, never dropped silently. */
export interface ReapplyReport {
  undone: PermissionChange[];
  dropped: PermissionChange[];
}

/** Save's action, and where its error shows, in the host's `ActionController`. */
const SAVE = 'save-permissions';

/** What the controller uses of the widget that hosts it. */
export interface DraftHost extends ReactiveControllerHost, HTMLElement {
  clientId: string;
  readonly activeLocale: Locale;
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean;
  /** Says an outcome to screen-reader users (the widget's live region). */
  announce(text: string): void;
  /** The held edits were re-applied or discarded (their banner is gone): move focus on. */
  draftResolved(): void;
}

/**
 * The editing model of a client's permissions, shared by every widget that edits them: a draft on
 * top of the last saved version, saved with `If-Match`, and, when someone else saved first, the
 * user's edits held aside until they re-apply (3-way merge) or discard them. Every outcome is shown
 * (`notice`, `error`) and announced. The draft belongs to one client: loading another client's
 * permissions starts afresh. Save is an action of the host's `ActionController` (its busy state and
 * its error are there, like every other action's).
 */
export class PermissionDraftController implements ReactiveController {
  /** The saved version the draft is based on; its `version` goes out as `If-Match`. */
  saved: ClientPermissions | null = null;
  draft: PermissionDraft | null = null;
  held: HeldChanges | null = null;
  report: ReapplyReport | null = null;
  /** The visible outcome of the last action. */
  notice = '';

  private restoring = false;

  constructor(
    private readonly host: DraftHost,
    private readonly actions: ActionController,
  ) {
    host.addController(this);
  }

  get saving(): boolean {
    return this.actions.busy(SAVE);
  }

  /** Why the last save failed or cannot happen (the sentence shown next to Save). */
  get error(): string | null {
    return this.actions.error(SAVE);
  }

  hostConnected(): void {}

  private get m() {
    return permissionMessages[this.host.activeLocale];
  }

  /** Edits in the draft, compared with the saved version. */
  get changes(): PermissionChange[] {
    return this.saved && this.draft ? permissionChanges(draftOf(this.saved), this.draft) : [];
  }

  /** The held edits, compared with the version they started from. */
  get heldChanges(): PermissionChange[] {
    return this.held ? permissionChanges(this.held.base, this.held.mine) : [];
  }

  get dirty(): boolean {
    return this.changes.length > 0;
  }

  /** Edits not saved yet: in the draft, or held aside after someone else saved first. */
  get hasUnsavedChanges(): boolean {
    return this.dirty || !!this.held;
  }

  /** Editing is possible: loaded, not saving, and no held edits waiting for a decision. */
  get editable(): boolean {
    return !!this.draft && !this.saving && !this.held;
  }

  /**
   * Takes freshly loaded permissions. Another client, or no edits: start from them. Edits on an
   * older version: hold them and show what changed (`'held'`), unless the newer version differs in
   * nothing, in which case the edits simply move onto it.
   */
  adopt(latest: ClientPermissions): 'fresh' | 'kept' | 'held' {
    const sameClient = this.saved?.clientId === latest.clientId;
    if (sameClient && this.saved!.version === latest.version) return 'kept';
    if (!sameClient || !this.saved || !this.draft || (!this.dirty && !this.held)) {
      this.reset(latest);
      return 'fresh';
    }
    const theirs = draftOf(latest);
    if (!this.held && permissionChanges(draftOf(this.saved), theirs).length === 0) {
      this.saved = latest;
      return 'kept';
    }
    this.held ??= { base: draftOf(this.saved), mine: this.draft, elsewhere: [] };
    this.held.elsewhere = permissionChanges(this.held.base, theirs);
    this.saved = latest;
    this.draft = theirs;
    this.report = null;
    this.fail(null);
    this.notice = '';
    this.host.announce(this.m.heldAnnounce);
    return 'held';
  }

  /**
   * Call from the widget's `requestUpdate` override when `clientId` changed from `previous`. With
   * unsaved changes it fires the cancelable `portal-before-client-change` first; when the page
   * cancels it, the widget keeps the client it shows (the property and the `client-id` attribute
   * are put back) and its changes. True when the change is refused (or is that putting back).
   */
  refusesClientChange(previous: string | undefined): boolean {
    if (this.restoring) return true;
    const next = this.host.clientId ?? '';
    if (!previous || previous === next || !this.hasUnsavedChanges) return false;
    const changed = (this.held ? this.heldChanges : this.changes).map(changeId);
    const proceed = this.host.dispatchEvent(
      new CustomEvent<PortalEventDetails['portal-before-client-change']>('portal-before-client-change', {
        detail: { clientId: previous, nextClientId: next, changed },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (proceed) return false;
    this.restoring = true;
    try {
      this.host.clientId = previous;
      // Set from the attribute: put it back too, so the page reads the client the widget shows.
      if (this.host.getAttribute('client-id') !== previous) this.host.setAttribute('client-id', previous);
    } finally {
      this.restoring = false;
    }
    return true;
  }

  setClientPermission(key: ClientPermissionKey, value: boolean): void {
    if (this.editable) this.edit(withClientPermission(this.draft!, key, value));
  }

  setGroup(contactId: string, group: PermissionGroup, value: boolean): void {
    if (this.editable) this.edit(withGroup(this.draft!, contactId, group, value));
  }

  /** Forgets everything: the draft belongs to one client, and the widget now shows another. */
  clear(): void {
    this.saved = null;
    this.draft = null;
    this.held = null;
    this.report = null;
    this.fail(null);
    this.notice = '';
  }

  /** Back to the saved version. */
  discard(): void {
    if (!this.saved || this.saving) return;
    if (!this.dirty) return this.say(this.m.nothingToDiscard);
    this.reset(this.saved);
    this.edited([], false);
    this.say(this.m.discarded);
  }

  /** Re-applies held edits on top of the latest version (3-way merge) and reports what could not be kept. */
  reapply(): void {
    if (!this.held || !this.draft) return;
    const { merged, undone, dropped } = mergePermissions(this.held.base, this.draft, this.held.mine);
    this.held = null;
    this.draft = merged;
    this.report = undone.length || dropped.length ? { undone, dropped } : null;
    this.edited(this.changes, this.dirty);
    this.say(this.m.reapplied);
    this.host.draftResolved();
  }

  /** Drops held edits, keeping the latest saved version. */
  discardHeld(): void {
    if (!this.held) return;
    this.held = null;
    this.say(this.m.mineDiscarded);
    this.host.draftResolved();
  }

  /**
   * Saves the draft with the version it is based on (`portal-permissions-saved` when done). On a
   * 412 it reloads (`reload` runs the host's data task, whose result comes back through `adopt`),
   * which holds the edits for the user to re-apply; a 412 with nothing newer to show is reported
   * next to Save. `failed` runs after any other failure (already reported and shown). True when a
   * request was sent and the widget still shows its client.
   */
  async save(client: PortalClient, reload: () => Promise<unknown>, failed?: (error: unknown) => Promise<unknown>): Promise<boolean> {
    const { saved, draft } = this;
    if (!saved || !draft || this.saving || this.held) return false;
    if (!this.dirty) {
      this.say(this.m.nothingToSave);
      return false;
    }
    const clientId = this.host.clientId;
    this.notice = '';
    await this.actions.run(SAVE, () => client.updatePermissions(saved.clientId, draft, saved.version), {
      operation: 'updatePermissions',
      done: (permissions) => {
        this.reset(permissions);
        this.say(this.m.saved);
        this.host.emit('portal-permissions-saved', { clientId, version: permissions.version });
      },
      failed: async (error, text) => {
        if (isPortalApiError(error) && error.status === 412) {
          await reload();
          return this.held ? null : text;
        }
        await failed?.(error);
        return text;
      },
    });
    return clientId === this.host.clientId;
  }

  /** Shows why saving is not possible (or, with `null`, nothing), next to Save, keeping the draft. */
  fail(text: string | null): void {
    this.actions.setError(SAVE, text);
  }

  /** The user changed the draft (a toggle, Discard or Re-apply): the page hears what. */
  private edited(changes: PermissionChange[], dirty: boolean): void {
    this.host.emit('portal-permissions-change', { clientId: this.host.clientId, changed: changes.map(changeId), dirty });
  }

  private say(text: string): void {
    this.notice = text;
    this.host.announce(text);
  }

  private edit(next: PermissionDraft): void {
    this.draft = next;
    this.fail(null);
    this.notice = '';
    this.edited(this.changes, this.dirty);
  }

  private reset(saved: ClientPermissions): void {
    this.saved = saved;
    this.draft = draftOf(saved);
    this.held = null;
    this.report = null;
    this.fail(null);
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(PermissionDraftController, 'saved', 'draft', 'held', 'report', 'notice');
