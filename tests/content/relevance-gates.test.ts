/**
 * Relevance of the built-in set, held to the figures recorded in the README (`npm run eval`).
 * The held-out batch was written before any tuning and is pinned by its hash, so it cannot drift
 * towards the set; the set is never tuned on it. A change that makes any figure worse fails here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases, repo, scorer, totals } from '../relevance/score.ts';

const dir = join(repo, 'tests/relevance');
const HELDOUT_SHA256 = '3cbb6784debcacea4fd1918c3bb718c6756e7dd10a2af1c16db422f0a79aa425';

/** The floor each corpus must stay at (recorded from `npm run eval`; raise them as the set improves). */
const FLOORS = {
  // held-out, measured after the tenth round (2026-12-07): recall 85/95, off-topic 8/112, 0/50 benign fired
  // (after the ninth: 85/95, 9/113, 0/50; the eighth: 85/95, 11/115, 0/50; the seventh: 85/95, 9/112, 0/50)
  heldout: { recall: 0.89, precision: 0.925, benignFired: 0, sensitiveOnBenign: 0 },
  // dev (tuned on; ten batches, eight of them written blind): recall 1514/1540, off-topic 32/1801, 4/1054 benign fired.
  // Batch 10 came in with round 10 and its eleven misses (batch 9's fifteen were mended in no round yet either).
  // Four benign notes fire. Two (b9a-059, b9a-081) raise a concern that the NEXT sentence rules out; a `not`
  // reaches only its own sentence, so they stay until the engine reads a resolution across sentences. One of
  // them (county lines, ruled out by police checks) shows a sensitive card, with two signals. Batch 10's two:
  // a grandmother "present throughout" read as an adult in the room (b10a-067), and a joke that the cat
  // "neglects" the family (b10a-047)
  dev: { recall: 0.98, precision: 0.98, benignFired: 4, sensitiveOnBenign: 1 },
};

const s = scorer();

describe('the held-out batch', () => {
  it('is the batch written before tuning (pinned by its SHA-256)', () => {
    const hash = createHash('sha256').update(readFileSync(join(dir, 'heldout.json'))).digest('hex');
    expect(hash).toBe(HELDOUT_SHA256);
  });
});

describe.each([
  ['heldout', () => loadCases(join(dir, 'heldout.json'))],
  [
    'dev',
    () =>
      readdirSync(join(dir, 'dev'))
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => loadCases(join(dir, 'dev', f))),
  ],
] as const)('%s corpus', (name, load) => {
  const cases = load();
  const t = totals(cases.map((c) => s.score(c)), s.set);
  const floor = FLOORS[name];

  it('has positives and benign notes, with unique ids', () => {
    expect(t.positives).toBeGreaterThan(50);
    expect(t.benign).toBeGreaterThan(30);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
  it(`recall of must-groups stays at or above ${floor.recall}`, () => {
    expect(t.recall).toBeGreaterThanOrEqual(floor.recall);
  });
  it(`precision (shown sections that were expected) stays at or above ${floor.precision}`, () => {
    expect(t.precision).toBeGreaterThanOrEqual(floor.precision);
  });
  it(`benign notes that fire stay at or below ${floor.benignFired}`, () => {
    expect(t.benignFired).toBeLessThanOrEqual(floor.benignFired);
  });
  it(`no sensitive card fires without two signals, and at most ${floor.sensitiveOnBenign} on a benign note`, () => {
    expect(t.sensitiveSingleSignal).toBe(0);
    expect(t.sensitiveOnBenign).toBeLessThanOrEqual(floor.sensitiveOnBenign);
  });
});
