// Bundles the React example (React ships CommonJS, so that page needs a bundler; the others don't).
// `npm run build` bundles it against this repository's dist/; test/e2e/framework-examples.test.mjs
// bundles the same app.tsx inside a host folder that has the packed tarball installed.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Bundles examples/react/app.tsx into `outfile`. It imports the SDK by name ('portal-widgets'), so
 * `resolveDir` chooses which copy: the repository root resolves the package's own name to dist/;
 * a host folder resolves its node_modules/portal-widgets. Either way the SDK's imports of lit,
 * @lit/context, @lit/task, ky and zod resolve to one copy, shared with the host.
 * @param {{ outfile?: string, resolveDir?: string }} [options]
 * @returns {Promise<string[]>} the files bundled (absolute paths), to check which SDK copy went in
 */
export async function buildReactExample({ outfile = resolve(root, 'examples/react/app.js'), resolveDir = resolve(root, 'examples/react') } = {}) {
  const { metafile } = await build({
    // As stdin, so the app's imports resolve from `resolveDir`, not from where app.tsx lies.
    stdin: { contents: readFileSync(resolve(root, 'examples/react/app.tsx'), 'utf8'), loader: 'tsx', resolveDir, sourcefile: 'app.tsx' },
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
    // terser merges `{ ...empty(), error }` into an object literal with the key twice (valid JS).
    logOverride: { 'duplicate-object-key': 'silent' },
  });
  return Object.keys(metafile.inputs).map((file) => resolve(file));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildReactExample();
