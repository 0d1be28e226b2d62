/**
 * The built-in set's principles, as table-driven tests ("right, or silent"):
 *  1. a protected characteristic on its own never fires a prompt, and swapping one into a note
 *     changes nothing (it may only strengthen a prompt that another signal raised);
 *  2. sensitive cards (deception, adults who may pose a risk, sexual abuse, sexualised behaviour,
 *     exploitation) need two independent signals, and everyday words never fire them;
 *  3. who, when, whether: an adult's news, a parent's own history and a hypothetical are not the
 *     child's harm;
 *  4. office and administrative text is excluded once, at set level.
 */
import { describe, expect, it } from 'vitest';
import { compile, matchText } from '../../core/matcher/index.ts';
import { distinctGroups, expandPhrases } from '../../core/schema/prompt-set.ts';
import { readWords } from '../../core/matcher/reading.ts';
import { defaultSet, sectionMap } from '../relevance/score.ts';

const set = defaultSet();
const index = compile([set]);
const sectionOf = sectionMap();
const shown = (text: string) => matchText(index, text).map((p) => p.id);
const sensitive = new Set(set.sensitive ?? []);

/** Protected characteristics as a practitioner might write them (subject position). */
const CHARACTERISTICS = [
  'a disabled boy',
  'an autistic girl',
  'a boy with ADHD',
  'a girl with a learning disability',
  'a wheelchair user',
  'a deaf child who uses BSL',
  'a boy with Down syndrome',
  'a trans boy',
  'a non-binary young person',
  'a young person who has recently come out as gay',
  'a girl with two mums',
  'a mixed-heritage boy',
  'a Black British girl',
  'a British Asian boy',
  'a Polish boy',
  'a Roma girl',
  'a boy from a Gypsy Traveller family',
  'an Irish Traveller girl',
  'a Muslim girl',
  'a Sikh boy',
  'a Jewish girl',
  'a Hindu boy',
  'a Christian girl',
  'a 15-year-old boy',
  'a 17-year-old girl',
  'a pregnant 17-year-old',
  'an asylum-seeking boy',
];

/** Benign notes with a slot for the child. */
const BENIGN_TEMPLATES = [
  'Home visit: {c} showed me his football medals and talked about his friends; the home was warm and tidy.',
  'School report that {c} is doing well, attendance is 98% and she enjoys art club.',
  '{c}, who loves football, is settled with his foster carers and looking forward to the summer.',
  'Review meeting: {c} is making good progress; everyone agreed the plan is working.',
  'Spoke to {c} on her own in the garden; she was chatty and said she is happy at home.',
  '{c} attended the youth club trip to the coast and the staff said it went well.',
  'Annual health assessment completed for {c}; all immunisations up to date.',
  'Phoned mum to confirm the next visit; {c} has started swimming lessons.',
];

describe('1. a protected characteristic on its own never fires a prompt', () => {
  it.each(CHARACTERISTICS)('"%s" in ordinary sentences shows nothing', (c) => {
    for (const t of [`${cap(c)}.`, `Visited ${c} at home today.`, `${cap(c)} is doing well at school.`, `The family includes ${c}.`]) {
      expect({ text: t, shown: shown(t) }).toEqual({ text: t, shown: [] });
    }
  });

  it.each(BENIGN_TEMPLATES)('counterfactual: swapping the characteristic into "%s" changes nothing', (tpl) => {
    const base = shown(tpl.replace('{c}', 'a boy').replace(/^a /, 'A '));
    expect(base).toEqual([]);
    for (const c of CHARACTERISTICS) {
      const text = tpl.replace('{c}', c).replace(/^(a|an) /, (m) => cap(m));
      expect({ text, shown: shown(text) }).toEqual({ text, shown: base });
    }
  });

  it('a characteristic may strengthen a prompt another signal raised, never remove it', () => {
    // the control: a real concern fires without the characteristic
    const concern = 'Since the start of term {c} has become withdrawn and aggressive, and school say this is a change in his behaviour.';
    const without = sections(concern.replace('{c}', 'the boy'));
    expect(without).toContain('behaviour');
    for (const c of CHARACTERISTICS) expect(sections(concern.replace('{c}', c))).toContain('behaviour');
  });
});

describe('1b. the second reading never reads a protected characteristic', () => {
  // notes long enough for the reading to have an opinion (its minWords), with a real concern in them
  const LONG = [
    'Home visit after school. {c} was not brought to the dentist again and has now missed three appointments; mum said she forgot. The flat was tidy and there was food in. We talked about the plan and the next review date.',
    'Core group today. Since the start of term {c} has become withdrawn and aggressive, and school say this is a marked change. Nothing has been said about home. Teachers will keep a log, and we agreed to meet again in four weeks.',
    'Visit with the health visitor. Mum was welcoming and made tea. {c} was happy playing in the garden with a neighbour. Mum says everything is fine and there is nothing she needs from us; she asked when we will close the case.',
  ];
  it('the long notes are long enough to be read, and the reading reads the built-in set', () => {
    expect(index.readings).toHaveLength(1);
    for (const tpl of LONG) expect(tpl.split(/\s+/).length).toBeGreaterThanOrEqual(set.reading!.minWords);
  });
  // what the phrases raise, and what of it the reading holds back (shown with the reading off, not with it on)
  const raised = (text: string) => matchText(index, text, {}, { maxPrompts: 10, minShare: 0, reading: () => null }).map((p) => p.id);
  const heldBack = (text: string) => {
    const kept = new Set(matchText(index, text, {}, { maxPrompts: 10, minShare: 0 }).map((p) => p.id));
    return raised(text).filter((id) => !kept.has(id));
  };
  it('the reading does hold prompts back in a long note (the check below can fail)', () => {
    const everyday =
      "YP said he felt totally neglected by his mates cos they all went to the match without him - laughed it off, says he's getting them back at 5-a-side on Sunday and his mum is taking them all for pizza after. Nothing else to note from the visit today.";
    expect(heldBack(everyday).length).toBeGreaterThan(0);
  });
  // (the phrases may raise a prompt more with a characteristic, as principle 1 allows: "a young person" reads as an
  // older child; what the reading decides about every prompt both notes raise must be the same)
  it.each(LONG)('swapping the characteristic into a long note changes nothing the reading holds back: "%s"', (tpl) => {
    const baseText = tpl.replace('{c}', 'the boy');
    const baseRaised = raised(baseText);
    const baseHeld = heldBack(baseText);
    for (const c of CHARACTERISTICS) {
      const text = tpl.replace('{c}', c);
      const both = new Set(raised(text).filter((id) => baseRaised.includes(id)));
      expect({ text, held: heldBack(text).filter((id) => both.has(id)) }).toEqual({ text, held: baseHeld.filter((id) => both.has(id)) });
    }
  });
  it('its skip list holds the words of the characteristics, as the reading cuts them', () => {
    const skip = new Set(set.reading!.skip);
    for (const w of ['disabled', 'disability', 'autistic', 'trans', 'gay', 'Muslim', 'Sikh', 'Roma', 'Traveller', 'pregnant', 'asylum', 'religious', 'heritage']) {
      readWords(w, 0, w.length, (_h, stem) => expect(skip, w).toContain(stem), true);
    }
  });
});

describe('2. sensitive cards need two independent signals', () => {
  it('the set lists its sensitive cards: deception, adults who may pose a risk, sexual abuse, sexualised behaviour, exploitation', () => {
    for (const id of ['perpetrator-deception', 'deception-awareness', 'known-perpetrators-risk-assessment', 'sexualised-behaviour-red-flag', 'community-violence-vulnerability']) {
      expect(sensitive.has(id), id).toBe(true);
    }
  });

  it('every trigger leading to a sensitive card needs two concept groups that share no phrase', () => {
    const offenders = set.triggers
      .filter((t) => t.leadsTo.some((id) => sensitive.has(id)))
      .filter((t) => distinctGroups({ any: expandPhrases(t.any, set.concepts), all: (t.all ?? []).map((l) => expandPhrases(l, set.concepts)) }) < 2)
      .map((t) => t.id);
    expect(offenders).toEqual([]);
  });

  it.each([
    'I was explicit with mum about what needs to change before the review.',
    'Mum presented as mature and organised at the meeting.',
    'Dad has a conviction for drink driving from 2009.',
    'Alex (15) prefers to wear male clothing and has asked to be called Alex.',
    'Mum works as a nurse on nights at the hospital.',
    'Dad lives nearby and has the children every other weekend.',
    'Mum disclosed that she is pregnant and due in March.',
    'Grandad disclosed that he has been diagnosed with cancer.',
    'The male nurse at the clinic did the weigh-in.',
    'Kai is very mature for his age and helps his little sister with reading.',
    'College tutor gave explicit instructions re the coursework; YP exploited the extra lab sessions and finished a week early.',
    'Grandad said his ego was bruised after the kids beat him at Mario Kart again.',
  ])('everyday words never fire a sensitive card (nor anything else): %s', (text) => {
    expect(shown(text)).toEqual([]);
  });
});

describe('3. who, when, whether', () => {
  it.each([
    'Dad was in care himself as a teenager and now volunteers as a mentor.',
    'Mum told me she was abused as a child and had counselling years ago.',
    'If Lily tells school she feels unwell, they will ring mum to collect her.',
    'Mum disclosed that she has a new job at the supermarket.',
  ])('%s → nothing', (text) => {
    expect(shown(text)).toEqual([]);
  });
});

describe('4. office and administrative text is excluded at set level', () => {
  it('the set has a set-wide exclusion list, and no trigger copies it into its own `not` list', () => {
    const exclude = new Set((set.exclude ?? []).map((p) => p.toLowerCase()));
    expect(exclude.size).toBeGreaterThan(10);
    // (a concept that a trigger names in `not` is one home, not a copy)
    const copied = set.triggers.flatMap((t) => (t.not ?? []).filter((p) => exclude.has(p.toLowerCase())).map((p) => `${t.id}: ${p}`));
    expect(copied).toEqual([]);
  });

  it.each([
    'Reminder: neglect training day on Friday, book your place on the learning hub.',
    'Please complete the domestic abuse e-learning by the end of the month.',
    'Annual leave request for the week of the strategy meeting has been approved.',
    'Room booked for the team away day; lunch provided.',
    'Lone-working app update pushed to phones on Monday, please restart them.',
  ])('%s → nothing', (text) => {
    expect(shown(text)).toEqual([]);
  });
});

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function sections(text: string): string[] {
  return matchText(index, text).map((p) => sectionOf.get(p.id) ?? '?');
}
