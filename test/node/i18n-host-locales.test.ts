// The pseudo-locale en-XA made from every English catalog, and the strings a host controls
// (overrideMessages, registerLocale) as the catalogs resolve them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const catalogFiles = walk(join(root, 'src')).filter((f) => f.endsWith('.messages.ts'));

const { PSEUDO_LOCALE, pseudoLocalize, registerPseudoLocale } = await import('../../src/i18n/pseudo-locale.js');
const { overrideMessages, registerLocale } = await import('../../src/i18n/messages.js');
const { resolveLocale } = await import('../../src/i18n/locale.js');
type Catalog = Record<string, Record<string, unknown>>;
const catalogs: [string, Catalog][] = [];
for (const file of catalogFiles) {
  for (const [name, value] of Object.entries((await import(pathToFileURL(file).href)) as Record<string, unknown>)) {
    if (typeof value === 'object' && value !== null && 'en' in value) catalogs.push([name, value as Catalog]);
  }
}
registerPseudoLocale();

/** Placeholder values of every kind the messages take: a name, a count, a date, an address. */
const SAMPLE_ARGS = ['Alex Moreno', 3, '2030-01-01T00:00:00Z', 5, 'x@example.test'];

describe('the pseudo-locale en-XA', () => {
  it('accents every letter, lengthens by about 35% and marks both ends', () => {
    assert.equal(pseudoLocalize('Save'), '⟦Šåṽé⟧');
    assert.equal(pseudoLocalize('Try again'), '⟦Ţŕýý ååĝåîñ⟧');
  });

  it('leaves placeholders as they are', () => {
    const inviteStatus = catalogs.find(([, c]) => 'inviteToOne' in c.en!)![1];
    const inviteToOne = inviteStatus[PSEUDO_LOCALE]!.inviteToOne as (address: string) => string;
    assert.equal(inviteToOne('ana@example.test'), '⟦Ţĥééé îîîñṽîîîţåååţîîîöööñ ĝöéš ţö ana@example.test.⟧');
  });

  it('every message of every catalog: pseudo-localised, no English letter left, at least 30% longer', (t) => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [name, catalog] of catalogs) {
      for (const [key, english] of Object.entries(catalog.en!)) {
        const pseudo = catalog[PSEUDO_LOCALE]![key];
        let [en, xa]: unknown[] = [english, pseudo];
        if (typeof english === 'function') {
          try {
            en = (english as (...a: unknown[]) => unknown)(...SAMPLE_ARGS);
          } catch {
            continue; // needs richer arguments (an object): covered by the story test
          }
          xa = (pseudo as (...a: unknown[]) => unknown)(...SAMPLE_ARGS);
        }
        if (typeof en !== 'string' || typeof xa !== 'string') continue;
        checked++;
        const withoutData = [...SAMPLE_ARGS].map(String).sort((a, b) => b.length - a.length).reduce<string>((text, arg) => text.split(arg).join(''), xa);
        if (!xa.startsWith('⟦') || !xa.endsWith('⟧')) wrong.push(`${name}.${key}: no markers: ${xa}`);
        else if (/[A-Za-z]/.test(withoutData)) wrong.push(`${name}.${key}: English left: ${xa}`);
        else if (en.length >= 4 && xa.length < en.length * 1.3) wrong.push(`${name}.${key}: only ${xa.length} characters for ${en.length}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(checked > 500, `${checked} messages checked`);
    t.diagnostic(`${checked} messages checked`);
  });
});

describe('strings a host controls', () => {
  const common = catalogs.find(([name]) => name === 'commonMessages')![1];

  it('an override replaces one string of one locale, and undefined takes it back', () => {
    overrideMessages('en', { common: { retry: 'Retry now' } });
    assert.equal(common.en!.retry, 'Retry now');
    assert.equal(common.en!.cancel, 'Cancel');
    overrideMessages('en', { common: { retry: undefined } });
    assert.equal(common.en!.retry, 'Try again');
  });

  it('a registered locale answers for its language, English where it says nothing', () => {
    registerLocale('fr', { common: { retry: 'Réessayer' } });
    assert.equal(resolveLocale('fr-CA'), 'fr');
    assert.equal(resolveLocale('en-XA'), 'en-XA');
    assert.equal(resolveLocale('es-MX'), 'es');
    const fr = (common as Record<string, Record<string, unknown>>).fr!;
    assert.equal(fr.retry, 'Réessayer');
    assert.equal(fr.cancel, 'Cancel');
  });

  it('an override of Spanish outlives the pack arriving after it', async () => {
    overrideMessages('es', { common: { retry: 'Volver a intentar' } });
    await import('../../src/locales/es.js');
    assert.equal(common.es!.retry, 'Volver a intentar');
    assert.equal(common.es!.cancel, 'Cancelar');
  });
});
