#!/usr/bin/env node
/**
 * npm run sbom: the supply-chain record for a release, offline, under reports/sbom/ (gitignored):
 *
 *   practice-prompts.cdx.json  CycloneDX SBOM of the production dependency tree, from npm's own
 *                              `npm sbom`, each component marked `practice-prompts:bundled` true/false
 *   licences.json              every production package: name, version, licence, folder, bundled,
 *                              the exception that allows it (if any), and any violations
 *   licences.md                the same, for people
 *
 * "Bundled" means code from the package is inside the built extension: the script builds Chrome and
 * Firefox once more with source maps into .tmp/sbom-build/ and reads which node_modules files the maps
 * name. The production tree is wider than that: `wxt` (the build tool) is a production dependency, so
 * its toolchain appears in the SBOM without shipping in the extension. `--no-bundle` skips the builds
 * (bundled is then left out).
 *
 * Why not plain `npm sbom --omit=dev`: it drops every production package that a dev dependency also
 * uses (npm/cli#7909), preact among them, which ships. So this asks npm for the whole SBOM and keeps
 * the components that `npm ls --omit=dev --all` lists (scripts/licences.mjs#productionSbom). Exits 1 if a production package's licence is not allowed
 * (scripts/licences.mjs; the same rule as tests/unit/scripts/licences.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALLOWED, EXCEPTIONS, exceptionFor, licenceViolations, productionPackages, productionSbom } from './licences.mjs';

const ROOT = process.cwd();
const OUT = resolve(ROOT, 'reports/sbom');
const BUILD = resolve(ROOT, '.tmp/sbom-build');
mkdirSync(OUT, { recursive: true });

// 1. the SBOM, from npm itself (reads package-lock.json and node_modules; no network), cut to production
const packages = productionPackages(ROOT);
const sbomRun = spawnSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (sbomRun.status !== 0) {
  console.error(sbomRun.stderr);
  process.exit(1);
}
const sbom = productionSbom(JSON.parse(sbomRun.stdout), new Set(packages.map((p) => `${p.name}@${p.version}`)));
const missing = packages.filter((p) => !sbom.components.some((c) => c['bom-ref'] === `${p.name}@${p.version}`));
if (missing.length) {
  console.error(`npm sbom has no component for: ${missing.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  process.exit(1);
}

// 2. which packages the built extension contains
/** Package names (scoped or not) named by the source maps under a folder. */
function bundledFrom(dir) {
  const names = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.map')) {
        for (const s of JSON.parse(readFileSync(p, 'utf8')).sources ?? []) {
          const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(s.replaceAll('\\', '/'));
          if (m) names.add(m[1]);
        }
      }
    }
  };
  walk(dir);
  return names;
}
let bundled = null;
if (!process.argv.includes('--no-bundle')) {
  rmSync(BUILD, { recursive: true, force: true });
  const code = `
    import { build } from 'wxt';
    for (const browser of ['chrome', 'firefox'])
      await build({ browser, outDir: ${JSON.stringify(BUILD)}, vite: () => ({ build: { sourcemap: true } }) });
  `;
  const b = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) {
    console.error('The source-mapped build failed (run with --no-bundle to skip it).');
    process.exit(1);
  }
  bundled = bundledFrom(BUILD);
  if (!bundled.size || !existsSync(BUILD)) {
    console.error('The source maps name no packages: cannot tell what is bundled.');
    process.exit(1);
  }
  rmSync(BUILD, { recursive: true, force: true });
}

// 3. licences, and the rule
const violations = licenceViolations(packages);
const rows = packages.map((p) => ({
  ...p,
  ...(bundled ? { bundled: bundled.has(p.name) } : {}),
  ...(exceptionFor(p) ? { exception: EXCEPTIONS[exceptionFor(p)] } : {}),
}));

if (bundled) {
  for (const c of sbom.components ?? []) {
    c.properties = [...(c.properties ?? []), { name: 'practice-prompts:bundled', value: String(bundled.has(c.name)) }];
  }
}
const generated = new Date().toISOString();
writeFileSync(join(OUT, 'practice-prompts.cdx.json'), JSON.stringify(sbom, null, 2) + '\n');
writeFileSync(
  join(OUT, 'licences.json'),
  JSON.stringify({ generated, allowed: ALLOWED, exceptions: EXCEPTIONS, packages: rows, violations }, null, 2) + '\n',
);

const count = (f) => rows.filter(f).length;
const byLicence = {};
for (const r of rows) byLicence[r.licence ?? '(none)'] = (byLicence[r.licence ?? '(none)'] ?? 0) + 1;
const md = [
  '# Practice Prompts: licence inventory',
  '',
  `Generated ${generated} by \`npm run sbom\` from the installed production dependency tree (\`npm ls --omit=dev --all\`).`,
  `Allowed licences: ${ALLOWED.join(', ')}. Exceptions: ${Object.keys(EXCEPTIONS).length} (listed with reasons below).`,
  '',
  `${rows.length} packages${bundled ? `; ${count((r) => r.bundled)} of them have code inside the built extension (bundled = yes)` : ''}.`,
  '',
  '| licence | packages |',
  '| --- | --- |',
  ...Object.entries(byLicence)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `| ${l} | ${n} |`),
  '',
  `| package | version | licence |${bundled ? ' bundled |' : ''} note |`,
  `| --- | --- | --- |${bundled ? ' --- |' : ''} --- |`,
  ...rows
    .slice()
    .sort((a, b) => Number(b.bundled ?? 0) - Number(a.bundled ?? 0) || a.name.localeCompare(b.name))
    .map((r) => `| ${r.name} | ${r.version} | ${r.licence ?? '(none)'} |${bundled ? ` ${r.bundled ? 'yes' : 'no'} |` : ''} ${r.exception ?? ''} |`),
  '',
  violations.length ? `**${violations.length} violations:** ${violations.map((v) => `${v.package.name}@${v.package.version}: ${v.problem}`).join('; ')}` : 'No violations.',
  '',
].join('\n');
writeFileSync(join(OUT, 'licences.md'), md);

console.log(`SBOM: reports/sbom/practice-prompts.cdx.json (CycloneDX ${sbom.specVersion}, ${sbom.components?.length ?? 0} components)`);
console.log(`Licences: reports/sbom/licences.json and licences.md (${rows.length} production packages)`);
if (bundled) console.log(`Bundled into the extension: ${[...bundled].sort().join(', ')}`);
for (const v of violations) console.error(`✗ ${v.package.name}@${v.package.version} (${v.package.path}): ${v.problem}`);
console.log(violations.length ? `${violations.length} licence violations` : 'Licences: all allowed');
process.exit(violations.length ? 1 : 0);
