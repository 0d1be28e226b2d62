/** Incremental matching of a note being edited equals a full rescan. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, matchText, NoteMatch, rank } from '../../../../core/matcher/index.ts';
import { commonPrefix, commonSuffix } from '../../../../core/matcher/note.ts';
import { replayEdits, set, T } from './helpers.ts';

describe('properties', () => {
  const ix = compile([
    set([
      T('neglect', ['neglect']),
      T('strategy', ['strategy meeting'], { all: [['police']], window: { words: 6 } }),
      T('note', ['disclosure'], { all: [['nfa']], window: 'note' }),
      T('seen', ['not seen alone']),
    ]),
  ]);
  const vocab = ['neglect', 'Neglected', 'strategy', 'meeting', 'police', 'disclosure', 'NFA', 'not', 'seen', 'alone', 'the', 'a', 'child', 'mum', '.', '. ', '\n', ', ', ' ', "'s", '’', '-', 's.47', 'é', '\u200b', '&nbsp;'];
  const textArb = fc.array(fc.constantFrom(...vocab), { maxLength: 60 }).map((xs) => xs.join(' '));
  const summary = (text: string) => matchText(ix, text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => `${p.id}:${p.gentle}:${p.spans.map((s) => `${s.start}-${s.end}`).join('/')}`);

  it('incremental updates equal a full rescan for random edit sequences', () => {
    const edit = fc.record({ pos: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.array(fc.constantFrom(...vocab), { maxLength: 4 }).map((x) => x.join(' ')) });
    fc.assert(
      fc.property(textArb, fc.array(edit, { maxLength: 12 }), (start, edits) =>
        replayEdits(ix, start, edits, (note, full) => {
          const inc = rank(ix, note.getHitSentences(), {}, { maxPrompts: 10, minShare: 0 });
          const ref = rank(ix, full.getSentences(), {}, { maxPrompts: 10, minShare: 0 });
          expect(inc).toEqual(ref);
          // the running totals the content script ranks from give the same answer
          expect(rank(ix, note.totals(), {}, { maxPrompts: 10, minShare: 0 })).toEqual(ref);
          // with a weaker reading of the same words held back (the default), the same answer both ways,
          // and the same prompts however few spans the page asks for
          const held = rank(ix, full.getSentences(), {}, { maxPrompts: 10 });
          expect(rank(ix, note.totals(), {}, { maxPrompts: 10 })).toEqual(held);
          expect(rank(ix, note.totals(), {}, { maxPrompts: 10, maxSpans: 1 }).map((p) => p.id)).toEqual(held.map((p) => p.id));
          // and asked for only the first few spans, the same first spans
          for (const maxSpans of [1, 2, 3]) {
            const few = rank(ix, note.totals(), {}, { maxPrompts: 10, minShare: 0, maxSpans });
            expect(few).toEqual(ref.map((p) => ({ ...p, spans: p.spans.slice(0, maxSpans) })));
            expect(rank(ix, full.getSentences(), {}, { maxPrompts: 10, minShare: 0, maxSpans })).toEqual(few);
          }
          expect(note.getSentences().map((s) => [s.start, s.end])).toEqual(full.getSentences().map((s) => [s.start, s.end]));
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('typing one character at a time equals a full scan', () => {
    const text = 'Strategy meeting with police today. No disclosure yet.\nLater: disclosure made, then NFA. Child not seen alone; neglect noted.';
    const note = new NoteMatch(ix);
    note.reset('');
    for (let i = 1; i <= text.length; i++) note.update(text.slice(0, i));
    expect(rank(ix, note.getSentences(), {}, { maxPrompts: 10, minShare: 0 })).toEqual(matchText(ix, text, {}, { maxPrompts: 10, minShare: 0 }));
    expect(summary(text).length).toBe(4);
  });

  it('is invariant under case and whitespace changes', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom(' ', '  ', '\t', '\u00a0'), (text, ws) => {
        const ids1 = matchText(ix, text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id).sort();
        const ids2 = matchText(ix, text.toUpperCase().replace(/ /g, ws), {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id).sort();
        expect(ids2).toEqual(ids1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode or pathological input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(Array.isArray(matchText(ix, s))).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const s of ['a'.repeat(100_000), '.'.repeat(100_000), '&'.repeat(50_000), "'".repeat(50_000), '\ud800'.repeat(10_000), 'neglect '.repeat(20_000)]) {
      expect(Array.isArray(matchText(ix, s))).toBe(true);
    }
  });
});

describe('edit region', () => {
  it('finds common prefix and suffix like a character loop would', () => {
    const slow = (a: string, b: string) => {
      let i = 0;
      while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
      let j = 0;
      while (j < Math.min(a.length, b.length) - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
      return [i, j];
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.string({ maxLength: 5 }), fc.string({ maxLength: 300 }), (pre, mid1, mid2, suf) => {
        const a = pre + mid1 + suf;
        const b = pre + mid2 + suf;
        const p = commonPrefix(a, b);
        expect([p, commonSuffix(a, b, p)]).toEqual(slow(a, b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the built-in set: ranking from running totals', () => {
  it('equals a full rescan while corpus notes are typed, edited in the middle and cut', async () => {
    const { defaultSet, loadCases, repo } = await import('../../../relevance/score.ts');
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const ix = compile([defaultSet()]);
    const dir = join(repo, 'tests/relevance/dev');
    const texts = readdirSync(dir).flatMap((f) => loadCases(join(dir, f))).map((c) => c.text);
    expect(texts.length).toBeGreaterThan(500);
    const note = new NoteMatch(ix);
    let text = '';
    note.reset(text);
    let fired = 0;
    for (let i = 0; i < 240; i++) {
      const t = texts[(i * 37) % texts.length]!;
      // append a note, now and then insert one in the middle or cut a stretch
      if (i % 7 === 3) text = text.slice(0, text.length >> 1) + t + ' ' + text.slice(text.length >> 1);
      else if (i % 11 === 5) text = text.slice(0, text.length / 3) + text.slice((text.length * 2) / 3);
      else text += (i % 3 ? ' ' : '\n') + t;
      note.update(text);
      const ref = matchText(ix, text, {}, { maxPrompts: 10, minShare: 0 });
      // with the second reading kept as the note is edited (the page's way) and read afresh (matchText's)
      expect(rank(ix, note.totals(), {}, { maxPrompts: 10, minShare: 0, reading: (r) => note.reading(r) })).toEqual(ref);
      fired += ref.length;
    }
    expect(fired).toBeGreaterThan(100);
  });
});
