/**
 * Version 2 of the trigger language: concept groups, set-wide exclusions, sensitive prompts that
 * need two signals, set defaults, and the ConText attributes (negation, hypothetical, historical,
 * experiencer) used per trigger. Each behaviour is shown firing first, then held back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, matchText, NoteMatch, rank } from '../../../../core/matcher/index.ts';
import { distinctGroups, migratePromptSet, type PromptSet, type Trigger } from '../../../../core/schema/prompt-set.ts';
import { checkSet, parseImport } from '../../../../core/prompt-sets/io.ts';

const set = (triggers: Trigger[], extra: Partial<PromptSet> = {}): PromptSet => ({
  format: 'practice-prompts/prompt-set',
  version: 2,
  id: 't',
  name: 'Test',
  triggers,
  ...extra,
});
const T = (id: string, any: string[], extra: Partial<Trigger> = {}): Trigger => ({ id, leadsTo: [id], any, ...extra });
const ids = (s: PromptSet, text: string) => matchText(compile([s]), text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id);

/**
 * Typing a silencing phrase into a note and taking it out again, keystroke path (running totals):
 * shown before, nothing while the phrase is there, shown again after.
 */
function typedInAndOut(s: PromptSet, [before, withPhrase, after]: [string, string, string], id: string): void {
  const ix = compile([s]);
  const note = new NoteMatch(ix);
  const shown = () => rank(ix, note.totals(), {}, { minShare: 0 }).map((p) => p.id);
  note.reset(before);
  expect(shown()).toEqual([id]);
  note.update(withPhrase);
  expect(shown()).toEqual([]);
  note.update(after);
  expect(shown()).toEqual([id]);
}

describe('concept groups ("@name")', () => {
  const s = set([T('missing', ['@missing'], { all: [['@night']] })], {
    concepts: { missing: ['went missing', "didn't come home", 'MFH'], night: ['overnight', 'all night'] },
  });
  it.each([
    ['She went missing overnight again.', ['missing']],
    ["Kayla didn't come home all night.", ['missing']],
    ['MFH overnight, returned by police.', ['missing']],
    ['She went missing for an hour after school.', []],
  ])('%s', (text, expected) => expect(ids(s, text)).toEqual(expected));

  it('an unknown concept is a plain-words problem, with its path', () => {
    const r = checkSet(set([T('a', ['@nope'])]), new Set(['a']), new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain('triggers[0].any[0]: "@nope" names no concept of this set (add it under "concepts")');
  });

  it('a concept naming another concept is a problem (it would be dropped when compiled), with its path', () => {
    const nested = { ...set([T('a', ['@outer'])]), concepts: { inner: ['went missing'], outer: ['overnight', '@inner'] } };
    const r = checkSet(nested, new Set(['a']), new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(['concepts.outer[1]: "@inner" names a concept inside a concept, which is not read: list that concept\'s phrases here instead']);
    // listed out, the same set is fine
    expect(checkSet({ ...nested, concepts: { inner: ['went missing'], outer: ['overnight', 'went missing'] } }, new Set(['a']), new Set()).ok).toBe(true);
  });
});

describe('set-wide exclusions', () => {
  const s = set([T('neglect', ['neglect']), T('missing', ['went missing'])], { exclude: ['training day', 'e-learning'] });
  it('an ordinary sentence fires', () => {
    expect(ids(s, 'Concerns about neglect at home.')).toEqual(['neglect']);
  });
  it('a sentence with an exclusion fires none of the set, and the next sentence still can', () => {
    expect(ids(s, 'Neglect training day booked for the team.')).toEqual([]);
    expect(ids(s, 'Neglect e-learning due Friday. Lily went missing on Sunday.')).toEqual(['missing']);
  });
  it('acts per set: another set is not silenced', () => {
    const other: PromptSet = { ...set([T('other', ['neglect'])]), id: 'other' };
    const ix = compile([s, other]);
    expect(matchText(ix, 'Neglect training day booked.', {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id)).toEqual(['other']);
  });
});

describe('note-wide exclusions (excludeNote)', () => {
  const s = set([T('neglect', ['neglect']), T('moved', ['family moved'])], { excludeNote: ['all goals met', 'closed by agreement'] });
  it('without one, the note fires', () => {
    expect(ids(s, 'Case closure summary. Family moved in July. Neglect was discussed.')).toEqual(['moved', 'neglect']);
  });
  it('one anywhere in the note silences every prompt of the set, before or after the concern', () => {
    expect(ids(s, 'Case closure summary. Family moved in July. Neglect was discussed. All goals met.')).toEqual([]);
    expect(ids(s, 'Closed by agreement. The family moved in July and neglect was not an issue.')).toEqual([]);
  });
  it('a negated one does not count ("not all goals met")', () => {
    expect(ids(s, 'Family moved in July. Not all goals met, so the plan stays open.')).toEqual(['moved']);
  });
  it('acts per set: another set is not silenced', () => {
    const other: PromptSet = { ...set([T('other', ['family moved'])]), id: 'other' };
    expect(matchText(compile([s, other]), 'Family moved. All goals met.', {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id)).toEqual(['other']);
  });
  it('typed in and taken out again, a note comes back as a full scan reads it', () => {
    typedInAndOut(s, ['Family moved in July.', 'Family moved in July. All goals met.', 'Family moved in July. All goals.'], 'moved');
  });
  it('an unknown concept in it is a problem, with its path', () => {
    const r = checkSet(set([T('a', ['x'])], { excludeNote: ['@nope'] }), new Set(['a']), new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain('excludeNote[0]: "@nope" names no concept of this set (add it under "concepts")');
  });
});

describe('ruledOutBy: a concern ruled out anywhere in the note', () => {
  const weight = (extra: Partial<Trigger> = {}) => T('weight', ['weight loss'], extra);
  const lines = (extra: Partial<Trigger> = {}) => T('lines', ['county lines'], { window: 'note', ...extra });
  it('without it, the concern fires whatever the next sentence says', () => {
    expect(ids(set([weight(), lines()]), 'School queried weight loss. GP confirms coeliac disease. County lines was raised; police checks show no intelligence.')).toEqual(['weight', 'lines']);
  });
  it('with it, a phrase before or after, in another sentence, silences the trigger (sentence or note window)', () => {
    const s = set([weight({ ruledOutBy: ['coeliac'] }), lines({ ruledOutBy: ['no intelligence'] })]);
    expect(ids(s, 'School queried weight loss. GP confirms coeliac disease.')).toEqual([]);
    expect(ids(s, 'Coeliac disease diagnosed in May. School queried weight loss.')).toEqual([]);
    expect(ids(s, 'Worried about county lines. Police checks show no intelligence.')).toEqual([]);
    // only its own trigger: the other concern still shows
    expect(ids(s, 'School queried weight loss. Police checks show no intelligence.')).toEqual(['weight']);
  });
  it('incremental: typed in, then deleted, the note reads as a full scan does', () => {
    typedInAndOut(set([weight({ ruledOutBy: ['coeliac'] })]), ['School queried weight loss.', 'School queried weight loss. GP says coeliac.', 'School queried weight loss. GP says.'], 'weight');
  });
  it('an unknown concept in it is a problem, with its path', () => {
    const r = checkSet(set([weight({ ruledOutBy: ['@nope'] })]), new Set(['weight']), new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.includes('ruledOutBy[0]') && p.includes('@nope'))).toBe(true);
  });
});

describe('sensitive prompts need two independent signals', () => {
  const sensitive = { sensitive: ['deception'] };
  it('a single-signal trigger never reaches a sensitive prompt', () => {
    const s = set([T('single', ['lied'], { leadsTo: ['deception', 'plain'] })], sensitive);
    expect(ids(s, 'Mum lied about the new partner.')).toEqual(['plain']);
  });
  it('a two-group trigger fires only with both', () => {
    const s = set([T('two', ['lied', 'covered up'], { leadsTo: ['deception'], all: [['partner', 'boyfriend']] })], sensitive);
    expect(ids(s, 'Mum lied about the new partner.')).toEqual(['deception']);
    expect(ids(s, 'Mum lied about the school run.')).toEqual([]);
  });
  it('groups that share a phrase count once', () => {
    expect(distinctGroups({ any: ['lied', 'covered up'], all: [['lied', 'partner']] })).toBe(1);
    expect(distinctGroups({ any: ['lied'], all: [['partner']] })).toBe(2);
    const s = set([T('fake', ['lied'], { leadsTo: ['deception'], all: [['lied', 'partner']] })], sensitive);
    expect(ids(s, 'She lied and lied again.')).toEqual([]);
  });
  it('check-set explains a sensitive trigger with one signal', () => {
    const r = checkSet(set([T('single', ['lied'], { leadsTo: ['deception'] })], sensitive), new Set(['deception']), new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/needs two independent signals/);
  });
});

describe('ConText attributes, per trigger', () => {
  it('experiencer "child": an adult named just before the phrase is its subject', () => {
    const any = T('disclosure', ['disclosed']);
    const child = T('disclosure', ['disclosed'], { experiencer: 'child' });
    expect(ids(set([any]), 'Mum disclosed that she is pregnant.')).toEqual(['disclosure']);
    expect(ids(set([child]), 'Mum disclosed that she is pregnant.')).toEqual([]);
    expect(ids(set([child]), 'Mum said that Lily disclosed her uncle touched her.')).toEqual(['disclosure']);
    expect(ids(set([child]), 'Lily disclosed to mum that he hit her.')).toEqual(['disclosure']);
  });
  it('experiencer "child": an adult further back is the subject only while the clause runs on', () => {
    const carry = (extra: Partial<Trigger> = {}) => T('carry', ['carrying'], { all: [['knife']], window: { words: 4 }, ...extra });
    const withdrawn = (extra: Partial<Trigger> = {}) => T('withdrawn', ['more withdrawn'], extra);
    // without the attribute, all of these fire: the words are there
    for (const text of ['Dad arrested in town for carrying a knife.', 'Ms Hale has been more withdrawn lately.']) {
      expect(ids(set([carry(), withdrawn()]), text)).toHaveLength(1);
    }
    const s = set([carry({ experiencer: 'child' }), withdrawn({ experiencer: 'child' })]);
    // the adult is the subject of the clause, three or four words back
    expect(ids(s, 'Dad arrested in town for carrying a knife.')).toEqual([]);
    expect(ids(s, 'Ms Hale has been more withdrawn lately.')).toEqual([]);
    // a reporting verb, a pronoun, a child, "and", or punctuation starts another subject
    expect(ids(s, 'Mum says Ellie is more withdrawn lately.')).toEqual(['withdrawn']);
    expect(ids(s, 'Dad thinks he was carrying a knife.')).toEqual(['carry']);
    expect(ids(s, 'Mum and the children were more withdrawn.')).toEqual(['withdrawn']);
    expect(ids(s, 'Seen with grandad in town, carrying a knife.')).toEqual(['carry']);
    expect(ids(s, 'Stepdad left (Jay now more withdrawn).')).toEqual(['withdrawn']);
  });
  it('experiencer "child" reaches further back only for the phrase the trigger is about (`any`)', () => {
    // "mum insisted on staying in the room" is what the adult did: the pattern itself
    const t = T('present', ['not seen alone'], { all: [['insisted on staying']], experiencer: 'child' });
    expect(ids(set([t]), 'Not seen alone again as mum once again insisted on staying.')).toEqual(['present']);
    expect(ids(set([T('present', ['insisted on staying'], { experiencer: 'child' })]), 'Mum once again insisted on staying.')).toEqual([]);
    expect(ids(set([T('present', ['insisted on staying'])]), 'Mum once again insisted on staying.')).toEqual(['present']);
  });
  it('historical "ignore": the past, on either side of the phrase', () => {
    const h = T('care', ['in care'], { historical: 'ignore' });
    expect(ids(set([T('care', ['in care'])]), 'Dad grew up in care.')).toEqual(['care']);
    expect(ids(set([h]), 'Dad grew up in care.')).toEqual([]);
    expect(ids(set([h]), 'He was in care many years ago.')).toEqual([]);
    expect(ids(set([h]), 'Jay is in care and his behaviour has changed.')).toEqual(['care']);
  });
  it('hypothetical "ignore": a phrase under if / whether / unless', () => {
    const h = T('tell', ['tells school'], { hypothetical: 'ignore' });
    expect(ids(set([T('tell', ['tells school'])]), 'If she tells school she feels unwell they ring mum.')).toEqual(['tell']);
    expect(ids(set([h]), 'If she tells school she feels unwell they ring mum.')).toEqual([]);
    expect(ids(set([h]), 'She tells school that she is frightened.')).toEqual(['tell']);
  });
  it('hypothetical "ignore": a worry the worker only wondered about ("I wondered about exploitation – it was rehearsals")', () => {
    const w = T('cse', ['exploitation']);
    expect(ids(set([w]), 'Late home twice and I wondered about exploitation, but it was rehearsals.')).toEqual(['cse']);
    expect(ids(set([{ ...w, hypothetical: 'ignore' }]), 'Late home twice and I wondered about exploitation, but it was rehearsals.')).toEqual([]);
    expect(ids(set([{ ...w, hypothetical: 'ignore' }]), 'Police are now investigating exploitation.')).toEqual(['cse']);
  });
  it('set defaults apply to triggers that do not say, and a trigger can override them', () => {
    const s = set([T('neglect', ['neglect']), T('alone', ['seen alone'], { negated: 'show' })], { defaults: { negated: 'ignore' } });
    expect(ids(s, 'No concerns about neglect.')).toEqual([]);
    expect(ids(s, 'Concerns about neglect.')).toEqual(['neglect']);
    expect(ids(s, 'Kai was not seen alone.')).toEqual(['alone']);
  });
  it('contractions still negate ("weren\'t")', () => {
    const s = set([T('seen', ['seen'])], { defaults: { negated: 'ignore' } });
    expect(ids(s, "The children weren't seen.")).toEqual([]);
    expect(ids(s, 'The children were seen.')).toEqual(['seen']);
  });
});

describe('version 1 sets', () => {
  it('import as version 2 with the same meaning (soften stays the default for negation)', () => {
    const v1 = { format: 'practice-prompts/prompt-set', version: 1, id: 'old', name: 'Old', triggers: [T('neglect-rarely-alone', ['neglect'])] };
    const r = parseImport(JSON.stringify(v1), new Set(['neglect-rarely-alone']));
    expect(r.ok).toBe(true);
    if (r.ok && !('sets' in r.file)) {
      expect(r.file.version).toBe(2);
      const shown = matchText(compile([r.file]), 'No concerns about neglect.');
      expect(shown.map((p) => [p.id, p.gentle])).toEqual([['neglect-rarely-alone', true]]);
    }
    expect(migratePromptSet(v1 as PromptSet).version).toBe(2);
  });
});

describe('incremental equals a full rescan with the new features', () => {
  const s = set(
    [
      T('a', ['@m'], { all: [['@n']], experiencer: 'child' }),
      T('b', ['neglect', 'in care'], { historical: 'ignore', hypothetical: 'ignore', ruledOutBy: ['coeliac'] }),
      T('c', ['lied'], { leadsTo: ['deception'], all: [['partner']] }),
    ],
    { concepts: { m: ['went missing', 'disclosed'], n: ['overnight', 'uncle'] }, exclude: ['training day'], excludeNote: ['goals met'], sensitive: ['deception'], defaults: { negated: 'ignore' } },
  );
  const ix = compile([s]);
  const words = ['went', 'missing', 'disclosed', 'overnight', 'uncle', 'neglect', 'in', 'care', 'mum', 'if', 'ago', 'not', 'lied', 'partner', 'training', 'day', 'goals', 'met', 'coeliac', '.', 'Lily'];
  it('property', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.array(fc.constantFrom(...words), { maxLength: 10 }), (a, b) => {
        const t1 = a.join(' ');
        const t2 = [...a.slice(0, a.length >> 1), ...b, ...a.slice(a.length >> 1)].join(' ');
        const note = new NoteMatch(ix);
        note.reset(t1);
        note.update(t2);
        const fresh = new NoteMatch(ix);
        fresh.reset(t2);
        const ref = rank(ix, fresh.getHitSentences(), {}, { maxPrompts: 10, minShare: 0 });
        expect(rank(ix, note.getHitSentences(), {}, { maxPrompts: 10, minShare: 0 })).toEqual(ref);
        expect(rank(ix, note.totals(), {}, { maxPrompts: 10, minShare: 0 })).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });
});
