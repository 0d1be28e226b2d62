/**
 * Canonical data files: every JSON file under content/ (recursively, prompt sets included) is exactly
 * JSON.stringify(JSON.parse(s), null, 2) + "\n" — so no tabs, no trailing whitespace, LF endings.
 * Order is never changed: the library keeps the briefing's order, so nothing is sorted.
 * `node scripts/format-data.mjs --write` fixes files; without --write it lists them and exits 1.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'format-data.mjs');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
    });
}
const files = walk(join(ROOT, 'content'));
const canonical = (s: string) => JSON.stringify(JSON.parse(s), null, 2) + '\n';
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: ROOT });

describe('every JSON file under content/ is canonical', () => {
  it('finds the library and the prompt sets', () => {
    const rel = files.map((f) => relative(ROOT, f));
    expect(rel).toContain('content/library/key-data.json');
    expect(rel.filter((f) => f.startsWith('content/library/learning-points/'))).toHaveLength(9);
    expect(rel.some((f) => f.startsWith('content/prompt-sets/'))).toBe(true);
  });
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s', (_rel, file) => {
    const s = readFileSync(file, 'utf8');
    expect(s.charCodeAt(0), 'no BOM').not.toBe(0xfeff);
    expect(s.includes('\r'), 'LF line endings').toBe(false);
    expect(s.includes('\t'), 'no tabs').toBe(false);
    expect(s.split('\n').filter((l) => /\s$/.test(l)), 'no trailing whitespace').toEqual([]);
    expect(s === canonical(s), `not canonical; run: node scripts/format-data.mjs --write`).toBe(true);
  });
});

describe('scripts/format-data.mjs', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'format-data-'));
    mkdirSync(join(dir, 'nested'));
    // keys and array deliberately out of alphabetical order: they must stay as written
    writeFileSync(join(dir, 'good.json'), canonical('{"z":1,"a":[3,1,2]}'));
    writeFileSync(join(dir, 'nested', 'bad.json'), '{ "zeta": "b",\t"alpha": [ 3, 1, 2 ] }  \n');
    writeFileSync(join(dir, 'notes.txt'), 'not json');
    return dir;
  };
  it('without --write: lists the non-canonical files (recursively) and exits 1, changing nothing', () => {
    const dir = setup();
    try {
      const before = readFileSync(join(dir, 'nested', 'bad.json'), 'utf8');
      const r = run(dir);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain(join('nested', 'bad.json'));
      expect(r.stdout).not.toMatch(/good\.json/);
      expect(readFileSync(join(dir, 'nested', 'bad.json'), 'utf8')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('with --write: rewrites them canonically, keeping key and array order; a second check exits 0', () => {
    const dir = setup();
    try {
      const w = run('--write', dir);
      expect(w.status, w.stderr).toBe(0);
      expect(w.stdout).toContain(join('nested', 'bad.json'));
      expect(readFileSync(join(dir, 'nested', 'bad.json'), 'utf8')).toBe('{\n  "zeta": "b",\n  "alpha": [\n    3,\n    1,\n    2\n  ]\n}\n');
      expect(readFileSync(join(dir, 'good.json'), 'utf8')).toBe('{\n  "z": 1,\n  "a": [\n    3,\n    1,\n    2\n  ]\n}\n');
      const again = run(dir);
      expect(again.status, again.stdout).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('exits 2 on a file that is not valid JSON, and does not touch it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'format-data-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{ "a": ');
      expect(run(dir).status).toBe(2);
      expect(run('--write', dir).status).toBe(2);
      expect(readFileSync(join(dir, 'broken.json'), 'utf8')).toBe('{ "a": ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('by default checks content/ and agrees with the test above', () => {
    const r = run();
    const bad = files.filter((f) => readFileSync(f, 'utf8') !== canonical(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(r.status).toBe(bad.length ? 1 : 0);
    for (const f of bad) expect(r.stdout).toContain(f);
  });
});
