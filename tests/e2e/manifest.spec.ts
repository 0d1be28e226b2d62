/**
 * The BUILT manifests say what docs/dpia.md and docs/store/ say: the permissions, no host access
 * until a site is switched on, content scripts only on local test pages, extension pages that can
 * connect only to themselves, no web page that can message the extension, and (Firefox) no data
 * collected. A change here is a change to the DPIA: update docs/dpia.md and docs/store/ with it.
 * Reads .output/ only (no browser): run after `npx wxt build` (and `npx wxt build -b firefox`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, EXT_DIR } from './fixtures.ts';

const FIREFOX_DIR = resolve(process.env.PP_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
};
const read = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function checkCommon(m: Manifest) {
  expect(m.host_permissions ?? [], 'no site access at install').toEqual([]);
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(m.content_scripts?.flatMap((c) => c.matches).sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(m.externally_connectable, 'no web page can message the extension').toBeUndefined();
  // the only file pages can load: the compiled built-in set (public data, read by the content script)
  const war = (m.web_accessible_resources ?? []) as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  expect(war.flatMap((w) => w.resources)).toEqual(['compiled/briefing.bin']);
  const csp = m.content_security_policy?.extension_pages ?? '';
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(csp, 'no remote host anywhere in the CSP').not.toMatch(/https?:|\*/);
  expect(JSON.stringify(m), 'no remote address in the manifest but the optional host patterns').not.toMatch(/https?:\/\/(?!\*\/\*|127\.0\.0\.1\/|localhost\/)/);
}

test('Chrome manifest: permissions, host access, CSP', () => {
  const m = read(EXT_DIR);
  expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
  checkCommon(m);
});

test('Firefox manifest: permissions, host access, CSP, no data collection declared', () => {
  test.skip(!existsSync(join(FIREFOX_DIR, 'manifest.json')), 'no Firefox build: run `npx wxt build -b firefox` first');
  const m = read(FIREFOX_DIR);
  expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
  checkCommon(m);
  expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
});

test('the package carries the licence notices of what it bundles', () => {
  const notices = readFileSync(join(EXT_DIR, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  // each bundled package with its licence; the MPL-2.0 polyfill also says where its source is
  for (const p of ['preact', 'minisearch', 'zod', 'webextension-polyfill']) expect(notices).toMatch(new RegExp(`^${p} \\S+ — \\S+$`, 'm'));
  expect(notices).toMatch(/^webextension-polyfill \S+ — MPL-2\.0$/m);
  expect(notices).toContain('Mozilla Public License');
  expect(notices).toMatch(/Its source code is available from npm \(https:\/\/www\.npmjs\.com\/package\/webextension-polyfill\)/);
  // nothing used only at build time (WXT's dev runner, Vite, the test tools)
  for (const p of ['vite', 'rollup', 'esbuild', 'vitest', '@playwright/test', 'lightningcss']) expect(notices).not.toMatch(new RegExp(`^${p.replace('/', '\\/')} \\S+ — `, 'm'));
});
