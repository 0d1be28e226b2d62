import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { promptCards } from './vite-plugins/prompt-cards-plugin.ts';
import { contentScriptBrowser } from './vite-plugins/content-browser-plugin.ts';
import { searchIndex } from './vite-plugins/search-index-plugin.ts';
import { COMPILED_PATH, compiledBuiltInFile, compiledSet } from './vite-plugins/compiled-set-plugin.ts';
import { thirdPartyNotices, writeNotices } from './vite-plugins/third-party-notices.ts';

// Practice Prompts: everything runs locally. No remote hosts in any CSP or permission.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), contentScriptBrowser(), promptCards(), searchIndex(), compiledSet(), thirdPartyNotices()] }),
  // the prompt-surface test page (entrypoints/surface-test/, for the e2e accessibility checks) and the
  // benchmark's empty page (public/bench-floor.*, for scripts/bench-browser.mjs) never ship
  zip: { exclude: ['surface-test.html', 'chunks/surface-test-*.js', 'assets/surface-test-*.css', 'bench-floor.html', 'bench-floor.js'] },
  hooks: {
    // the built-in set, compiled at build time (pages load it without compiling: docs/performance.md)
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: compiledBuiltInFile(wxt.config.root), relativeDest: COMPILED_PATH });
    },
    // the licence notices of every package the bundles contain (vite-plugins/third-party-notices.ts)
    'build:done': (wxt) => writeNotices(wxt.config.outDir),
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Practice Prompts',
    description:
      'Quiet prompts from the national analysis of serious case reviews 2017-19, beside the notes you write. Nothing leaves your machine.',
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-prompts': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Show or hide the practice prompts on this page',
      },
    },
    action: { default_title: 'Practice Prompts' },
    // the compiled built-in set (public data: the same as in the package), read by the content script
    // from the extension's own files. Not `use_dynamic_url`: Chromium 156's runtime.getURL in a content
    // script gives the static URL, which that key then refuses (docs/performance.md).
    web_accessible_resources: [{ resources: [COMPILED_PATH], matches: ['http://*/*', 'https://*/*'] }],
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'" }
        : "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'practice-prompts@practice-prompts.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
