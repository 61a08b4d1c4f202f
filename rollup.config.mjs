// Builds the package: ESM entries sharing chunks, the script-tag IIFE, and the mock API bundle.
// The production entries never import mock-server/; scripts/size.mjs checks that on every test run.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import registry from './src/widgets.json' with { type: 'json' };

// Chunk names carry hashes: without a clean start, stale chunks would end up in the package.
rmSync('dist', { recursive: true, force: true });

const WIDGETS = registry.widgets;
const COMPONENTS = [{ tag: 'portal-provider', folder: 'src/components/portal-provider' }, ...WIDGETS];

/**
 * The npm ESM build leaves the runtime dependencies to the host: its bundler dedupes them with the
 * host's own lit, and Node resolves lit's server build. Only the IIFE bundles them.
 */
const DEPENDENCIES = Object.keys(JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')).dependencies);
const isDependency = (id) => DEPENDENCIES.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** `module: false` for IIFE outputs: terser's module mode drops the top-level `var PortalWidgets`. */
const plugins = ({ module = true } = {}) => [
  resolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ target: 'es2022', legalComments: 'none', define: { 'process.env.NODE_ENV': '"production"' } }),
  // Whitespace inside html`` and css`` templates is bytes every host downloads.
  minifyHtmlLiterals(),
  terser({ ecma: 2022, module, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
];

const onwarn = (warning, warn) => {
  // Lit and msw use `this` at module top level in ways that are harmless once bundled.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/**
 * Copies msw's service worker next to the mock bundles, so hosts serve both from one folder, and
 * the hand-written declarations of the mock module and the script-tag files (types/) beside the
 * generated ones.
 */
const copyMockFiles = () => ({
  name: 'copy-mock-files',
  writeBundle() {
    mkdirSync('dist/types', { recursive: true });
    copyFileSync('node_modules/msw/lib/mockServiceWorker.js', 'dist/mockServiceWorker.js');
    for (const file of ['mock', 'mock-iife', 'iife', 'script']) copyFileSync(`types/${file}.d.ts`, `dist/types/${file}.d.ts`);
  },
});

/**
 * The script-tag build cannot split chunks: it loads locale packs as extra scripts instead of
 * `import()`, by swapping in the script loader.
 */
const scriptLocaleLoader = () => ({
  name: 'script-locale-loader',
  resolveId(source) {
    if (source.endsWith('/load-locale-pack.js')) return fileURLToPath(new URL('src/i18n/load-locale-pack.script.ts', import.meta.url));
    if (source.endsWith('/translation-loaders.js')) return fileURLToPath(new URL('src/i18n/translation-loaders.script.ts', import.meta.url));
    return null;
  },
});

/**
 * The published Spanish pack (`portal-widgets/locales/es`, `locales/es.iife.js`): the shared part
 * (src/locales/es.ts) and every registered widget's `<tag>.translations.es.ts`, registered at once.
 * Pages that import nothing of it get each widget's part on demand instead (load-locale-pack.ts).
 */
const SPANISH_PACK = '\0portal-widgets:locales/es';
const spanishPack = () => ({
  name: 'spanish-pack',
  resolveId: (source) => (source === SPANISH_PACK ? SPANISH_PACK : null),
  load(id) {
    if (id !== SPANISH_PACK) return null;
    const path = (file) => JSON.stringify(fileURLToPath(new URL(file, import.meta.url)));
    return [
      `import ${path('src/locales/es.ts')};`,
      `import { registerTranslations } from ${path('src/i18n/messages.ts')};`,
      ...WIDGETS.map(({ tag, folder }, i) => `import w${i} from ${path(`${folder}/${tag}.translations.es.ts`)};`),
      `registerTranslations('es', { ${WIDGETS.map((_, i) => `...w${i}`).join(', ')} });`,
    ].join('\n');
  },
});

/**
 * The script-tag build fetches the one Spanish file above: the widgets' own on-demand loaders are
 * dropped (translation-loaders.script.ts); their `import()`s stay unresolved rather than inlining
 * every translation into the SDK.
 */
const scriptTranslations = () => ({
  name: 'script-translations',
  resolveDynamicImport: (source) => (typeof source === 'string' && /\.translations\.\w+\.js$/.test(source) ? false : null),
});

/** A locale pack for script tags registers through the global of the script-tag build. */
const isMessagesModule = (id) => /[\\/]i18n[\\/]messages(\.js|\.ts)?$/.test(id);

/**
 * The conformance kit's command for plain Node 20 (no tsx for consumers): one ES module with a
 * shebang; zod stays a dependency, Node's modules stay built in.
 */
export const conformanceBuild = {
  input: 'conformance/cli.ts',
  output: { file: 'dist/conformance/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: false },
  external: (id) => id.startsWith('node:') || id === 'zod' || id.startsWith('zod/'),
  plugins: [resolve({ preferBuiltins: true, exportConditions: ['node'] }), esbuild({ target: 'node20', platform: 'node', legalComments: 'none' })],
  onwarn,
};

export default [
  {
    input: {
      'portal-widgets': 'src/index.ts',
      ...Object.fromEntries(COMPONENTS.map(({ tag, folder }) => [`components/${tag}`, `${folder}/${tag}.ts`])),
      'locales/es': SPANISH_PACK,
    },
    external: isDependency,
    // A dependency whose bindings were all tree-shaken is not imported for nothing.
    treeshake: { moduleSideEffects: (id, external) => !external },
    // No hoisted `import "ky"` lines in entries that do not use them: hosts' bundlers warn on
    // bare imports of side-effect-free modules.
    output: { dir: 'dist', format: 'es', sourcemap: 'hidden', chunkFileNames: 'chunks/[name]-[hash].js', hoistTransitiveImports: false },
    plugins: [spanishPack(), ...plugins()],
    onwarn,
  },
  {
    input: 'src/iife.ts',
    output: { file: 'dist/portal-widgets.iife.js', format: 'iife', name: 'PortalWidgets', sourcemap: 'hidden' },
    plugins: [scriptLocaleLoader(), scriptTranslations(), ...plugins({ module: false })],
    onwarn,
  },
  {
    input: SPANISH_PACK,
    external: isMessagesModule,
    output: { file: 'dist/locales/es.iife.js', format: 'iife', globals: () => 'PortalWidgets', sourcemap: 'hidden' },
    plugins: [spanishPack(), ...plugins({ module: false })],
    onwarn,
  },
  {
    input: 'mock-server/browser.ts',
    output: { file: 'dist/portal-widgets-mock.iife.js', format: 'iife', name: 'PortalWidgetsMock', exports: 'named', sourcemap: 'hidden' },
    plugins: [...plugins({ module: false }), copyMockFiles()],
    onwarn,
  },
  {
    // The same mock as an ES module for bundlers; msw is inside (it is not a dependency).
    input: 'mock-server/module.ts',
    output: { file: 'dist/mock.js', format: 'es', sourcemap: 'hidden' },
    plugins: plugins(),
    onwarn,
  },
  conformanceBuild,
];
