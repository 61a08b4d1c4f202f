import type { ActivityEntry, ActivityKind } from '../../schemas/index.js';
import type { Locale } from '../../i18n/locale.js';
import { describeEntry, entryIds } from './activity-text.js';
import type { PortalActivityLogMessages } from './portal-activity-log.messages.js';

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading `'`, so a name like `=HYPERLINK(…)` stays text; cells
 * with a comma, quote or line break are quoted (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export function csvHeader(m: PortalActivityLogMessages): string {
  return csvRow([m.csvAt, m.csvWho, m.csvRole, m.csvKind, m.csvWhat, m.csvIds]);
}

/** The row of one entry: the same sentence the log shows, plus the machine-readable kind and ids. */
export function csvEntryRow(e: ActivityEntry, m: PortalActivityLogMessages, locale: Locale): string {
  const who = e.actor.type === 'staff' ? e.actor.displayName : e.actor.type === 'portal_user' ? e.actor.displayName : m.clientWho;
  const role = e.actor.type === 'staff' ? m.role(e.actor.role) : e.actor.type === 'portal_user' ? m.csvPortalUser : m.csvClient;
  return csvRow([e.at, who, role, e.kind, describeEntry(e, m, locale), entryIds(e).join(' ')]);
}

/**
 * The file: a byte-order mark (spreadsheets then read it as UTF-8: names with accents, the
 * masking bullets), CRLF line ends as RFC 4180 says.
 */
export function csvDocument(header: string, rows: readonly string[]): string {
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/**
 * `portal-activity-<clientId>[-<kind>]-<YYYY-MM-DD>.csv`: ids and a date only, never a name (file
 * names end up in download folders, recent-file lists and email attachments).
 */
export function csvFileName(clientId: string, kind: ActivityKind | '', now: Date): string {
  const id = clientId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `portal-activity-${id}${kind ? `-${kind}` : ''}-${day}.csv`;
}
