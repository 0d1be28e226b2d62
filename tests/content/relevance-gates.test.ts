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
  // held-out, measured after the fourteenth round (2026-12-07): recall 86/95, off-topic 8/114, 0/50 benign fired (the same after rounds 12 and 13)
  // (after the eleventh: 86/95, 7/112, 0/50; the tenth: 85/95, 8/112; the ninth: 85/95, 9/113; the eighth: 85/95, 11/115).
  // The floor went from 0.935 to 0.925 in round 12: a tuner ran this gate while tuning and took three neglect-home
  // phrases back out ("sleeping on the floor", "all in one bed") to pass it; they went back in, as chosen on
  // dev and batch 12 alone, so the held-out batch stays unsteered. That costs one off-topic section here.
  // With the second reading (2026-12-07, after round 14): recall 85/95, off-topic 2/97, 0/50 benign. The reading holds
  // back prompts whose section the note does not read like: one must-group fewer, six off-topic sections fewer. The
  // recall floor went 0.9 → 0.89 for it, and the precision floor 0.925 → 0.975.
  // With `raise` and the reading retrained on blind batches 16-20 too (2026-12-08): 85/95, 2/97, 0/50, unchanged (with batch 21 too: 85/95, 2/98, 0/50)
  // (a model trained on 16-18 only had 3/98: one more off-topic, then gone with batch 19).
  // Trained with batch 22 too: 85/95, 3/100, 0/50 (a threshold note on a referral "bounced back as not meeting
  // threshold" reads as escalation once more, as it did with 16-18). The precision floor went 0.975 → 0.965 for it.
  // Raising at 0.65 (chosen by cross-validation over blind batches 16-22, then scored here): 86/95, 3/101, 0/50.
  // The recall floor went 0.89 → 0.9.
  heldout: { recall: 0.9, precision: 0.965, benignFired: 0, sensitiveOnBenign: 0 },
  // dev (tuned on; fourteen batches, twelve of them written blind): recall 1911/1913, off-topic 29/2272, 0/1294 benign
  // fired after round 14 (round 13: 1711/1713, 28/2024, 2/1174 before batch 13 joined; round 12: 1612/1620, 26/1911).
  // (Five note-window triggers of round 11 read in one sentence instead: across the note they doubled a key's cost on
  // the bench note, for 6 dev must-groups and none on blind batch 12.)
  // The two benign notes that fired until round 14 (b9a-059, b9a-081) each raise a concern that a LATER sentence rules
  // out (coeliac disease; police checks with no intelligence): `ruledOutBy` reads that anywhere in the note.
  // With the second reading and blind batch 15 joined (fifteen batches, 3294 notes): recall 1983/2013, off-topic
  // 12/2217, 1/1354 benign (b15b-059, a batch-15 note never tuned on: "left home alone" ruled out by a babysitting grandmother).
  // Blind batches 16-20 joined after they were scored (2026-12-08, 4204 notes): recall 2554/2664, off-topic 24/2894,
  // 7/1744 benign, one sensitive card on a benign note. The floors went down with them: they are notes never tuned
  // on, which the phrases meet less well; the reading is trained on them, the phrases were not changed for them.
  // Then five everyday senses from those batches read as such ("exploited the extra lab sessions", a bruised ego, a
  // game's "beat him at", an app update "pushed to phones", a system outage with "no case impact") and a relative
  // babysitting rules out "left home alone": 2554/2664, 20/2890, 3/1744, no sensitive card on a benign note.
  // Blind batch 21 joined after it was scored (4484 notes): 2730/2865, 28/3100, 5/1864. Then the review's mends (the
  // reading no longer reads names, disability and mental-health abbreviations or "interpreter"; it raises nothing
  // in a section the phrases found or ruled out, nor in a note with office text or reassurance): 2713/2865, 28/3069, 4/1864.
  // Blind batch 22 joined after it was scored (4764 notes): 2887/3065, 30/3273, 7/1984; then six everyday senses and
  // ruled-out concerns from it read as such (a dog's grooming, "hitting all his targets", a laptop's restored access,
  // sober for 14 years, an exploitation worry looked into and ruled out): 2887/3065, 27/3270, 4/1984.
  // Raising at 0.65, silent without words to quote: 2893/3065, 27/3283, 4/1984.
  dev: { recall: 0.94, precision: 0.99, benignFired: 4, sensitiveOnBenign: 0 },
};

const s = scorer();

describe('the held-out batch', () => {
  it('is the batch written before tuning (pinned by its SHA-256)', () => {
    const hash = createHash('sha256').update(readFileSync(join(dir, 'heldout.json'))).digest('hex');
    expect(hash).toBe(HELDOUT_SHA256);
  });
});

// PP_TUNING=1: a tuning run (someone changing the set against dev/ and validation/) must not see how the
// held-out batch fares, or its choices drift towards it; CI and `npm test` never set it
const tuning = process.env.PP_TUNING === '1';

describe.each([
  ...(tuning ? [] : ([['heldout', () => loadCases(join(dir, 'heldout.json'))]] as const)),
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
