// The widget registry (src/widgets.json) is the one list of widgets: the build, the size and bench
// scripts and the tests read it. What cannot read it (package.json, the SDK's entry, the size
// budgets, each widget's own folder) is checked against it here, and the lower layers are checked
// to name no widget, so adding a widget is one registry entry plus the files this test asks for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import registry from '../../src/widgets.json' with { type: 'json' };

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { exports: Record<string, { types: string; default: string }>; typesVersions: { '*': Record<string, string[]> } };
const budgets = JSON.parse(read('size-budgets.json')) as { widgetMarginal: Record<string, number> };
const { widgets } = registry;
const tags = widgets.map((w) => w.tag);

describe('widget registry', () => {
  it('names each widget once, by a custom-element tag, in its own folder', () => {
    assert.deepEqual([...new Set(tags)], tags, 'a tag is listed twice');
    for (const w of widgets) {
      assert.match(w.tag, /^[a-z]+(-[a-z]+)+$/, `${w.tag} is not a custom-element name`);
      assert.equal(w.folder, `src/components/${w.tag}`, `${w.tag}: folder`);
      assert.equal(w.export, `./${w.tag}`, `${w.tag}: export subpath`);
    }
  });

  it("each widget's folder has the files of a widget", () => {
    const missing = widgets.flatMap(({ tag, folder }) =>
      [`${tag}.ts`, `${tag}.component.ts`, `${tag}.styles.ts`, `${tag}.messages.ts`, `${tag}.messages.es.ts`, `${tag}.translations.es.ts`]
        .map((file) => `${folder}/${file}`)
        .filter((path) => !existsSync(join(root, path))),
    );
    assert.deepEqual(missing, []);
  });

  it("each define module defines its tag with the registered class and declares its Spanish", () => {
    for (const { tag, folder, className } of widgets) {
      const define = read(`${folder}/${tag}.ts`);
      assert.match(define, new RegExp(`PortalElement\\.define\\('${tag}', ${className}\\)`), `${tag}.ts does not define ${className}`);
      assert.match(define, new RegExp(`'${tag}': ${className};`), `${tag}.ts does not declare ${tag} in HTMLElementTagNameMap`);
      assert.match(define, new RegExp(`addTranslations\\('es', '${tag}', \\(\\) => import\\('\\./${tag}\\.translations\\.es\\.js'\\)\\)`), `${tag}.ts does not declare its Spanish`);
    }
  });

  it('client-scoped widgets take a client-id', () => {
    for (const { tag, folder, clientScoped } of widgets) {
      const component = read(`${folder}/${tag}.component.ts`);
      // A practice-wide widget says it is shown without a client with `practiceWide = true`.
      const practiceWide = /override readonly practiceWide = true/.test(component);
      assert.equal(!practiceWide, clientScoped, `${tag}: clientScoped is ${clientScoped}`);
    }
  });

  it('the SDK entry exports every registered widget and no other', () => {
    const exported = [...read('src/index.ts').matchAll(/from '\.\/components\/([\w-]+)\/\1\.js'/g)].map((m) => m[1]);
    assert.deepEqual(exported, ['portal-provider', ...tags]);
  });

  it("package.json exports each widget's subpath, with its types", () => {
    const subpaths = Object.keys(pkg.exports).filter((key) => pkg.exports[key]?.default?.startsWith('./dist/components/'));
    assert.deepEqual(subpaths, ['./portal-provider', ...widgets.map((w) => w.export)]);
    for (const { tag, export: subpath } of widgets) {
      assert.deepEqual(pkg.exports[subpath], { types: `./dist/types/components/${tag}/${tag}.d.ts`, default: `./dist/components/${tag}.js` }, subpath);
      assert.deepEqual(pkg.typesVersions['*'][tag], [`dist/types/components/${tag}/${tag}.d.ts`], `typesVersions ${tag}`);
    }
  });

  it('every widget has a size budget, and no budget names a widget that is gone', () => {
    assert.deepEqual(Object.keys(budgets.widgetMarginal).sort(), [...tags].sort());
  });

  it('the lower layers name no widget: i18n, locales, base, context, api, domain, schemas', () => {
    const lower = ['src/i18n', 'src/locales', 'src/base', 'src/context', 'src/api', 'src/domain', 'src/schemas'];
    const naming = lower.flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `${dir}/${file}`)
        .filter((path) => {
          const code = read(path);
          return tags.some((tag) => code.includes(`components/${tag}/`) || code.includes(`'${tag}'`));
        }),
    );
    assert.deepEqual(naming, []);
  });
});
