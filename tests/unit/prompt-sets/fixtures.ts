/** Shared fixtures and fast-check arbitraries for prompt-set tests. */
import fc from 'fast-check';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings.ts';

export const KNOWN = new Set(['neglect-rarely-alone', 'act-on-disclosure', 'abe-trained-workforce', 'manageable-workloads']);

export function validSet(over: Partial<PromptSet> = {}): PromptSet {
  return {
    format: 'practice-prompts/prompt-set',
    version: 2,
    id: 'local-escalation',
    name: 'Local escalation',
    description: 'Prompts for our escalation policy.',
    prompts: [
      {
        id: 'local-escalation-policy',
        title: 'Our escalation policy',
        text: 'When you disagree with a partner agency, the escalation policy sets out who to talk to.',
        question: 'Who else needs to know?',
        links: [{ title: 'Escalation policy', url: 'https://intranet.example.gov.uk/escalation' }],
      },
    ],
    triggers: [
      { id: 'disagree', leadsTo: ['local-escalation-policy'], any: ['disagree', 'dispute'], all: [['police', 'health']], window: { words: 12 } },
      { id: 'neglect', leadsTo: ['neglect-rarely-alone'], any: ['neglect'], not: ['no concerns'], negated: 'soften', context: { fields: ['case note'], effect: 'boost' } },
    ],
    ...over,
  };
}

export function settingsWith(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}

export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: valid prompt sets.

export const idArb = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_.][a-z0-9]{1,8}){0,2}$/);
const WORDS = ['neglect', 'strategy', 'meeting', 'not', 'brought', 'school', 'missed', 'appointment', 'police', 'health', 'bruise', 'disclosed', 'home', 'visit', 'unkempt', 'café', 'naïve', 'S47', '"NFA"', 'Ünïcödé', '子供', 'don’t', 'a', 'the', 'co-sleeping', '24/7', 'x1'];
const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) });
export const phraseArb = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const phraseList = fc.array(phraseArb, { minLength: 1, maxLength: 4 });
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
export const textArb = (max: number) =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: Math.min(max, 40) }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 20) }))
    .filter((s) => s.trim().length > 0 && !INVISIBLE.test(s) && s.length <= max);
const urlArb = fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z0-9/]{0,20}$/)).map(([h, p]) => `https://${h}.example.org/${p}`);

const LOCAL_IDS = ['local-one', 'local-two', 'local-three'];
const TARGETS = [...KNOWN, ...LOCAL_IDS];

const promptArb = (pid: string) =>
  fc.record(
    {
      id: fc.constant(pid),
      title: textArb(120),
      text: textArb(1000),
      question: textArb(1000),
      links: fc.array(fc.record({ title: textArb(120), url: urlArb }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['id', 'title', 'text'] },
  );

const triggerArb = fc.record(
  {
    leadsTo: fc.array(fc.constantFrom(...TARGETS), { minLength: 1, maxLength: 3 }),
    any: phraseList,
    all: fc.array(phraseList, { minLength: 1, maxLength: 2 }),
    window: fc.oneof(fc.constant('sentence' as const), fc.constant('note' as const), fc.record({ words: fc.integer({ min: 1, max: 50 }) })),
    not: phraseList,
    negated: fc.constantFrom('show' as const, 'soften' as const, 'ignore' as const),
    context: fc.record(
      {
        fields: phraseList,
        pages: phraseList,
        urls: fc.array(fc.stringMatching(/^[a-z./]{1,20}$/), { minLength: 1, maxLength: 2 }),
        effect: fc.constantFrom('boost' as const, 'require' as const),
      },
      { requiredKeys: ['fields'] },
    ),
    weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 5, noNaN: true })),
    note: textArb(1000),
  },
  { requiredKeys: ['leadsTo', 'any'] },
);

/** Valid prompt sets: unique ids, and every leadsTo points at a known id or one of the set's prompts. */
export const promptSetArb: fc.Arbitrary<PromptSet> = fc
  .record({
    id: idArb,
    name: textArb(120),
    description: fc.option(textArb(1000), { nil: undefined }),
    prompts: fc.option(fc.tuple(promptArb(LOCAL_IDS[0]!), promptArb(LOCAL_IDS[1]!), promptArb(LOCAL_IDS[2]!)).chain((ps) => fc.subarray(ps, { minLength: 1 })), { nil: undefined }),
    triggers: fc.uniqueArray(fc.tuple(idArb, triggerArb), { selector: ([tid]) => tid, maxLength: 4 }),
  })
  .map(({ id, name, description, prompts, triggers }) => {
    const local = new Set((prompts ?? []).map((p) => p.id));
    const set: Record<string, unknown> = { format: 'practice-prompts/prompt-set', version: 2, id, name };
    if (description !== undefined) set.description = description;
    if (prompts) set.prompts = prompts;
    set.triggers = triggers.map(([tid, t]) => {
      const leadsTo = t.leadsTo.filter((x) => KNOWN.has(x) || local.has(x));
      return { id: tid, ...t, leadsTo: leadsTo.length ? leadsTo : ['neglect-rarely-alone'] };
    });
    return set as unknown as PromptSet;
  });
