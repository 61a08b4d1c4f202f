import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { PortalElement } from '../../base/portal-element.js';
import { ACTIVITY_KINDS, type ActivityKind, type ActivityEntry, type ActivityPage } from '../../schemas/index.js';
import { formatDay, formatTime } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { csvDocument, csvEntryRow, csvFileName, csvHeader } from './activity-csv.js';
import { describeEntry, KIND_GROUPS } from './activity-text.js';
import { CapabilityController } from '../shared/capabilities.js';
import { ActionController } from '../shared/action-controller.js';
import { messages } from './portal-activity-log.messages.js';
import { styles } from './portal-activity-log.styles.js';

/** Entries on screen at once: however long the trail, the DOM holds one page. */
export const PAGE_SIZE = 50;
/** Entries per request while preparing the CSV (the API's largest page). */
const CSV_PAGE_SIZE = 200;
/** The most entries one CSV holds: a bound on the download loop whatever the server answers. */
export const CSV_MAX_ENTRIES = 100_000;
/** How long a downloaded file's object URL stays valid (the browser has started the download by then). */
const OBJECT_URL_LIFETIME_MS = 60_000;

interface LogValue {
  clientId: string;
  /** `null` when the signed-in staff member's role may not see the trail (no `activity.view`). */
  page: ActivityPage | null;
}

interface DayGroup {
  key: string;
  heading: string;
  entries: ActivityEntry[];
}

const KINDS: readonly string[] = ACTIVITY_KINDS;

/** `YYYY-MM-DD` of the viewer's own day (days are the reader's, not UTC's). */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The base element's protected member its action controller uses (ActionHost), made visible to it:
 * types only (declaration merging; the base class implements it). `@internal`: not public API.
 * @internal
 */
export interface PortalActivityLogElement {
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary A client's activity trail: who did what to their portal and when (invitations, email
 * changes, access, PINs, permissions with before and after, contacts, documents, cards and
 * payments), newest first and grouped by day, with a filter by kind and a CSV download of what
 * is filtered.
 *
 * @event portal-load - A page of the trail finished loading.
 * @event portal-error - Loading or the CSV download failed; the detail carries ids and codes only.
 * @event portal-activity-exported - The trail (as filtered) was downloaded as CSV: kind and number of entries.
 *
 * @csspart download-button - "Download CSV".
 * @csspart newer-button - The newer page.
 * @csspart older-button - The older page.
 * @csspart retry-button - Try again after a failed load.
 * @csspart show-all-button - Clears the kind filter.
 * @csspart show-newest-button - Goes back to the newest entries after new activity.
 * @csspart header - The heading row.
 * @csspart filters - The kind filter and the Download CSV button.
 * @csspart status - New-activity, refresh and download banners.
 * @csspart day - One day's entries.
 * @csspart day-heading - A day's heading ("Today", "Yesterday", a date).
 * @csspart entries - A day's list of entries.
 * @csspart entry - One entry: its time and what happened.
 * @csspart time - An entry's time.
 * @csspart text - An entry's sentence.
 * @csspart pager - Newer / Older and the "Entries 1 to 50 of N" range.
 * @csspart role-note - Says the signed-in staff member's role cannot see the activity trail.
 * @csspart empty - The empty state.
 * @csspart button - Every button; also `download-button`, `newer-button`, `older-button`, `show-all-button`, `show-newest-button`, `retry-button`.
 * @csspart notice - Not configured / no client.
 * @csspart pending - Loading.
 * @csspart error - A failed load with its retry.
 */
export class PortalActivityLogElement extends PortalElement {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'portal-activity-log';

  @state() private kind: ActivityKind | '' = '';
  /** 0-based page on screen; `cursors[i]` opens page `i`. */
  @state() private index = 0;
  /** Something new was recorded while an older page is on screen. */
  @state() private newActivity = false;
  @state() private downloadProgress: { done: number; total: number } | null = null;
  @state() private downloadDone = '';

  private cursors: (string | null)[] = [null];
  /** Where focus goes once the next page is on screen. */
  private focusAfterLoad: 'first-entry' | 'range' | null = null;
  private download: AbortController | null = null;

  private readonly caps = new CapabilityController(this);
  /** The CSV download: its failure shows with a Try again; a download for another client is dropped. */
  private readonly actions = new ActionController(this);

  private readonly log = this.loadTask({
    reads: ['listActivity'],
    args: () => [this.kind, this.index] as const,
    load: async (api, clientId, [kind, index], signal): Promise<LogValue> => {
      const cursor = this.cursors[index] ?? undefined;
      // A role without the trail gets a short line. Once the session is known (it is read once a
      // page), no request the API would refuse (403) is sent; the first time, both go together so
      // the trail does not wait a round trip for the session.
      const known = this.caps.loaded;
      if (known && !this.caps.can('activity.view')) return { clientId, page: null };
      const read = api.listActivity(clientId, { ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }, { signal });
      if (!known) read.catch(() => undefined);
      await this.caps.load(api, signal);
      if (!this.caps.can('activity.view')) return { clientId, page: null };
      return { clientId, page: await read };
    },
    changed: () => {
      // On the newest page the new entry simply appears; further back, the page stays put and says so.
      if (this.index === 0) this.log.refresh();
      // After the session ended nothing changes by itself until the host signs in again.
      else if (!this.client?.sessionEnded) this.newActivity = true;
    },
  });

  private get m() {
    return messages[this.activeLocale];
  }

  protected override clientChanged(): void {
    // Another client: nothing of the previous one's filter, page or download carries over.
    this.kind = '';
    this.firstPage();
    this.cancelDownload();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusAfterLoad;
    if (!target || this.log.status === TaskStatus.PENDING) return;
    this.focusAfterLoad = null;
    if (this.log.status !== TaskStatus.COMPLETE) return;
    const selector = target === 'range' ? '#range' : '[part~="entry"]';
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelDownload();
  }

  // ---- filter and paging ---------------------------------------------------------------------

  private setKind(value: string): void {
    this.kind = KINDS.includes(value) ? (value as ActivityKind) : '';
    this.firstPage();
    this.downloadDone = '';
    this.actions.setError('download', null);
  }

  private firstPage(): void {
    this.cursors = [null];
    this.index = 0;
    this.newActivity = false;
  }

  private showNewest(): void {
    this.focusAfterLoad = 'first-entry';
    if (this.index === 0) {
      this.newActivity = false;
      void this.log.run();
    } else this.firstPage();
  }

  private go(step: 1 | -1, page: ActivityPage): void {
    // Not disabled while loading (that would drop focus): a click during a load is ignored.
    if (this.log.status === TaskStatus.PENDING) return;
    if (step === 1) {
      if (!page.nextCursor) return;
      this.cursors[this.index + 1] = page.nextCursor;
      this.index++;
    } else {
      if (this.index === 0) return;
      this.index--;
      if (this.index === 0) this.newActivity = false;
    }
    this.focusAfterLoad = 'first-entry';
  }

  // ---- CSV -----------------------------------------------------------------------------------

  private cancelDownload(): void {
    this.download?.abort();
    this.download = null;
    this.downloadProgress = null;
    this.downloadDone = '';
    this.actions.setError('download', null);
  }

  /**
   * Every entry the filter keeps, fetched page by page (each page turned into rows as it arrives,
   * so no single task grows with the trail), then saved through a Blob URL: nothing leaves the
   * browser but the API reads.
   */
  private async downloadCsv(): Promise<void> {
    const { client, clientId, kind } = this;
    if (!client || !clientId || this.download) return;
    const controller = new AbortController();
    this.download = controller;
    this.downloadDone = '';
    this.downloadProgress = { done: 0, total: this.log.value?.page?.total ?? 0 };
    const m = this.m;
    const locale = this.activeLocale;
    const fetchAll = async () => {
      const rows: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listActivity(clientId, { ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: CSV_PAGE_SIZE }, { signal: controller.signal });
        for (const e of page.items) if (rows.length < CSV_MAX_ENTRIES) rows.push(csvEntryRow(e, m, locale));
        this.downloadProgress = { done: rows.length, total: Math.min(page.total, CSV_MAX_ENTRIES) };
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < CSV_MAX_ENTRIES && !controller.signal.aborted);
      return rows;
    };
    try {
      await this.actions.run('download', fetchAll, {
        operation: 'listActivity',
        errorIn: 'download',
        signal: controller.signal,
        done: (rows) => {
          const name = csvFileName(clientId, kind, new Date());
          this.save(new Blob([csvDocument(csvHeader(m), rows)], { type: 'text/csv;charset=utf-8' }), name);
          this.emit('portal-activity-exported', { clientId, kind: kind || null, entries: rows.length });
          this.downloadDone = m.downloaded(rows.length, name);
          this.announce(this.downloadDone);
        },
      });
    } finally {
      if (this.download === controller) {
        this.download = null;
        this.downloadProgress = null;
      }
    }
  }

  private save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render() {
    const m = this.m;
    return html`<div class="header" part="header">
        <h2 tabindex="-1">${m.heading}</h2>
        <p class="muted intro">${m.intro}</p>
      </div>
      ${this.renderTask(this.log, (v) => this.renderReady(v))} ${this.renderAnnouncer()}`;
  }

  private renderReady(v: LogValue) {
    const m = this.m;
    const loading = this.log.status === TaskStatus.PENDING;
    const { page } = v;
    if (!page) return this.caps.note('activity.view', this.activeLocale);
    if (page.total === 0 && this.kind === '' && this.index === 0) {
      return html`<div class="empty" part="empty"><strong>${m.emptyTitle}</strong>
        <p>${m.emptyBody}</p></div>`;
    }
    return html`${this.renderFilters(page)} ${this.renderBanners(v)}
      <div class="list" aria-busy=${loading ? 'true' : 'false'}>
        ${page.items.length ? this.groupByDay(page.items).map((g, i) => this.renderDay(g, i)) : this.renderEmptyFilter()}
      </div>
      ${page.items.length ? this.renderPager(page) : nothing}`;
  }

  private renderFilters(page: ActivityPage) {
    const m = this.m;
    const busy = this.downloadProgress !== null;
    return html`<div class="filters" part="filters">
      <div class="field">
        <label for="kind-filter">${m.kindFilter}</label>
        <select id="kind-filter" @change=${(e: Event) => this.setKind((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.kind === ''}>${m.allKinds}</option>
          ${KIND_GROUPS.map(
            (g) => html`<optgroup label=${m.category(g.category)}>
              ${g.kinds.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${m.kind(k)}</option>`)}
            </optgroup>`,
          )}
        </select>
      </div>
      <button
        class="button"
        part="button download-button"
        aria-disabled=${busy || page.total === 0 ? 'true' : 'false'}
        aria-describedby=${busy ? 'download-status' : nothing}
        @click=${() => {
          if (!busy && page.total > 0) void this.downloadCsv();
        }}
      >
        ${m.download}
      </button>
    </div>`;
  }

  private renderBanners(v: LogValue) {
    const m = this.m;
    const progress = this.downloadProgress;
    return html`${this.newActivity
        ? html`<div class="banner info row" part="status">
            <span>${m.newActivity}</span>
            <button class="button" part="button show-newest-button" @click=${() => this.showNewest()}>${m.showNewest}</button>
          </div>`
        : nothing}
      ${this.log.refreshError ? html`<div class="banner warning" part="status" role="alert">${m.refreshFailed(this.log.refreshError)}</div>` : nothing}
      ${progress ? html`<div id="download-status" class="banner info" part="status">${m.downloading(progress.done, progress.total)}</div>` : nothing}
      ${this.actions.error('download')
        ? html`<div class="banner danger row" part="status" role="alert">
            <span>${m.downloadFailed(this.actions.error('download')!)}</span>
            <button class="button" part="button retry-button" @click=${() => void this.downloadCsv()}>${this.common.retry}</button>
          </div>`
        : nothing}
      ${this.downloadDone ? html`<div class="banner success" part="status">${this.downloadDone}</div>` : nothing}`;
  }

  private renderEmptyFilter() {
    const m = this.m;
    return html`<div class="empty" part="empty">
      <p>${m.emptyFiltered(this.kind ? m.kind(this.kind) : m.allKinds)}</p>
      ${this.kind ? html`<button class="button" part="button show-all-button" @click=${() => this.setKind('')}>${m.showAll}</button>` : nothing}
    </div>`;
  }

  private groupByDay(entries: readonly ActivityEntry[]): DayGroup[] {
    const m = this.m;
    const locale = this.activeLocale;
    const now = new Date();
    const today = localDay(now);
    const yesterday = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    const groups: DayGroup[] = [];
    for (const e of entries) {
      const key = localDay(new Date(e.at));
      let group = groups[groups.length - 1];
      if (group?.key !== key) {
        group = { key, heading: key === today ? m.today : key === yesterday ? m.yesterday : formatDay(e.at, locale), entries: [] };
        groups.push(group);
      }
      group.entries.push(e);
    }
    return groups;
  }

  private renderDay(group: DayGroup, i: number) {
    const m = this.m;
    const locale = this.activeLocale;
    return html`<section class="day" part="day" aria-labelledby="day-${i}">
      <h3 id="day-${i}" part="day-heading">${group.heading}</h3>
      <ol class="entries" part="entries" aria-label=${m.listLabel(group.heading)}>
        ${group.entries.map(
          (e) => html`<li class="entry" part="entry" tabindex="-1">
            <time part="time" datetime=${e.at}>${formatTime(e.at, locale)}</time>
            <span class="text" part="text">${describeEntry(e, m, locale)}</span>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderPager(page: ActivityPage) {
    const m = this.m;
    const first = this.index * PAGE_SIZE + 1;
    const last = first + page.items.length - 1;
    return html`<nav class="pager" part="pager" aria-label=${m.pagerLabel}>
      <span id="range" tabindex="-1">${m.range(first, last, page.total)}</span>
      <span class="spacer"></span>
      <button class="button" part="button newer-button" ?disabled=${this.index === 0} @click=${() => this.go(-1, page)}>${m.newer}</button>
      <button class="button" part="button older-button" ?disabled=${!page.nextCursor} @click=${() => this.go(1, page)}>${m.older}</button>
    </nav>`;
  }
}
