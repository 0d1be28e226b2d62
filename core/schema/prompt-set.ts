/**
 * Prompt sets: what managers configure and share. Versioned, validated with zod/mini, and bounded
 * so that a huge or hostile file gets a clear error instead of freezing the browser.
 *
 * Trigger language (no regular expressions, ever):
 *  - a phrase is plain words: "strategy meeting", "not brought". Matching folds case, accents,
 *    compatibility forms, curly quotes, dashes, hyphens and whitespace, and ignores little words
 *    (a, the, his, her…) between the phrase's words.
 *  - every word is matched with its inflections (neglect → neglected, neglectful, neglecting…)
 *    and British/American spellings, unless written in quotes: "\"NFA\"" matches the word exactly.
 *  - known acronyms expand both ways (S47 ↔ section 47, ABE ↔ achieving best evidence, …).
 */
import * as z from 'zod/mini';
import './errors.ts';

export const LIMITS = {
  fileBytes: 2_000_000,
  sets: 50,
  triggers: 2_000,
  phrasesPerList: 200,
  phraseChars: 120,
  wordsPerPhrase: 8,
  prompts: 500,
  titleChars: 120,
  textChars: 1_000,
  links: 10,
  urlChars: 500,
  idChars: 80,
  concepts: 1_000,
  phrasesPerConcept: 2_000,
  excludes: 1_000,
  readingSections: 20,
  readingFeatures: 20_000,
} as const;

export const PROMPT_SET_FORMAT = 'practice-prompts/prompt-set';
/** Version 2 added concepts, set-wide exclusions, sensitive prompts, defaults and the ConText attributes. */
export const PROMPT_SET_VERSION = 2;

const id = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.idChars, `must be at most ${LIMITS.idChars} characters`),
    z.regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes, like "local-escalation"'),
  );

/** Bidi controls and other invisible formatting characters are refused in user-visible text. */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const visibleText = (max: number) =>
  z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `must be at most ${max} characters`),
      z.refine((s) => s.trim().length > 0, 'must not be blank'),
      z.refine((s) => !INVISIBLE.test(s), 'must not contain bidirectional control characters'),
    );

export const PhraseSchema = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.phraseChars, `must be at most ${LIMITS.phraseChars} characters`),
    z.refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain at least one letter or digit'),
    z.refine(
      (s) => s.split(/\s+/).filter(Boolean).length <= LIMITS.wordsPerPhrase,
      `must have at most ${LIMITS.wordsPerPhrase} words`,
    ),
  );

const phraseList = z
  .array(PhraseSchema)
  .check(z.minLength(1, 'must list at least one phrase'), z.maxLength(LIMITS.phrasesPerList, `must list at most ${LIMITS.phrasesPerList} phrases`));

/** A concept gathers every way workers write one idea, so it may be longer than a trigger's own list. */
const conceptList = z
  .array(PhraseSchema)
  .check(z.minLength(1, 'must list at least one phrase'), z.maxLength(LIMITS.phrasesPerConcept, `must list at most ${LIMITS.phrasesPerConcept} phrases`));

export const WindowSchema = z.union([
  z.literal('sentence'),
  z.literal('note'),
  z.object({ words: z.number().check(z.int(), z.gte(1, 'must be at least 1'), z.lte(50, 'must be at most 50')) }),
]);

export const NegationPolicySchema = z.enum(['show', 'soften', 'ignore', 'only']);
/** Whose experience a phrase describes: `child` drops phrases an adult is the subject of ("mum disclosed she is pregnant"). */
export const ExperiencerPolicySchema = z.enum(['any', 'child']);
/** What a phrase in the past ("dad was in care himself", "as a child") or a hypothetical ("if she tells school") does. */
export const AttributePolicySchema = z.enum(['show', 'ignore']);

export const ContextSchema = z.object({
  /** Phrases looked for in the field's label, name, placeholder and aria-label. */
  fields: z.optional(phraseList),
  /** Phrases looked for in the page title and the headings of the form. */
  pages: z.optional(phraseList),
  /** Plain substrings of the page address (host and path), e.g. "lcs.example.gov.uk/strategy". */
  urls: z.optional(
    z.array(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.urlChars))).check(z.maxLength(LIMITS.phrasesPerList)),
  ),
  /** boost: a match here ranks the prompt higher; require: the trigger only fires when one matches. */
  effect: z.optional(z.enum(['boost', 'require'])),
});

export const TriggerSchema = z.object({
  id,
  /** Learning point ids (from the library) or ids of this set's local prompts. */
  leadsTo: z.array(id).check(z.minLength(1, 'must lead to at least one prompt'), z.maxLength(10)),
  /** The trigger fires when any of these phrases appears… */
  any: phraseList,
  /** …and, for each list here, one of its phrases appears within the window. */
  all: z.optional(z.array(phraseList).check(z.maxLength(5))),
  /** Where the `all` phrases must be: same sentence (default), within N words, or anywhere in the note. */
  window: z.optional(WindowSchema),
  /**
   * The trigger does not fire when one of these appears in the same sentence (for "sentence" and
   * word windows) or anywhere in the note (for the "note" window).
   */
  not: z.optional(phraseList),
  /**
   * The concern is ruled out when one of these appears anywhere in the note, in any sentence, whatever
   * the trigger's window ("coeliac disease" for weight loss; "police checks show no intelligence").
   * Keep them specific to this trigger's concern: they silence it in the whole note.
   */
  ruledOutBy: z.optional(phraseList),
  /**
   * What a negated match ("no concerns about neglect", "not seen alone") does:
   * show it as usual, soften it (ranked lower, gentler wording), ignore it, or fire only when
   * negated ("only": "let me in" matters as "did not let me in").
   */
  negated: z.optional(NegationPolicySchema),
  /** `child`: ignore a phrase whose subject is an adult ("mum disclosed", "dad was hit"). Default: the set's default, else `any`. */
  experiencer: z.optional(ExperiencerPolicySchema),
  /** `ignore`: a phrase about the past ("as a child", "years ago", "was in care himself") does not count. */
  historical: z.optional(AttributePolicySchema),
  /** `ignore`: a phrase under "if", "whether", "unless", "in case" does not count. */
  hypothetical: z.optional(AttributePolicySchema),
  context: z.optional(ContextSchema),
  /** Relative importance, 1 (default) to 5. */
  weight: z.optional(z.number().check(z.gte(0.1), z.lte(5))),
  /** Short note for managers: why this trigger exists. Never shown as a verdict. */
  note: z.optional(visibleText(LIMITS.textChars)),
});

export const LinkSchema = z.object({
  title: visibleText(LIMITS.titleChars),
  url: z
    .string()
    .check(
      z.maxLength(LIMITS.urlChars, `must be at most ${LIMITS.urlChars} characters`),
      z.refine((u) => isSafeLink(u), 'must be an https:// address'),
    ),
});

export const LocalPromptSchema = z.object({
  id,
  title: visibleText(LIMITS.titleChars),
  text: visibleText(LIMITS.textChars),
  question: z.optional(visibleText(LIMITS.textChars)),
  links: z.optional(z.array(LinkSchema).check(z.maxLength(LIMITS.links))),
});

/** Per-set defaults for triggers that do not say. */
export const TriggerDefaultsSchema = z.object({
  negated: z.optional(NegationPolicySchema),
  experiencer: z.optional(ExperiencerPolicySchema),
  historical: z.optional(AttributePolicySchema),
  hypothetical: z.optional(AttributePolicySchema),
});

const int = z.number().check(z.int(), z.gte(-2_000_000_000), z.lte(2_000_000_000));
/**
 * The set's second reading (core/matcher/reading.ts): per briefing section, how much a note as a whole
 * reads like it. It holds back a prompt whose section the note does not read like, and (with `raise`) may
 * raise one prompt of a section the note reads strongly like when the set's phrases raised nothing of it.
 * Trained by `npm run train-reading`, not written by hand.
 */
export const ReadingSchema = z
  .object({
    about: z.optional(z.string().check(z.maxLength(LIMITS.textChars))),
    sections: z.array(id).check(z.minLength(1, 'must name at least one section'), z.maxLength(LIMITS.readingSections)),
    prompts: z.record(id, id).check(z.refine((o) => Object.keys(o).length <= LIMITS.prompts, `must have at most ${LIMITS.prompts} prompts`)),
    hold: z.number().check(z.gte(0), z.lte(1)),
    holdCorroborated: z.number().check(z.gte(0), z.lte(1)),
    /**
     * A note that reads like a section at least `at` raises that section's prompt here, when the set's
     * phrases raised nothing of the section: at most one per note, after the phrases' own prompts, never
     * a sensitive prompt. Without it the reading only holds back.
     */
    raise: z.optional(
      z.object({
        at: z.number().check(z.gt(0), z.lte(1)),
        prompts: z.record(id, id).check(z.refine((o) => Object.keys(o).length <= LIMITS.readingSections, `must have at most ${LIMITS.readingSections} prompts`)),
        /**
         * Phrases that keep the reading from raising anything in a note that holds one (reassurance
         * the reading cannot read as such: "no concerns", "ruled out"), besides the set's `exclude`
         * and `excludeNote`. Plain words, matched as the reading reads them (stemmed), not concepts.
         */
        quiet: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.phraseChars))).check(z.maxLength(LIMITS.excludes))),
      }),
    ),
    minWords: int.check(z.gte(0)),
    maxChars: int.check(z.gte(0)),
    scale: z.number().check(z.gt(0)),
    bias: z.array(int),
    skip: z.array(z.string().check(z.maxLength(LIMITS.phraseChars))).check(z.maxLength(LIMITS.excludes)),
    features: z
      .record(z.string().check(z.minLength(1), z.maxLength(LIMITS.phraseChars)), z.string().check(z.regex(/^-?\d{1,9}(?: -?\d{1,9})*$/, 'must be whole numbers separated by spaces')))
      .check(z.refine((o) => Object.keys(o).length <= LIMITS.readingFeatures, `must have at most ${LIMITS.readingFeatures} features`)),
    trainedOn: z.optional(z.string().check(z.maxLength(LIMITS.textChars))),
  })
  .check(
    z.refine((r) => r.bias.length === r.sections.length, 'bias must give one number per section'),
    z.refine((r) => Object.values(r.features).every((w) => w.split(' ').length === r.sections.length), 'every feature must give one weight per section'),
    z.refine((r) => Object.values(r.features).every((w) => w.split(' ').every((x) => Math.abs(Number(x)) <= 2_000_000_000)), 'weights must be between -2000000000 and 2000000000'),
    z.refine((r) => Object.values(r.prompts).every((s) => r.sections.includes(s)), 'every prompt must map to one of its sections'),
    z.refine((r) => !r.raise || Object.entries(r.raise.prompts).every(([sec, p]) => r.prompts[p] === sec), 'raise must name, per section, a prompt of that section'),
  );

export const PromptSetSchema = z.object({
  format: z.literal(PROMPT_SET_FORMAT),
  /** 1 or 2; version 1 sets are read as they always were (see `migratePromptSet`). */
  version: z.union([z.literal(1), z.literal(PROMPT_SET_VERSION)]),
  id,
  name: visibleText(LIMITS.titleChars),
  description: z.optional(visibleText(LIMITS.textChars)),
  /**
   * Named lists of phrases (concept groups) that any phrase list may use as "@name": one home for
   * the ways workers write one idea ("went missing", "didn't come home", "MFH").
   */
  concepts: z.optional(
    z.record(id, conceptList).check(z.refine((o) => Object.keys(o).length <= LIMITS.concepts, `must have at most ${LIMITS.concepts} concepts`)),
  ),
  /**
   * Set-wide exclusions: a sentence containing one of these (office and administrative text:
   * "training day", "annual leave", "room booking") fires none of this set's triggers.
   */
  exclude: z.optional(z.array(PhraseSchema).check(z.maxLength(LIMITS.excludes, `must list at most ${LIMITS.excludes} phrases`))),
  /**
   * Note-wide exclusions: a note containing one of these anywhere (a closure summary with every goal
   * met: "all goals met", "closed by agreement") shows none of this set's prompts. Keep them specific:
   * one phrase silences the whole note.
   */
  excludeNote: z.optional(z.array(PhraseSchema).check(z.maxLength(LIMITS.excludes, `must list at most ${LIMITS.excludes} phrases`))),
  /**
   * Prompts that need two independent signals (deception, adults who may pose a risk, sexual abuse,
   * exploitation): a trigger leading to one fires only when it has an `all` list (a second concept
   * group) and both are found. A single-signal trigger never reaches them.
   */
  sensitive: z.optional(z.array(id).check(z.maxLength(LIMITS.prompts))),
  defaults: z.optional(TriggerDefaultsSchema),
  prompts: z.optional(z.array(LocalPromptSchema).check(z.maxLength(LIMITS.prompts, `must have at most ${LIMITS.prompts} prompts`))),
  triggers: z.array(TriggerSchema).check(z.maxLength(LIMITS.triggers, `must have at most ${LIMITS.triggers} triggers`)),
  /**
   * A second reading of the whole note (trained, see ReadingSchema): a prompt of this set whose
   * section the note does not read like is held back; with `raise`, one prompt of a section the note
   * reads strongly like and the phrases left alone may be raised.
   */
  reading: z.optional(ReadingSchema),
});

export type Phrase = z.infer<typeof PhraseSchema>;
export type Window = z.infer<typeof WindowSchema>;
export type NegationPolicy = z.infer<typeof NegationPolicySchema>;
export type ExperiencerPolicy = z.infer<typeof ExperiencerPolicySchema>;
export type AttributePolicy = z.infer<typeof AttributePolicySchema>;
export type TriggerContext = z.infer<typeof ContextSchema>;
export type Trigger = z.infer<typeof TriggerSchema>;
export type LocalPrompt = z.infer<typeof LocalPromptSchema>;
export type PromptSet = z.infer<typeof PromptSetSchema>;
export type ReadingModel = z.infer<typeof ReadingSchema>;

/** Links in prompt sets: https only. (Extension pages are linked by the product, never by sets.) */
export function isSafeLink(url: string): boolean {
  if (!/^https:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Version 1 → 2: nothing a version 1 set said changes meaning (every new field is optional and
 * its absence keeps version 1 behaviour), so the migration only stamps the version.
 */
export function migratePromptSet(set: PromptSet): PromptSet {
  return set.version === PROMPT_SET_VERSION ? set : { ...set, version: PROMPT_SET_VERSION };
}

export { CONCEPT_PREFIX, distinctGroups, expandPhrases } from './concepts.ts';
