import { describe, expect, it } from 'vitest';
import { buildFormTable, formClass, splitWord, SUFFIX_COUNT } from '../../../../core/matcher/forms.ts';
import { surfaceForms } from '../../../../core/text/inflect.ts';

describe('splitSuffix', () => {
  it.each([
    ['referred', 'refer'],
    ['referral', 'refer'],
    ['referring', 'refer'],
    ['admitted', 'admit'],
    ['travelling', 'travel'],
    ['neglected', 'neglect'],
    ['neglectful', 'neglect'],
    ['organisations', 'organis'],
    ['behaviours', 'behaviour'],
    ['is', 'is'],
    ['as', 'as'],
    ['cares', 'car'], // "es": a stem is not a word, only half of a key
    ['care', 'care'],
    ['café', 'café'],
  ])('%s → stem %s', (word, stem) => {
    expect(splitWord(word).stem).toBe(stem);
  });

  it('is one-to-one: the stem and suffix give back the word', () => {
    // what makes the stem table exact: two different words never share a stem and a suffix
    const seen = new Map<string, string>();
    const words = ['neglect', 'refer', 'admit', 'disclose', 'behaviour', 'organise', 'supervise', 'worry', 'kill', 'travel', 'care', 'car', 'bar', 'barred', 'bared'];
    for (const w of words) for (const f of surfaceForms(w, false)) {
      const { stem, suffix } = splitWord(f);
      const key = `${stem}|${suffix}`;
      expect(seen.get(key) ?? f).toBe(f);
      seen.set(key, f);
    }
    expect(SUFFIX_COUNT).toBeLessThanOrEqual(64);
  });
});

describe('the stem table', () => {
  // every generated form of some real words, plus random strings, each with a random class
  const rnd = (() => {
    let seed = 7;
    return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  })();
  const forms = new Map<string, number>();
  const real = ['neglect', 'disclose', 'refer', 'admit', 'supervise', 'behaviour', 'worry', 'escalate', 'bruise', 'hurt'];
  real.forEach((w, i) => {
    for (const f of surfaceForms(w, false)) forms.set(f, i);
  });
  const letters = 'abcdeilnorstuyz';
  const randomWord = () => {
    let f = '';
    const n = 2 + Math.floor(rnd() * 10);
    for (let j = 0; j < n; j++) f += letters[Math.floor(rnd() * letters.length)];
    return f;
  };
  for (let k = 0; k < 3000; k++) forms.set(randomWord(), 10 + Math.floor(rnd() * 70_000));
  forms.set('x'.repeat(60) + 'ing', 3); // longer than the scanner keeps: looked up whole
  const table = buildFormTable(forms);

  it('gives every form exactly its class', () => {
    for (const [f, cls] of forms) expect(formClass(table, f), f).toBe(cls);
    // classes above 65,535 keep four bytes
    expect(table.entryClass).toBeInstanceOf(Int32Array);
  });

  it('knows nothing of other strings', () => {
    let checked = 0;
    for (let k = 0; k < 5000; k++) {
      const f = randomWord();
      if (forms.has(f)) continue;
      checked++;
      expect(formClass(table, f), f).toBe(-1);
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('holds far fewer stems than forms', () => {
    const realForms = real.flatMap((w) => surfaceForms(w, false));
    expect(realForms.length).toBeGreaterThan(200);
    const realStems = new Set(realForms.map((f) => splitWord(f).stem)).size;
    expect(realStems * 4).toBeLessThan(realForms.length);
    expect(table.entryStart.length - 1).toBeLessThan(forms.size);
  });
});
