// Prints the content-script bundle size (gzip) and fails above the 40 KB budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const BUDGET = 40 * 1024;
let worst = 0;
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv3']) {
  try {
    const raw = readFileSync(`${dir}/content-scripts/prompts.js`);
    const gz = gzipSync(raw, { level: 9 }).length;
    worst = Math.max(worst, gz);
    console.log(`${dir}/content-scripts/prompts.js: ${(raw.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (budget 40 KB)`);
  } catch {
    console.log(`${dir}: not built`);
  }
}
process.exit(worst > BUDGET || worst === 0 ? 1 : 0);
