/**
 * The second reading (core/matcher/reading.ts): how it reads words, that it holds a prompt back but
 * never lets another through, what it may raise (`raise`: one prompt, never sensitive, in a section the
 * phrases left alone, with the words that count most as why), that it has no opinion on a note too short to read, that protected
 * characteristics are never read, and that a note kept as it is edited reads as one read afresh.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, matchText, NoteMatch } from '../../../../core/matcher/index.ts';
import { CompactError, decodeIndex, encodeIndex } from '../../../../core/matcher/compact.ts';
import { featureKey, readWords, sentenceFeatures } from '../../../../core/matcher/reading.ts';
import { PromptSetSchema, type PromptSet, type ReadingModel } from '../../../../core/schema/prompt-set.ts';
import { crossCheckSet } from '../../../../core/prompt-sets/io.ts';
import { replayEdits, set, T } from './helpers.ts';

const words = (text: string): string[] => {
  const out: string[] = [];
  readWords(text, 0, text.length, (_h, stem) => out.push(stem), true);
  return out;
};

/** Two sections: "home" (read from "dirty", "cold house") and "talk" (from "told", "told teacher"). */
const model = (over: Partial<ReadingModel> = {}): ReadingModel => ({
  sections: ['home', 'talk'],
  prompts: { 'home-card': 'home', 'talk-card': 'talk' },
  hold: 0.5,
  holdCorroborated: 0.5,
  minWords: 4,
  maxChars: 10_000,
  scale: 1000,
  bias: [-1000, -1000],
  skip: ['muslim', 'disabl'],
  features: { dirty: '6000 -3000', 'cold house': '6000 -3000', told: '-3000 6000', 'told teacher': '-3000 6000' },
  ...over,
});
const withReading = (reading: ReadingModel): PromptSet => ({
  ...set([T('home-card', ['dirty', 'cold']), T('talk-card', ['told', 'said']), T('own-card', ['dirty'])]),
  version: 2,
  reading,
});
const shown = (s: PromptSet, text: string) => matchText(compile([s]), text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id).sort();

describe('how the reading reads words', () => {
  it('folds as the scanner does, drops apostrophes and numbers, and cuts one common suffix', () => {
    expect(words("Mum's flat was DIRTY; 12 visits, he's walking 4/6")).toEqual(['mum', 'flat', 'was', 'dirty', 'visit', 'he', 'walk']);
    expect(words('Café  naïve—told')).toEqual(['cafe', 'naive', 'told']);
    // a word keeps its ending unless four letters are left without it
    expect(words('bed beds seed needs')).toEqual(['bed', 'beds', 'seed', 'need']);
  });

  it('reads each word and each pair of neighbours, leaving out skipped words without breaking the pair', () => {
    const ix = compile([withReading(model())]);
    const r = ix.readings[0]!;
    const text = 'a cold house';
    const f = sentenceFeatures(r, text, 0, text.length);
    expect(f[0]).toBe(3); // words read
    const coldHouse = r.keys.indexOf(featureKey('cold house'));
    expect(coldHouse).toBeGreaterThanOrEqual(0);
    expect([...f.slice(1)]).toEqual([coldHouse]); // only "cold house" is a feature
    // a protected word is read as if it were not there: "cold Muslim house" reads as "cold house"
    const g = sentenceFeatures(r, 'a cold Muslim house', 0, 19);
    expect([...g.slice(1)]).toEqual([coldHouse]);
  });
});

describe('a very long sentence', () => {
  it('is read whole (every word and pair counted, however many)', () => {
    const ix = compile([withReading(model())]);
    const r = ix.readings[0]!;
    const text = 'dirty cold house '.repeat(400);
    const f = sentenceFeatures(r, text, 0, text.length);
    expect(f[0]).toBe(1200);
    const dirty = r.keys.indexOf(featureKey('dirty'));
    const coldHouse = r.keys.indexOf(featureKey('cold house'));
    expect(f.slice(1).filter((x) => x === dirty)).toHaveLength(400);
    expect(f.slice(1).filter((x) => x === coldHouse)).toHaveLength(400);
    expect(f.length).toBe(801);
  });
});

describe('holding a prompt back', () => {
  const text = 'Visit today. The flat was dirty again and the children were in the kitchen.';
  it('shows a prompt when the note reads like its section, and holds it back when it does not', () => {
    expect(shown(withReading(model()), text)).toEqual(['home-card', 'own-card']);
    // the same words, but a note that reads like the other section: "told" several times
    const other = 'She told me and told her teacher and told her nan. The flat was dirty.';
    expect(shown({ ...withReading(model()), reading: undefined }, other)).toEqual(['home-card', 'own-card', 'talk-card']);
    expect(shown(withReading(model()), other)).toEqual(['own-card', 'talk-card']);
  });

  it('without `raise`, never raises a prompt: a note that reads strongly like a section shows only what its phrases raised', () => {
    const strong = model({ bias: [9000, 9000] });
    expect(shown(withReading(strong), 'Nothing here mentions anything of the kind at all, really.')).toEqual([]);
  });

  it('never lets another prompt through: a held prompt keeps its place among the first maxPrompts', () => {
    // "dirty" twice (home-card, own-card) outranks "told" once; the note reads as "talk", so home-card is held
    const s = withReading(model({ features: { dirty: '0 0', told: '-3000 6000' } }));
    const text = 'The flat was dirty. The kitchen was dirty. She told me.';
    const ix = compile([s]);
    const off = matchText(ix, text, {}, { maxPrompts: 1, minShare: 0, reading: () => null }).map((p) => p.id);
    expect(off).toEqual(['home-card']);
    // with the reading, the one place stays home-card's, held: nothing shows, not talk-card or own-card
    expect(matchText(ix, text, {}, { maxPrompts: 1, minShare: 0 }).map((p) => p.id)).toEqual([]);
    // and with room for all, only home-card goes
    expect(matchText(ix, text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id).sort()).toEqual(['own-card', 'talk-card']);
  });

  it('has no opinion on a note shorter than minWords (nothing held back)', () => {
    const other = 'told, told: dirty';
    expect(shown(withReading(model({ minWords: 3 })), other)).toEqual(['own-card', 'talk-card']);
    expect(shown(withReading(model({ minWords: 4 })), other)).toEqual(['home-card', 'own-card', 'talk-card']);
  });

  it('has no opinion on a note longer than maxChars (a long record would drown a new concern)', () => {
    const other = 'She told me and told her teacher and told her nan. The flat was dirty.';
    expect(shown(withReading(model({ maxChars: other.length })), other)).toEqual(['own-card', 'talk-card']);
    expect(shown(withReading(model({ maxChars: other.length - 1 })), other)).toEqual(['home-card', 'own-card', 'talk-card']);
    // kept as it is edited: grows past the bound (no opinion), shrinks back (read again, the same as afresh)
    const ix = compile([withReading(model({ maxChars: other.length + 5 }))]);
    const note = new NoteMatch(ix);
    note.reset(other);
    const r = ix.readings[0]!;
    const before = note.reading(r);
    expect(before).not.toBeNull();
    note.update(other + ' And then more text.');
    expect(note.reading(r)).toBeNull();
    note.update(other);
    expect(note.reading(r)).toEqual(before);
  });

  it("reads only its own set's prompts", () => {
    const ix = compile([withReading(model()), { ...set([T('home-card', ['dirty'])], 'other'), version: 2 }]);
    const other = 'She told me and told her teacher and told her nan. The flat was dirty.';
    // the other set's trigger for the same card still raises it (alone, as the reading's set would hold it back)
    const home = matchText(ix, other, {}, { maxPrompts: 10, minShare: 0 }).find((p) => p.id === 'home-card');
    expect(home?.triggers).toContain('other/home-card');
    expect(shown(withReading(model()), other)).not.toContain('home-card');
  });

  it('survives the compact form', () => {
    const s = withReading(model());
    const ix = compile([s]);
    const loaded = decodeIndex(encodeIndex(ix, 'h', { texts: false }).slice(), 'h');
    expect(loaded.readings).toHaveLength(1);
    for (const t of [text, 'She told me and told her teacher and told her nan. The flat was dirty.', 'told dirty']) {
      expect(matchText(loaded, t).map((p) => p.id)).toEqual(matchText(ix, t).map((p) => p.id));
    }
  });
});

describe('raising a prompt (`raise`)', () => {
  /** "grubby" reads as home and is no phrase of any trigger; "shouted" ("shout") reads as talk. */
  const raising = (over: Partial<ReadingModel> = {}) =>
    model({
      raise: { at: 0.9, prompts: { home: 'home-card', talk: 'talk-card' } },
      features: { dirty: '6000 -3000', grubby: '6000 -3000', shout: '-3000 5000', 'grubby kitchen': '8000 -3000' },
      ...over,
    });
  const note = 'Visit today. The flat was grubby, the grubby kitchen again, and we sat in the front room.';
  const run = (s: PromptSet, text: string, options = {}) => matchText(compile([s]), text, {}, { maxPrompts: 3, minShare: 0, ...options });

  it('raises the section prompt the phrases did not, marked as read, with the words that count most as why', () => {
    const [p, ...rest] = run(withReading(raising()), note);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ id: 'home-card', read: true, triggers: ['t/second-reading'], gentle: false });
    // each word or pair at its first place, in the note's order
    expect(p!.spans.map((sp) => note.slice(sp.start, sp.end))).toEqual(['grubby', 'grubby kitchen']);
    // the strongest first ("grubby kitchen" outweighs "grubby"), and no word twice: "grubby" is inside it
    const two = 'The grubby kitchen again. Then the flat, grubby, the stairs, and the front room.';
    expect(run(withReading(raising()), two)[0]!.spans.map((sp) => two.slice(sp.start, sp.end))).toEqual(['grubby kitchen']);
  });

  it('raises nothing under `at`, under minWords, or without `raise`', () => {
    expect(run(withReading(raising({ raise: { at: 0.9999, prompts: { home: 'home-card' } } })), note)).toEqual([]);
    expect(run(withReading(raising({ minWords: 40 })), note)).toEqual([]);
    expect(run(withReading({ ...raising(), raise: undefined }), note)).toEqual([]);
    expect(run(withReading(raising()), note, { reading: () => null })).toEqual([]);
  });

  it('raises nothing in a section the phrases already raised, even a prompt not shown', () => {
    const withPhrase = `${note} It was cold.`; // "cold" raises home-card by its phrase
    const ps = run(withReading(raising()), withPhrase);
    expect(ps.map((p) => [p.id, p.read ?? false])).toEqual([['home-card', false]]);
    // held back by a dismissal, it is still the phrases' prompt: the reading does not put it back
    expect(run(withReading(raising()), withPhrase, { quiet: { 'home-card': Infinity } })).toEqual([]);
  });

  it('never raises a sensitive, switched-off, dismissed or snoozed prompt, nor one the place is full for', () => {
    expect(run({ ...withReading(raising()), sensitive: ['home-card'] }, note)).toEqual([]);
    expect(matchText(compile([withReading(raising())], { disabled: new Set(['home-card']) }), note)).toEqual([]);
    expect(run(withReading(raising()), note, { quiet: { 'home-card': Date.now() + 60_000 } })).toEqual([]);
    expect(run(withReading(raising()), note, { quiet: { 'home-card': Date.now() - 1 } }).map((p) => p.id)).toEqual(['home-card']);
    // the phrases' prompts come first: with one place and one of theirs, nothing is raised
    const told = `${note} She told me.`;
    expect(run(withReading(raising({ hold: 0, holdCorroborated: 0 })), told, { maxPrompts: 1 }).map((p) => [p.id, p.read ?? false])).toEqual([['talk-card', false]]);
    // a prompt the reading held back keeps its place: it is not given to a prompt the reading raises
    expect(run(withReading(raising()), told, { maxPrompts: 1 })).toEqual([]);
    expect(run(withReading(raising({ hold: 0, holdCorroborated: 0 })), told, { maxPrompts: 2 }).map((p) => [p.id, p.read ?? false])).toEqual([
      ['talk-card', false],
      ['home-card', true],
    ]);
  });

  it('raises nothing in a section the phrases found anything of: ruled out, or its prompt switched off', () => {
    // a trigger for own-card (section home) on "kitchen", ruled out by "coeliac" anywhere in the note
    const base = withReading(raising({ prompts: { 'home-card': 'home', 'talk-card': 'talk', 'own-card': 'home' } }));
    const s: PromptSet = { ...base, triggers: [...base.triggers, T('own-card', ['kitchen'], { id: 'kitchen', ruledOutBy: ['coeliac'] })] };
    expect(run(s, note).map((p) => p.id)).toEqual(['own-card']); // the phrases' own prompt
    expect(run(s, `${note} Coeliac disease explains it.`)).toEqual([]); // ruled out: the reading does not raise home-card instead
    // own-card switched off: its triggers' finds still cover the section, so nothing takes its place
    expect(matchText(compile([s], { disabled: new Set(['own-card']) }), note)).toEqual([]);
    // (the check can fail: with the section uncovered the reading raises)
    expect(run(withReading(raising()), note).map((p) => p.id)).toEqual(['home-card']);
  });

  it('raises nothing in a note holding a quiet phrase: office text, a note-wide exclusion, or `raise.quiet`', () => {
    expect(run({ ...withReading(raising()), exclude: ['training day'] }, `${note} Training day tomorrow.`)).toEqual([]);
    expect(run({ ...withReading(raising()), exclude: ['training day'] }, `${note} Nothing tomorrow.`).map((p) => p.id)).toEqual(['home-card']);
    expect(run(withReading(raising({ raise: { at: 0.9, prompts: { home: 'home-card' }, quiet: ['no concerns'] } })), `${note} No concerns.`)).toEqual([]);
    // stemmed as the reading reads: "no concern" keeps "no concerns" quiet too
    expect(run(withReading(raising({ raise: { at: 0.9, prompts: { home: 'home-card' }, quiet: ['no concern'] } })), `${note} No concerns.`)).toEqual([]);
  });

  it('raises nothing it cannot say why for: no word of the note counts towards the section on its own', () => {
    // "grubby" weighs as much for "talk" here: no margin, nothing to quote, so nothing raised
    const flat = raising({ features: { grubby: '6000 6000', kitchen: '6000 -3000' }, raise: { at: 0.5, prompts: { home: 'home-card' } } });
    expect(run(withReading(flat), 'The flat was grubby and grubby again, we sat in the front room today.')).toEqual([]);
    expect(run(withReading(flat), 'The kitchen was grubby and grubby again, we sat in the front room today.').map((p) => p.id)).toEqual(['home-card']);
  });

  it('raises nothing in an empty note, whatever minWords says', () => {
    for (const t of ['', '   ', '\r\n', '😀']) expect(run(withReading(raising({ minWords: 0, bias: [9000, -9000] })), t)).toEqual([]);
  });

  it('never quotes a protected characteristic: a pair the reading reads across a skipped word is not quoted', () => {
    const text = 'The flat was grubby Muslim kitchen and grubby stairs, and we sat in the front room.';
    const [p] = run(withReading(raising()), text);
    expect(p?.read).toBe(true);
    const quoted = p!.spans.map((sp) => text.slice(sp.start, sp.end));
    expect(quoted.join(' ')).not.toMatch(/Muslim/);
    expect(quoted).toEqual(['grubby']);
  });

  it('a set with `raise` may not have a trigger named as the reading reports', () => {
    const s = { ...withReading(raising()), triggers: [{ id: 'second-reading', leadsTo: ['home-card'], any: ['x'] }] };
    expect(crossCheckSet(s, new Set(['home-card']), '')).toContain(
      `triggers[0].id: "second-reading" is what a prompt the second reading raised reports; with reading.raise, choose another id`,
    );
    expect(crossCheckSet({ ...s, reading: undefined }, new Set(['home-card']), '')).toEqual([]);
  });

  it('raises nothing in a note a note-wide exclusion silenced', () => {
    expect(run({ ...withReading(raising()), excludeNote: ['all goals met'] }, `${note} All goals met.`)).toEqual([]);
  });

  it('raises one prompt at most: the section the note reads most like', () => {
    const both = 'The flat was grubby. He shouted and shouted and shouted at the grubby door, shouted again.';
    const ps = run(withReading(raising({ raise: { at: 0.5, prompts: { home: 'home-card', talk: 'talk-card' } } })), both);
    expect(ps.map((p) => p.id)).toEqual(['talk-card']);
  });

  it('survives the compact form, and a hostile header is refused', () => {
    const s = { ...withReading(raising()), exclude: ['training day'] };
    const ix = compile([s]);
    const loaded = decodeIndex(encodeIndex(ix, 'h', { texts: false }).slice(), 'h');
    expect(matchText(loaded, note)).toEqual(matchText(ix, note));
    expect(matchText(loaded, note)[0]?.read).toBe(true);
    expect(matchText(loaded, `${note} Training day.`)).toEqual([]);
    const bad = (over: Record<string, unknown>) => {
      const r = ix.readings[0]!;
      const hostile = { ...ix, readings: [{ ...r, ...over }] } as unknown as typeof ix;
      return () => decodeIndex(encodeIndex(hostile, 'h', { texts: false }).slice(), 'h');
    };
    expect(bad({ raisePrompt: ['talk-card', null] })).toThrow(CompactError); // not a prompt of that section
    expect(bad({ setId: 'Not An Id' })).toThrow(CompactError);
    expect(bad({ triggerSections: new Int32Array(1) })).toThrow(CompactError);
    expect(bad({ quiet: [new Int32Array(0)] })).toThrow(CompactError);
  });

  it('refuses a raise prompt of another section, and a sensitive one with a clear error', () => {
    const bad = PromptSetSchema.safeParse(withReading(raising({ raise: { at: 0.9, prompts: { home: 'talk-card' } } })));
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('raise must name, per section, a prompt of that section');
    expect(crossCheckSet({ ...withReading(raising()), sensitive: ['home-card'] }, new Set(), '')).toContain(
      `reading.raise.prompts.home: "home-card" is a sensitive prompt, which needs two signals of the set's own phrases: the reading cannot raise it`,
    );
    expect(crossCheckSet(withReading(raising()), new Set(['home-card', 'talk-card', 'own-card']), '')).toEqual([]);
  });
});

describe('a note kept as it is edited reads as one read afresh', () => {
  it('words reads a possessive as the word ("mum\'s" is "mum"), a contraction whole', () => {
    expect(words("mum's flat, the child's coat, don't, James' bag, Mum’s")).toEqual(['mum', 'flat', 'the', 'child', 'coat', 'dont', 'jame', 'bag', 'mum']);
  });
  const vocab = ['dirty', 'cold', 'house', 'told', 'teacher', 'Muslim', 'disabled', 'the', '.', '. ', '\n', ' ', '12', "'s"];
  const textArb = fc.array(fc.constantFrom(...vocab), { maxLength: 40 }).map((xs) => xs.join(' '));
  const edit = fc.record({ pos: fc.nat(), del: fc.nat({ max: 10 }), ins: fc.array(fc.constantFrom(...vocab), { maxLength: 4 }).map((x) => x.join(' ')) });
  // minWords and maxChars small enough for random edits to cross them both ways
  it.each([
    [0, 10_000],
    [3, 60],
  ])('property: random edits (minWords %i, maxChars %i)', (minWords, maxChars) => {
    const ix = compile([withReading(model({ minWords, maxChars }))]);
    const r = ix.readings[0]!;
    fc.assert(
      fc.property(textArb, fc.array(edit, { maxLength: 10 }), (start, edits) =>
        replayEdits(ix, start, edits, (note, fresh) => expect(note.reading(r)).toEqual(fresh.reading(r)), (note) => void note.reading(r)),
      ),
      { numRuns: 300 },
    );
  });
});

describe('a set whose reading does not fit is refused with a clear error', () => {
  it.each([
    ['bias', { bias: [1] }, 'bias must give one number per section'],
    ['weights', { features: { dirty: '1 2 3' } }, 'every feature must give one weight per section'],
    ['numbers', { features: { dirty: '1 two' } }, 'whole numbers separated by spaces'],
    ['sections', { prompts: { 'home-card': 'elsewhere' } }, 'every prompt must map to one of its sections'],
  ])('%s', (_name, over, message) => {
    const r = PromptSetSchema.safeParse(withReading(model(over as Partial<ReadingModel>)));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });
  it('and accepted when it fits', () => {
    expect(PromptSetSchema.safeParse(withReading(model())).success).toBe(true);
  });
});
