// Project lint: the promises in DESIGN.md §3 and the house style, checked on every `npm test`.
// Each rule names the promise it protects; a finding prints file:line and fails the run.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const RULES = [
  { why: 'HTML injection sink (XSS): render text through lit bindings', re: /unsafeHTML|unsafeStatic|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/ },
  { why: 'web storage or cookies (no PHI may be stored in the browser)', re: /\b(localStorage|sessionStorage|indexedDB)\b|document\.cookie/ },
  { why: 'console output (widgets print nothing)', re: /console\.(log|debug|info|error|trace|table)\(/ },
  { why: 'classic zod in browser code (size, and new Function under a strict CSP): use zod/mini', re: /from ['"]zod['"]|from ['"]zod\/v4['"]/ },
  { why: 'src/ imports the mock server (production bundles must never contain it)', re: /from ['"][./]*mock-server/ },
  { why: 'inline style (blocked by a strict CSP): use classes and parts', re: /\sstyle=["'$]|styleMap\(|\.style\.cssText|setAttribute\(['"]style/ },
  { why: 'eval-like code (blocked by a strict CSP)', re: /\bnew Function\(|\beval\(/ },
  { why: 'type checks switched off', re: /@ts-ignore|@ts-nocheck/ },
  {
    why: 'physical direction in CSS (wrong in a right-to-left page): use logical properties (inset-inline-start, margin-inline-end, text-align: start)',
    re: /(margin|padding|border)-(left|right)\b|(^|[\s;{])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)|border-(top|bottom)-(left|right)-radius|translateX\(/,
  },
];

const problems = [];
const sources = walk(join(root, 'src')).filter((f) => f.endsWith('.ts'));
for (const file of sources) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    for (const rule of RULES) if (rule.re.test(line)) problems.push(`${relative(root, file)}:${i + 1}: ${rule.why}\n    ${line.trim()}`);
  });
}

// Event names: `portal-*`, lowercase kebab-case.
const events = readFileSync(join(root, 'src/events/portal-events.ts'), 'utf8');
for (const [, name] of events.matchAll(/^\s+'([^']+)': \{/gm)) {
  if (!/^portal-[a-z]+(-[a-z]+)*$/.test(name)) problems.push(`src/events/portal-events.ts: event "${name}" is not portal-* kebab-case`);
}

// House style: one folder per element with component, registration and styles files, and a JSDoc summary.
const components = join(root, 'src/components');
for (const tag of readdirSync(components)) {
  if (!statSync(join(components, tag)).isDirectory() || tag === 'shared') continue;
  for (const suffix of ['.component.ts', '.ts'].concat(tag === 'portal-provider' ? [] : ['.styles.ts'])) {
    if (!existsSync(join(components, tag, tag + suffix))) problems.push(`src/components/${tag}: missing ${tag}${suffix}`);
  }
  const component = join(components, tag, `${tag}.component.ts`);
  if (existsSync(component)) {
    const text = readFileSync(component, 'utf8');
    if (!/@summary /.test(text)) problems.push(`${relative(root, component)}: class JSDoc needs @summary (the manifest is generated from it)`);
    if (/customElements\.define|\.define\(/.test(text)) problems.push(`${relative(root, component)}: component files have no side effects; register in ${tag}.ts`);
  }
}

if (problems.length) {
  console.error(`lint: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`lint: ${sources.length} files clean`);
