import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The SDK's tags, from its Custom Elements Manifest: Vue leaves these elements to the browser
// instead of looking for Vue components of that name.
const manifest = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('portal-widgets/custom-elements.json'), 'utf8'));
const tags = new Set<string>(manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)));

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.has(tag) } } })],
  // Top-level await (the mock starts before mount).
  build: { target: 'es2022' },
  // The stylesheet shared by every example sits in examples/, outside this app's folder.
  server: { fs: { allow: ['..'] } },
});
