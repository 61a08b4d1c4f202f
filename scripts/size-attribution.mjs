// Where a bundle's bytes come from, by kind of source, read from its source map. Each minified
// character is credited to the source file it came from; a kind's gzip is measured on its own text,
// so the gzip column adds up to a little more than the whole file (it shows proportions, not parts).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

/** Kinds in the order the table lists them; the first whose test matches a source path wins. */
const KINDS = [
  ['lit, @lit/context, @lit/task', (s) => /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(s)],
  ['ky', (s) => /node_modules\/ky\//.test(s)],
  ['zod/mini', (s) => /node_modules\/zod\//.test(s)],
  ['schemas (`src/schemas`)', (s) => s.includes('src/schemas/')],
  ['API client (`src/api`)', (s) => s.includes('src/api/')],
  ['base element, context, i18n helpers', (s) => /src\/(base|context|i18n)\//.test(s) && !s.endsWith('.messages.ts')],
  ['domain rules (`src/domain`)', (s) => s.includes('src/domain/')],
  ['English text (`*.messages.ts`)', (s) => s.endsWith('.messages.ts')],
  ['styles (`*.styles.ts`)', (s) => s.endsWith('.styles.ts')],
  ['widgets: templates and behaviour', (s) => s.includes('src/components/')],
];

/** @returns {{ kind: string, min: number, gzip: number }[]} with a last row for anything unmatched. */
export function attributeBytes(file) {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const segments = [];
  eachMapping(map, (m) => segments.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? '' }));
  segments.sort((a, b) => a.at - b.at);
  const text = new Map();
  for (let i = 0; i < segments.length; i++) {
    const { at, source } = segments[i];
    const end = i + 1 < segments.length ? segments[i + 1].at : code.length;
    const kind = KINDS.find(([, test]) => test(source))?.[0] ?? 'other (bundler glue)';
    text.set(kind, (text.get(kind) ?? '') + code.slice(at, end));
  }
  const order = [...KINDS.map(([k]) => k), 'other (bundler glue)'];
  return order.filter((k) => text.has(k)).map((kind) => ({ kind, min: text.get(kind).length, gzip: gzipSync(text.get(kind), { level: 9 }).length }));
}
