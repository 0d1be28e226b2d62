/**
 * The compact form: loading it gives the same matches as a fresh compile (property over random sets
 * and texts, and the built-in set over every corpus note), and a buffer from another engine version
 * or other sets, or a damaged one, is rejected whole.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, matchText } from '../../../../core/matcher/index.ts';
import { CompactError, decodeIndex, encodeIndex, ENGINE_VERSION, fromBase64, setsHash, toBase64 } from '../../../../core/matcher/compact.ts';
import type { PromptSet, Trigger } from '../../../../core/schema/prompt-set.ts';
import { defaultSet, loadCases, repo } from '../../../relevance/score.ts';

const WORDS = ['neglect', 'not', 'seen', 'alone', 'mum', 'disclosed', 'if', 'ago', 'police', 'missing', 'overnight', 'training', 'day', 'partner', 'lied', 'the', 'nfa', 's47', 'section', '47', '.', 'no', 'concerns'];
const word = fc.constantFrom(...WORDS);
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.filter((x) => x !== '.').join(' ') || 'neglect');
const trigger = (i: number) =>
  fc.record({
    any: fc.array(phrase, { minLength: 1, maxLength: 3 }),
    all: fc.option(fc.array(fc.array(phrase, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    not: fc.option(fc.array(phrase, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    ruledOutBy: fc.option(fc.array(phrase, { minLength: 1, maxLength: 1 }), { nil: undefined }),
    window: fc.constantFrom<Trigger['window']>(undefined, 'sentence', 'note', { words: 3 }),
    negated: fc.constantFrom<Trigger['negated']>(undefined, 'show', 'soften', 'ignore', 'only'),
    historical: fc.constantFrom<Trigger['historical']>(undefined, 'ignore'),
    experiencer: fc.constantFrom<Trigger['experiencer']>(undefined, 'child'),
  }).map((r): Trigger => {
    const t: Trigger = { id: `t${i}`, leadsTo: [`p${i % 4}`], any: r.any };
    if (r.all) t.all = r.all;
    if (r.not) t.not = r.not;
    if (r.ruledOutBy) t.ruledOutBy = r.ruledOutBy;
    if (r.window) t.window = r.window;
    if (r.negated) t.negated = r.negated;
    if (r.historical) t.historical = r.historical;
    if (r.experiencer) t.experiencer = r.experiencer;
    return t;
  });
const setArb = fc
  .tuple(
    ...Array.from({ length: 6 }, (_, i) => trigger(i)),
    fc.option(fc.array(phrase, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    fc.option(fc.array(phrase, { minLength: 1, maxLength: 1 }), { nil: undefined }),
  )
  .map(([...rest]): PromptSet => {
    const excludeNote = rest.pop() as string[] | undefined;
    const exclude = rest.pop() as string[] | undefined;
    return { format: 'practice-prompts/prompt-set', version: 2, id: 'r', name: 'R', triggers: rest as Trigger[], ...(exclude ? { exclude } : {}), ...(excludeNote ? { excludeNote } : {}) };
  });

const roundTrip = (sets: PromptSet[]) => {
  const hash = setsHash(sets);
  return decodeIndex(fromBase64(toBase64(encodeIndex(compile(sets), hash))), hash);
};

describe('the compact form matches a fresh compile', () => {
  it('property: random sets and texts', () => {
    fc.assert(
      fc.property(setArb, fc.array(word, { maxLength: 40 }), (set, words) => {
        const text = words.join(' ');
        const fresh = compile([set]);
        const loaded = roundTrip([set]);
        expect(matchText(loaded, text, {}, { maxPrompts: 10, minShare: 0 })).toEqual(matchText(fresh, text, {}, { maxPrompts: 10, minShare: 0 }));
      }),
      { numRuns: 200 },
    );
  });

  it('the built-in set, on every corpus note', () => {
    const set = defaultSet();
    const fresh = compile([set]);
    const loaded = roundTrip([set]);
    const dir = join(repo, 'tests/relevance');
    const cases = [...readdirSync(join(dir, 'dev')).map((f) => join(dir, 'dev', f)), join(dir, 'published-samples.json')].flatMap((p) => loadCases(p));
    expect(cases.length).toBeGreaterThan(500);
    for (const c of cases) expect(matchText(loaded, c.text)).toEqual(matchText(fresh, c.text));
  });
});

describe("a page's form leaves the set's text in the background", () => {
  it('gives the same matches, with no phrase texts, and is smaller', () => {
    const set = defaultSet();
    const hash = setsHash([set]);
    const fresh = compile([set]);
    const full = encodeIndex(fresh, hash);
    const bytes = encodeIndex(fresh, hash, { texts: false });
    expect(bytes.length).toBeLessThan(full.length - 100_000);
    const page = decodeIndex(bytes, hash);
    expect(page.phraseText).toEqual([]);
    const dir = join(repo, 'tests/relevance');
    const cases = readdirSync(join(dir, 'dev')).flatMap((f) => loadCases(join(dir, 'dev', f)));
    let shown = 0;
    for (const c of cases) {
      const want = matchText(fresh, c.text).map((m) => ({ ...m, spans: m.spans.map((s) => ({ ...s, phrase: '' })) }));
      const got = matchText(page, c.text);
      expect(got).toEqual(want);
      shown += got.length;
    }
    expect(shown).toBeGreaterThan(500);
  });
});

describe('a compact form that does not fit is rejected whole', () => {
  const set = defaultSet();
  const hash = setsHash([set]);
  const bytes = encodeIndex(compile([set]), hash);

  it('accepts its own', () => {
    expect(decodeIndex(bytes, hash).triggers.length).toBeGreaterThan(10);
  });
  it('another engine version', () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, ENGINE_VERSION + 1, true);
    expect(() => decodeIndex(other, hash)).toThrow(CompactError);
  });
  it('other sets (hash)', () => {
    expect(() => decodeIndex(bytes, setsHash([{ ...set, name: 'changed' }]))).toThrow(/other prompt sets/);
  });
  it('truncated, or not an index at all', () => {
    expect(() => decodeIndex(bytes.slice(0, bytes.length >> 1), hash)).toThrow(CompactError);
    expect(() => decodeIndex(new TextEncoder().encode('{"hello": "world"}'), hash)).toThrow(CompactError);
    expect(() => decodeIndex(new Uint8Array(0))).toThrow(CompactError);
  });
  it('a second reading whose header is not what this engine writes (hold above 1, a prompt beyond its sections, a cut tail)', () => {
    const withHeader = (edit: (h: { readings: Record<string, unknown>[] }) => void): Uint8Array => {
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const len = view.getUint32(8, true);
      const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as { readings: Record<string, unknown>[] };
      expect(header.readings).toHaveLength(1);
      edit(header);
      // same length, so the arrays stay where they were: pad the JSON with spaces
      const json = new TextEncoder().encode(JSON.stringify(header).padEnd(len, ' '));
      expect(json.length).toBe(len);
      const out = bytes.slice();
      out.set(json, 12);
      return out;
    };
    expect(decodeIndex(withHeader(() => undefined), hash).readings).toHaveLength(1);
    expect(() => decodeIndex(withHeader((h) => (h.readings[0]!.hold = 5)), hash)).toThrow(CompactError);
    expect(() => decodeIndex(withHeader((h) => (h.readings[0]!.prompts = [['x', 99]])), hash)).toThrow(CompactError);
    expect(() => decodeIndex(withHeader((h) => (h.readings[0]!.features = 9999)), hash)).toThrow(CompactError);
  });
  it('the hash changes with the sets and with nothing else', () => {
    expect(setsHash([set])).toBe(hash);
    expect(setsHash([{ ...set, triggers: set.triggers.slice(1) }])).not.toBe(hash);
  });
  it('base64 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(fromBase64(toBase64(b))).toEqual(b);
      }),
    );
  });
});
