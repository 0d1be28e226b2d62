#!/usr/bin/env node
// Usage: node scripts/check-own-words.mjs FILE.json [...]
// Prints every run of 10+ consecutive words that a JSON file's string values share with the briefing
// (case and punctuation folded). Exit 1 when any is found. Keys named "title" on sections/references,
// "caption", "columns", "authors" are citations and are skipped.
// Without the briefing text (no $BRIEFING, no ../shared/seed), or with BRIEFING_FINGERPRINT=1, it checks against
// the hashed 10-grams in tests/content/briefing-fingerprint.json (see tests/content/briefing.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const seedPath = process.env.BRIEFING ?? join(here, '..', '..', 'shared', 'seed', '000_8c989674621c0828.txt');
const words = (s) => s.toLowerCase().normalize('NFKC').replace(/[’‘]/g, "'").split(/[^a-z0-9']+/).map((w) => w.replace(/'/g, '')).filter(Boolean);
const N = 10;
const useFingerprint = process.env.BRIEFING_FINGERPRINT === '1' || (!process.env.BRIEFING && !existsSync(seedPath));
const grams = new Set();
if (useFingerprint) {
  // first 64 bits of SHA-256 of each 10-gram, packed 8 bytes each
  const hex = Buffer.from(JSON.parse(readFileSync(join(here, '..', 'tests', 'content', 'briefing-fingerprint.json'), 'utf8')).grams10, 'base64').toString('hex');
  for (let i = 0; i < hex.length; i += 16) grams.add(hex.slice(i, i + 16));
} else {
  const seed = words(readFileSync(seedPath, 'utf8'));
  for (let i = 0; i + N <= seed.length; i++) grams.add(seed.slice(i, i + N).join(' '));
}
const known = (g) => grams.has(useFingerprint ? createHash('sha256').update(g, 'utf8').digest('hex').slice(0, 16) : g);
const SKIP = new Set(['caption', 'columns', 'authors', 'url', 'source', 'id']);
let skipTitle = false;
let bad = 0;
function walk(v, path) {
  if (typeof v === 'string') {
    const w = words(v);
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N).join(' ');
      if (known(g)) { console.log(`${path}: shares "${g}"`); bad++; break; }
    }
  } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (!SKIP.has(k) && !(skipTitle && k === 'title') && !(k === 'label' && path.includes('.tables['))) walk(x, `${path}.${k}`); }
}
for (const f of process.argv.slice(2)) { skipTitle = /references|sections|context|attribution/.test(f); walk(JSON.parse(readFileSync(f, 'utf8')), f); }
console.log((bad ? `${bad} shared run(s)` : 'own words: ok') + (useFingerprint ? ' (against the briefing fingerprint)' : ''));
process.exit(bad ? 1 : 0);
