/** scripts/release.mjs: the version rules, the changelog move, and refusing a version that is not greater. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { compareVersions, moveUnreleased, parseVersion, release, withVersion } from '../../../scripts/release.mjs';

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- A thing.

## [0.1.0] - 2026-11-26

- First.
`;

describe('release', () => {
  it('accepts only versions browsers accept, and compares them as browsers do', () => {
    expect(parseVersion('0.2.0')).toEqual([0, 2, 0]);
    expect(parseVersion('1.2.3.4')).toEqual([1, 2, 3, 4]);
    for (const bad of ['', 'v1', '1.2.3-beta', '01.2', '1.2.3.4.5', '70000', '1..2']) expect(parseVersion(bad)).toBeNull();
    expect(compareVersions('0.2.0', '0.1.0')).toBeGreaterThan(0);
    expect(compareVersions('0.10', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0);
    expect(compareVersions('0.1.0', '0.1.1')).toBeLessThan(0);
  });

  it('moves Unreleased under the version with the date, leaving an empty Unreleased', () => {
    const out = moveUnreleased(CHANGELOG, '0.2.0', '2026-12-08');
    expect(out).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-08

### Added

- A thing.

## [0.1.0] - 2026-11-26

- First.
`);
    expect(() => moveUnreleased(out, '0.3.0', '2026-12-09')).toThrow(/nothing under "Unreleased"/);
    expect(() => moveUnreleased(CHANGELOG, '0.1.0', '2026-12-09')).toThrow(/already has a section for 0.1.0/);
    expect(() => moveUnreleased('# Changelog\n', '0.2.0', 'x')).toThrow(/no "## \[Unreleased\]"/);
  });

  it('sets the version in package.json and the lock file', () => {
    expect(JSON.parse(withVersion('{"name":"x","version":"0.1.0"}', '0.2.0'))).toEqual({ name: 'x', version: '0.2.0' });
    const lock = JSON.parse(withVersion('{"version":"0.1.0","packages":{"":{"version":"0.1.0"}}}', '0.2.0', { lock: true }));
    expect([lock.version, lock.packages[''].version]).toEqual(['0.2.0', '0.2.0']);
  });

  it.each(['0.1.0', '0.0.9', 'banana'])('refuses %s before touching anything', async (v) => {
    const root = mkdtempSync(join(tmpdir(), 'pp-release-'));
    writeFileSync(join(root, 'package.json'), '{"version":"0.1.0"}\n');
    writeFileSync(join(root, 'CHANGELOG.md'), CHANGELOG);
    await expect(release({ version: v, root })).rejects.toThrow(v === 'banana' ? /not a version/ : /not greater than the current version 0.1.0/);
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe('{"version":"0.1.0"}\n');
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toBe(CHANGELOG);
  });
});
