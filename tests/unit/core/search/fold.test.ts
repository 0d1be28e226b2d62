/**
 * `foldTerm` skips Unicode normalisation for plain ASCII words (a speed-up for the popup's first results):
 * it must fold every word exactly as the full path does.
 */
import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../../core/search/search.ts';
import { searchDocs } from '../../../../content/library/search-docs.ts';

/** The fold without the shortcut (as it was written before it). */
function reference(term: string): string {
  let t = term.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
  t = t.replace(/our(s?)$/, 'or$1').replace(/iour/, 'ior').replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/^paed/, 'ped').replace(/yse$/, 'yze');
  return t;
}

describe('foldTerm', () => {
  it('folds every word of the library as the full Unicode path does', () => {
    const words = new Set(searchDocs().flatMap((d) => [...Object.values(d).join(' ').matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((m) => m[0])));
    expect(words.size).toBeGreaterThan(3000);
    for (const w of words) expect(foldTerm(w), w).toBe(reference(w));
  });

  it('folds accented, typographic and mixed words alike', () => {
    for (const w of ['Behaviour', 'PAEDIATRIC', 'naïve', 'Café', 'rôle', 'İstanbul', 'ﬁle', 'child’s', "O'Brien", 'Ångström', 'x²', 'ＡＢＥ', 'analyse', 'organisations', 'ABC123'])
      expect(foldTerm(w), w).toBe(reference(w));
    expect(foldTerm('Café')).toBe('cafe');
    expect(foldTerm('behaviour')).toBe('behavior');
  });
});
