// The Custom Elements Manifest is generated from the components' JSDoc at build time; Storybook's
// docs pages, the framework typings (scripts/framework-types.mjs) and IDEs read it.
export default {
  globs: ['src/base/portal-element.ts', 'src/components/**/*.component.ts'],
  exclude: ['src/components/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [
    {
      // Protected and private members are implementation details; hosts see only the public API.
      name: 'portal-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        // The theming tokens are declared once on the base class; every widget honours them.
        const base = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'PortalElement');
        for (const mod of customElementsManifest.modules) {
          // Elements register through PortalElement.define() in <tag>.ts, which the analyzer cannot
          // follow; the folder convention src/components/<tag>/<tag>.component.ts names the tag.
          const tag = mod.path.match(/^src\/components\/([a-z-]+)\/\1\.component\.ts$/)?.[1];
          for (const decl of mod.declarations ?? []) {
            if (decl.kind !== 'class') continue;
            if (tag) Object.assign(decl, { tagName: tag, customElement: true });
            else delete decl.customElement;
            if (tag && tag !== 'portal-provider' && base?.cssProperties) {
              const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
              decl.cssProperties = [...(decl.cssProperties ?? []), ...base.cssProperties.filter((p) => !own.has(p.name))];
            }
            // emit(name, …) in the base class is not an event of its own.
            decl.events = (decl.events ?? []).filter((e) => e.name?.startsWith('portal-'));
            decl.attributes = (decl.attributes ?? []).filter((a) => a.name !== 'name');
            decl.members = (decl.members ?? []).filter((m) => !m.privacy || m.privacy === 'public').filter((m) => !m.name.startsWith('_'));
          }
        }
      },
    },
  ],
};
