/**
 * Writes tests/content/briefing-fingerprint.json, the one-way fingerprint of the briefing that the content tests
 * use on a clone without ../shared (see tests/content/briefing.ts).
 *
 *   npm run fingerprint            # write it from $BRIEFING or ../shared/seed/000_8c989674621c0828.txt
 *   npm run fingerprint -- --check # exit 1 if the committed file differs from what the briefing gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FINGERPRINT_PATH, ROOT, briefingTextPath, fingerprintOf, serialise, unpack } from '../tests/content/briefing.ts';

const path = briefingTextPath();
if (!path) {
  console.error('fingerprint: the briefing text is needed (set BRIEFING=path/to/briefing.txt, or put ../shared/seed/ beside the repo).');
  process.exit(2);
}
const fp = fingerprintOf(readFileSync(path, 'utf8'));
const out = serialise(fp);
const where = relative(ROOT, FINGERPRINT_PATH);
let committed = '';
try {
  committed = readFileSync(FINGERPRINT_PATH, 'utf8');
} catch {
  // no file yet
}
const summary = `${fp.words} words, ${unpack(fp.grams10).size} distinct 10-grams, ${unpack(fp.lines).size} lines, ${Object.keys(fp.contents).length} contents titles, ${Object.keys(fp.answers).length} answers`;
if (process.argv.includes('--check')) {
  if (committed === out) console.log(`${where} is up to date (${summary})`);
  else console.error(`${where} is out of date: run npm run fingerprint`);
  process.exit(committed === out ? 0 : 1);
}
writeFileSync(FINGERPRINT_PATH, out);
console.log(`${committed === out ? 'unchanged' : 'wrote'} ${where} from ${path} (${summary})`);
