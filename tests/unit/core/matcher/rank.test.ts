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
  it('holds back a much weaker reading of a sentence a stronger prompt reads (minShare, default DEFAULT_MIN_SHARE)', () => {
    // b (a combination) scores 2, a single word 1: half the strongest
    expect(DEFAULT_MIN_SHARE).toBe(0); // off by default
    expect(matchText(ix, 'alpha bravo charlie.').map((p) => p.id)).toEqual(['b', 'a']);
    expect(matchText(ix, 'alpha bravo charlie.', {}, { minShare: 0.6 }).map((p) => p.id)).toEqual(['b']);
    expect(matchText(ix, 'alpha bravo charlie.', {}, { minShare: 0.5 }).map((p) => p.id)).toEqual(['b', 'a']);
    // in a sentence of its own it is a separate concern, and stays
    expect(matchText(ix, 'alpha. bravo charlie.', {}, { minShare: 0.6 }).map((p) => p.id)).toEqual(['b', 'a']);
    // with words in both, it stays too
    expect(matchText(ix, 'alpha bravo charlie. alpha.', {}, { minShare: 0.6 }).map((p) => p.id)).toEqual(['b', 'a']);
    // prompts of equal strength are all kept
    expect(matchText(ix, 'alpha delta echo.', {}, { minShare: 0.6 }).map((p) => p.id)).toEqual(['a', 'c', 'd']);
  });
  it('measures "much weaker" against the strongest match even when that one is quiet', () => {
    const now = 1000;
    expect(matchText(ix, 'alpha bravo charlie.', {}, { quiet: { b: 2000 }, now, minShare: 0.6 })).toEqual([]);
    expect(matchText(ix, 'alpha bravo charlie.', {}, { quiet: { b: 2000 }, now }).map((p) => p.id)).toEqual(['a']);
  });
  it('decides the same from running totals as from a full scan', () => {
    for (const text of ['alpha bravo charlie.', 'alpha. bravo charlie.', 'alpha bravo charlie. alpha.', 'bravo charlie alpha. delta']) {
      const note = new NoteMatch(ix);
      note.reset(text);
      expect(rank(ix, note.totals(), {}, { minShare: 0.6 })).toEqual(matchText(ix, text, {}, { minShare: 0.6 }));
    }
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
