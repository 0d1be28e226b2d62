/** What a prompt set compiles to: phrases, surface forms and synonyms (seen through matching). */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../../core/matcher/index.ts';
import { ids, set, T } from './helpers.ts';

describe('phrases', () => {
  const ix = compile([
    set([
      T('strategy', ['strategy meeting']),
      T('s47', ['section 47 enquiry']),
      T('abe', ['ABE interview']),
      T('nfa', ['no further action']),
      T('seen', ['not seen alone', 'not seen on own']),
      T('cse', ['CSE']),
    ]),
  ]);
  it.each([
    ['Strategy meeting held today', ['strategy']],
    ['strategy\n  meetings', []], // a line break ends the sentence
    ['strategy   meetings were held', ['strategy']],
    ['Strategy-meeting', ['strategy']],
    ['S47 enquiry started', ['s47']],
    ['s.47 enquiries', ['s47']],
    ['Section 47 Enquiry', ['s47']],
    ['achieving best evidence interview', ['abe']],
    ['NFA', ['nfa']],
    ['agreed no further action', ['nfa']],
    ['child was not seen on her own', ['seen']],
    ['at risk of child sexual exploitation', ['cse']],
    ['meeting about strategy', []],
  ])('%s', (text, expected) => {
    expect(ids(ix, text).sort()).toEqual([...expected].sort());
  });
});

describe('engine fixes from tuning the default set', () => {
  it('never turns four/hour/your/for into other words', () => {
    const ix = compile([set([T('four', ['four']), T('hour', ['hour']), T('behaviour', ['behaviour']), T('color', ['color'])])]);
    expect(ids(ix, 'Thanks for the update, see you in an hor')).toEqual([]);
    expect(ids(ix, 'colour and behavior').sort()).toEqual(['behaviour', 'color']);
  });
  it('acronym synonyms match their plural', () => {
    const ix = compile([set([T('sw', ['social worker'])])]);
    expect(ids(ix, 'two SWs visited')).toEqual(['sw']);
    expect(ids(ix, 'the SW visited')).toEqual(['sw']);
  });
  it('not-lists apply to the whole sentence, also with a word window', () => {
    const ix = compile([set([T('w', ['neglect'], { all: [['home']], window: { words: 2 }, not: ['training'] })])]);
    expect(ids(ix, 'neglect at home')).toEqual(['w']);
    expect(ids(ix, 'neglect at home was the subject of the training on Friday')).toEqual([]);
  });
});
