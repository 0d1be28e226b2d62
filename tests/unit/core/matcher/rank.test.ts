/** Ranking: context, de-duplication, limits, quiet and disabled prompts. */
import { describe, expect, it } from 'vitest';
import { compile, DEFAULT_MIN_SHARE, matchText, NoteMatch, rank } from '../../../../core/matcher/index.ts';
import { ids, set, T } from './helpers.ts';

describe('context', () => {
  const ix = compile([
    set([
      T('boost', ['outcome'], { context: { fields: ['strategy meeting'], effect: 'boost' } }),
      T('req', ['plan'], { context: { pages: ['child protection'], effect: 'require' } }),
      T('url', ['visit'], { context: { urls: ['lcs.example/visits'], effect: 'require' } }),
      T('plain', ['outcomes']),
    ]),
  ]);
  it('boosts by field label', () => {
    const ranked = matchText(ix, 'outcome agreed', { field: 'Strategy meeting outcome' }, { maxPrompts: 5 });
    expect(ranked[0]?.id).toBe('boost');
    expect(ranked[0]?.contextual).toBe(true);
  });
  it('requires page context', () => {
    expect(ids(ix, 'the plan')).toEqual([]);
    expect(ids(ix, 'the plan', { page: 'Child Protection Conference' })).toEqual(['req']);
  });
  it('requires url context', () => {
    expect(ids(ix, 'home visit', { url: 'https://lcs.example/visits/1' })).toEqual(['url']);
    expect(ids(ix, 'home visit', { url: 'https://other.example/' })).toEqual([]);
  });
});

describe('ranking and noise', () => {
  const ix = compile([
    set([T('a', ['alpha']), T('b', ['bravo'], { all: [['charlie']] }), T('c', ['delta']), T('d', ['echo']), { id: 'e', leadsTo: ['a'], any: ['foxtrot'] }]),
  ]);
  it('keeps at most 3 by default, combinations first', () => {
    const r = matchText(ix, 'alpha. bravo charlie. delta. echo.', {}, { minShare: 0 });
    expect(r).toHaveLength(3);
    expect(r[0]!.id).toBe('b');
  });
  it('de-duplicates by prompt and merges why', () => {
    const r = matchText(ix, 'alpha and foxtrot', {}, { maxPrompts: 5 });
    expect(r.map((p) => p.id)).toEqual(['a']);
    expect(r[0]!.spans.map((s) => s.phrase)).toEqual(['alpha', 'foxtrot']);
    expect(r[0]!.triggers).toEqual(['t/a', 't/e']);
  });
  it('holds back quiet prompts until their time', () => {
    const now = 1000;
    expect(matchText(ix, 'alpha', {}, { quiet: { a: 2000 }, now })).toEqual([]);
    expect(matchText(ix, 'alpha', {}, { quiet: { a: 500 }, now }).map((p) => p.id)).toEqual(['a']);
  });
  it('disabled prompts never fire', () => {
    const ix2 = compile([set([T('a', ['alpha'])])], { disabled: new Set(['a']) });
    expect(matchText(ix2, 'alpha')).toEqual([]);
  });
});

describe('a weaker reading of the same words (minShare)', () => {
  // strong: "bravo" with "charlie" (a combination, 2); weak: "charlie" alone (1), or "alpha" (1)
  const ix = compile([set([T('strong', ['bravo'], { all: [['charlie']] }), T('same-words', ['charlie']), T('own-words', ['alpha'])])]);
  const shown = (text: string, opts = {}) => matchText(ix, text, {}, opts).map((p) => p.id);
  it('holds back a prompt under the share of the strongest whose every word a stronger prompt reads', () => {
    expect(DEFAULT_MIN_SHARE).toBe(0.6);
    expect(shown('bravo charlie.', { minShare: 0 })).toEqual(['strong', 'same-words']);
    expect(shown('bravo charlie.')).toEqual(['strong']);
    // at or above the share it stays
    expect(shown('bravo charlie.', { minShare: 0.5 })).toEqual(['strong', 'same-words']);
  });
  it('keeps a weaker prompt with words of its own: a separate concern, in the same sentence or not', () => {
    expect(shown('alpha, bravo charlie.')).toEqual(['strong', 'own-words']);
    expect(shown('alpha. bravo charlie.')).toEqual(['strong', 'own-words']);
    // "charlie" read again where nothing stronger reads it
    expect(shown('bravo charlie. charlie.')).toEqual(['strong', 'same-words']);
  });
  it('measures against the strongest even when that one is quiet: dismissing it does not promote a weaker reading', () => {
    const now = 1000;
    expect(shown('bravo charlie.', { quiet: { strong: 2000 }, now })).toEqual([]);
    expect(shown('bravo charlie.', { quiet: { strong: 2000 }, now, minShare: 0 })).toEqual(['same-words']);
    expect(shown('alpha bravo charlie.', { quiet: { strong: 2000 }, now })).toEqual(['own-words']);
  });
  it('decides the same from running totals as from a full scan', () => {
    for (const text of ['bravo charlie.', 'alpha. bravo charlie.', 'bravo charlie. charlie.', 'charlie bravo. alpha charlie']) {
      const note = new NoteMatch(ix);
      note.reset(text);
      expect(rank(ix, note.totals())).toEqual(matchText(ix, text));
    }
  });
});
