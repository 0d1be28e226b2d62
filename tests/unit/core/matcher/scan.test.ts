/** Scanning sentences: combinations, windows, exclusions, negation, contractions; linear time. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, matchText, NoteMatch, type CompiledIndex } from '../../../../core/matcher/index.ts';
import type { Trigger } from '../../../../core/schema/prompt-set.ts';
import { foldWords } from '../../../../core/text/fold.ts';
import { ids, set, T } from './helpers.ts';

describe('combinations, windows and exclusions', () => {
  const ix = compile([
    set([
      T('sentence', ['disclosure'], { all: [['nfa']] }),
      T('near', ['behaviour'], { all: [['adhd', 'autism']], window: { words: 6 } }),
      T('note', ['allegation'], { all: [['retracted']], window: 'note' }),
      T('excl', ['missing'], { not: ['missing persons form'] }),
    ]),
  ]);
  it.each([
    ['Disclosure made; NFA agreed.', ['sentence']],
    ['Disclosure made. NFA agreed.', []],
    ['her behaviour is put down to ADHD', ['near']],
    ['behaviour was noted at school during many long days of term, and she has ADHD', []],
    ['She made an allegation. Two weeks later she retracted it.', ['note']],
    ['He went missing overnight', ['excl']],
    ['Completed the missing persons form', []],
  ])('%s', (text, expected) => {
    expect(ids(ix, text)).toEqual(expected);
  });
});

describe('negation', () => {
  const ix = compile([
    set([T('soft', ['neglect'], { negated: 'soften' }), T('show', ['disclosure'], { negated: 'show' }), T('ign', ['bruising'], { negated: 'ignore' })]),
  ]);
  it('softens "no concerns re neglect"', () => {
    const [p] = matchText(ix, 'No concerns re neglect');
    expect(p?.id).toBe('soft');
    expect(p?.gentle).toBe(true);
    const [q] = matchText(ix, 'Concerns about neglect');
    expect(q?.gentle).toBe(false);
    expect(q!.score).toBeGreaterThan(p!.score);
  });
  it('shows "no disclosure" (the pattern itself)', () => {
    const [p] = matchText(ix, 'There has been no disclosure');
    expect(p?.id).toBe('show');
    expect(p?.gentle).toBe(false);
  });
  it('ignores negated matches when asked', () => {
    expect(ids(ix, 'No bruising seen')).toEqual([]);
    expect(ids(ix, 'Bruising seen on arm')).toEqual(['ign']);
  });
});

describe('contractions and negation-only triggers', () => {
  it("weren't told matches the phrase 'not told'; didn't tell matches 'didn't tell'", () => {
    const ix = compile([set([T('told', ['not told']), T('tell', ["didn't tell"])])]);
    expect(ids(ix, 'School weren’t told about the move')).toEqual(['told']);
    expect(ids(ix, "school weren't told")).toEqual(['told']);
    expect(ids(ix, 'She didn’t tell anyone')).toEqual(['tell']);
    expect(ids(ix, 'School were told')).toEqual([]);
    expect(foldWords("can't go")).toEqual(['cant', 'not', 'go']);
  });
  it('negated "only" fires only when the phrase is negated', () => {
    const ix = compile([set([T('door', ['let me in'], { negated: 'only' })])]);
    expect(ids(ix, 'Mum answered the door and let me in.')).toEqual([]);
    expect(ids(ix, 'Mum would not let me in.')).toEqual(['door']);
    expect(ids(ix, "Dad wouldn't let me in.")).toEqual(['door']);
  });
});

describe('no pathological matching', () => {
  /**
   * Work is counted, not timed (a timed budget fails on a loaded machine): every read of the compiled
   * index's arrays goes through a counter, and the count must grow linearly with the text.
   */
  function counting(ix: CompiledIndex): { ix: CompiledIndex; reads: () => number } {
    let reads = 0;
    const out: Record<string, unknown> = { ...ix };
    for (const [k, v] of Object.entries(ix)) {
      if (!ArrayBuffer.isView(v)) continue;
      out[k] = new Proxy(v, {
        get(target, key) {
          if (typeof key === 'string' && key.length && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) reads++;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }
    return { ix: out as unknown as CompiledIndex, reads: () => reads };
  }

  it('10,000 triggers sharing prefixes against adversarial texts: work grows linearly with the text', () => {
    const triggers: Trigger[] = [];
    for (let i = 0; i < 10_000; i++) triggers.push(T(`t${i}`, [`a a a a a a a ${'a'.repeat(1 + (i % 40))}`, `aaa${i}`]));
    const compiled = compile([set(triggers)]);
    const shapes: ((n: number) => string)[] = [
      (n) => 'a'.repeat(n),
      (n) => 'a '.repeat(n / 2),
      (n) => ('a a a a a a a ' + 'a'.repeat(20) + ' ').repeat(n / 35),
      (n) => 'aaa1 '.repeat(n / 5),
      (n) => 'aaa1. '.repeat(n / 6),
    ];
    const { ix, reads } = counting(compiled);
    matchText(ix, 'warm up'); // the scanner's per-index tables are built once, then cached
    for (const shape of shapes) {
      const work = (n: number): number => {
        const before = reads();
        const r = matchText(ix, shape(n), {}, { maxPrompts: 3 });
        expect(r.length).toBeLessThanOrEqual(3);
        return reads() - before;
      };
      const small = work(4_200);
      const large = work(16_800);
      // the counter sees the work: a text that matches reads the index
      expect(small).toBeGreaterThan(0);
      // four times the text, at most about four times the work; and a bounded amount per character
      expect(large / small).toBeLessThan(4.6);
      expect(large / 16_800).toBeLessThan(400);
    }
  });

  it('the counter would catch quadratic work', () => {
    // the same measure on a deliberately quadratic loop over an index array
    const ix = compile([set([T('a', ['a'])])]);
    const { ix: counted, reads } = counting(ix);
    const quadratic = (n: number) => {
      const before = reads();
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) void counted.formFlags[0];
      return reads() - before;
    };
    expect(quadratic(400) / quadratic(100)).toBeGreaterThan(4.6);
  });
});

describe('phrase lookup', () => {
  // Longer phrases are indexed under one pair of adjacent words, shorter ones under their word: the
  // prompts found must be exactly those a naive search of each sentence's words finds.
  const VOCAB = ['river', 'stone', 'garden', 'window', 'pencil', 'orange', 'ladder', 'kettle'];
  const phrase = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 4 });
  it('property: multi-word phrases are found wherever they occur, and only there', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...VOCAB, '.'), { maxLength: 50 }), (phrases, words) => {
        const ix = compile([set(phrases.map((p, i) => T(`p${i}`, [p.join(' ')])))]);
        const sentences = words.join(' ').split('.').map((x) => x.trim().split(/\s+/).filter(Boolean));
        const contains = (ws: string[], p: string[]) => ws.some((_, i) => p.every((w, j) => ws[i + j] === w));
        const expected = phrases.map((p, i) => (sentences.some((ws) => contains(ws, p)) ? `p${i}` : '')).filter(Boolean).sort();
        expect(new Set(matchText(ix, words.join(' '), {}, { maxPrompts: 100, minShare: 0 }).map((m) => m.id))).toEqual(new Set(expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('where a full stop ends a sentence, and dates', () => {
  const s = set([T('alone', ['not seen alone']), T('defensive', ['felt defensive'], { all: [['dad']] }), T('sw', ['6 sw', 'six sw']), T('teen', ['15'], { all: [['missing']] })]);
  const found = (text: string) => matchText(compile([s]), text, {}, { maxPrompts: 10, minShare: 0 }).map((m) => m.id);
  const sentences = (text: string) => {
    const n = new NoteMatch(compile([s]));
    n.reset(text);
    return n.getSentences().map((x) => text.slice(x.start, x.end).trim());
  };
  it('shorthand followed by a lower-case word runs on ("after 1 mtg. felt defensive"); a capital starts a new sentence', () => {
    expect(found('Dad after 1 mtg. felt defensive.')).toEqual(['defensive']);
    expect(found('Dad came to 1 mtg. Felt defensive about it.')).toEqual([]);
    expect(found('Dad came to the meeting. felt defensive.')).toEqual([]);
  });
  it('a title never ends a sentence', () => {
    expect(sentences('Met Mr. Hale and Dr. Shah today. Next visit Friday.')).toEqual(['Met Mr. Hale and Dr. Shah today.', 'Next visit Friday.']);
  });
  it('a full stop inside a closing quote ends the sentence', () => {
    expect(sentences("She said 'he hits me.' On the visit all was calm.")).toEqual(["She said 'he hits me.", "' On the visit all was calm."]);
    expect(sentences('She said "fine." Then left.')).toEqual(['She said "fine.', '" Then left.']);
  });
  it('the numbers of a date or decimal count for nothing ("4/6" is not six of anything, "15/10" is not fifteen)', () => {
    expect(found('Visit with 6 SW present.')).toEqual(['sw']);
    expect(found('Visit 4/6 SW student present.')).toEqual([]);
    expect(found('Tyler (15) missing overnight.')).toEqual(['teen']);
    expect(found('Chronology 15/10 missing overnight, found by police.')).toEqual([]);
    expect(found('On 3.5.25 missing overnight, 15 in June.')).toEqual(['teen']);
  });
});
