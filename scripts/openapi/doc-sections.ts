/**
 * Lists in docs/*.md that the operations table decides (every operation, which reads are kept,
 * which writes need `If-Match` or an `Idempotency-Key`): written between inline markers, `<!-- ops:NAME -->…<!-- /ops:NAME -->`, by
 * `npm run openapi`, and checked with docs/openapi.json (`--check`, test/node/openapi.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { Capability } from '../../src/schemas/index.js';
import { STAFF_CAPABILITIES, STAFF_ROLES } from '../../mock-server/staff.js';
import { ANSWER_MAX_BYTES, LIST_LIMITS } from '../../src/schemas/limits.js';
import { operationDocs } from './operation-docs.js';

export const DOC_FILES = ['api.md', 'mock-server.md'].map((name) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)));

const names = Object.keys(operations) as OperationName[];
const list = (pick: (op: Operation) => boolean) =>
  names
    .filter((name) => pick(operations[name]))
    .map((name) => `\`${name}\` (${operations[name].method.toUpperCase()} \`${operations[name].path}\`)`)
    .join(', ');

/** A table: each capability and the operations that need it (also: only for some requests). */
function capabilityTable(): string {
  const rows = Capability.options.map((capability) => {
    const needs = names.filter((name) => (operations[name] as Operation).capability === capability).map((name) => `\`${name}\``);
    const also = names.flatMap((name) => {
      const extra = (operations[name] as Operation).alsoRequires;
      return extra?.capability === capability ? [`\`${name}\` ${extra.when}`] : [];
    });
    return `| \`${capability}\` | ${[...needs, ...also].join(', ') || '(none yet)'} |`;
  });
  return ['', '', '| capability | needed by |', '|---|---|', ...rows, '', ''].join('\n');
}

/** Every operation: its method and path (its row) and the widgets that call it (its docs). */
function operationTable(): string {
  const rows = names.map((name) => `| \`${name}\` | ${operations[name].method.toUpperCase()} | \`${operations[name].path}\` | ${operationDocs[name].widgets.join(', ')} |`);
  return ['', '', '| operation | method | path | used by |', '|---|---|---|---|', ...rows, '', ''].join('\n');
}

/** The mock's staff roles × capabilities (mock-server/staff.ts). */
function staffMatrix(): string {
  const head = `| capability | ${STAFF_ROLES.map((r) => `\`${r}\``).join(' | ')} |`;
  const rule = `|---|${STAFF_ROLES.map(() => ':-:').join('|')}|`;
  const rows = Capability.options.map((c) => `| \`${c}\` | ${STAFF_ROLES.map((r) => (STAFF_CAPABILITIES[r].includes(c) ? 'yes' : '—')).join(' | ')} |`);
  return ['', '', head, rule, ...rows, '', ''].join('\n');
}
/** What each list maximum bounds, in the words of docs/api.md. */
const LIST_LIMIT_NAMES: Record<keyof typeof LIST_LIMITS, string> = {
  page: 'items of one page (`listDocuments`, `searchDocuments`, `listPayments`; also the largest `limit`)',
  contacts: 'contacts of one client (and so portal users in its permissions)',
  emails: 'email addresses of a client or of a contact',
  invitations: 'invitations per portal user (keep the most recent)',
  templates: 'document templates',
  invoices: 'invoices of one client',
  cards: 'saved cards of one client',
  insurance: 'insurance methods of one client',
  problemErrors: '`errors` of one problem document',
  permissionChanges: 'permission changes in one activity entry',
  bulkInvitations: 'clients of one bulk invitation request (and of its results)',
};

/** The text of every generated section, by name. */
export function docSections(): Record<string, string> {
  return {
    operations: operationTable(),
    'cached-reads': names.filter((name) => (operations[name] as Operation).cached).map((name) => `\`${name}\``).join(', '),
    'write-returns-read': names.flatMap((name) => {
      const read = (operations[name] as Operation).returnsRead;
      return read ? [`\`${name}\` (for \`${read}\`)`] : [];
    }).join(', '),
    'if-match': list((op) => !!op.ifMatch),
    'idempotency-key': list((op) => !!op.idempotencyKey),
    capabilities: capabilityTable(),
    'staff-matrix': staffMatrix(),
    'list-limits': (Object.keys(LIST_LIMITS) as (keyof typeof LIST_LIMITS)[]).map((key) => `${LIST_LIMIT_NAMES[key]}: ${LIST_LIMITS[key]}`).join('; '),
    'answer-max-bytes': `${ANSWER_MAX_BYTES / 1024 / 1024} MiB (${ANSWER_MAX_BYTES.toLocaleString('en-US')} bytes)`,
  };
}

/** `text` with every marked section replaced by its generated text; throws on an unknown or unclosed marker. */
export function applyDocSections(text: string, sections: Record<string, string> = docSections()): string {
  return text.replace(/<!-- ops:([\w-]+) -->([\s\S]*?)<!-- \/ops:([\w-]+) -->/g, (_, open: string, _old: string, close: string) => {
    if (open !== close) throw new Error(`ops marker ${open} closed by ${close}`);
    const body = sections[open];
    if (body === undefined) throw new Error(`Unknown ops marker ${open}`);
    return `<!-- ops:${open} -->${body}<!-- /ops:${open} -->`;
  });
}
