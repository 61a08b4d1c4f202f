import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { attributeBytes } from '../../scripts/size-attribution.mjs';

type Part = { kind: string; min: number; gzip: number };

describe('size attribution', () => {
  it('credits every minified byte of a bundle to the kind of source it came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attribution-'));
    try {
      const files: Record<string, string> = {
        'node_modules/ky/index.js': 'export function ky(url) { return fetch(url).then((r) => r.json()).catch((error) => ({ failed: String(error) })); }',
        'src/components/card/card.messages.ts': "export const messages = { title: 'Payment methods on file', empty: 'No card is saved for this client yet.' };",
        'src/components/card/card.component.ts':
          "import { ky } from 'ky';\nimport { messages } from './card.messages.js';\nexport async function show(el: HTMLElement) { const data = await ky('/cards'); el.textContent = data.length ? String(data.length) : messages.empty; }",
        'entry.ts': "import { show } from './src/components/card/card.component.js';\n(globalThis as any).show = show;",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const out = join(dir, 'out.js');
      await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, minify: true, sourcemap: true, format: 'iife', outfile: out, absWorkingDir: dir, logLevel: 'silent' });

      const parts: Part[] = attributeBytes(out);
      const byKind = Object.fromEntries(parts.map((p) => [p.kind, p]));
      assert.ok(byKind['ky']!.min > 50, 'the library is credited');
      assert.ok(byKind['English text (`*.messages.ts`)']!.min > 60, 'the catalog is credited');
      assert.ok(byKind['widgets: templates and behaviour']!.min > 50, 'the component is credited');
      const code = readFileSync(out, 'utf8');
      const credited = parts.reduce((n, p) => n + p.min, 0);
      assert.ok(credited <= code.length && credited >= code.length * 0.8, `${credited} of ${code.length} bytes credited`);
      for (const p of parts) assert.ok(p.gzip > 0 && p.gzip <= p.min + 30, `${p.kind}: gzip ${p.gzip} for ${p.min}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
