import { describe, expect, it } from 'vitest';
import { compile } from '../../../../core/matcher/index.ts';
import { surfaceForms } from '../../../../core/text/inflect.ts';
import { ids, set, T } from '../matcher/helpers.ts';

describe('inflections and spellings', () => {
  it.each([
    ['neglect', ['neglected', 'neglectful', 'neglecting', 'neglects']],
    ['disclose', ['disclosed', 'disclosure', 'disclosures', 'disclosing']],
    ['behaviour', ['behavior', 'behaviours', 'behavioral', 'behavioural']],
    ['organisation', ['organization', 'organisations']],
    ['refer', ['referral', 'referred', 'referring']],
    ['escalate', ['escalation', 'escalated', 'escalating']],
    ['sexualised', ['sexualized']],
    ['resilient', ['resilience']],
  ])('%s', (word, forms) => {
    const all = surfaceForms(word, false);
    for (const f of forms) expect(all).toContain(f);
  });
  it('does not turn "care" into "car"', () => {
    expect(surfaceForms('care', false)).not.toContain('car');
  });
  it('quoted words are exact', () => {
    const ix = compile([set([T('nfa', ['"NFA"'])])]);
    expect(ids(ix, 'NFA agreed')).toEqual(['nfa']);
    expect(ids(ix, 'NFAs agreed')).toEqual([]);
  });
});
