import { html, nothing } from 'lit';
import type { DocumentSort, DocumentStatus } from '../../schemas/index.js';
import type { IntakeDocumentListMessages } from './intake-document-list.messages.js';

export const STATUSES: readonly DocumentStatus[] = ['sent', 'in_progress', 'completed'];
export const SORTS: readonly DocumentSort[] = ['sent_desc', 'sent_asc', 'activity_desc', 'title_asc'];

export interface FiltersView {
  m: IntakeDocumentListMessages;
  status: DocumentStatus | '';
  sort: DocumentSort;
  onStatus(value: string): void;
  onSort(value: string): void;
}

/** Status filter and sort: both become query parameters of the API, never a client-side filter. */
export function documentFilters(v: FiltersView) {
  const { m } = v;
  return html`<div class="filters" part="filters" role="group" aria-label=${m.filtersLabel}>
    <div class="field">
      <label for="status-filter">${m.statusFilter}</label>
      <select id="status-filter" @change=${(e: Event) => v.onStatus((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${v.status === ''}>${m.allStatuses}</option>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${v.status === s}>${m.status(s)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="sort">${m.sortLabel}</label>
      <select id="sort" @change=${(e: Event) => v.onSort((e.target as HTMLSelectElement).value)}>
        ${SORTS.map((s) => html`<option value=${s} ?selected=${v.sort === s}>${m.sort(s)}</option>`)}
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
  hasPrevious: boolean;
  hasNext: boolean;
  loading: boolean;
  onPrevious(): void;
  onNext(): void;
}

/** "Showing 26–50 of 10,000" with Previous / Next; just the range when everything fits on one page. */
export function documentPager(v: PagerView) {
  const { m } = v;
  const range = v.first ? m.showing(v.first, v.last, v.total) : '';
  if (!v.hasPrevious && !v.hasNext && !v.loading) return range ? html`<p class="range muted" part="pager">${range}</p>` : nothing;
  // aria-disabled, not disabled: the button keeps focus when it reaches the first or last page.
  return html`<nav class="pager" part="pager" aria-label=${m.pager}>
    <span class="range" aria-live="polite">${range}</span>
    ${v.loading ? html`<span class="muted">${m.updating}</span>` : nothing}
    <span class="spacer"></span>
    <button class="button" part="button previous-button" aria-disabled=${v.hasPrevious && !v.loading ? 'false' : 'true'} @click=${v.onPrevious}>${m.previous}</button>
    <button class="button" part="button next-button" aria-disabled=${v.hasNext && !v.loading ? 'false' : 'true'} @click=${v.onNext}>${m.next}</button>
  </nav>`;
}
