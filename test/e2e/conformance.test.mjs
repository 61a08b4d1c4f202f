// The conformance kit as a consumer gets it: packed with npm, installed as a bin, run with plain
// Node (no tsx, no sources) against the real-HTTP mock.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

describe('portal-widgets-conformance from the packed package', () => {
  let work;
  let mock;
  let mockUrl;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'conformance-pack-'));
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    // Installed the way npm lays a dependency out: the package, its dependency zod, and the bin link.
    const modules = join(work, 'node_modules');
    mkdirSync(join(modules, 'portal-widgets'), { recursive: true });
    execFileSync('tar', ['-xzf', join(work, pack.filename), '-C', join(modules, 'portal-widgets'), '--strip-components=1']);
    symlinkSync(join(root, 'node_modules/zod'), join(modules, 'zod'));
    mkdirSync(join(modules, '.bin'));
    symlinkSync('../portal-widgets/dist/conformance/cli.js', join(modules, '.bin/portal-widgets-conformance'));

    mock = spawn(process.execPath, ['--import', 'tsx', 'mock-server/http.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    mockUrl = await new Promise((resolveUrl, reject) => {
      let out = '';
      mock.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/api\/portal)/.exec(out);
        if (m) resolveUrl(m[1]);
      });
      mock.once('exit', (code) => reject(new Error(`the mock server exited (${code})`)));
    });
  });

  after(() => {
    mock?.kill('SIGTERM');
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the package declares the bin and ships it with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(join(work, 'node_modules/portal-widgets/package.json'), 'utf8'));
    assert.equal(pkg.bin['portal-widgets-conformance'], './dist/conformance/cli.js');
    const cli = readFileSync(join(work, 'node_modules/portal-widgets/dist/conformance/cli.js'), 'utf8');
    assert.ok(cli.startsWith('#!/usr/bin/env node\n'));
    assert.doesNotMatch(cli, /from ['"](tsx|msw)|mock-server\//, 'the bin needs tsx, msw or the mock server');
  });

  it('runs through the bin link with plain Node and passes against the mock', () => {
    const bin = join(work, 'node_modules/.bin/portal-widgets-conformance');
    const args = [bin, '--base-url', mockUrl, '--token', 't', '--fixtures', join(root, 'conformance/mock.fixtures.json'), '--origin', 'http://localhost:5173', '--report-junit', join(work, 'junit.xml')];
    const out = execFileSync(process.execPath, args, { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    assert.match(out, /^portal-widgets-conformance \d+\.\d+\.\d+: /);
    assert.match(out, /\d+ passed, 0 failed, 0 skipped in /);
    assert.match(readFileSync(join(work, 'junit.xml'), 'utf8'), /<testsuites name="portal-widgets-conformance" tests="\d+" failures="0"/);
  });

  it('says what is wrong in one line, with the documented exit status', () => {
    const bin = join(work, 'node_modules/.bin/portal-widgets-conformance');
    const run = (args) => {
      try {
        execFileSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return { status: 0, stderr: '' };
      } catch (e) {
        return { status: e.status, stderr: e.stderr };
      }
    };
    const usage = run(['--token', 't']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--base-url is required/);
    const wrongBase = run(['--base-url', mockUrl.replace(/\/portal$/, ''), '--token', 't']);
    assert.equal(wrongBase.status, 1);
    assert.equal(wrongBase.stderr.trim().split('\n').length, 1);
  });
});
