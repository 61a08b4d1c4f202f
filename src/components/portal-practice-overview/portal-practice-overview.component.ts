import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus, initialState } from '@lit/task';
import { PortalElement } from '../../base/portal-element.js';
import { isPortalApiError } from '../../api/index.js';
import { newIdempotencyKey } from '../../api/idempotency-key.js';
import { BULK_FINDINGS, type BulkFinding, type OverviewClient, type OverviewClientPage, type OverviewFinding, type PortalOverview } from '../../schemas/index.js';
import { formatRelative } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { bulkDialog, bulkSentence, type BulkState } from './bulk-dialog.js';
import { CapabilityController } from '../shared/capabilities.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { ActionController } from '../shared/action-controller.js';
import { busyButton } from '../shared/busy-button.js';
import { messages } from './portal-practice-overview.messages.js';
import { styles } from './portal-practice-overview.styles.js';

/** Rows of one page of a finding's list: the DOM holds this many, whatever the practice's size. */
export const OVERVIEW_PAGE_SIZE = 25;
/** The name filter searches once typing pauses this long (Enter searches at once). */
const FILTER_PAUSE_MS = 300;

const isBulkFinding = (f: OverviewFinding): f is BulkFinding => (BULK_FINDINGS as readonly string[]).includes(f);

interface ListArgs {
  finding: OverviewFinding;
  cursor: string | undefined;
  name: string;
}

/**
 * The base element's protected member its action controller uses (ActionHost), made visible to it:
 * types only (declaration merging; the base class implements it). `@internal`: not public API.
 * @internal
 */
export interface PortalPracticeOverviewElement {
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary Portal access across the whole practice: clients counted from not invited to invited to
 * active, what holds each group back (the same diagnosis `<portal-invite-status>` shows for one
 * client), each finding's clients with their evidence and fix, and a bulk invitation per finding
 * that first shows what it would send and never sends to mistyped, bounced or spam-flagged addresses.
 *
 * @event portal-load - The counts (or a page of a finding's list) finished loading; `clientId` is empty.
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 * @event portal-bulk-invitations-sent - A bulk invitation was sent (never for a dry run); `{ finding, clientIds, sent, emails, skipped }`.
 * @event portal-client-open - Staff asked to open a client's page to fix a finding there; `{ clientId, finding }`.
 * @event portal-invite-sent - An invitation was sent to one client from their row; `{ clientId, contactId: null, invitationId, kind }`.
 *
 * @csspart bulk-button - "Invite all…" for a finding (opens the dry run).
 * @csspart bulk-dialog - The bulk invitation dialog: dry run, sending, result.
 * @csspart cancel-button - Closes the bulk dialog without sending.
 * @csspart close-list-button - Closes a finding's list.
 * @csspart confirm-button - Sends the bulk invitation the dry run showed.
 * @csspart done-button - Closes the bulk dialog after the result.
 * @csspart next-button - The next page of a list.
 * @csspart open-button - "Open client" on a row (fires `portal-client-open`).
 * @csspart previous-button - The previous page of a list.
 * @csspart retry-button - Try again after a failed load.
 * @csspart role-note - Says the signed-in staff member's role cannot send invitations.
 * @csspart send-button - "Send invitation" on a row.
 * @csspart header - The heading and the one-line summary.
 * @csspart portal-off - The banner while the portal is off for the whole practice.
 * @csspart funnel - The list of access states, not invited to disabled.
 * @csspart stage - One access state with its count (each also has its own part, below).
 * @csspart stage-not-invited - The "not invited" state.
 * @csspart stage-invited - The "invited" state.
 * @csspart stage-active - The "active" state.
 * @csspart stage-disabled - The "disabled" state.
 * @csspart finding-button - A finding within a state; opens its list.
 * @csspart finding-list - The open finding's list: heading, help, filter, rows, pages.
 * @csspart row - One client of the list.
 * @csspart evidence - What the finding is based on, in a row.
 * @csspart feedback - What the last row action did.
 * @csspart pager - Previous / Next and the position in the list.
 * @csspart button - Every button; each also has its own part: `bulk-button`, `send-button`, `open-button`, `close-list-button`,
 *   `previous-button`, `next-button`, and in the dialog `confirm-button`, `cancel-button`, `done-button`, `retry-button`.
 * @csspart dialog - The bulk dialog; also `bulk-dialog`.
 * @csspart bulk-summary - The dialog's sentence: what the dry run found, then what was sent.
 * @csspart dialog-error - An error inside the dialog.
 * @csspart empty - No client has the finding, or none matches the filter.
 * @csspart notice - Not-configured notice.
 * @csspart pending - The loading state.
 * @csspart error - The load error with its retry button.
 */
export class PortalPracticeOverviewElement extends PortalElement {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'portal-practice-overview';
  /** Practice-wide: shown without a `client-id`; any client's change moves the counts. */
  protected override readonly practiceWide = true;

  /** What the signed-in staff member may do (the session): bulk sends need `portal.invite`. */
  private readonly caps = new CapabilityController(this);

  /** The finding whose list is open. */
  @state() private finding: OverviewFinding | null = null;
  /** The cursor of every page walked so far: the last one is on screen. */
  @state() private cursors: (string | undefined)[] = [undefined];
  /** What is typed in the name filter, and what the list was last searched for. */
  @state() private typedName = '';
  @state() private searchedName = '';
  /** What the last row action did; its failure is the actions' `row` error. */
  @state() private feedback: string | null = null;
  /** The bulk dialog's finding, dry run (then what was sent) and send key; busy and errors are the actions'. */
  @state() private bulk: Pick<BulkState, 'finding' | 'result' | 'sendKey'> & { done: boolean } | null = null;
  /** The API refused a bulk send (403): the role may not. */
  @state() private bulkRefused = false;

  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: HTMLElement | null = null;
  private readonly actions = new ActionController(this, { exclusive: true });
  private readonly bulkDialogControl = new ModalDialog(this, {
    id: 'bulk-dialog',
    // Escape cancels a dry run, never a send on its way.
    busy: () => this.actions.busy('bulk-send'),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('#list-heading, #heading'),
    onClosed: () => {
      this.bulk = null;
      this.actions.setError('bulk-dialog', null);
    },
  });

  private readonly overview = this.loadTask({
    reads: ['getPortalOverview'],
    load: async (api, _, __, signal) => {
      await this.caps.load(api, signal);
      return api.getPortalOverview({ signal });
    },
  });

  private readonly list = this.loadTask({
    reads: ['listPortalOverviewClients', 'searchPortalOverviewClients'],
    // Primitives only: the task runs again when one of them changes, not on every render.
    args: () => [this.finding, this.cursors[this.cursors.length - 1], this.searchedName] as const,
    load: async (api, _, [finding, cursor, name], signal) => {
      if (!finding) return initialState;
      const args: ListArgs = { finding, cursor, name };
      const paging = { ...(cursor ? { cursor } : {}), limit: OVERVIEW_PAGE_SIZE };
      const page = name
        ? await api.searchPortalOverviewClients({ finding, name, ...paging }, { signal })
        : await api.listPortalOverviewClients({ finding, ...paging }, { signal });
      return { args, page };
    },
  });

  private get m() {
    return messages[this.activeLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.filterTimer);
  }

  protected override render() {
    return html`${this.renderTask(this.overview, (o) => this.renderReady(o))}${this.renderAnnouncer()}`;
  }

  private get mayBulk(): boolean {
    return !this.bulkRefused && this.caps.can('portal.invite');
  }

  private when(iso: string | undefined): string {
    return iso ? formatRelative(iso, new Date(), this.activeLocale) : '';
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderReady(o: PortalOverview): TemplateResult {
    const m = this.m;
    return html`<div class="stack">
        <div class="header" part="header">
          <h2 id="heading" tabindex="-1">${m.heading}</h2>
          <p class="muted">${m.summary(o.totalClients)}</p>
        </div>
        ${o.portalEnabled ? nothing : html`<p class="banner warning" part="portal-off" role="status">${m.portalOff}</p>`}
        <ol class="funnel" part="funnel" aria-label=${m.funnel}>
          ${o.states.map((s) => {
            const held = s.findings.filter((f) => f.clients > 0);
            return html`<li class="stage" part="stage stage-${s.state.replace('_', '-')}">
              <h3 class="stage-title"><span>${m.state(s.state)}</span> <span class="stage-count">${m.stageCount(s.clients)}</span></h3>
              ${held.length
                ? html`<ul class="findings" aria-label=${`${m.state(s.state)}: ${m.heldBy}`}>
                    ${held.map(
                      (f) => html`<li>
                        <button type="button" class="finding-button" part="button finding-button" data-finding=${f.finding} aria-pressed=${this.finding === f.finding ? 'true' : 'false'} @click=${(e: Event) => this.openFinding(f.finding, e)}>
                          ${m.findingButton(m.finding(f.finding), f.clients)}
                        </button>
                      </li>`,
                    )}
                  </ul>`
                : html`<p class="muted">${s.clients ? m.nothingHolds : ''}</p>`}
            </li>`;
          })}
        </ol>
        ${this.finding ? this.renderList(o, this.finding) : nothing}
      </div>
      ${this.renderBulkDialog()}`;
  }

  private renderList(o: PortalOverview, finding: OverviewFinding): TemplateResult {
    const m = this.m;
    const label = m.finding(finding);
    const counted = o.findings.find((f) => f.finding === finding)?.clients ?? 0;
    const value = this.list.value;
    const current = value && value.args.finding === finding ? value : undefined;
    const loading = this.list.status === TaskStatus.PENDING;
    return html`<section class="finding-list" part="finding-list" aria-labelledby="list-heading">
      <div class="list-header">
        <h3 id="list-heading" tabindex="-1">${m.listHeading(label, counted)}</h3>
        <button type="button" class="button link" part="button close-list-button" @click=${() => this.closeFinding()}>${m.close}</button>
      </div>
      <p class="muted">${m.findingHelp(finding, o.unansweredAfterDays)}</p>
      ${isBulkFinding(finding) && this.mayBulk && o.portalEnabled && counted > 0
        ? html`<div class="row"><button type="button" class="button primary" part="button bulk-button" ?disabled=${this.bulk !== null} @click=${(e: Event) => void this.openBulk(finding, e)}>${m.bulkInvite(finding)}</button></div>`
        : nothing}
      ${isBulkFinding(finding) && !this.mayBulk ? html`<p class="muted">${m.notAllowed}</p>` : nothing}
      <form class="field filter" role="search" @submit=${(e: Event) => this.submitFilter(e)}>
        <label for="name-filter">${m.filterLabel}</label>
        <input id="name-filter" type="search" maxlength="100" autocomplete="off" .value=${this.typedName} @input=${(e: Event) => this.onFilterInput((e.target as HTMLInputElement).value)} />
      </form>
      ${this.actions.error('row')
        ? html`<p class="banner danger" part="feedback" role="alert">${this.actions.error('row')}</p>`
        : this.feedback
          ? html`<p class="banner success" part="feedback" role="status">${this.feedback}</p>`
          : nothing}
      ${this.list.status === TaskStatus.ERROR && !loading
        ? html`<div class="error" part="error" role="alert">
            <p>${this.describe(this.list.error)}</p>
            <button type="button" class="button" part="button retry-button" @click=${() => void this.list.run()}>${this.common.retry}</button>
          </div>`
        : current
          ? this.renderRows(current.page, finding, loading)
          : html`<div class="pending" part="pending" role="status"><span class="spinner" aria-hidden="true"></span>${this.common.loading}</div>`}
    </section>`;
  }

  private renderRows(page: OverviewClientPage, finding: OverviewFinding, loading: boolean): TemplateResult {
    const m = this.m;
    if (page.items.length === 0) return html`<p class="empty" part="empty">${this.searchedName ? m.noMatch : m.empty}</p>`;
    const first = (this.cursors.length - 1) * OVERVIEW_PAGE_SIZE + 1;
    const last = first + page.items.length - 1;
    return html`<ul class="rows" aria-label=${m.finding(finding)} aria-busy=${loading ? 'true' : 'false'}>
        ${page.items.map((row) => this.renderRow(row))}
      </ul>
      <nav class="pager" part="pager" aria-label=${m.paging}>
        <button type="button" class="button" part="button previous-button" ?disabled=${this.cursors.length === 1} @click=${() => this.previousPage()}>${m.previous}</button>
        <span class="page-status" role="status">${m.pageStatus(first, last, page.total)}</span>
        <button type="button" class="button" part="button next-button" ?disabled=${!page.nextCursor} @click=${() => this.nextPage(page.nextCursor)}>${m.next}</button>
      </nav>`;
  }

  private renderRow(row: OverviewClient): TemplateResult {
    const m = this.m;
    const name = row.displayName || row.clientId;
    const canSend = row.fix === 'send_invitation';
    return html`<li class="client-row" part="row">
      <div class="who">
        <strong><bdi>${name}</bdi></strong>
        <span class="muted evidence" part="evidence">${this.evidenceText(row)}</span>
      </div>
      <div class="row-actions">
        ${canSend && this.mayBulk && this.overview.value?.portalEnabled
          ? busyButton({
              label: m.sendInvitation,
              ariaLabel: m.sendInvitationFor(name),
              busy: this.actions.busy(`send:${row.clientId}`),
              disabled: this.actions.busy(),
              part: 'send-button',
              onClick: () => void this.sendOne(row, name),
            })
          : nothing}
        <button type="button" class="button" part="button open-button" aria-label=${m.openClientFor(name)} @click=${() => this.emit('portal-client-open', { clientId: row.clientId, finding: row.finding })}>${m.openClient}</button>
      </div>
    </li>`;
  }

  /** The finding's evidence, said in one sentence. */
  private evidenceText(row: OverviewClient): string {
    const m = this.m;
    const e = row.evidence;
    const guardian = e.about === 'guardian' ? ` ${m.evidenceGuardian}` : '';
    switch (row.finding) {
      case 'email_typo':
        return `${m.evidenceTypo(e.address ?? '', e.suggestion ?? '')}${guardian}`;
      case 'bounced':
        return `${m.evidenceBounced(e.address ?? '', this.when(e.at))}${guardian}`;
      case 'marked_spam':
        return `${m.evidenceSpam(e.address ?? '', this.when(e.at))}${guardian}`;
      case 'invitation_expired':
        return m.evidenceExpired(this.when(e.at));
      case 'access_disabled':
        return e.at ? m.evidenceDisabled(this.when(e.at)) : m.finding(row.finding);
      case 'never_signed_in':
        return m.evidenceWaiting(e.days ?? 0);
      case 'signed_in':
        return e.at ? m.evidenceSignedIn(this.when(e.at)) : m.finding(row.finding);
      case 'no_consent':
      case 'no_email':
        return `${m.finding(row.finding)}.${guardian}${e.suggestion ? ` ${m.evidenceConsented(e.suggestion)}` : ''}`;
      default:
        return `${m.finding(row.finding)}.`;
    }
  }

  private renderBulkDialog(): TemplateResult {
    return this.bulkDialogControl.render(
      () => {
        const bulk = this.bulk;
        const phase = this.actions.busy('bulk-check') ? 'checking' : this.actions.busy('bulk-send') ? 'sending' : bulk?.done ? 'done' : 'preview';
        return bulkDialog({
          m: this.m,
          bulk: bulk && { ...bulk, phase, error: this.actions.error('bulk-dialog') },
          label: bulk ? this.m.finding(bulk.finding) : '',
          retryLabel: this.common.retry,
          refused: this.bulkRefused,
          titleId: this.bulkDialogControl.titleId,
          onCancel: () => this.bulkDialogControl.close(),
          onConfirm: () => void this.sendBulk(),
          // A failed dry run is tried again; a failed send is that same send again (its key kept).
          onRetry: () => void (this.bulk?.result ? this.sendBulk() : this.checkBulk()),
        });
      },
      { describedBy: 'bulk-status' },
    );
  }

  // ---- the list --------------------------------------------------------------------------------

  private openFinding(finding: OverviewFinding, event: Event): void {
    this.returnFocus = event.currentTarget as HTMLElement;
    if (this.finding !== finding) {
      this.finding = finding;
      this.cursors = [undefined];
      this.typedName = '';
      this.searchedName = '';
      this.feedback = null;
      this.actions.setError('row', null);
    }
    void this.focusById('list-heading');
  }

  private closeFinding(): void {
    this.finding = null;
    this.feedback = null;
    this.actions.setError('row', null);
    const target = this.returnFocus;
    this.returnFocus = null;
    void this.updateComplete.then(() => (target?.isConnected ? target.focus() : this.renderRoot.querySelector<HTMLElement>('#heading')?.focus()));
  }

  private nextPage(cursor: string | null): void {
    if (!cursor) return;
    this.cursors = [...this.cursors, cursor];
    this.feedback = null;
    this.actions.setError('row', null);
  }

  private previousPage(): void {
    if (this.cursors.length > 1) this.cursors = this.cursors.slice(0, -1);
    this.feedback = null;
    this.actions.setError('row', null);
  }

  private onFilterInput(value: string): void {
    this.typedName = value;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.applyFilter(), FILTER_PAUSE_MS);
  }

  private submitFilter(event: Event): void {
    event.preventDefault();
    clearTimeout(this.filterTimer);
    this.applyFilter();
  }

  private applyFilter(): void {
    const name = this.typedName.trim();
    if (name === this.searchedName) return;
    this.searchedName = name;
    this.cursors = [undefined];
  }

  // ---- actions ---------------------------------------------------------------------------------

  /** One invitation from a row: the fix is one call. */
  private async sendOne(row: OverviewClient, name: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.feedback = null;
    await this.actions.run(`send:${row.clientId}`, () => client.sendInvitation(row.clientId, {}), {
      operation: 'sendInvitation',
      errorIn: 'row',
      done: (access) => {
        const last = access.invitations[access.invitations.length - 1];
        this.emit('portal-invite-sent', { clientId: row.clientId, contactId: null, invitationId: last?.id ?? '', kind: row.finding === 'not_invited' ? 'send' : 'resend' });
        this.feedback = this.m.invitationSent(name);
        this.announce(this.feedback);
      },
      // A failure concerns that client, not the practice view: reported with its id.
      clientId: row.clientId,
    });
    const feedback = this.renderRoot.querySelector<HTMLElement>('[part~="feedback"]');
    feedback?.setAttribute('tabindex', '-1');
    feedback?.focus();
  }

  private openBulk(finding: BulkFinding, event: Event): void {
    this.bulk = { finding, result: null, sendKey: null, done: false };
    void this.bulkDialogControl.show(event);
    void this.checkBulk();
  }

  /** The dry run: what a send would do now. */
  private async checkBulk(): Promise<void> {
    const bulk = this.bulk;
    const client = this.client;
    if (!bulk || !client) return;
    const checked = await this.actions.run('bulk-check', () => client.sendBulkInvitations({ finding: bulk.finding, dryRun: true }, newIdempotencyKey()), {
      operation: 'sendBulkInvitations',
      errorIn: 'bulk-dialog',
      done: (result) => {
        // Closed meanwhile: the answer has nowhere to go.
        if (this.bulk?.finding === bulk.finding) this.bulk = { ...this.bulk, result };
      },
      failed: (error, text) => this.bulkFailed(error, text),
    });
    if (checked && this.bulk) this.renderRoot.querySelector<HTMLElement>('#bulk-dialog [part~="confirm-button"]:not([disabled]), #bulk-dialog [part~="cancel-button"]')?.focus();
  }

  private async sendBulk(): Promise<void> {
    const bulk = this.bulk;
    const client = this.client;
    if (!bulk || !client) return;
    const sendKey = bulk.sendKey ?? newIdempotencyKey();
    this.bulk = { ...bulk, sendKey };
    // The preview stays on failure; trying again repeats this very send (same key): never a second one.
    const sent = await this.actions.run('bulk-send', () => client.sendBulkInvitations({ finding: bulk.finding, dryRun: false }, sendKey), {
      operation: 'sendBulkInvitations',
      errorIn: 'bulk-dialog',
      done: (result) => {
        this.bulk = { ...this.bulk!, result, done: true };
        const clientIds = result.results.filter((r) => r.outcome === 'sent').map((r) => r.clientId);
        this.emit('portal-bulk-invitations-sent', { finding: bulk.finding, clientIds, sent: result.sent, emails: result.emails, skipped: result.skipped });
        this.announce(bulkSentence(this.m, result));
      },
      failed: (error, text) => this.bulkFailed(error, text),
    });
    if (sent) this.renderRoot.querySelector<HTMLElement>('#bulk-dialog [part~="done-button"]')?.focus();
  }

  private bulkFailed(error: unknown, text: string): string | null {
    if (!this.bulk) return null;
    const refused = isPortalApiError(error) && error.status === 403;
    if (refused) this.bulkRefused = true;
    return refused ? `${text} ${this.m.notAllowed}` : text;
  }
}
