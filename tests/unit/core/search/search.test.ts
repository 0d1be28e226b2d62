import { describe, expect, it } from 'vitest';
import { buildIndex, expandQuery, foldTerm, highlight, search } from '../../../../core/search/search.ts';
import { searchDocs } from '../../../../content/library/search-docs.ts';

const index = buildIndex(searchDocs());
const top = (q: string, section?: string) => search(index, q, { section })[0]?.id;
const topN = (q: string, n = 3) => search(index, q).slice(0, n).map((h) => h.id);

describe('search ranking', () => {
  it.each([
    ['neglect', /neglect/],
    ['neglct', /neglect/], // typo
    ['ABE', /^abe-trained-workforce$/],
    ['achieving best evidence', /^abe-trained-workforce$/],
    ['sarahs law', /^sarahs-law$/],
    ["Sarah's Law", /^sarahs-law$/],
    ['escalation', /escalat|resolving|formal|skills|respectful|clear|inter-agency/],
    ['poly victimisation', /^poly-victimisation$/],
    ['poly victimization', /^poly-victimisation$/], // American spelling
    ['too many professionals', /^too-many-professionals$/],
    ['handover', /^handover-when-families-move$/],
    ['caseload', /^manageable-workloads$/],
    ['cultural', /^cultural-competence$/],
  ])('%s → top result %s', (q, expected) => {
    expect(top(q)).toMatch(expected);
  });
  it.each([
    ['behavior', 'behaviour-not-only-verbal-disclosure'],
    ['sexualised', 'sexualised-behaviour-red-flag'],
    ['sexualized', 'sexualised-behaviour-red-flag'],
    ['seen alone', 'trusting-relationship-seen-alone'],
    ['disabled', 'disabled-children-greater-risk'],
  ])('%s finds %s in the top 5', (q, id) => {
    expect(topN(q, 5)).toContain(id);
  });
  it('acronyms reach the older-children section (CSE, CCE)', () => {
    for (const q of ['CSE', 'CCE', 'child criminal exploitation']) expect(search(index, q).slice(0, 3).some((h) => h.sectionId === 'older')).toBe(true);
  });
  it('filters by section', () => {
    const hits = search(index, 'challenge', { section: 'escalation' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.sectionId === 'escalation')).toBe(true);
  });
  it('empty query gives nothing', () => {
    expect(search(index, '   ')).toEqual([]);
  });
});

describe('query helpers', () => {
  it('expands acronyms both ways', () => {
    expect(expandQuery('ABE')).toContain('achieving best evidence');
    expect(expandQuery('no further action')).toContain('nfa');
    expect(expandQuery('s.47')).toContain('section 47');
  });
  it('folds British and American spellings to one term', () => {
    expect(foldTerm('behaviour')).toBe(foldTerm('behavior'));
    expect(foldTerm('organisation')).toBe(foldTerm('organization'));
    expect(foldTerm('Paediatric')).toBe(foldTerm('pediatric'));
  });
  it('highlights matched words', () => {
    const parts = highlight('Neglect rarely comes alone', ['neglect']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Neglect']);
  });
});
