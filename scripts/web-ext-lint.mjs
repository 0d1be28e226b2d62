// web-ext lint on the Firefox build: 0 errors required; prints warnings with their source.
import { spawnSync } from 'node:child_process';
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--self-hosted'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors = [], warnings = [] } = report;
// Known, from dependencies: Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML,
// which our code never uses (eslint forbids it in product code).
const fromDeps = (w) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message);
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})${fromDeps(w) ? ' — Preact (dependency): dangerouslySetInnerHTML support, unused by us' : ''}`);
const ours = warnings.filter((w) => !fromDeps(w));
console.log(`web-ext lint: ${errors.length} errors, ${ours.length} warnings of ours, ${warnings.length - ours.length} from dependencies`);
for (const e of errors) console.log(`ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
process.exit(errors.length ? 1 : 0);
