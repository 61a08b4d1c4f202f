// Builds the package: ESM entries sharing chunks, the script-tag IIFE, and the mock API bundle.
// The production entries never import mock-server/; scripts/size.mjs checks that on every test run.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';

export const WIDGETS = ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods'];
const COMPONENTS = ['portal-provider', ...WIDGETS];

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

/** Copies msw's service worker next to the mock bundle, so hosts serve both from one folder. */
const copyWorker = () => ({
  name: 'copy-msw-worker',
  writeBundle() {
    mkdirSync('dist', { recursive: true });
    copyFileSync('node_modules/msw/lib/mockServiceWorker.js', 'dist/mockServiceWorker.js');
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
    return null;
  },
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
      ...Object.fromEntries(COMPONENTS.map((tag) => [`components/${tag}`, `src/components/${tag}/${tag}.ts`])),
      'locales/es': 'src/locales/es.ts',
    },
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/iife.ts',
    output: { file: 'dist/portal-widgets.iife.js', format: 'iife', name: 'PortalWidgets', sourcemap: true },
    plugins: [scriptLocaleLoader(), ...plugins({ module: false })],
    onwarn,
  },
  {
    input: 'src/locales/es.ts',
    external: isMessagesModule,
    output: { file: 'dist/locales/es.iife.js', format: 'iife', globals: () => 'PortalWidgets', sourcemap: true },
    plugins: plugins({ module: false }),
    onwarn,
  },
  {
    input: 'mock-server/browser.ts',
    output: { file: 'dist/portal-widgets-mock.iife.js', format: 'iife', name: 'PortalWidgetsMock', exports: 'named', sourcemap: true },
    plugins: [...plugins({ module: false }), copyWorker()],
    onwarn,
  },
  conformanceBuild,
];
