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
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
for (const e of errors) console.log(`ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);
