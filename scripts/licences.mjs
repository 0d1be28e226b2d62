// Licences of the production dependency tree (what `npm ci --omit=dev` installs), and the rule they
// must meet: every package's licence is on ALLOWED, or the package is a named, reasoned EXCEPTION.
// Used by scripts/sbom.mjs (the licence inventory) and tests/unit/scripts/licences.test.ts (the gate).
// Offline: it reads the installed package.json files; it never asks the registry.
// Plain ESM so node scripts and TypeScript tests can both import it (types: licences.d.mts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Permissive licences (SPDX ids) that need nothing from us beyond keeping the notice. */
export const ALLOWED = Object.freeze([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'CC0-1.0',
  'Unlicense',
  'BlueOak-1.0.0',
  'Python-2.0',
  'Zlib',
]);

/**
 * Packages allowed with a licence outside ALLOWED, each with the reason. Keyed `name@licence` (a name
 * may end in `*` for platform builds of one package), so a new version that changes its licence, or
 * another package with the same licence, is not covered.
 */
export const EXCEPTIONS = Object.freeze({
  'webextension-polyfill@MPL-2.0':
    "Mozilla's browser-API polyfill, bundled into the extension; we do not change its files. MPL-2.0 is file-level copyleft: whoever distributes it must say where its source is (npm, GitHub, and the sources zip made for Firefox's review) and keep its notice.",
  'lightningcss@MPL-2.0': "Vite's CSS tool, used by WXT at build time on the build machine; not bundled into the extension.",
  'lightningcss-*@MPL-2.0': "lightningcss's native binary for the build machine's platform; build time only, not bundled.",
  'fx-runner@MPL-2.0': "Part of WXT's development runner (starts Firefox for `wxt dev`); build machine only, not bundled.",
  'web-ext-run@MPL-2.0': "Part of WXT's development runner (starts browsers for `wxt dev`); build machine only, not bundled.",
  'winreg@BSD':
    "Declares plain 'BSD' (no SPDX version, no licence file). A Windows-registry helper of fx-runner (WXT's development runner); build machine only, not bundled.",
});

/** The EXCEPTIONS key that allows this package (its name and licence), or undefined. */
export function exceptionFor(p, exceptions = EXCEPTIONS) {
  if (!p.licence) return undefined;
  return Object.keys(exceptions).find((k) => {
    const at = k.lastIndexOf('@');
    const [name, licence] = [k.slice(0, at), k.slice(at + 1)];
    if (licence !== p.licence) return false;
    return name.endsWith('*') ? p.name.startsWith(name.slice(0, -1)) : p.name === name;
  });
}

/**
 * The licence a package.json declares, as an SPDX expression, or null when it declares none.
 * Reads `license` (string, or the old `{ type }` form) and the older `licenses` (string or list).
 * @param {Record<string, unknown>} pkg
 * @returns {string | null}
 */
export function licenceOf(pkg) {
  const one = (l) => (typeof l === 'string' ? l.trim() : l && typeof l === 'object' && typeof l.type === 'string' ? l.type.trim() : '');
  const direct = one(pkg.license);
  if (direct) return direct;
  const old = pkg.licenses;
  if (typeof old === 'string' && old.trim()) return old.trim();
  if (Array.isArray(old)) {
    const ids = old.map(one).filter(Boolean);
    if (ids.length) return ids.length === 1 ? ids[0] : `(${ids.join(' OR ')})`;
  }
  return null;
}

/**
 * Whether an SPDX expression is satisfied by the allowed ids: `A OR B` needs one side allowed,
 * `A AND B` (and `A WITH exception`) needs both. Anything it cannot parse is not allowed.
 * @param {string | null} expression
 * @param {readonly string[]} [allowed]
 */
export function isAllowed(expression, allowed = ALLOWED) {
  if (!expression) return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const fail = Symbol('fail');
  const primary = () => {
    const t = tokens[i++];
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') throw fail;
      return v;
    }
    if (!t || t === ')' || /^(AND|OR|WITH)$/i.test(t)) throw fail;
    // `GPL-2.0+` is its own id here: only an exact entry of the list allows it
    const v = allowed.includes(t);
    if (/^WITH$/i.test(tokens[i] ?? '')) {
      if (!tokens[i + 1] || /^[()]$/.test(tokens[i + 1])) throw fail;
      i += 2; // a licence exception (`WITH Classpath-exception-2.0`) only adds permissions: the base decides
    }
    return v;
  };
  const and = () => {
    let v = primary();
    while (/^AND$/i.test(tokens[i] ?? '')) {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = () => {
    let v = and();
    while (/^OR$/i.test(tokens[i] ?? '')) {
      i++;
      v = and() || v;
    }
    return v;
  };
  try {
    const v = or();
    return i === tokens.length && v;
  } catch (e) {
    if (e === fail) return false;
    throw e;
  }
}

/**
 * @typedef {{ name: string, version: string, licence: string | null, path: string }} Package
 * @typedef {{ package: Package, problem: string }} Violation
 */

/**
 * The packages whose licence breaks the rule (empty when all is well).
 * @param {readonly Package[]} packages
 * @param {{ allowed?: readonly string[], exceptions?: Readonly<Record<string, string>> }} [rule]
 * @returns {Violation[]}
 */
export function licenceViolations(packages, { allowed = ALLOWED, exceptions = EXCEPTIONS } = {}) {
  const out = [];
  for (const p of packages) {
    if (isAllowed(p.licence, allowed)) continue;
    if (exceptionFor(p, exceptions)) continue;
    out.push({ package: p, problem: p.licence ? `licence ${p.licence} is not on the allowed list` : 'declares no licence' });
  }
  return out;
}

/** Exceptions that no installed package uses any more (to be removed, so the list stays honest). */
export function unusedExceptions(packages, exceptions = EXCEPTIONS) {
  const used = new Set(packages.map((p) => exceptionFor(p, exceptions)));
  return Object.keys(exceptions).filter((k) => !used.has(k));
}

/**
 * Every package of the production dependency tree (not the root project), one entry per installed
 * copy, from `npm ls --omit=dev --all --parseable` and each copy's own package.json.
 * @param {string} [root]
 * @returns {Package[]}
 */
export function productionPackages(root = process.cwd()) {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // npm ls exits 1 on a problem in the tree (missing, invalid); the paths it printed are still right
  if (!r.stdout?.trim()) throw new Error(`npm ls --omit=dev printed nothing (exit ${r.status}): ${r.stderr}`);
  const top = resolve(root);
  const seen = new Set();
  const out = [];
  for (const line of r.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const dir = resolve(line);
    if (dir === top || seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    out.push({ name: String(pkg.name), version: String(pkg.version), licence: licenceOf(pkg), path: dir.slice(top.length + 1).replaceAll('\\', '/') });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * A CycloneDX SBOM cut down to the production tree: the components whose `name@version` bom-ref is in
 * `refs`, the root, and the dependency edges between them. (`npm sbom --omit=dev` itself drops any
 * package that a dev dependency also uses, preact among them: npm/cli#7909. So the script asks npm
 * for the whole SBOM and keeps what `npm ls --omit=dev` says is production.)
 * @param {{ metadata?: { component?: { 'bom-ref'?: string } }, components?: { 'bom-ref': string }[], dependencies?: { ref: string, dependsOn?: string[] }[] }} sbom
 * @param {ReadonlySet<string>} refs
 */
export function productionSbom(sbom, refs) {
  const root = sbom.metadata?.component?.['bom-ref'];
  const keep = (r) => refs.has(r) || r === root;
  return {
    ...sbom,
    components: (sbom.components ?? []).filter((c) => refs.has(c['bom-ref'])),
    dependencies: (sbom.dependencies ?? []).filter((d) => keep(d.ref)).map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((r) => refs.has(r)) })),
  };
}
