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
  // The SDK is loaded from dist/ like any other dependency would be.
  external: ['../../dist/*'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
