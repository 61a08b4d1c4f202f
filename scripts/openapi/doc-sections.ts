/**
 * Lists in docs/*.md that the operations table decides (which writes need `If-Match`, which need an
 * `Idempotency-Key`): written between inline markers, `<!-- ops:NAME -->…<!-- /ops:NAME -->`, by
 * `npm run openapi`, and checked with docs/openapi.json (`--check`, test/node/openapi.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { operations, type Operation, type OperationName } from '../../src/api/operations.js';
import { Capability } from '../../src/schemas/index.js';
import { STAFF_CAPABILITIES, STAFF_ROLES } from '../../mock-server/staff.js';

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

/** The mock's staff roles × capabilities (mock-server/staff.ts). */
function staffMatrix(): string {
  const head = `| capability | ${STAFF_ROLES.map((r) => `\`${r}\``).join(' | ')} |`;
  const rule = `|---|${STAFF_ROLES.map(() => ':-:').join('|')}|`;
  const rows = Capability.options.map((c) => `| \`${c}\` | ${STAFF_ROLES.map((r) => (STAFF_CAPABILITIES[r].includes(c) ? 'yes' : '—')).join(' | ')} |`);
  return ['', '', head, rule, ...rows, '', ''].join('\n');
}

/** The text of every generated section, by name. */
export function docSections(): Record<string, string> {
  return {
    'if-match': list((op) => !!op.ifMatch),
    'idempotency-key': list((op) => !!op.idempotencyKey),
    capabilities: capabilityTable(),
    'staff-matrix': staffMatrix(),
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
