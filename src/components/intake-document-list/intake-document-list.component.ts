import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { PortalElement } from '../../base/portal-element.js';
import { isPortalApiError } from '../../api/index.js';
import { reminderDecision } from '../../domain/document-rules.js';
import type { DocumentSort, DocumentStatus, IntakeDocument, IntakeDocumentPage, PortalAccess, PracticeSettings } from '../../schemas/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { assignDialog, type AssignContext } from './assign-dialog.js';
import { cancelDialog } from './cancel-dialog.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { ActionController } from '../shared/action-controller.js';
import { CompletionTracker } from './completion-tracker.js';
import { clientList, staffTable, type RowsView } from './document-rows.js';
import { messages } from './intake-document-list.messages.js';
import { styles } from './intake-document-list.styles.js';
import { CLIENT_STATUSES, documentFilters, documentPager, parsePageNumber, SORTS, STAFF_STATUSES } from './list-controls.js';
import { Poller } from './poller.js';
import { CapabilityController } from '../shared/capabilities.js';
import { RefreshTimer } from '../shared/refresh-timer.js';

/** Rows per page: the DOM never holds more, however long the list. */
export const PAGE_SIZE = 25;

/** Typing pause before a title search is sent (Enter sends at once). */
const SEARCH_DELAY_MS = 300;

interface ListValue {
  clientId: string;
  page: IntakeDocumentPage;
  /** Staff view only: the cooldown between reminders and whether the portal is on. */
  practice: PracticeSettings | null;
  /** Staff view only: disabled access blocks reminders and new documents. */
  access: PortalAccess | null;
}


/** Documents reach the client only while the practice has the portal on and the client's access is not disabled. */
const canShare = (v: ListValue) => v.practice?.portalEnabled !== false && v.access?.state !== 'disabled';

/**
 * The base element's protected member its action controller uses (ActionHost), made visible to it:
 * types only (declaration merging; the base class implements it). `@internal`: not public API.
 * @internal
 */
export interface IntakeDocumentListElement {
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary A client's intake documents: status, progress and signature for staff, with assign
 * (saying exactly how many emails it sends and to whom), remind and cancel; for clients, "Fill out".
 *
 * @event portal-load - The list (one page of it) finished loading.
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 * @event portal-documents-assigned - Staff assigned documents: new document ids, emails sent, whether portal access was granted.
 * @event portal-document-reminded - Staff sent a reminder for one document.
 * @event portal-document-cancelled - Staff cancelled a document.
 * @event portal-document-open - The client chose "Fill out": navigate to `detail.url`.
 * @event portal-document-completed - A refresh showed that a document became completed (once per document, never on first load).
 *
 * @csspart header - The heading row with the Assign button.
 * @csspart filters - The title search, status filter and sort controls.
 * @csspart status - Success, warning and refresh banners.
 * @csspart table - The staff table's scroll region.
 * @csspart rows - The client view's list.
 * @csspart row - One document.
 * @csspart status-badge - A document's status.
 * @csspart progress - Required sections done, as a progress bar.
 * @csspart row-error - An action's error inside a row.
 * @csspart pager - Previous / Next, the page jump and the "Showing" range.
 * @csspart page-jump - "Page [n] of N Go".
 * @csspart empty - The empty state.
 * @csspart role-note - Says the signed-in staff member's role cannot assign documents or send reminders.
 * @csspart button - Every button; also `assign-button`, `remind-button`, `cancel-button`, `fill-out-button`, `send-button`, `confirm-button`, `previous-button`, `next-button`, `go-button`, `retry-button`.
 * @csspart dialog - Both dialogs; also `assign-dialog`, `cancel-dialog`.
 * @csspart assign-summary - The live "This sends N emails to …" summary.
 * @csspart templates - The template checkboxes; `already-sent` the templates the client already has, each with "Send again".
 * @csspart message - The optional message field.
 * @csspart action-error - An action's error inside a dialog.
 * @csspart notice - Not configured / no client.
 * @csspart pending - Loading.
 * @csspart error - A failed load with its retry.
 * @csspart retry-button - Try again after a failed load.
 * @csspart assign-button - "Assign documents" in the header.
 * @csspart send-button - Sends the assignment in the assign dialog.
 * @csspart remind-button - Sends a reminder for one document.
 * @csspart cancel-button - "Cancel" on one document (asks first, in the cancel dialog).
 * @csspart confirm-button - Confirms cancelling a document.
 * @csspart fill-out-button - "Fill out" in the client view.
 * @csspart dismiss-button - Dismisses the outcome banner of the last action.
 * @csspart show-all-button - Clears the status filter.
 * @csspart previous-button - The previous page.
 * @csspart go-button - "Go" in the page jump.
 * @csspart clear-search-button - Clears the title search.
 * @csspart already-sent - The templates the client already has, each with "Send again" (also `templates`).
 * @csspart next-button - The next page.
 * @csspart assign-dialog - The dialog that assigns documents.
 * @csspart cancel-dialog - The confirmation before cancelling a document.
 */
export class IntakeDocumentListElement extends PortalElement {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'intake-document-list';

  /** `staff` (default): table with assign, remind, cancel. `client`: the client's own list with "Fill out". */
  @property({ reflect: true }) audience: 'staff' | 'client' = 'staff';

  /** Seconds between automatic refreshes; absent or 0 turns polling off. Paused while the page is hidden. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 0;

  @state() private statusFilter: DocumentStatus | '' = '';
  @state() private sort: DocumentSort = 'sent_desc';
  /** What is typed in the title search; `titleQuery` is what was searched for. */
  @state() private titleText = '';
  @state() private titleQuery = '';
  /** 0-based page on screen; pages are fetched by offset, so any page can be reached at once. */
  @state() private page = 0;
  /** What is typed in "Page"; `null`: it shows the current page. */
  @state() private jumpText: string | null = null;
  @state() private jumpError = '';
  /** The last action's visible confirmation. */
  @state() private flash: string[] | null = null;

  @state() private selected: ReadonlySet<string> = new Set();
  @state() private assignMessage = '';
  @state() private fieldError = '';

  @state() private cancelTarget: IntakeDocument | null = null;

  @query('h2') private heading?: HTMLElement;

  /** Row actions (`remind:<id>`, `cancel:<id>`) and `assign`; errors under the row or in the dialog. */
  private readonly actions = new ActionController(this, {
    fallbackFocus: () => this.heading,
  });
  private readonly assignDialog = new ModalDialog(this, {
    id: 'assign-dialog',
    busy: () => this.actions.busy('assign'),
    fallbackFocus: () => this.heading,
    onClosed: () => this.actions.setError('assign-dialog', null),
  });
  private readonly cancelDialog = new ModalDialog(this, {
    id: 'cancel-dialog',
    busy: () => !!this.cancelTarget && this.actions.busy(`cancel:${this.cancelTarget.id}`),
    fallbackFocus: () => this.heading,
    onClosed: () => {
      this.cancelTarget = null;
      this.actions.setError('cancel-dialog', null);
    },
  });

  private readonly completions = new CompletionTracker();
  private readonly poller = new Poller(this);
  private readonly cooldownRender = new RefreshTimer(this);
  /** Staff capabilities; a client using their own portal is not gated by them. */
  private readonly caps = new CapabilityController(this);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus goes once the next load is on screen: the first new row after a page change, the search field after clearing it. */
  private focusAfterLoad: 'first-row' | 'search' | null = null;

  private readonly documents = this.loadTask({
    reads: ['listDocuments', 'searchDocuments', 'getPractice', 'getPortalAccess'],
    args: () => [this.isStaff, this.statusFilter, this.sort, this.titleQuery, this.page] as const,
    load: async (api, clientId, [staff, status, sort, title, pageIndex], signal): Promise<ListValue> => {
      const filters = { status: status || undefined, sort, limit: PAGE_SIZE, ...(pageIndex ? { offset: pageIndex * PAGE_SIZE } : {}) };
      const [page, practice, access] = await Promise.all([
        // A title search goes in a POST body: typed text never goes into a URL.
        title ? api.searchDocuments(clientId, { ...filters, title }, { signal }) : api.listDocuments(clientId, filters, { signal }),
        staff ? api.getPractice({ signal }) : null,
        staff ? api.getPortalAccess(clientId, { signal }) : null,
        this.caps.load(api, signal),
      ]);
      for (const doc of this.completions.observe(clientId, page.items)) {
        this.emit('portal-document-completed', { clientId, documentId: doc.id });
        this.announce(this.m.completedNow(doc.title));
      }
      return { clientId, page, practice, access };
    },
    // Another widget's change shows the way polling does: in the background, rows kept on a failure.
    changed: (): void => this.documents.refresh(),
  });

  /** What the assign dialog needs, read as it opens. */
  private readonly assignContext = this.loadTask({
    reads: ['listClientDocumentTemplates', 'getClient', 'getPortalAccess', 'listContacts', 'getPractice'],
    load: async (api, clientId, _, signal): Promise<AssignContext> => {
      const [templates, summary, access, contacts, practice] = await Promise.all([
        api.listClientDocumentTemplates(clientId, { signal }),
        api.getClient(clientId, { signal }),
        api.getPortalAccess(clientId, { signal }),
        api.listContacts(clientId, { signal }),
        api.getPractice({ signal }),
      ]);
      return { clientId, templates, client: summary, access, contacts, practice };
    },
    onDemand: true,
  });

  private get m() {
    return messages[this.activeLocale];
  }

  private get isStaff(): boolean {
    return this.audience !== 'client';
  }

  /** @internal Staff capabilities gate only the staff view (CapabilityHost). */
  get capabilitiesGated(): boolean {
    return this.isStaff;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('audience')) {
      if (this.statusFilter === 'cancelled' && !this.isStaff) this.statusFilter = '';
      this.clientChanged();
    }
    if (changed.has('pollInterval')) this.poller.setInterval(this.pollInterval);
  }

  /** Another client (or audience): nothing of the previous one's paging, search, actions or dialogs may carry over. */
  protected override clientChanged(): void {
    this.page = 0;
    this.jumpText = null;
    this.jumpError = '';
    this.titleText = this.titleQuery = '';
    // Another client: nothing of the previous one's paging, search, actions or dialogs may carry over.
    clearTimeout(this.searchTimer);
    this.actions.reset();
    this.flash = null;
    this.selected = new Set();
    this.assignMessage = '';
    this.fieldError = '';
    this.assignDialog.close();
    this.cancelDialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scheduleCooldownRender();
    this.moveFocusAfterLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /**
   * After Previous, Next or a jump: the first new row, so keyboard and screen reader users start
   * reading there. After "Clear search": the search field, as the button is gone.
   */
  private moveFocusAfterLoad(): void {
    const target = this.focusAfterLoad;
    if (!target || this.documents.status === TaskStatus.PENDING) return;
    this.focusAfterLoad = null;
    if (this.documents.status !== TaskStatus.COMPLETE) return;
    const selector = target === 'search' ? '#title-search' : '[part~="row"] .title';
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  /** @internal What the poller calls (PollerHost): a background reload that keeps the rows shown if it fails. */
  refreshInBackground(): void {
    this.documents.refresh();
  }

  /** The Remind buttons come back by themselves when the earliest cooldown on screen ends. */
  private scheduleCooldownRender(): void {
    const value = this.documents.value;
    const minutes = value?.practice?.resendCooldownMinutes ?? 0;
    const now = new Date();
    const retryAts = (value?.page.items ?? []).map((doc) => {
      const d = reminderDecision(doc, minutes, now);
      return d.allowed ? null : d.retryAt;
    });
    this.cooldownRender.wakeAt(retryAts, now.getTime());
  }

  // ---- filters and paging ------------------------------------------------------------------

  private setStatusFilter(value: string): void {
    const statuses: readonly string[] = this.isStaff ? STAFF_STATUSES : CLIENT_STATUSES;
    this.statusFilter = statuses.includes(value) ? (value as DocumentStatus) : '';
    this.firstPage();
  }

  private setSort(value: string): void {
    this.sort = (SORTS as readonly string[]).includes(value) ? (value as DocumentSort) : 'sent_desc';
    this.firstPage();
  }

  private firstPage(): void {
    this.page = 0;
    this.jumpText = null;
    this.jumpError = '';
  }

  private onTitleInput(text: string): void {
    this.titleText = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchTitle(), SEARCH_DELAY_MS);
  }

  private searchTitle(): void {
    clearTimeout(this.searchTimer);
    const query = this.titleText.trim();
    if (query === this.titleQuery) return;
    this.titleQuery = query;
    this.firstPage();
  }

  private clearSearch(): void {
    this.titleText = '';
    this.focusAfterLoad = 'search';
    this.searchTitle();
  }

  private goToPage(page: number): void {
    if (page === this.page || this.documents.status === TaskStatus.PENDING) return;
    this.page = page;
    this.jumpText = null;
    this.jumpError = '';
    this.focusAfterLoad = 'first-row';
  }

  private goNext(hasNext: boolean): void {
    if (hasNext) this.goToPage(this.page + 1);
  }

  private goPrevious(): void {
    if (this.page > 0) this.goToPage(this.page - 1);
  }

  private jump(total: number): void {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = parsePageNumber(this.jumpText ?? String(this.page + 1), pages);
    if (page === null) {
      this.jumpError = this.m.pageInvalid(pages);
      return;
    }
    this.jumpError = '';
    if (page - 1 === this.page) this.jumpText = null;
    else this.goToPage(page - 1);
  }

  // ---- row actions ---------------------------------------------------------------------------

  private remind(doc: IntakeDocument): void {
    const { client, clientId } = this;
    if (!client) return;
    this.flash = null;
    void this.actions.run(`remind:${doc.id}`, () => client.remindDocument(clientId, doc.id), {
      operation: 'remindDocument',
      errorIn: doc.id,
      done: (result) => {
        this.emit('portal-document-reminded', { clientId, documentId: doc.id });
        this.showSuccess([this.m.reminderSent(doc.title, result.emailsSent)]);
      },
    });
  }

  private openCancel(doc: IntakeDocument, trigger: HTMLElement): void {
    this.cancelTarget = doc;
    this.actions.setError(doc.id, null);
    void this.cancelDialog.show(trigger);
  }

  private confirmCancel(): void {
    const { client, clientId, cancelTarget: doc } = this;
    if (!client || !doc) return;
    this.flash = null;
    void this.actions.run(`cancel:${doc.id}`, () => client.cancelDocument(clientId, doc.id), {
      operation: 'cancelDocument',
      errorIn: 'cancel-dialog',
      done: () => {
        this.emit('portal-document-cancelled', { clientId, documentId: doc.id });
        // The row is about to disappear: focus goes to the heading instead of the gone trigger.
        this.cancelDialog.close({ focus: 'fallback' });
        this.showSuccess([this.m.cancelled(doc.title), this.m.cancelledKept]);
      },
    });
  }

  private openDocument(doc: IntakeDocument): void {
    this.emit('portal-document-open', { clientId: this.clientId, documentId: doc.id, url: doc.fillUrl });
  }

  // ---- assign --------------------------------------------------------------------------------

  private openAssign(trigger: HTMLElement): void {
    this.fieldError = '';
    void this.assignContext.run();
    void this.assignDialog.show(trigger);
  }

  private toggleTemplate(templateId: string, checked: boolean): void {
    const next = new Set(this.selected);
    if (checked) next.add(templateId);
    else next.delete(templateId);
    this.selected = next;
    if (next.size) this.fieldError = '';
  }

  private async assign(ctx: AssignContext): Promise<void> {
    const { client, clientId } = this;
    if (!client || this.actions.busy('assign') || ctx.clientId !== clientId) return;
    // Template order, not click order: the emails go out in the order staff see.
    const chosen = ctx.templates.filter((t) => this.selected.has(t.id));
    const templateIds = chosen.map((t) => t.id);
    // Only what staff ticked under "Send again" may duplicate a document the client already has.
    const sendAgain = chosen.filter((t) => t.latestDocument).map((t) => t.id);
    if (templateIds.length === 0) {
      this.fieldError = this.m.chooseTemplate;
      await this.updateComplete;
      this.assignDialog.dialog?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
      return;
    }
    this.flash = null;
    const message = this.assignMessage.trim();
    await this.actions.run('assign', () => client.assignDocuments(clientId, { templateIds, ...(message ? { message } : {}), ...(sendAgain.length ? { sendAgain } : {}) }), {
      operation: 'assignDocuments',
      errorIn: 'assign-dialog',
      done: (result) => {
        this.emit('portal-documents-assigned', {
          clientId,
          documentIds: result.documents.map((d) => d.id),
          emailsSent: result.emailsSent,
          portalAccessGranted: result.portalAccessGranted,
        });
        const lines = [this.m.assigned(result.documents.length, result.emailsSent, result.recipients)];
        if (result.portalAccessGranted) lines.push(this.m.accessGranted);
        this.selected = new Set();
        this.assignMessage = '';
        this.assignDialog.close();
        this.firstPage();
        this.showSuccess(lines);
      },
      failed: (error, text) => {
        // Someone else sent one of these meanwhile: show it as already sent, with its "Send again".
        if (isPortalApiError(error) && error.code === 'document_already_assigned') void this.assignContext.run();
        return text;
      },
    });
  }

  private showSuccess(lines: string[]): void {
    this.flash = lines;
    this.announce(lines.join(' '));
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render() {
    const m = this.m;
    const value = this.documents.value;
    const current = value?.clientId === this.clientId ? value : undefined;
    const showHeaderAssign = this.isStaff && current !== undefined && !this.isEmptyList(current) && this.caps.can('documents.assign');
    return html`<header class="header" part="header">
        <h2 tabindex="-1">${this.isStaff ? m.staffHeading : m.clientHeading}</h2>
        ${showHeaderAssign ? this.renderAssignButton(!canShare(current)) : nothing}
      </header>
      ${this.renderTask(this.documents, (v) => this.renderReady(v))}
      ${this.isStaff ? this.renderDialogs() : nothing} ${this.renderAnnouncer()}`;
  }

  private isEmptyList(v: ListValue): boolean {
    return v.page.total === 0 && this.statusFilter === '' && this.titleQuery === '' && this.page === 0;
  }

  private renderAssignButton(blocked: boolean) {
    return html`<button class="button primary" part="button assign-button" ?disabled=${blocked} @click=${(e: Event) => this.openAssign(e.currentTarget as HTMLElement)}>
      ${this.m.assign}
    </button>`;
  }

  private renderReady(v: ListValue) {
    const m = this.m;
    const loading = this.documents.status === TaskStatus.PENDING;
    const portalOff = v.practice?.portalEnabled === false;
    const accessDisabled = v.access?.state === 'disabled';
    return html`${portalOff ? html`<div class="banner warning" part="status">${m.portalOff}</div>` : nothing}
      ${accessDisabled && !portalOff ? html`<div class="banner warning" part="status">${m.accessDisabled}</div>` : nothing}
      ${this.flash
        ? html`<div class="banner success flash" part="status">
            <div>${this.flash.map((line) => html`<p>${line}</p>`)}</div>
            <button class="button link" part="button dismiss-button" @click=${() => (this.flash = null)}>${m.dismiss}</button>
          </div>`
        : nothing}
      ${this.documents.refreshError ? html`<div class="banner warning" part="status" role="alert">${m.refreshFailed(this.documents.refreshError)}</div>` : nothing}
      ${this.caps.note('documents.assign', this.activeLocale)}
      ${this.isEmptyList(v) ? this.renderEmpty(!canShare(v)) : this.renderList(v, loading)}`;
  }

  private renderEmpty(blocked: boolean) {
    const m = this.m;
    if (!this.isStaff)
      return html`<div class="empty" part="empty"><strong>${m.clientEmptyTitle}</strong>${m.clientEmptyBody}</div>`;
    return html`<div class="empty" part="empty">
      <strong>${m.emptyTitle}</strong>
      <p>${m.emptyBody}</p>
      ${this.caps.can('documents.assign') ? this.renderAssignButton(blocked) : nothing}
    </div>`;
  }

  private renderList(v: ListValue, loading: boolean) {
    const m = this.m;
    const items = v.page.items;
    const first = this.page * PAGE_SIZE + 1;
    const last = first + items.length - 1;
    const view: RowsView = {
      m,
      common: this.common,
      locale: this.activeLocale,
      now: new Date(),
      cooldownMinutes: v.practice?.resendCooldownMinutes ?? 0,
      canRemind: canShare(v),
      mayRemind: this.caps.can('documents.assign'),
      mayCancel: this.caps.can('documents.cancel'),
      busy: (action) => this.actions.busy(action),
      rowError: (documentId) => this.actions.error(documentId),
      onRemind: (doc) => void this.remind(doc),
      onCancel: (doc, trigger) => this.openCancel(doc, trigger),
      onOpen: (doc) => this.openDocument(doc),
    };
    let rows;
    if (items.length === 0) {
      const statusLabel = this.statusFilter ? (this.isStaff ? m.status : m.clientStatus)(this.statusFilter) : '';
      const text = this.page > 0 ? m.emptyPage : this.titleQuery ? m.emptySearch(this.titleQuery) : m.emptyFiltered(statusLabel);
      rows = html`<div class="empty" part="empty">
        <p>${text}</p>
        <div class="empty-actions">
          ${this.titleQuery ? html`<button class="button" part="button clear-search-button" @click=${() => this.clearSearch()}>${m.clearSearch}</button>` : nothing}
          ${this.statusFilter ? html`<button class="button" part="button show-all-button" @click=${() => this.setStatusFilter('')}>${m.showAll}</button>` : nothing}
        </div>
      </div>`;
    } else {
      rows = this.isStaff ? staffTable(view, items, m.tableCaption(first, last, v.page.total)) : clientList(view, items);
    }
    return html`${documentFilters({
        m,
        staff: this.isStaff,
        status: this.statusFilter,
        sort: this.sort,
        title: this.titleText,
        onStatus: (s) => this.setStatusFilter(s),
        onSort: (s) => this.setSort(s),
        onTitleInput: (text) => this.onTitleInput(text),
        onTitleSubmit: () => this.searchTitle(),
      })}
      <div class="list" aria-busy=${loading ? 'true' : 'false'}>${rows}</div>
      ${documentPager({
        m,
        first: items.length ? first : 0,
        last,
        total: v.page.total,
        pageSize: PAGE_SIZE,
        page: this.page,
        hasNext: v.page.nextCursor !== null,
        loading,
        jumpText: this.jumpText ?? String(this.page + 1),
        jumpError: this.jumpError,
        onPrevious: () => this.goPrevious(),
        onNext: () => this.goNext(v.page.nextCursor !== null),
        onJumpInput: (text) => {
          this.jumpText = text;
          this.jumpError = '';
        },
        onJump: () => this.jump(v.page.total),
      })}`;
  }

  private renderDialogs() {
    const ctxTask = this.assignContext;
    const sending = this.actions.busy('assign');
    return html`${this.assignDialog.render(() =>
      assignDialog({
        m: this.m,
        titleId: this.assignDialog.titleId,
        common: this.common,
        locale: this.activeLocale,
        now: new Date(),
        context: ctxTask.value?.clientId === this.clientId ? ctxTask.value : undefined,
        loading: ctxTask.status === TaskStatus.PENDING,
        loadError: ctxTask.status === TaskStatus.ERROR ? this.describe(ctxTask.error) : null,
        selected: this.selected,
        message: this.assignMessage,
        fieldError: this.fieldError,
        sending,
        sendError: this.actions.error('assign-dialog'),
        onRetry: () => void ctxTask.run(),
        onToggle: (id, checked) => this.toggleTemplate(id, checked),
        onMessage: (text) => (this.assignMessage = text),
        onSubmit: (ctx) => void this.assign(ctx),
        onDismiss: () => this.assignDialog.close(),
      }),
    )}
    ${this.cancelDialog.render(
      () => {
        const doc = this.cancelTarget;
        return cancelDialog({
          m: this.m,
          titleId: this.cancelDialog.titleId,
          doc,
          cancelling: doc ? this.actions.busy(`cancel:${doc.id}`) : false,
          error: this.actions.error('cancel-dialog'),
          onKeep: () => this.cancelDialog.close(),
          onConfirm: () => this.confirmCancel(),
        });
      },
      { describedBy: 'cancel-body' },
    )}`;
  }
}
