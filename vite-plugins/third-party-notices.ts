/**
 * THIRD-PARTY-NOTICES.txt in every build: the name, version, licence and licence text of each
 * package the bundles actually contain (read from the modules Rollup bundled, in every one of WXT's
 * builds), so the store package carries the notices its licences ask for — the MIT and ISC notices,
 * and for webextension-polyfill (MPL-2.0) also where its source is.
 *
 * `thirdPartyNotices()` is the Vite plugin that collects package names; `writeNotices(outDir)` (a WXT
 * `build:done` hook in wxt.config.ts) writes the file once all builds are done.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const bundled = new Set<string>();
/** The package folder (under node_modules) a module id comes from, or null for our own code. */
export function packageDirOf(id: string): string | null {
  const m = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules)/.exec(id.replace(/^\0/, ''));
  return m ? m[1]! : null;
}

export function thirdPartyNotices(): Plugin {
  return {
    name: 'practice-prompts:third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of Object.keys(chunk.modules)) {
          // a module some of whose code survived into the chunk
          if (chunk.modules[id]!.renderedLength === 0) continue;
          const dir = packageDirOf(id);
          if (dir) bundled.add(dir);
        }
      }
    },
  };
}

const SOURCE_NOTE: Record<string, string> = {
  'MPL-2.0':
    'Distributed unmodified under the Mozilla Public License 2.0. Its source code is available from npm (https://www.npmjs.com/package/{name}), from its repository, and in the sources package made for each release.',
};

/** The notices text for these package folders (sorted by name; each licence text once per package). */
export function noticesText(dirs: Iterable<string>): string {
  const pkgs = [...new Set(dirs)]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string; repository?: string | { url?: string } };
      const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file in the package; its package.json declares the licence above)';
      const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
      return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', repo, text };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const out = [
    'Practice Prompts includes the following third-party software. Each is listed with its version, its',
    'licence and the licence text it ships with.',
    '',
  ];
  for (const p of pkgs) {
    out.push('='.repeat(78), `${p.name} ${p.version} — ${p.license}`);
    if (p.repo) out.push(`Source: ${p.repo.replace(/^git\+/, '')}`);
    const note = SOURCE_NOTE[p.license];
    if (note) out.push(note.replace('{name}', p.name));
    out.push('', p.text, '');
  }
  return out.join('\n') + '\n';
}

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** Writes the notices of everything bundled so far into the build's folder. */
export function writeNotices(outDir: string): void {
  writeFileSync(join(outDir, NOTICES_FILE), noticesText(bundled));
}
