/**
 * Vite plugin: the `prompts` content script without webextension-polyfill.
 *
 * The content script is evaluated afresh in every tab of a switched-on site, and the polyfill's
 * start-up (wrapping the `chrome` namespace) was a quarter of its script time there (issue #14). The
 * content script needs none of it: it calls `runtime.sendMessage` (a promise natively in Chrome MV3 and
 * in Firefox), `runtime.onMessage` (its listener returns nothing), `runtime.getURL` and `runtime.id`,
 * which behave the same on the native namespace. Firefox has `browser` natively, and there the
 * polyfill would hand back that very object. Every other bundle (background, extension pages) keeps
 * the polyfill.
 */
import type { Plugin } from 'vite';

/** What `wxt/browser` resolves to once the WXT polyfill module's alias is applied. */
const IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);
const SHIM = '\0practice-prompts:content-browser';

/** True for the build of a content script (WXT builds each one on its own, in library mode). */
export function isContentScriptBuild(entry: unknown): boolean {
  return /\.content([\\/]|\.[jt]sx?\b)/.test(JSON.stringify(entry ?? ''));
}

export function contentScriptBrowser(): Plugin {
  let contentScript = false;
  return {
    name: 'practice-prompts:content-browser',
    enforce: 'pre',
    configResolved(config) {
      contentScript = !!config.build.lib && isContentScriptBuild(config.build.lib.entry);
    },
    resolveId: (id) => (contentScript && IDS.has(id) ? SHIM : null),
    load: (id) =>
      id === SHIM
        ? 'const g = globalThis;\nexport const browser = g.browser && g.browser.runtime && g.browser.runtime.id ? g.browser : g.chrome;\n'
        : null,
  };
}
