#!/usr/bin/env node
/**
 * The one test command (`npm test`): typecheck, lint, unit tests, builds for Chrome and Firefox,
 * web-ext lint, end-to-end in Chromium (Playwright) and in Firefox (puppeteer-core over BiDi).
 * Ends with a plain line "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, findFirefox, CHROMIUM_HELP, FIREFOX_HELP } from './find-chromium.mjs';

let passed = 0;
let failed = 0;
const failures = [];
mkdirSync('reports', { recursive: true });

function run(label, cmd, args, opts = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...opts });
  return r.status === 0;
}
function step(label, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  console.log(`${ok ? '✓' : '✗'} ${label}`);
}
const npx = (label, args, opts) => run(label, 'npx', args, opts);
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function ensureBrowser(find, pkg, help) {
  let exe = find();
  if (exe) return exe;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing ${pkg} with apt-get…`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit' });
    exe = find();
  }
  if (!exe) console.error(help);
  return exe;
}

const only = process.argv.slice(2);
const want = (name) => !only.length || only.includes(name);

if (want('typecheck')) step('typecheck (tsc)', npx('typecheck', ['tsc', '--noEmit']));
if (want('lint')) step('lint (eslint)', npx('lint', ['eslint', '.', '--max-warnings=0']));

if (want('unit')) {
  rmSync('reports/vitest.json', { force: true });
  npx('unit tests', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
  const v = readJson('reports/vitest.json');
  if (v) {
    passed += v.numPassedTests;
    // a file that failed with no failed test in it (it did not load) counts once; a failed test counts once
    // (numFailedTestSuites counts describe blocks too, so it is not used)
    const broken = (v.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
    failed += v.numFailedTests + broken;
    if (v.numFailedTests || broken) failures.push(`unit tests (${v.numFailedTests} failed${broken ? `, ${broken} files did not load` : ''})`);
  } else step('unit tests ran', false);
}

if (want('build')) {
  step('build chrome-mv3', npx('build chrome', ['wxt', 'build']));
  step('build firefox-mv3', npx('build firefox', ['wxt', 'build', '-b', 'firefox']));
  step('web-ext lint (0 errors)', run('web-ext lint', 'node', ['scripts/web-ext-lint.mjs']));
  step('content-script size budget', run('bundle size', 'node', ['scripts/bundle-size.mjs']));
}

if (want('e2e')) {
  const exe = ensureBrowser(findChromium, 'chromium', CHROMIUM_HELP);
  if (!exe) step('e2e in Chromium (no Chromium: see above)', false);
  else {
    run('fixtures', 'node', ['scripts/build-fixtures.mjs']);
    rmSync('reports/playwright.json', { force: true });
    npx('e2e (Chromium)', ['playwright', 'test'], { env: { ...process.env, CHROMIUM_PATH: exe } });
    const p = readJson('reports/playwright.json');
    if (p?.stats) {
      passed += p.stats.expected + (p.stats.flaky ?? 0);
      failed += p.stats.unexpected;
      if (p.stats.unexpected) failures.push(`e2e Chromium (${p.stats.unexpected} failed)`);
      if (p.errors?.length) step('e2e suite loaded', false);
    } else step('e2e in Chromium ran', false);
  }
}

if (want('firefox') && existsSync('tests/firefox/run.mjs')) {
  const exe = ensureBrowser(findFirefox, 'firefox-esr', FIREFOX_HELP);
  if (!exe) step('e2e in Firefox (no Firefox: see above)', false);
  else {
    rmSync('reports/firefox.json', { force: true });
    run('e2e (Firefox)', 'node', ['tests/firefox/run.mjs'], { env: { ...process.env, FIREFOX_PATH: exe } });
    const f = readJson('reports/firefox.json');
    if (f) {
      passed += f.passed;
      failed += f.failed;
      if (f.failed) failures.push(`e2e Firefox (${f.failed} failed)`);
    } else step('e2e in Firefox ran', false);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
// which briefing the content checks ran against (tests/content/briefing.ts picks the same way)
const briefingText = process.env.BRIEFING_FINGERPRINT !== '1' && (process.env.BRIEFING || existsSync('../shared/seed/000_8c989674621c0828.txt'));
if (want('unit')) console.log(`\nBriefing checks ran against the ${briefingText ? 'briefing text (../shared/seed)' : 'committed briefing fingerprint (no ../shared beside this clone)'}.`);
// the last line is plain, alone, for CI: "N passed, N failed"
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
