// What a host installs: the package lists the manifest, the types and the bundles, and the
// manifest describes every widget's public API (it is generated from the JSDoc at build).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packedConsumer } from './packed.mjs';
import registry from '../../src/widgets.json' with { type: 'json' };

const WIDGETS = registry.widgets.map((w) => w.tag);

describe('the published package', () => {
  it('npm pack lists the manifest, the types and the bundles', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files = new Set(pack.files.map((f) => f.path));
    for (const path of ['custom-elements.json', 'dist/portal-widgets.js', 'dist/portal-widgets.iife.js', 'dist/types/index.d.ts', 'dist/types/jsx.d.ts', 'dist/types/vue.d.ts', 'dist/conformance/cli.js', 'docs/conformance.md', 'README.md']) {
      assert.ok(files.has(path), `${path} is not in the package`);
    }
    for (const tag of WIDGETS) {
      assert.ok(files.has(`dist/components/${tag}.js`), `${tag} entry missing`);
      assert.ok(files.has(`dist/types/components/${tag}/${tag}.d.ts`), `${tag} types missing`);
    }
    assert.ok(![...files].some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('mock-server/')), 'sources or tests in the package');
  });

  it('custom-elements.json names every widget with its attributes, events, parts and CSS properties', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    const provider = declarations.find((d) => d.tagName === 'portal-provider');
    assert.ok(provider?.customElement && provider.attributes?.some((a) => a.name === 'api-base'), 'portal-provider is not described as an element');
    for (const tag of WIDGETS) {
      const el = declarations.find((d) => d.tagName === tag);
      assert.ok(el, `${tag} is not in the manifest`);
      assert.ok(el.summary || el.description, `${tag} has no summary`);
      assert.ok(el.attributes?.some((a) => a.name === 'client-id'), `${tag} has no client-id attribute`);
      assert.ok(el.events?.some((e) => e.name === 'portal-load') && el.events.some((e) => e.name === 'portal-error'), `${tag} lacks load/error events`);
      assert.ok(el.events.every((e) => /^portal-[a-z-]+$/.test(e.name)), `${tag} has an event outside portal-*`);
      assert.ok(el.cssParts?.length > 0, `${tag} has no parts`);
      assert.ok(el.cssProperties?.some((p) => p.name === '--portal-color-primary'), `${tag} lacks the theming tokens`);
    }
  });

  describe('from the packed tarball', () => {
    let consumer;
    before(() => (consumer = packedConsumer()));
    after(() => consumer?.close());
    const bin = (name) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
    const run = (cmd, args) => {
      try {
        return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        assert.fail(`${cmd} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
      }
    };

    // The package is ESM only: a require() of it resolving to ESM is expected (cjs-resolves-to-esm).
    it('attw finds no problem in any exported subpath under node10, node16 and bundler resolution', () => {
      const out = run(bin('attw'), [consumer.tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped', '--no-color']);
      assert.match(out, /No problems found/);
    });

    it('publint --strict is clean', () => {
      const out = run(bin('publint'), [join(consumer.dir, 'node_modules/portal-widgets'), '--strict', '--pack', 'false']);
      assert.match(out, /All good/);
    });

    it('ships no source map and no reference to one (their sources are not in the package)', () => {
      const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
      const files = walk(join(consumer.dir, 'node_modules/portal-widgets'));
      assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
      assert.deepEqual(files.filter((f) => /\.(js|ts)$/.test(f) && /sourceMappingURL=/.test(readFileSync(f, 'utf8'))), []);
    });

    it('typesVersions gives every typed subpath its types under moduleResolution node', () => {
      const { exports, typesVersions } = consumer.pkg;
      const typed = Object.entries(exports).filter(([k, v]) => k !== '.' && typeof v === 'object' && v.types);
      assert.deepEqual(
        typed.map(([k, v]) => [k.slice(2), typesVersions['*'][k.slice(2)]?.[0]]),
        typed.map(([k, v]) => [k.slice(2), v.types.slice(2)]),
      );
    });

    it('vue, which only vue.d.ts needs, is an optional peer', () => {
      assert.ok(consumer.pkg.peerDependencies?.vue && consumer.pkg.peerDependenciesMeta?.vue?.optional);
      assert.match(readFileSync(join(consumer.dir, 'node_modules/portal-widgets/dist/types/vue.d.ts'), 'utf8'), /from 'vue'/);
    });

    it("a bundler resolves 'portal-widgets/mock' to an ES module (start, the worker URL, the worlds)", async () => {
      const result = await build({
        stdin: { contents: "import { start, SERVICE_WORKER_URL, WORLD_NAMES } from 'portal-widgets/mock'; console.log(typeof start, SERVICE_WORKER_URL, WORLD_NAMES);", resolveDir: consumer.dir },
        bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', metafile: true,
      });
      const inputs = Object.keys(result.metafile.inputs);
      assert.ok(inputs.some((i) => i.endsWith('portal-widgets/dist/mock.js')), inputs.join('\n'));
      assert.equal(result.errors.length, 0);
    });
  });
});
