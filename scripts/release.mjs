#!/usr/bin/env node
/**
 * One release:
 *
 *   npm run release -- 0.2.0
 *   PP_SIGNING_KEY=/secure/practice-prompts.pem PP_UPDATE_BASE_URL=https://software.example.gov.uk/practice-prompts/ npm run release -- 0.2.0
 *
 *  1. refuses a version that is not greater than package.json's (browsers never install a lower
 *     version: going back means the older code under a higher number, see CHANGELOG.md), or a
 *     CHANGELOG.md with nothing under "Unreleased";
 *  2. sets the version in package.json and package-lock.json (WXT takes the manifest version from
 *     package.json) and moves CHANGELOG.md's Unreleased section under the new version, dated today;
 *  3. builds and writes the store zips (`wxt zip`, `wxt zip -b firefox`, which also writes the
 *     sources zip Mozilla's review asks for);
 *  4. with a signing key (PP_SIGNING_KEY or --key), the self-hosted package (CRX3 and update.xml).
 *
 * If a build fails, package.json, package-lock.json and CHANGELOG.md are put back as they were.
 * Nothing is committed, tagged or pushed: the summary says what to commit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A version browsers accept: one to four dot-separated integers, 0–65535, no leading zeros. */
export function parseVersion(v) {
  if (typeof v !== 'string' || !/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/.test(v)) return null;
  const parts = v.split('.').map(Number);
  return parts.every((n) => n <= 65535) ? parts : null;
}

/** < 0, 0 or > 0, as browsers compare versions (missing parts are 0). */
export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/**
 * Move the Unreleased section under `## [version] - date`, leaving an empty Unreleased above it.
 * Throws when there is no Unreleased section, it is empty, or the version is already there.
 */
export function moveUnreleased(changelog, version, date) {
  const m = UNRELEASED.exec(changelog);
  if (!m) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(changelog)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const start = m.index + m[0].length;
  const next = changelog.slice(start).search(/^## \[/m);
  const end = next < 0 ? changelog.length : start + next;
  const body = changelog.slice(start, end).replace(/^\s*\n/, '').replace(/\s*$/, '');
  if (!/^[-*] /m.test(body)) throw new Error('CHANGELOG.md says nothing under "Unreleased": write what this release changes first');
  return `${changelog.slice(0, m.index)}## [Unreleased]\n\n## [${version}] - ${date}\n\n${body}\n\n${changelog.slice(end)}`;
}

/** Set the version in package.json and package-lock.json texts (key order and formatting kept). */
export function withVersion(jsonText, version, { lock = false } = {}) {
  const o = JSON.parse(jsonText);
  o.version = version;
  if (lock && o.packages?.['']) o.packages[''].version = version;
  return JSON.stringify(o, null, 2) + '\n';
}

function run(cmd, args, root) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function describeFile(root, path) {
  const buf = readFileSync(path);
  return { path: relative(root, path), bytes: statSync(path).size, sha256: createHash('sha256').update(buf).digest('hex') };
}

/**
 * @param {{ version: string, root?: string, keyPath?: string, updateBaseUrl?: string, today?: string }} o
 */
export async function release({ version, root = process.cwd(), keyPath, updateBaseUrl, today = new Date().toISOString().slice(0, 10) }) {
  if (!parseVersion(version)) throw new Error(`"${version}" is not a version browsers accept (one to four numbers, like 0.2.0)`);
  const pkgPath = join(root, 'package.json');
  const lockPath = join(root, 'package-lock.json');
  const clPath = join(root, 'CHANGELOG.md');
  const pkgText = readFileSync(pkgPath, 'utf8');
  const current = JSON.parse(pkgText).version;
  if (compareVersions(version, current) <= 0) {
    throw new Error(
      `${version} is not greater than the current version ${current}. Browsers never install a lower or equal version: to go back, release the older code under a higher number (CHANGELOG.md).`,
    );
  }
  const clText = readFileSync(clPath, 'utf8');
  const nextChangelog = moveUnreleased(clText, version, today);
  const lockText = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null;

  writeFileSync(pkgPath, withVersion(pkgText, version));
  if (lockText !== null) writeFileSync(lockPath, withVersion(lockText, version, { lock: true }));
  writeFileSync(clPath, nextChangelog);
  try {
    run('npx', ['wxt', 'zip'], root);
    run('npx', ['wxt', 'zip', '-b', 'firefox'], root);
    const out = join(root, '.output');
    const zips = readdirSync(out)
      .filter((f) => f.endsWith('.zip') && f.includes(`-${version}-`))
      .sort()
      .map((f) => describeFile(root, join(out, f)));
    const want = ['chrome.zip', 'firefox.zip', 'sources.zip'];
    for (const w of want) if (!zips.some((z) => z.path.endsWith(w))) throw new Error(`wxt zip wrote no *-${version}-${w}`);
    const manifest = JSON.parse(readFileSync(join(out, 'chrome-mv3', 'manifest.json'), 'utf8'));
    if (manifest.version !== version) throw new Error(`the built manifest says ${manifest.version}, not ${version}`);

    let selfHosted = null;
    if (keyPath) {
      const { packageSelfHosted } = await import('./package-self-hosted.mjs');
      // the Chrome build from `wxt zip` is still in .output/chrome-mv3
      const r = packageSelfHosted({ keyPath, updateBaseUrl, build: false, root });
      selfHosted = { id: r.id, files: [describeFile(root, r.crx), describeFile(root, r.updateXml)], version: r.version };
      if (r.version !== version) throw new Error(`the self-hosted package says ${r.version}, not ${version}`);
    }
    return { from: current, version, date: today, zips, selfHosted };
  } catch (e) {
    writeFileSync(pkgPath, pkgText);
    if (lockText !== null) writeFileSync(lockPath, lockText);
    writeFileSync(clPath, clText);
    throw new Error(`${e.message}\n(package.json, package-lock.json and CHANGELOG.md are back as they were)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const keyPath = flag('key') ?? process.env.PP_SIGNING_KEY;
  const updateBaseUrl = flag('update-base-url') ?? process.env.PP_UPDATE_BASE_URL;
  const [version] = args;
  if (!version || version === '--help') {
    console.log('Usage: npm run release -- <version> [--key /secure/key.pem] [--update-base-url https://…/]\n(or PP_SIGNING_KEY / PP_UPDATE_BASE_URL)');
    process.exit(version ? 0 : 1);
  }
  try {
    const r = await release({ version, keyPath, updateBaseUrl });
    console.log(`\nRelease ${r.version} (was ${r.from}), ${r.date}`);
    console.log('  package.json, package-lock.json: version set');
    console.log(`  CHANGELOG.md: Unreleased moved under [${r.version}] - ${r.date}`);
    console.log('  Store packages:');
    for (const z of r.zips) console.log(`    ${z.path}  ${z.bytes} bytes  sha256 ${z.sha256}`);
    if (r.selfHosted) {
      console.log(`  Self-hosted package (extension id ${r.selfHosted.id}):`);
      for (const f of r.selfHosted.files) console.log(`    ${f.path}  ${f.bytes} bytes  sha256 ${f.sha256}`);
    } else {
      console.log('  Self-hosted package: not made (no signing key: set PP_SIGNING_KEY)');
    }
    console.log(`\nNext: git commit -am "Release ${r.version}" && git tag v${r.version}`);
  } catch (e) {
    console.error(`release: ${e.message}`);
    process.exit(1);
  }
}
