/**
 * The scanner remembers sentences it has read (by a fingerprint of their text) and reuses their results. Reading
 * with the cache must give exactly what reading without it gives: full scans and edits, on random notes
 * that repeat sentences, with the built-in set and with every kind of sentence end.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, NoteMatch, rank } from '../../../../core/matcher/index.ts';
import { rememberedSentences, Scanner, type Sentence } from '../../../../core/matcher/scan.ts';
import type { PromptSet } from '../../../../core/schema/prompt-set.ts';
import defaultSet from '../../../../content/prompt-sets/default.json';
import { applyEdit, set, T } from './helpers.ts';

const small = compile([
  set([
    T('neglect', ['neglect']),
    T('strategy', ['strategy meeting'], { all: [['police']], window: { words: 6 } }),
    T('note', ['disclosure'], { all: [['nfa']], window: 'note' }),
    T('seen', ['not seen alone']),
  ]),
]);
const builtIn = compile([defaultSet as PromptSet]);

// sentences (some repeated in every note), joined by every kind of end and separator
const POOL = [
  'Strategy meeting with police today',
  'No disclosure yet',
  'Child not seen alone',
  'Mum didn&#39;t let me in',
  'Neglect noted',
  'Later: disclosure made, then NFA',
  'Dad said he wasn’t there',
  'Visited the family at home with the health visitor',
  'School report poor attendance and she is often hungry',
  'é café',
];
const ENDS = ['. ', '.', '.\n', '! ', '? ', '\n', '…', '.\u00a0', ' ', '; ', '\u2029', ''];
const noteArb = fc.array(fc.tuple(fc.constantFrom(...POOL), fc.constantFrom(...ENDS)), { maxLength: 30 }).map((xs) => xs.map(([s, e]) => s + e).join(''));
const plain = (s: Sentence) => ({ start: s.start, end: s.end, fires: s.fires, evidence: s.evidence, excludedSets: s.excludedSets, nots: s.nots, noteExcluded: s.noteExcluded });
const read = (ix: typeof small, text: string, cache: boolean) => {
  const out: Sentence[] = [];
  new Scanner(ix, { cache }).scan(text, 0, out);
  return out.map(plain);
};

describe('sentence cache', () => {
  for (const [name, ix] of [['a small set', small], ['the built-in set', builtIn]] as const) {
    it(`a full scan with the cache equals one without (${name})`, () => {
      fc.assert(
        fc.property(noteArb, (text) => {
          // twice: the second read of the same note comes from the cache
          expect(read(ix, text, true)).toEqual(read(ix, text, false));
          expect(read(ix, text, true)).toEqual(read(ix, text, false));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('edits with the cache equal a full scan without it (built-in set)', () => {
    const edit = fc.record({ pos: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.constantFrom(...POOL.map((p) => p + '. '), ' ', '.', 'x', '\n') });
    fc.assert(
      fc.property(noteArb, fc.array(edit, { maxLength: 10 }), (start, edits) => {
        const note = new NoteMatch(builtIn);
        note.reset(start);
        let text = start;
        for (const e of edits) {
          text = applyEdit(text, e);
          note.update(text);
          expect(note.getSentences().map(plain)).toEqual(read(builtIn, text, false));
          const ref: Sentence[] = [];
          new Scanner(builtIn, { cache: false }).scan(text, 0, ref);
          expect(rank(builtIn, note.totals(), {}, { maxPrompts: 10, minShare: 0 })).toEqual(rank(builtIn, ref, {}, { maxPrompts: 10, minShare: 0 }));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is used: a repeated sentence is read once', () => {
    const ix = compile([set([T('neglect', ['neglect'])])]);
    const text = 'Neglect noted at the visit. '.repeat(200);
    new NoteMatch(ix).reset(text);
    // 200 sentences, three texts: the first (no space before it), the rest, and the final space
    expect(rememberedSentences(ix)).toBeLessThanOrEqual(3);
    expect(rememberedSentences(ix)).toBeGreaterThanOrEqual(1);
  });

  it('is bounded: a note of thousands of different sentences keeps at most 512', () => {
    const ix = compile([set([T('neglect', ['neglect'])])]);
    const text = Array.from({ length: 3000 }, (_, i) => `Visit number ${i} went ahead.`).join(' ');
    new NoteMatch(ix).reset(text);
    expect(rememberedSentences(ix)).toBe(512);
  });
});
