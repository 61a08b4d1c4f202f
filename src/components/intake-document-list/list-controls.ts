import { html, nothing } from 'lit';
import type { DocumentSort, DocumentStatus } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';

/** Staff can also look at what they cancelled; the client never sees withdrawn documents. */
export const STAFF_STATUSES: readonly DocumentStatus[] = ['sent', 'in_progress', 'completed', 'cancelled'];
export const CLIENT_STATUSES: readonly DocumentStatus[] = ['sent', 'in_progress', 'completed'];
export const SORTS: readonly DocumentSort[] = ['sent_desc', 'sent_asc', 'activity_desc', 'title_asc'];

export interface FiltersView {
  m: IntakeDocumentListMessages;
  staff: boolean;
  status: DocumentStatus | '';
  sort: DocumentSort;
  /** What is typed in the search field (the search itself may lag behind while typing). */
  title: string;
  onStatus(value: string): void;
  onSort(value: string): void;
  onTitleInput(value: string): void;
  /** Enter: search now, without waiting for the typing pause. */
  onTitleSubmit(): void;
}

/** Title search, status filter and sort: all go to the API, never a filter of the page on screen. */
export function documentFilters(v: FiltersView) {
  const { m } = v;
  const statuses = v.staff ? STAFF_STATUSES : CLIENT_STATUSES;
  const statusLabel = v.staff ? m.status : m.clientStatus;
  const sortLabel = v.staff ? m.sort : m.clientSort;
  const submit = (e: Event) => {
    e.preventDefault();
    v.onTitleSubmit();
  };
  return html`<div class="filters" part="filters" role="group" aria-label=${m.filtersLabel}>
    <form class="field search" role="search" @submit=${submit}>
      <label for="title-search">${m.searchLabel}</label>
      <input id="title-search" type="search" maxlength="100" autocomplete="off" .value=${v.title} @input=${(e: Event) => v.onTitleInput((e.target as HTMLInputElement).value)} />
    </form>
    <div class="field">
      <label for="status-filter">${m.statusFilter}</label>
      <select id="status-filter" @change=${(e: Event) => v.onStatus((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${v.status === ''}>${v.staff ? m.allStatuses : m.clientAllStatuses}</option>
        ${statuses.map((s) => html`<option value=${s} ?selected=${v.status === s}>${statusLabel(s)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="sort">${m.sortLabel}</label>
      <select id="sort" @change=${(e: Event) => v.onSort((e.target as HTMLSelectElement).value)}>
        ${SORTS.map((s) => html`<option value=${s} ?selected=${v.sort === s}>${sortLabel(s)}</option>`)}
      </select>
    </div>
  </div>`;
}

export interface PagerView {
  m: IntakeDocumentListMessages;
  /** 1-based position of the first and last row shown; `first` is 0 on an empty page. */
  first: number;
  last: number;
  total: number;
  pageSize: number;
  /** 0-based page on screen. */
  page: number;
  hasNext: boolean;
  loading: boolean;
  /** The page number typed in "Page", until it is submitted. */
  jumpText: string;
  jumpError: string;
  onPrevious(): void;
  onNext(): void;
  onJumpInput(text: string): void;
  onJump(): void;
}

/**
 * "Showing 26–50 of 10,000" with Previous, "Page [2] of 400 Go" and Next; just the range when
 * everything fits on one page.
 */
export function documentPager(v: PagerView) {
  const { m } = v;
  const range = v.first ? m.showing(v.first, v.last, v.total) : '';
  const hasPrevious = v.page > 0;
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  if (!hasPrevious && !v.hasNext && !v.loading) return range ? html`<p class="range muted" part="pager">${range}</p>` : nothing;
  const jump = (e: Event) => {
    e.preventDefault();
    v.onJump();
  };
  // aria-disabled, not disabled: the button keeps focus when it reaches the first or last page.
  return html`<nav class="pager" part="pager" aria-label=${m.pager}>
    <span class="range" aria-live="polite">${range}</span>
    ${v.loading ? html`<span class="muted">${m.updating}</span>` : nothing}
    <div class="pager-controls">
      <button class="button" part="button previous-button" aria-disabled=${hasPrevious && !v.loading ? 'false' : 'true'} @click=${v.onPrevious}>${m.previous}</button>
      ${pages > 2
        ? html`<form class="jump" part="page-jump" @submit=${jump} novalidate>
            <label for="page-input">${m.pageLabel}</label>
            <input
              id="page-input"
              type="text"
              inputmode="numeric"
              size="4"
              autocomplete="off"
              aria-describedby=${v.jumpError ? 'page-count page-error' : 'page-count'}
              aria-invalid=${v.jumpError ? 'true' : nothing}
              .value=${v.jumpText}
              @input=${(e: Event) => v.onJumpInput((e.target as HTMLInputElement).value)}
            />
            <span id="page-count">${m.pageCount(pages)}</span>
            <button type="submit" class="button" part="button go-button">${m.goToPage}</button>
          </form>`
        : nothing}
      <button class="button" part="button next-button" aria-disabled=${v.hasNext && !v.loading ? 'false' : 'true'} @click=${v.onNext}>${m.next}</button>
    </div>
    ${v.jumpError ? html`<p class="field-error" id="page-error" role="alert">${v.jumpError}</p>` : nothing}
  </nav>`;
}

/** The page number typed, or `null` when it is not a whole number from 1 to `pages`. */
export function parsePageNumber(text: string, pages: number): number | null {
  // "1,000" or "1.000" as people type thousands.
  const trimmed = text.replace(/[\s,.\u00a0]/g, '');
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return page >= 1 && page <= pages ? page : null;
}
