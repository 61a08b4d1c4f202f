// The Custom Elements Manifest is generated from the components' JSDoc at build time; Storybook's
// docs pages, the framework typings (scripts/framework-types.mjs) and IDEs read it. The plugin
// below makes it describe the package a host installs: modules are the shipped `dist/` entries,
// only the public API is listed, and every event says its detail type.
import { readFileSync } from 'node:fs';

/** `'portal-x': { … };` lines of the PortalEventDetails interface: the single source of detail types. */
const eventDetails = () => {
  const source = readFileSync(new URL('src/events/portal-events.ts', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('interface PortalEventDetails'), source.indexOf('export type PortalEventName'));
  return new Map([...body.matchAll(/^\s*'(portal-[a-z-]+)': (.+);$/gm)].map(([, name, type]) => [name, type]));
};

/** Members every element has from LitElement / HTMLElement: not the widgets' own API. */
const LIFECYCLE = new Set(['addController', 'removeController', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'createRenderRoot', 'render', 'willUpdate', 'update', 'updated', 'firstUpdated', 'shouldUpdate', 'requestUpdate']);

const ROOT = 'dist/portal-widgets.js';
const entryOf = (tag) => `dist/components/${tag}.js`;

export default {
  globs: ['src/base/portal-element.ts', 'src/components/**/*.component.ts'],
  exclude: ['src/components/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [
    {
      name: 'portal-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const details = eventDetails();
        // The theming tokens are declared once on the base class; every widget honours them.
        const base = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'PortalElement');
        for (const mod of customElementsManifest.modules) {
          // Elements register through PortalElement.define() in <tag>.ts, which the analyzer cannot
          // follow; the folder convention src/components/<tag>/<tag>.component.ts names the tag.
          const tag = mod.path.match(/^src\/components\/([a-z-]+)\/\1\.component\.ts$/)?.[1];
          // Classes only: module-level helpers (`m`, `nameOf`, `PAGE_SIZE`) are not API.
          mod.declarations = (mod.declarations ?? []).filter((d) => d.kind === 'class');
          for (const decl of mod.declarations) {
            if (tag) Object.assign(decl, { tagName: tag, customElement: true });
            else delete decl.customElement;
            if (tag && tag !== 'portal-provider' && base?.cssProperties) {
              const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
              decl.cssProperties = [...(decl.cssProperties ?? []), ...base.cssProperties.filter((p) => !own.has(p.name))];
            }
            // emit(name, …) in the base class is not an event of its own.
            decl.events = (decl.events ?? [])
              .filter((e) => e.name?.startsWith('portal-'))
              .map((e) => ({ ...e, type: { text: details.has(e.name) ? `CustomEvent<${details.get(e.name)}>` : 'CustomEvent' } }));
            decl.attributes = (decl.attributes ?? []).filter((a) => a.name !== 'name');
            decl.members = (decl.members ?? []).filter((m) => (!m.privacy || m.privacy === 'public') && !m.name.startsWith('_') && !LIFECYCLE.has(m.name));
            // The superclass a host can import: PortalElement is exported from the package root.
            if (decl.superclass?.name === 'PortalElement') decl.superclass = { name: 'PortalElement', module: ROOT };
            for (const list of [decl.members, decl.attributes]) for (const m of list) if (m.inheritedFrom?.name === 'PortalElement') m.inheritedFrom = { name: 'PortalElement', module: ROOT };
          }
          // Paths of what is shipped: each element's entry in dist/ (sources are not in the package).
          if (tag) {
            const [decl] = mod.declarations;
            mod.path = entryOf(tag);
            mod.exports = [
              { kind: 'js', name: decl.name, declaration: { name: decl.name, module: mod.path } },
              { kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } },
            ];
          } else if (mod.path === 'src/base/portal-element.ts') {
            mod.path = ROOT;
            mod.exports = [{ kind: 'js', name: 'PortalElement', declaration: { name: 'PortalElement', module: ROOT } }];
          }
        }
      },
    },
  ],
};
