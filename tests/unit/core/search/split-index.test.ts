/**
 * The index as pages load it: the word index first (from the page's chunk), the phrase index later (from
 * its own chunk). Loaded in two steps it must rank exactly as the index built in one go, for every query of
 * the ranking table; and the word index alone must already give the final ranking for every query it is
 * used for (those `needsPhrases` lets through).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { phrasesJson, wordsJson } from 'virtual:search-index';
import { buildIndex, loadPhraseIndex, loadWordIndex, needsPhrases, search, storedDoc, type SearchIndex } from '../../../../core/search/search.ts';
import { searchDocs } from '../../../../content/library/search-docs.ts';

// the ranking table's queries, read from its source (importing it would run its tests twice)
const QUERIES = [...readFileSync(new URL('./ranking.test.ts', import.meta.url), 'utf8').matchAll(/^\s*\['([^']+)', '[^']+'\],?$/gm)].map((m) => m[1]!);
const MORE = ['neglct', 'behavior', 'sarahs law', 'caseload', 'NFA', 'no further', 'seen al', 'the', 'not', 'of the', 'ABE interview', 'was not brought '];
const built = buildIndex(searchDocs());
const ids = (ix: SearchIndex, q: string, section?: string) => search(ix, q, { section }).map((h) => `${h.id} ${h.score.toFixed(6)}`);

describe('the index in two parts', () => {
  it('reads the ranking table (so the comparison below is not empty)', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    expect(QUERIES).toContain('not brought');
  });

  it('the word index alone: stored fields at once, and the final ranking for every query that needs no phrases', () => {
    const words = loadWordIndex(wordsJson);
    expect(words.phrases).toBeNull();
    expect(storedDoc(words, 'neglect-rarely-alone')?.title).toBe(storedDoc(built, 'neglect-rarely-alone')?.title);
    const wordOnly = [...QUERIES, ...MORE].filter((q) => !needsPhrases(words, q));
    expect(wordOnly).toEqual(expect.arrayContaining(['neglect', 'escalation', 'neglct', 'the', 'not']));
    for (const q of wordOnly) expect(ids(words, q), q).toEqual(ids(built, q));
  });

  it('needs the phrase index for two words, or an acronym that stands for a phrase; not once it is in', async () => {
    const words = loadWordIndex(wordsJson);
    for (const q of ['not brought', 'seen alone', 'ABE', 'NFA', 'county lines']) expect(needsPhrases(words, q), q).toBe(true);
    for (const q of ['neglect', 'escalation', '', '  ', 'caseload']) expect(needsPhrases(words, q), q).toBe(false);
    loadPhraseIndex(words, await phrasesJson());
    for (const q of ['not brought', 'ABE']) expect(needsPhrases(words, q), q).toBe(false);
  });

  it('word index then phrase index ranks every query exactly as the index built in one go (scores too)', async () => {
    const ix = loadPhraseIndex(loadWordIndex(wordsJson), await phrasesJson());
    expect(ix.phrases).not.toBeNull();
    for (const q of [...QUERIES, ...MORE]) expect(ids(ix, q), q).toEqual(ids(built, q));
    expect(ids(ix, 'neglect', 'neglect')).toEqual(ids(built, 'neglect', 'neglect'));
  });

  it('loading the phrase index twice keeps the first', async () => {
    const ix = loadPhraseIndex(loadWordIndex(wordsJson), await phrasesJson());
    const first = ix.phrases;
    loadPhraseIndex(ix, await phrasesJson());
    expect(ix.phrases).toBe(first);
  });
});
