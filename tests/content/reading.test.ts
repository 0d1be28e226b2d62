/**
 * The built-in set's second reading is trained on the dev corpus as it is now (scripts/train-reading.ts):
 * a note added to tests/relevance/dev, or a changed setting, fails here until `npm run train-reading`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../relevance/score.ts';

const check = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/train-reading.ts'), '--check'], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('the second reading of the built-in set', () => {
  it('was trained on the dev corpus as it is now', () => {
    const r = check();
    expect(r.stderr + r.stdout).toContain('reading up to date');
    expect(r.status).toBe(0);
  });
  it('a reading trained on something else is caught, with what to run', () => {
    const set = JSON.parse(readFileSync(join(repo, 'content/prompt-sets/default.json'), 'utf8')) as { reading: { trainedOn: string } };
    set.reading.trainedOn = '3000 dev notes, fingerprint 00000000';
    const path = join(mkdtempSync(join(tmpdir(), 'pp-reading-')), 'set.json');
    writeFileSync(path, JSON.stringify(set));
    const r = check({ PP_SET: path });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run train-reading');
  });
});
