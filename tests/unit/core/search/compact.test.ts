/**
 * The compact form of a MiniSearch index (core/search/compact.ts): loaded, it is the index that was
 * written — the same JSON (terms in the same order, every posting, stored fields, lengths) and the same
 * results and scores — for the library's two indexes and for an index with the awkward cases (discarded
 * documents, counts above one base-36 digit, numeric ids, terms that are prefixes of others).
 */
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { compactIndex, loadCompact } from '../../../../core/search/compact.ts';
import { buildIndex, loadPhraseIndex, loadWordIndex, search, serializeIndexParts } from '../../../../core/search/search.ts';
import { searchDocs } from '../../../../content/library/search-docs.ts';

const built = buildIndex(searchDocs());

describe('compact index', () => {
  it("the library's word and phrase indexes load as they were built (same JSON, same order)", () => {
    const parts = serializeIndexParts(built);
    const ix = loadPhraseIndex(loadWordIndex(parts.words), parts.phrases);
    expect(JSON.stringify(ix)).toBe(JSON.stringify(built));
    expect(JSON.stringify(ix.phrases)).toBe(JSON.stringify(built.phrases));
    expect(ix.termCount).toBe(built.termCount);
    expect(ix.phrases!.termCount).toBe(built.phrases!.termCount);
  });

  it('is smaller than MiniSearch JSON', () => {
    const parts = serializeIndexParts(built);
    expect(parts.words.length).toBeLessThan(JSON.stringify(built).length);
    expect(parts.phrases.length).toBeLessThan(JSON.stringify(built.phrases).length);
  });

  it('searches alike before anything else has read the postings', () => {
    const parts = serializeIndexParts(built);
    for (const q of ['neglect', 'neglct', 'behavior', 'seen alone', 'ABE', 'no further action', 'caseload']) {
      const ix = loadPhraseIndex(loadWordIndex(parts.words), parts.phrases); // fresh: nothing decoded yet
      expect(search(ix, q), q).toEqual(search(built, q));
    }
  });

  it('keeps discarded documents, large counts, numeric ids and nested terms exactly', () => {
    const opts = { fields: ['title', 'text'], storeFields: ['title', 'n'] };
    const ms = new MiniSearch<{ id: number; title: string; text: string; n: number }>(opts);
    const word = (k: number) => ['care', 'carer', 'carers', 'cared', 'car', 'école', 'über', 'x'][k % 8]!;
    ms.addAll(
      Array.from({ length: 90 }, (_, id) => ({
        id: id * 7,
        title: `${word(id)} ${word(id + 3)}`,
        text: Array.from({ length: (id % 5) * 20 }, (_, k) => word(id + k)).join(' '),
        n: id / 3,
      })),
    );
    ms.discard(14);
    ms.discard(21);
    const loaded = loadCompact(compactIndex(ms), opts);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(ms));
    for (const q of ['car', 'care', 'carrs', 'ecole', 'école x']) {
      const o = { prefix: true, fuzzy: 0.3 };
      expect(loaded.search(q, o), q).toEqual(ms.search(q, o));
    }
    expect(loaded.has(7)).toBe(true);
    expect(loaded.has(14)).toBe(false);
    expect(loaded.getStoredFields(35)).toEqual(ms.getStoredFields(35));
  });

  it('an index loaded from the compact form can still change', () => {
    const opts = { fields: ['text'] };
    const ms = new MiniSearch<{ id: string; text: string }>(opts);
    ms.addAll([
      { id: 'a', text: 'home visit' },
      { id: 'b', text: 'home alone' },
    ]);
    const loaded = loadCompact(compactIndex(ms), opts);
    loaded.add({ id: 'c', text: 'visit again' });
    loaded.remove({ id: 'a', text: 'home visit' });
    ms.add({ id: 'c', text: 'visit again' });
    ms.remove({ id: 'a', text: 'home visit' });
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(ms));
    expect(loaded.search('visit').map((r) => r.id)).toEqual(['c']);
  });

  it('refuses what it did not write', () => {
    expect(() => loadCompact('{"format":2}', { fields: ['text'] })).toThrow(/unknown format/);
    expect(() => loadCompact(JSON.stringify(new MiniSearch({ fields: ['text'] })), { fields: ['text'] })).toThrow(/unknown format/);
  });
});
