#!/usr/bin/env node
// Usage: node scripts/format-data.mjs [--write] [DIR_OR_FILE ...]
// Every JSON file under content/ (recursively) must be canonical: JSON.stringify(JSON.parse(s), null, 2) + "\n".
// That also means no tabs, no trailing whitespace, LF line endings and no BOM. Key and array order are
// kept as written (the library follows the briefing's order; nothing is sorted).
// Without --write: lists the non-canonical files and exits 1 if there are any (2 if a file is not valid JSON).
// With --write: rewrites the non-canonical files in place and lists them.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const canonical = (text) => JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, '')), null, 2) + '\n';

/** All *.json files under `path` (a file or a directory), sorted, skipping node_modules and dot-directories. */
export function jsonFiles(path) {
  const st = statSync(path);
  if (st.isFile()) return path.endsWith('.json') ? [path] : [];
  const out = [];
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    out.push(...jsonFiles(join(path, name)));
  }
  return out;
}

/** { file, ok, error? } for each file: ok when the file is byte-for-byte canonical. */
export function check(files) {
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    try {
      return { file, ok: canonical(text) === text, text };
    } catch (e) {
      return { file, ok: false, error: e instanceof Error ? e.message : String(e), text };
    }
  });
}

function main(argv) {
  const write = argv.includes('--write');
  const targets = argv.filter((a) => a !== '--write');
  const unknown = targets.filter((a) => a.startsWith('--'));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}\nusage: node scripts/format-data.mjs [--write] [DIR_OR_FILE ...]`);
    return 2;
  }
  const files = (targets.length ? targets.map((t) => resolve(t)) : [join(root, 'content')]).flatMap(jsonFiles);
  const results = check(files);
  const invalid = results.filter((r) => r.error);
  const bad = results.filter((r) => !r.ok && !r.error);
  for (const r of invalid) console.error(`${relative(process.cwd(), r.file)}: not valid JSON (${r.error})`);
  if (write) {
    for (const r of bad) {
      writeFileSync(r.file, canonical(r.text));
      console.log(`formatted ${relative(process.cwd(), r.file)}`);
    }
    if (!bad.length && !invalid.length) console.log(`format: ${files.length} JSON files already canonical`);
    return invalid.length ? 2 : 0;
  }
  for (const r of bad) console.log(relative(process.cwd(), r.file));
  if (bad.length) console.log(`${bad.length} of ${files.length} JSON files not canonical; run: node scripts/format-data.mjs --write`);
  else if (!invalid.length) console.log(`format: ${files.length} JSON files canonical`);
  return invalid.length ? 2 : bad.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
