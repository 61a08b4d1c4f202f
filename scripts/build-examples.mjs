// Bundles the React example (React ships CommonJS, so that page needs a bundler; the others don't).
import { build } from 'esbuild';

await build({
  entryPoints: ['examples/react/app.tsx'],
  outfile: 'examples/react/app.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  // The SDK is bundled from dist/ as a host's bundler would: its imports of lit, @lit/context,
  // @lit/task, ky and zod resolve to the host's node_modules, one copy shared with the host.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // terser merges `{ ...empty(), error }` into an object literal with the key twice (valid JS).
  logOverride: { 'duplicate-object-key': 'silent' },
});
