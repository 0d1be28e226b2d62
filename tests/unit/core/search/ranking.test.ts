/**
 * Ranking table: what a practitioner types, and the document they mean. Written before the engine was
 * tuned, from the library's content and the built-in prompt set, not from what the engine returned; when
 * the two disagree the engine is changed, not the table.
 *
 * How the expected first results were chosen:
 * - a query that is a document's title (or near it) expects that document, whatever its kind;
 * - a phrase a learning point's prompts already listen for expects the learning point those prompts lead to
 *   ("was not brought" → trusting-relationship-seen-alone, by trigger f-was-not-brought; "no further action" →
 *   clear-decision-policies, where the threshold and repeat-referral triggers lead);
 * - where a learning point and a theme, context page or key fact cover the same ground equally, the learning
 *   point comes first: the popup searches learning points first and everything else second.
 * Ids: learning points and wider messages by their own id; the other kinds by their library anchor
 * (`theme/…`, `context/…`, `fact/…`, `data/…`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildIndex, EXAMPLE_SEARCHES, PLACEHOLDER_QUERIES, search } from '../../../../core/search/search.ts';
import { searchDocs } from '../../../../content/library/search-docs.ts';

const index = buildIndex(searchDocs());
const top = (q: string) => search(index, q)[0]?.id;

export const RANKING: readonly (readonly [query: string, expected: string])[] = [
  // the placeholder: "e.g. neglect, ABE, escalation, not brought"
  ['neglect', 'neglect-rarely-alone'],
  ['ABE', 'abe-trained-workforce'],
  ['escalation', 'resolving-professional-differences'],
  ['not brought', 'trusting-relationship-seen-alone'],
  // the popup's example searches
  ['seen alone', 'trusting-relationship-seen-alone'],
  ['no further action', 'clear-decision-policies'],
  ['county lines', 'community-violence-vulnerability'],
  // phrases, stop words and near-exact phrases
  ['was not brought', 'trusting-relationship-seen-alone'],
  ['time alone with the child', 'trusting-relationship-seen-alone'],
  ['not the same as being understood', 'sharing-not-communicating'],
  ['too many professionals', 'too-many-professionals'],
  ['not known to social care', 'theme/children-not-known-to-social-care'],
  ['never known to social care', 'fact/never-known-to-social-care'],
  ['who this briefing is for', 'context/who-this-briefing-is-for'],
  ['losing sight of the child', 'theme/losing-sight-of-the-child'],
  ['professional curiosity', 'theme/professional-curiosity'],
  ['graded care profile', 'neglect-assessment-tools'],
  ['lone working', 'practitioner-safety'],
  ['early help', 'range-of-services'],
  ['IT systems', 'supportive-it-systems'],
  // acronyms and their long forms (core/text/synonyms.ts)
  ['WNB', 'trusting-relationship-seen-alone'],
  ['NFA', 'clear-decision-policies'],
  ['achieving best evidence', 'abe-trained-workforce'],
  ['CAMHS', 'translate-significance'],
  ['LCSPR', 'context/the-new-system'],
  ['did not attend', 'non-engagement-and-challenge'],
  // spelling, typos, apostrophes
  ['neglct', 'neglect-rarely-alone'],
  ['poly victimization', 'poly-victimisation'],
  ["Sarah's Law", 'sarahs-law'],
  ['sarahs law', 'sarahs-law'],
  // single words
  ['streetwise', 'community-violence-vulnerability'],
  ['handover', 'handover-when-families-move'],
  ['caseload', 'manageable-workloads'],
  ['hostility', 'why-parents-resist'],
  ['poverty', 'neglect-and-deprivation'],
  ['cultural', 'cultural-competence'],
  // themes, context pages and key data
  ['serious case review', 'context/what-is-a-serious-case-review'],
  ['rapid reviews', 'context/the-new-system'],
  ['yorkshire and the humber', 'fact/yorkshire-and-the-humber-rate'],
  ['mother and baby unit', 'fact/living-in-supervised-setting'],
  ['parental characteristics', 'data/table-4'],
];

describe('ranking table', () => {
  it('holds at least 30 queries, each once', () => {
    expect(RANKING.length).toBeGreaterThanOrEqual(30);
    expect(new Set(RANKING.map(([q]) => q.toLowerCase())).size).toBe(RANKING.length);
  });
  it('names only documents the index holds', () => {
    const ids = new Set(searchDocs().map((d) => d.id));
    expect(RANKING.map(([, id]) => id).filter((id) => !ids.has(id))).toEqual([]);
  });
  it('covers every placeholder query and every example search', () => {
    const queries = new Set(RANKING.map(([q]) => q));
    expect([...PLACEHOLDER_QUERIES, ...EXAMPLE_SEARCHES].filter((q) => !queries.has(q))).toEqual([]);
    expect(EXAMPLE_SEARCHES).toHaveLength(3);
  });
  it('the search box builds its placeholder from PLACEHOLDER_QUERIES, not from its own words', () => {
    const src = readFileSync(new URL('../../../../components/SearchBox.tsx', import.meta.url), 'utf8');
    expect(src).toMatch(/placeholder=\{[^}]*PLACEHOLDER_QUERIES/);
    expect(src).not.toMatch(/placeholder="/);
  });
  it.each(RANKING)('%s → %s first', (q, expected) => {
    expect(top(q)).toBe(expected);
  });
});

describe('stop words never carry a result on their own', () => {
  it.each(['not', 'the', 'of', 'no', 'the of no', 'is it not', 'what was'])('%s finds nothing', (q) => {
    expect(search(index, q)).toEqual([]);
  });
  it('adding stop words does not change what a content word finds first', () => {
    for (const [q, w] of [
      ['the neglect', 'neglect'],
      ['of handover', 'handover'],
      ['no poverty', 'poverty'],
    ]) expect(top(q!)).toBe(top(w!));
  });
  it('"not brought" does not rank a title on "not" alone', () => {
    const ids = search(index, 'not brought').map((h) => h.id);
    expect(ids.slice(0, 3)).not.toContain('sharing-not-communicating');
    expect(ids).toContain('theme/losing-sight-of-the-child');
  });
});

describe('phrases first', () => {
  const norm = (s: string) => ` ${s.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()} `;
  it.each(['seen alone', 'no further action', 'losing sight of the child', 'parental characteristics'])(
    '"%s": every document holding the phrase (in its text, tags or prompt cues) outranks every one that does not',
    (phrase) => {
      const docs = new Map(searchDocs().map((d) => [d.id, norm(`${d.title} ${d.summary} ${d.explanation} ${d.tags} ${d.cues ?? ""}`)]));
      const holds = search(index, phrase, { limit: 500 }).map((h) => docs.get(h.id)!.includes(norm(phrase)));
      expect(holds[0]).toBe(true);
      const firstWithout = holds.indexOf(false);
      if (firstWithout >= 0) expect(holds.slice(firstWithout)).not.toContain(true);
    },
  );
  it('as-you-type: a half-typed last word still finds the phrase', () => {
    expect(top('not bro')).toBe('trusting-relationship-seen-alone');
    expect(top('seen al')).toBe('trusting-relationship-seen-alone');
  });
});

describe('kinds', () => {
  it('every hit says what kind of document it is', () => {
    const kinds = new Set(['not known to social care', 'serious case review', 'parental characteristics', 'caseload', 'professional curiosity'].flatMap((q) => search(index, q).map((h) => h.kind)));
    expect([...kinds].sort()).toEqual(['context', 'key-data', 'learning-point', 'theme', 'wider-message']);
  });
  it('every hit opens at an anchor the library page renders', () => {
    for (const d of searchDocs()) expect(d.anchor).toMatch(/^(lp|theme|context|fact|data)\/[a-z0-9][a-z0-9._-]*$/);
  });
});

describe('example searches', () => {
  it.each(EXAMPLE_SEARCHES.map((q) => [q]))('%s finds what the ranking table says', (q) => {
    expect(top(q)).toBe(RANKING.find(([x]) => x === q)![1]);
  });
});
