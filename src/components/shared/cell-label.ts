import { html, type TemplateResult } from 'lit';

/**
 * A table cell's column name, shown only when a narrow column turns the table's rows into cards
 * (the `.cell-label` rule of the widget's styles). Hidden from assistive technology: the column
 * header already names the cell.
 */
export const cellLabel = (text: string): TemplateResult => html`<span class="cell-label" aria-hidden="true">${text}</span>`;
