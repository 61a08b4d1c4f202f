// Finds untranslated strings: every catalog has Spanish for every English message (the types
// already demand the keys; this catches copies of the English text), and no component template
// carries literal words that bypass the catalogs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import registry from '../../src/widgets.json' with { type: 'json' };
import type { Translations } from '../../src/i18n/messages.js';

const root = join(import.meta.dirname, '../..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const sources = walk(join(root, 'src')).filter((f) => f.endsWith('.ts'));
const catalogFiles = sources.filter((f) => f.endsWith('.messages.ts'));
// Spanish arrives as the published pack does: its shared part and every registered widget's own.
await import('../../src/locales/es.js');
const { catalogIds, registerTranslations } = await import('../../src/i18n/messages.js');
for (const { tag, folder } of registry.widgets) {
  registerTranslations('es', ((await import(pathToFileURL(join(root, folder, `${tag}.translations.es.ts`)).href)) as { default: Translations }).default);
}

/** Words that are the same in both languages. */
const SAME_IN_BOTH = new Set(['PIN', 'Email', 'OK', 'Visa', 'Mastercard', 'American Express', 'Discover', 'Total', 'No', 'Error', '•', '—', '']);
const SAMPLE_ARGS = ['Alex', 3, '2030-01-01T00:00:00Z', 5, 'x@example.test'];

type Catalog = { en: Record<string, unknown>; es: Record<string, unknown> };
const isCatalog = (v: unknown): v is Catalog => typeof v === 'object' && v !== null && 'en' in v && 'es' in v;

describe('localisation', () => {
  it('has the shared catalogs and one per registered widget', () => {
    const expected = ['src/i18n/common.messages.ts', 'src/components/shared/permissions.messages.ts', 'src/components/shared/capabilities.messages.ts', ...registry.widgets.map(({ tag, folder }) => `${folder}/${tag}.messages.ts`)];
    assert.deepEqual(catalogFiles.map((f) => relative(root, f)).sort(), expected.sort());
  });

  it('every catalog has its Spanish file, and the Spanish pack registers every catalog', async () => {
    const missing = catalogFiles.filter((f) => !sources.includes(f.replace(/\.ts$/, '.es.ts')));
    assert.deepEqual(missing.map((f) => relative(root, f)), []);
    const catalogs: Catalog[] = [];
    for (const file of catalogFiles) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      catalogs.push(...(Object.values(mod).filter(isCatalog) as Catalog[]));
    }
    assert.equal(catalogs.length, catalogIds().length, 'each catalog is defined once, under its own id');
    const stillEnglish = catalogs.filter((c) => c.es === c.en).map((c) => Object.keys(c.en).slice(0, 3).join(', '));
    assert.deepEqual(stillEnglish, [], 'catalogs the Spanish pack does not register');
  });

  for (const file of catalogFiles) {
    it(`${relative(root, file)}: every Spanish message is translated`, async () => {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const catalogs = Object.entries(mod).filter(([, v]) => isCatalog(v)) as [string, Catalog][];
      assert.ok(catalogs.length > 0, 'no catalog exported');
      const untranslated: string[] = [];
      for (const [name, { en, es }] of catalogs) {
        assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort(), `${name}: keys differ`);
        for (const key of Object.keys(en)) {
          const [e, s] = [en[key], es[key]];
          assert.equal(typeof s, typeof e, `${name}.${key}: type differs`);
          if (typeof e === 'string') {
            if (e === s && !SAME_IN_BOTH.has(e)) untranslated.push(`${name}.${key}: "${e}"`);
          } else if (typeof e === 'function' && typeof s === 'function') {
            let outEn: unknown, outEs: unknown;
            try {
              outEn = e(...SAMPLE_ARGS);
              outEs = s(...SAMPLE_ARGS);
            } catch {
              continue; // a message that needs richer arguments; the types check its signature
            }
            // A format with no words of its own ("Alex: 3") reads the same in every language.
            const ownWords = typeof outEn === 'string' && /[A-Za-z]{2,}/.test(SAMPLE_ARGS.reduce<string>((text, arg) => text.split(String(arg)).join(''), outEn));
            if (outEn === outEs && ownWords && !SAME_IN_BOTH.has(outEn as string)) untranslated.push(`${name}.${key}(): "${outEn}"`);
          }
        }
      }
      assert.deepEqual(untranslated, []);
    });
  }

  it('component templates carry no literal words outside the catalogs', () => {
    const findings: string[] = [];
    for (const file of sources.filter((f) => f.includes('/components/') && !f.endsWith('.messages.ts') && !f.endsWith('.styles.ts'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/html`([^`]*)`/gs)) {
        const template = match[1]!;
        // Text between tags that is not a binding: `>Save<`, `> Pay now <`.
        for (const m of template.matchAll(/>([^<>${}]*[A-Za-z]{2,}[^<>${}]*)</g)) {
          findings.push(`${relative(root, file)}: text "${m[1]!.trim()}"`);
        }
        // Human-facing attributes with literal values.
        for (const m of template.matchAll(/\b(aria-label|title|placeholder|alt)="([^"$]*[A-Za-z]{2,}[^"$]*)"/g)) {
          findings.push(`${relative(root, file)}: ${m[1]}="${m[2]}"`);
        }
      }
    }
    assert.deepEqual(findings, []);
  });
});
