// What a host installs: the package lists the manifest, the types and the bundles, and the
// manifest describes every widget's public API (it is generated from the JSDoc at build).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WIDGETS = ['portal-invite-status', 'portal-permissions-editor', 'guardian-manager', 'intake-document-list', 'billing-payment-methods', 'portal-practice-overview'];

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
});
