import { describe, expect, it } from 'vitest';
import { compile, matchText, whyWords, WHY_MAX_LENGTH, WHY_MAX_WORDS } from '../../../../core/matcher/index.ts';
import { set, T } from './helpers.ts';

const span = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} not in text`);
  return { start, end: start + word.length };
};

describe('why this prompt appeared', () => {
  it('gives the matched words as written, in order', () => {
    const text = 'Mum said the NEGLECT was ongoing; a strategy meeting is booked.';
    expect(whyWords(text, [span(text, 'NEGLECT'), span(text, 'strategy meeting')])).toEqual(['NEGLECT', 'strategy meeting']);
  });
  it('collapses white space and line breaks inside a match, and trims it', () => {
    const text = 'a strategy\n   meeting ';
    expect(whyWords(text, [{ start: 1, end: text.length }])).toEqual(['strategy meeting']);
  });
  it('drops duplicates, ignoring case, keeping the first spelling', () => {
    const text = 'Neglect. neglect. NEGLECT.';
    const spans = [span(text, 'Neglect'), span(text, 'neglect'), span(text, 'NEGLECT')];
    expect(whyWords(text, spans)).toEqual(['Neglect']);
  });
  it('skips empty spans', () => {
    expect(whyWords('  x', [{ start: 0, end: 2 }, { start: 2, end: 3 }])).toEqual(['x']);
  });
  it(`shortens long matches to ${WHY_MAX_LENGTH} characters and an ellipsis, and still drops their duplicates`, () => {
    const long = 'word '.repeat(30).trim();
    const text = `${long}. ${long.toUpperCase()}.`;
    const out = whyWords(text, [span(text, long), span(text, long.toUpperCase())]);
    expect(out).toEqual([long.slice(0, WHY_MAX_LENGTH) + '…']);
  });
  it(`gives at most ${WHY_MAX_WORDS} words, or as many as asked`, () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'];
    const text = words.join(' ');
    const spans = words.map((w) => span(text, w));
    expect(whyWords(text, spans)).toEqual(words.slice(0, WHY_MAX_WORDS));
    expect(whyWords(text, spans, { maxWords: 2 })).toEqual(['alpha', 'bravo']);
    expect(whyWords(text, spans, { maxLength: 3 })[0]).toBe('alp…');
  });
  it('reads the spans the matcher gives', () => {
    const ix = compile([set([T('a', ['alpha']), { id: 'e', leadsTo: ['a'], any: ['foxtrot'] }])]);
    const text = 'Alpha and\nfoxtrot; alpha again';
    const [p] = matchText(ix, text);
    expect(whyWords(text, p!.spans)).toEqual(['Alpha', 'foxtrot']);
  });
});
