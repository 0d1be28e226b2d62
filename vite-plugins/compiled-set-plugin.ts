/**
 * The built-in prompt set, compiled at build time: pages load it without compiling.
 *
 * - `compiledBuiltInFile()` writes the compact form (core/matcher/compact.ts) to
 *   `.wxt/compiled/briefing.bin`; wxt.config.ts copies it into the extension as
 *   `compiled/briefing.bin` (a web-accessible resource the content script reads from its own
 *   package).
 * - `virtual:compiled-set` exports `{ hash, path }`: the hash the loaded buffer must carry (the set
 *   and the engine version), so a stale or foreign file is rejected, never half-used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import defaultSet from '../content/prompt-sets/default.json' with { type: 'json' };
import { compile } from '../core/matcher/compile.ts';
import { encodeIndex, setsHash } from '../core/matcher/compact.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';

export const COMPILED_PATH = 'compiled/briefing.bin';
const ID = 'virtual:compiled-set';

let cached: { hash: string; bytes: Uint8Array } | null = null;
export function compiledBuiltIn(): { hash: string; bytes: Uint8Array } {
  if (!cached) {
    const sets = [defaultSet as PromptSet];
    const hash = setsHash(sets);
    cached = { hash, bytes: encodeIndex(compile(sets), hash, { texts: false }) };
  }
  return cached;
}

/** Writes the compiled built-in set under `root` and returns its absolute path. */
export function compiledBuiltInFile(root: string): string {
  const file = join(root, '.wxt', COMPILED_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, compiledBuiltIn().bytes);
  return file;
}

export function compiledSet(): Plugin {
  return {
    name: 'practice-prompts:compiled-set',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load: (id) => (id === '\0' + ID ? `export default ${JSON.stringify({ hash: compiledBuiltIn().hash, path: COMPILED_PATH })};` : null),
  };
}
