// One apostrophe across every widget: user-facing text uses the typographic apostrophe (’), never
// the straight one ('), so two widgets side by side on a host page do not read differently.
// Checks the text of every string and template literal in the message catalogs (en and es).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const catalogFiles = walk(join(root, 'src')).filter((f) => /\.messages(\.es)?\.ts$/.test(f));

interface Literal {
  line: number;
  text: string;
}

/**
 * The text of every string and template literal in TypeScript source, escapes resolved enough to
 * see an apostrophe (`\'` counts as one). Comments are skipped; `${…}` holes are scanned as code.
 */
function literals(source: string): Literal[] {
  const found: Literal[] = [];
  let i = 0;
  let line = 1;
  // Template nesting: each entry counts the braces open inside one `${…}` hole.
  const holes: number[] = [];
  const readQuoted = (quote: string) => {
    const start = line;
    let text = '';
    i++;
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === quote) {
        i++;
        break;
      }
      if (quote === '`' && c === '$' && source[i + 1] === '{') {
        found.push({ line: start, text });
        text = '';
        i += 2;
        holes.push(0);
        return;
      }
      text += c;
      i++;
    }
    found.push({ line: start, text });
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      readQuoted(c);
    } else if (holes.length && c === '{') {
      holes[holes.length - 1]!++;
      i++;
    } else if (holes.length && c === '}') {
      if (holes[holes.length - 1] === 0) {
        // The hole ends: the template literal goes on.
        holes.pop();
        readQuoted('`');
      } else {
        holes[holes.length - 1]!--;
        i++;
      }
    } else {
      i++;
    }
  }
  return found;
}

describe('typography of the message catalogs', () => {
  it('the scanner sees apostrophes in every kind of literal, and none in code', () => {
    const sample = [
      `a: "client's", // don't`,
      `b: 'it\\'s',`,
      "c: (n: number) => `${n} guardians' ${ ({ x: 'y' })['x'] }`,",
      `d: 'fine ’',`,
    ].join('\n');
    const straight = literals(sample).filter((l) => l.text.includes("'"));
    assert.deepEqual(
      straight.map((l) => [l.line, l.text]),
      [
        [1, "client's"],
        [2, "it's"],
        [3, " guardians' "],
      ],
    );
  });

  it('has catalogs to check, in both languages', () => {
    assert.ok(catalogFiles.some((f) => f.endsWith('.es.ts')));
    assert.ok(catalogFiles.length >= 12, `found ${catalogFiles.length}`);
  });

  it('no user-facing catalog string uses a straight apostrophe: use ’', () => {
    const offenders = catalogFiles.flatMap((file) =>
      literals(readFileSync(file, 'utf8'))
        .filter((l) => l.text.includes("'"))
        .map((l) => `${relative(root, file)}:${l.line}: ${l.text}`),
    );
    assert.deepEqual(offenders, []);
  });
});
