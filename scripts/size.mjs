// Measures every built entry (minified and gzip bytes), writes docs/size.md and, with --check,
// fails when a budget in size-budgets.json is exceeded or a production bundle contains mock code.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { attributeBytes } from './size-attribution.mjs';
import registry from '../src/widgets.json' with { type: 'json' };

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const WIDGETS = registry.widgets.map((w) => w.tag);

const bytes = (file) => {
  const buf = readFileSync(file);
  return { min: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

/** Static imports of an ESM file in dist, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)) {
    closure(join(dirname(file), spec), seen);
  }
  return seen;
}

const entry = (name) => join(dist, name);
const rows = [];
const failures = [];
const add = (label, files, budget) => {
  const sum = [...files].reduce((acc, f) => {
    const b = bytes(f);
    return { min: acc.min + b.min, gzip: acc.gzip + b.gzip };
  }, { min: 0, gzip: 0 });
  rows.push({ label, ...sum, budget });
  if (budget && sum.gzip > budget) failures.push(`${label}: ${sum.gzip} B gzip exceeds the budget of ${budget} B`);
};

add('IIFE `portal-widgets.iife.js` (everything)', [entry('portal-widgets.iife.js')], budgets.iife);
// What a host's bundler adds: the npm ESM build imports its dependencies by name, so the honest
// figure is a bundle of the host's import (esbuild, minified, the SDK plus lit, @lit/context,
// @lit/task, ky and zod/mini as one copy). The Spanish pack and each widget's translations stay
// separate chunks the bundler emits for `import()`; they are not counted here (own row below).
const hostBundle = async (imports, { litExternal = false } = {}) => {
  const result = await build({
    stdin: { contents: imports.map((w) => `import ${JSON.stringify(entry(`components/${w}.js`))};`).join('\n'), resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
    external: litExternal ? ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element/*', '@lit/*'] : [],
    plugins: [{ name: 'locale-packs-apart', setup: (b) => b.onResolve({ filter: /./ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) }],
  });
  const buf = Buffer.from(result.outputFiles[0].contents);
  return { min: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const addMeasured = (label, sum, budget) => {
  rows.push({ label, ...sum, budget });
  if (budget && sum.gzip > budget) failures.push(`${label}: ${sum.gzip} B gzip exceeds the budget of ${budget} B`);
};
const all = await hostBundle(['portal-provider', ...WIDGETS]);
addMeasured(`host bundle: all ${WIDGETS.length} widgets + provider (esbuild, with lit, ky, zod/mini)`, all, budgets.bundledAll);
addMeasured(`host bundle: all ${WIDGETS.length} + provider, for a host already bundling lit`, await hostBundle(['portal-provider', ...WIDGETS], { litExternal: true }));
for (const w of WIDGETS) addMeasured(`host bundle: \`${w}\` alone (with provider, lit, ky, zod/mini)`, await hostBundle(['portal-provider', w]));
// Marginal cost: what adding a widget to all the others adds to the host's bundle.
for (const w of WIDGETS) {
  const without = await hostBundle(['portal-provider', ...WIDGETS.filter((o) => o !== w)]);
  addMeasured(`marginal cost of \`${w}\` (all minus the others)`, { min: all.min - without.min, gzip: all.gzip - without.gzip }, budgets.widgetMarginal[w]);
}
// Languages other than English come as packs that only pages using them load.
add('Spanish pack `locales/es.iife.js` (script tags; loaded only when `es` is used)', [entry('locales/es.iife.js')], budgets.localePack);
// The ESM pack is its entry and the widgets' translation chunks it shares with on-demand loading.
const sdk = closure(entry('portal-widgets.js'));
add('Spanish pack ESM `locales/es.js` (its files; shares the text helpers chunk)', [...closure(entry('locales/es.js'))].filter((f) => !sdk.has(f)), budgets.localePack);
add('mock API `portal-widgets-mock.iife.js` (demo and tests only)', [entry('portal-widgets-mock.iife.js')], budgets.mock);

// The production bundles must never contain the mock server.
const MOCK_MARKERS = ['cl_minor_no_guardian', 'mockServiceWorker', 'setupWorker', 'FaultSwitches'];
const production = new Set([entry('portal-widgets.iife.js'), entry('locales/es.iife.js'), ...closure(entry('locales/es.js')), ...closure(entry('portal-widgets.js')), ...WIDGETS.flatMap((w) => [...closure(entry(`components/${w}.js`))])]);
for (const file of production) {
  const code = readFileSync(file, 'utf8');
  for (const marker of MOCK_MARKERS) if (code.includes(marker)) failures.push(`${relative(root, file)} contains mock-server code ("${marker}")`);
}

const kb = (n) => (n / 1024).toFixed(1);
// What `npm install portal-widgets` downloads: the tarball npm would publish.
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
if (budgets.packed && pack.size > budgets.packed) failures.push(`packed package: ${pack.size} B exceeds the budget of ${budgets.packed} B`);
const table = [
  '| entry | min | gzip | budget (gzip) |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.min} B (${kb(r.min)} KB) | ${r.gzip} B (${kb(r.gzip)} KB) | ${r.budget ? `${r.budget} B` : ''} |`),
].join('\n');
const iifeMin = bytes(entry('portal-widgets.iife.js')).min;
const attribution = [
  '| source | min | gzip on its own | share of min |',
  '|---|---:|---:|---:|',
  ...attributeBytes(entry('portal-widgets.iife.js')).map((p) => `| ${p.kind} | ${p.min} B | ${p.gzip} B (${kb(p.gzip)} KB) | ${((100 * p.min) / iifeMin).toFixed(0)}% |`),
].join('\n');
const doc = `# Bundle sizes

Generated by \`npm run size\` from \`dist/\` after \`npm run build\`; budgets live in
\`size-budgets.json\` and \`npm test\` fails when one is exceeded. Gzip is level 9.

The npm ES modules import lit, @lit/context, @lit/task, ky and zod by name, so their cost is what
a host's bundler adds: "host bundle" rows bundle \`import 'portal-widgets/<tag>'\` with esbuild
(minified, one copy of each dependency; a host that already bundles lit pays less, second row).
The Spanish pack stays a separate chunk loaded on demand and is not in those rows. A widget's
marginal cost is what adding it to all the others adds. The script-tag IIFE bundles everything.

${table}

## The npm package

\`npm pack\`: ${pack.size} B (${kb(pack.size)} KB) packed, ${pack.unpackedSize} B (${kb(pack.unpackedSize)} KB) unpacked, ${pack.entryCount} files${budgets.packed ? ` (budget ${budgets.packed} B packed)` : ''}.

## Where the IIFE's bytes come from

Read from its source map by \`scripts/size-attribution.mjs\`: every minified character is credited
to the file it came from. Each kind is gzipped on its own, so that column adds up to a little more
than the whole file; it shows proportions. The first three rows are the libraries the project
fixed; [performance.md](performance.md) weighs them against the 40 KB target.

${attribution}

Production bundles checked for mock-server code: ${production.size} files, ${failures.filter((f) => f.includes('mock-server')).length} containing any.
`;
writeFileSync(join(root, 'docs/size.md'), doc);
console.log(table);
if (process.argv.includes('--check') && failures.length) {
  console.error(`\nsize: ${failures.length} failure(s)\n${failures.join('\n')}`);
  process.exit(1);
}
