/**
 * The licence gate: every package of the production dependency tree (what `npm ci --omit=dev`
 * installs, read from the installed package.json files) has a licence on the allowed list, or is a
 * named exception with a reason. The checker is fed fake packages to prove it fails.
 * `npm run sbom` applies the same rule and writes the inventory (reports/sbom/licences.json).
 */
import { describe, expect, it } from 'vitest';
import {
  ALLOWED,
  EXCEPTIONS,
  exceptionFor,
  isAllowed,
  licenceOf,
  licenceViolations,
  productionPackages,
  productionSbom,
  unusedExceptions,
  type Package,
} from '../../../scripts/licences.mjs';

const pkg = (name: string, licence: string | null, version = '1.0.0'): Package => ({ name, version, licence, path: `node_modules/${name}` });

describe('the production dependency tree', () => {
  const packages = productionPackages();

  it('is read from node_modules, and holds what the extension is built from (not the dev tools)', () => {
    const names = new Set(packages.map((p) => p.name));
    for (const n of ['preact', 'zod', 'minisearch', 'webextension-polyfill', 'wxt']) expect(names, n).toContain(n);
    for (const n of ['vitest', '@playwright/test', 'axe-core', 'tinymce']) expect(names, n).not.toContain(n);
    expect(packages.length).toBeGreaterThan(50);
  });

  it('has only allowed licences, or named exceptions', () => {
    const v = licenceViolations(packages);
    expect(v.map((x) => `${x.package.name}@${x.package.version} (${x.package.path}): ${x.problem}`)).toEqual([]);
  });

  it('uses every exception (a stale exception is removed, so the list stays honest)', () => {
    expect(unusedExceptions(packages)).toEqual([]);
    for (const reason of Object.values(EXCEPTIONS)) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('the checker can fail', () => {
  it('flags a GPL package, a package with no licence, and a non-SPDX one', () => {
    const v = licenceViolations([pkg('left-pad', 'MIT'), pkg('copyleft-thing', 'GPL-3.0-only'), pkg('mystery', null), pkg('old-style', 'SEE LICENSE IN LICENSE.txt')]);
    expect(v.map((x) => [x.package.name, x.problem])).toEqual([
      ['copyleft-thing', 'licence GPL-3.0-only is not on the allowed list'],
      ['mystery', 'declares no licence'],
      ['old-style', 'licence SEE LICENSE IN LICENSE.txt is not on the allowed list'],
    ]);
  });

  it('reads SPDX expressions: OR needs one side allowed, AND needs both', () => {
    expect(isAllowed('MIT')).toBe(true);
    expect(isAllowed('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(isAllowed('(BSD-2-Clause OR MIT OR Apache-2.0)')).toBe(true);
    expect(isAllowed('(MIT AND Zlib)')).toBe(true);
    expect(isAllowed('(MIT AND GPL-2.0-only)')).toBe(false);
    expect(isAllowed('GPL-2.0-only OR AGPL-3.0-only')).toBe(false);
    expect(isAllowed('Apache-2.0 WITH LLVM-exception')).toBe(true);
    expect(isAllowed('GPL-2.0-only WITH Classpath-exception-2.0')).toBe(false);
    expect(isAllowed('GPL-2.0+')).toBe(false);
    expect(isAllowed('LGPL-3.0')).toBe(false);
    expect(isAllowed('(MIT')).toBe(false);
    expect(isAllowed('MIT OR')).toBe(false);
    expect(isAllowed('')).toBe(false);
    expect(isAllowed(null)).toBe(false);
    expect(ALLOWED).not.toContain('GPL-3.0-only');
  });

  it('an exception covers only its own package and licence', () => {
    expect(exceptionFor(pkg('webextension-polyfill', 'MPL-2.0'))).toBe('webextension-polyfill@MPL-2.0');
    expect(licenceViolations([pkg('webextension-polyfill', 'MPL-2.0')])).toEqual([]);
    // same package, another licence; same licence, another package
    expect(licenceViolations([pkg('webextension-polyfill', 'GPL-3.0-only')])).toHaveLength(1);
    expect(licenceViolations([pkg('some-other-polyfill', 'MPL-2.0')])).toHaveLength(1);
    // a platform wildcard matches its own family only
    expect(exceptionFor(pkg('lightningcss-darwin-arm64', 'MPL-2.0'))).toBe('lightningcss-*@MPL-2.0');
    expect(exceptionFor(pkg('lightning', 'MPL-2.0'))).toBeUndefined();
    // with no exceptions at all, the MPL polyfill fails
    expect(licenceViolations([pkg('webextension-polyfill', 'MPL-2.0')], { exceptions: {} })).toHaveLength(1);
    expect(unusedExceptions([pkg('left-pad', 'MIT')], { 'gone@GPL-3.0-only': 'no longer installed' })).toEqual(['gone@GPL-3.0-only']);
  });

  it('reads every way a package.json declares its licence', () => {
    expect(licenceOf({ license: 'MIT' })).toBe('MIT');
    expect(licenceOf({ license: { type: 'ISC', url: 'x' } })).toBe('ISC');
    expect(licenceOf({ licenses: 'MIT' })).toBe('MIT');
    expect(licenceOf({ licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }] })).toBe('(MIT OR GPL-2.0)');
    expect(licenceOf({ license: ' ' })).toBeNull();
    expect(licenceOf({})).toBeNull();
  });
});

describe('productionSbom (npm sbom --omit=dev drops packages a dev dependency shares: npm/cli#7909)', () => {
  const full = {
    bomFormat: 'CycloneDX',
    metadata: { component: { 'bom-ref': 'app@1.0.0', name: 'app' } },
    components: [
      { 'bom-ref': 'preact@11.0.0', name: 'preact' },
      { 'bom-ref': 'vitest@4.0.0', name: 'vitest' },
      { 'bom-ref': 'zod@4.0.0', name: 'zod' },
    ],
    dependencies: [
      { ref: 'app@1.0.0', dependsOn: ['preact@11.0.0', 'zod@4.0.0', 'vitest@4.0.0'] },
      { ref: 'vitest@4.0.0', dependsOn: ['preact@11.0.0'] },
      { ref: 'preact@11.0.0', dependsOn: [] },
    ],
  };

  it('keeps every production component, shared or not, and only the edges between them', () => {
    const cut = productionSbom(full, new Set(['preact@11.0.0', 'zod@4.0.0']));
    expect(cut.components.map((c) => c.name)).toEqual(['preact', 'zod']);
    expect(cut.dependencies).toEqual([
      { ref: 'app@1.0.0', dependsOn: ['preact@11.0.0', 'zod@4.0.0'] },
      { ref: 'preact@11.0.0', dependsOn: [] },
    ]);
    expect(cut.bomFormat).toBe('CycloneDX');
  });
});
