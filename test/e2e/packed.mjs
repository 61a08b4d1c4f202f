// The package as a consumer installs it: `npm pack`, unpacked into a temporary project's
// node_modules/portal-widgets. Its dependencies (and the checkers a test needs) are linked from
// this repository's node_modules, so no registry is needed; Node follows the links to one copy.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string[]} extra packages besides the dependencies to link (e.g. '@lit-labs/ssr')
 * @returns {{ dir: string, tarball: string, pkg: object, close(): void }}
 */
export function packedConsumer(extra = []) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-widgets-consumer-'));
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const tarball = join(dir, pack.filename);
  const target = join(dir, 'node_modules/portal-widgets');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  for (const name of [...Object.keys(pkg.dependencies ?? {}), ...extra]) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
  return { dir, tarball, pkg, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The JavaScript subpaths of the package's exports (not the script-tag builds or JSON). */
export function moduleSubpaths(pkg) {
  return Object.entries(pkg.exports)
    .filter(([, target]) => {
      const file = typeof target === 'string' ? target : (target.import ?? target.default);
      return typeof file === 'string' && file.endsWith('.js') && !file.endsWith('.iife.js') && !file.endsWith('mockServiceWorker.js');
    })
    .map(([subpath]) => subpath.replace(/^\./, 'portal-widgets'));
}
