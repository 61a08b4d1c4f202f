// Builds examples/vue or examples/angular as a host team would: the framework and its toolchain from
// the example's own package-lock.json (they need TypeScript 5 and vite 7, which the repository's
// TypeScript 7 and Storybook's vite 8 exclude), the SDK from the packed tarball, then the
// framework's own build (vue-tsc + vite build, ng build). Used by test/e2e/framework-examples.test.mjs.
// Usage: node scripts/build-framework-example.mjs vue|angular [path/to/portal-widgets.tgz]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Where each example's build puts the site (served at the root, as the mock's worker requires). */
const OUTPUT = { vue: 'dist', angular: 'dist' };

/** npm and the toolchains run in the example's folder, not as part of this repository's npm run. */
const exampleEnv = () => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_local_prefix)/.test(key))),
  NG_CLI_ANALYTICS: 'false',
  NO_COLOR: '1',
});

function run(cwd, args) {
  try {
    execFileSync('npm', args, { cwd, env: exampleEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} in ${cwd} failed:\n${error.stdout}${error.stderr}`);
  }
}

const seconds = (since) => Math.round((performance.now() - since) / 100) / 10;

/**
 * @param {'vue' | 'angular'} name
 * @param {string} tarball the packed SDK (`npm pack`)
 * @returns {{ dir: string, timings: { install: number, sdk: number, build: number } }} the built site and seconds per step
 */
export function buildFrameworkExample(name, tarball) {
  const cwd = join(root, 'examples', name);
  if (!OUTPUT[name]) throw new Error(`no framework example "${name}"`);
  // `npm ci` only when the lockfile changed since the last one: it starts from an empty node_modules.
  const lock = createHash('sha256').update(readFileSync(join(cwd, 'package-lock.json'))).digest('hex');
  const stamp = join(cwd, 'node_modules/.installed-lock');
  let t = performance.now();
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    run(cwd, ['ci', '--no-audit', '--no-fund']);
    writeFileSync(stamp, lock);
  }
  const install = seconds(t);
  // The SDK as a host installs it; its dependencies (lit, @lit/context, @lit/task, ky, zod) come with it.
  t = performance.now();
  run(cwd, ['install', '--no-save', '--no-audit', '--no-fund', resolve(tarball)]);
  const sdk = seconds(t);
  t = performance.now();
  run(cwd, ['run', 'build']);
  return { dir: join(cwd, OUTPUT[name]), timings: { install, sdk, build: seconds(t) } };
}

/**
 * Runs a command of an example's installed toolchain (`npx --no-install …`) after its build.
 * @returns {{ status: number | null, output: string }}
 */
export function runInExample(name, args) {
  const result = spawnSync('npx', ['--no-install', ...args], { cwd: join(root, 'examples', name), env: exampleEnv(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, given] = process.argv.slice(2);
  let tarball = given;
  if (!tarball) {
    const dir = mkdtempSync(join(tmpdir(), 'portal-widgets-pack-'));
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
    tarball = join(dir, pack.filename);
  }
  const { dir, timings } = buildFrameworkExample(name, tarball);
  console.log(`${name}: built into ${dir} (seconds: ${JSON.stringify(timings)})`);
}
