/**
 * Compile a prompt set once into an index the scanner can use in one pass:
 * every surface form of every trigger word is hashed into one open-addressing table, so a word
 * of the note costs one probe whatever the number of triggers.
 */
import type { AttributePolicy, ExperiencerPolicy, NegationPolicy, PromptSet, Trigger } from '../schema/prompt-set.ts';
import { distinctGroups, expandPhrases } from '../schema/concepts.ts';
import { foldWords, hashWord } from '../text/fold.ts';
import { surfaceForms } from '../text/inflect.ts';
import { ADULT_CUES, FILLER_WORDS, HISTORICAL_CUES, HYPOTHETICAL_CUES, NEGATION_CUES, SYNONYM_GROUPS } from '../text/synonyms.ts';

export const FORM_FILLER = 1;
export const FORM_NEG = 2;
/** ConText cues (clinical NLP's negation, hypothetical, historical and experiencer attributes). */
export const FORM_HYPO = 4;
export const FORM_HIST = 8;
export const FORM_ADULT = 16;
export const FORM_CUES = FORM_NEG | FORM_HYPO | FORM_HIST | FORM_ADULT;
/** PhraseRef group for a set-wide exclusion (its `trigger` field is then the set's ordinal). */
export const GROUP_EXCLUDE = -3;

export interface CompiledTrigger {
  id: string;
  setId: string;
  leadsTo: readonly string[];
  /** Number of groups: 1 (any) + all.length. */
  groups: number;
  /**
   * The group looked for first (the one least likely to appear): a sentence without one of its
   * phrases cannot fire this trigger, so nothing else is checked for it there.
   */
  anchorGroup: number;
  /** 'sentence' | 'note' | N words. */
  window: 'sentence' | 'note' | number;
  negated: NegationPolicy;
  experiencer: ExperiencerPolicy;
  historical: AttributePolicy;
  hypothetical: AttributePolicy;
  /** Ordinal of the set it came from (set-wide exclusions act per set). */
  set: number;
  weight: number;
  hasNot: boolean;
  context: {
    effect: 'boost' | 'require';
    fieldPhrases: ReadonlySet<number>;
    pagePhrases: ReadonlySet<number>;
    urls: readonly string[];
  } | null;
}

export interface PhraseRef {
  trigger: number;
  /** 0 = any, 1.. = all groups, -1 = not, -2 = context only, -3 = set-wide exclusion (trigger = set ordinal). */
  group: number;
}

export interface CompiledIndex {
  readonly size: number;
  /** Open-addressing table keyed by (h1, h2): value = form id + 1 (0 = empty). */
  readonly keys1: Int32Array;
  readonly keys2: Int32Array;
  readonly vals: Int32Array;
  readonly mask: number;
  readonly formFlags: Uint8Array;
  /** CSR: the phrase-word ids each form stands for. */
  readonly formWordStart: Int32Array;
  readonly formWordData: Int32Array;
  /** CSR: phrases anchored on word id w (each phrase is indexed under its rarest word). */
  readonly firstStart: Int32Array;
  readonly firstData: Int32Array;
  /**
   * The same, for "secondary" phrases: those that only ever complete or stop a trigger (`all`, `not`,
   * context). A sentence is searched for them only when a primary phrase (an `any`, or evidence for
   * a note-window trigger) was found in it: most sentences stop after the first, cheaper pass.
   */
  readonly secondStart: Int32Array;
  readonly secondData: Int32Array;
  /** Position of each phrase's anchor word within the phrase. */
  readonly phraseAnchor: Int32Array;
  /** CSR: the word ids of each phrase. */
  readonly phraseWordStart: Int32Array;
  readonly phraseWordData: Int32Array;
  /** Canonical text of each phrase (the manager's own words, as written in the set). */
  readonly phraseText: readonly string[];
  /** CSR: what each phrase does (trigger, group) — see PhraseRef. */
  readonly refStart: Int32Array;
  readonly refTrigger: Int32Array;
  readonly refGroup: Int32Array;
  readonly triggers: readonly CompiledTrigger[];
}

interface Word {
  folded: string;
  exact: boolean;
  /** With `exact`: the word and its plural (acronyms: "SWs", "CP plans"). */
  plural?: boolean;
}

/** Split a phrase into words; quoted words ("NFA") match exactly, without inflection. */
function phraseWords(phrase: string): Word[] {
  const out: Word[] = [];
  const re = /"([^"]*)"|([^"]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(phrase))) {
    const exact = m[1] !== undefined;
    for (const w of foldWords(m[1] ?? m[2] ?? '')) out.push({ folded: w, exact });
  }
  return out;
}

const FILLERS = new Set(FILLER_WORDS);
/** Very common words: never chosen as a phrase's anchor when the phrase has another word. */
const COMMON = new Set(
  'to of and in on at for with was is not no be by from as it has had have were are been or but if so up out about into over after than then there their they he she we you i me us do did does can could would should will may might must all any some more most other such only own same just also very too'.split(' '),
);
const foldedGroups = SYNONYM_GROUPS.map((g) => g.map((p) => foldWords(p)));
/** Synonym groups by the words their members contain: a phrase only tries the groups it could match. */
const groupsByWord = new Map<string, string[][][]>();
for (const g of foldedGroups) for (const m of g) for (const w of m) {
  const list = groupsByWord.get(w) ?? [];
  if (!list.includes(g)) list.push(g);
  groupsByWord.set(w, list);
}

/** The phrase and its acronym/synonym variants, as folded word lists (fillers removed). */
export function phraseVariants(phrase: string): Word[][] {
  const words = phraseWords(phrase).filter((w) => !FILLERS.has(w.folded));
  if (!words.length) return [];
  const variants: Word[][] = [words];
  const seen = new Set([key(words)]);
  const groups = new Set<string[][]>();
  for (const w of words) for (const g of groupsByWord.get(w.folded) ?? []) groups.add(g);
  for (const group of groups) {
    for (const member of group) {
      const at = indexOfSeq(words, member);
      if (at < 0) continue;
      for (const other of group) {
        if (other === member) continue;
        const v = [
          ...words.slice(0, at),
          // acronyms match themselves and their plural only (SWs, CP plans); longer words inflect
          ...other.filter((w) => !FILLERS.has(w)).map((folded) => ({ folded, exact: folded.length <= 4, plural: folded.length <= 4 })),
          ...words.slice(at + member.length),
        ];
        const k = key(v);
        if (!seen.has(k)) {
          seen.add(k);
          variants.push(v);
        }
      }
    }
  }
  return variants;
}
const key = (ws: Word[]) => ws.map((w) => wordKey(w)).join(' ');
const wordKey = (w: Word) => (w.exact ? (w.plural ? '+' : '=') : '') + w.folded;
function indexOfSeq(words: Word[], seq: string[]): number {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j]!.folded !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

export interface CompileOptions {
  disabled?: ReadonlySet<string>;
}

export function compile(sets: readonly PromptSet[], options: CompileOptions = {}): CompiledIndex {
  const steps = compileSteps(sets, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Compile without long tasks: yields to the event loop whenever `budgetMs` is spent, so a large
 * prompt set never blocks the page the practitioner is typing in. Aborts with the signal.
 */
export async function compileAsync(
  sets: readonly PromptSet[],
  options: CompileOptions & { signal?: AbortSignal; budgetMs?: number; pause?: () => Promise<void> } = {},
): Promise<CompiledIndex> {
  const steps = compileSteps(sets, options);
  const pause = options.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  let start = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - start >= (options.budgetMs ?? 8)) {
      await pause();
      if (options.signal?.aborted) throw new Error('compile aborted');
      start = Date.now();
    }
  }
}

/** The compiler as steps: one step per trigger, then the tables. */
function* compileSteps(sets: readonly PromptSet[], options: CompileOptions): Generator<void, CompiledIndex, void> {
  const wordIds = new Map<string, number>(); // key "=word" / "word" → id
  const formIds = new Map<string, number>(); // surface form → id
  // (form, word) pairs, turned into CSR at the end (no array per form: less garbage)
  const pairForm: number[] = [];
  const pairWord: number[] = [];
  const formFlags: number[] = [];
  const phraseWordsArr: Int32Array[] = [];
  const phraseText: string[] = [];
  const phraseRefs: PhraseRef[][] = [];
  const phraseIds = new Map<string, number>();
  const triggers: CompiledTrigger[] = [];

  const formId = (form: string): number => {
    let id = formIds.get(form);
    if (id === undefined) {
      id = formFlags.length;
      formIds.set(form, id);
      formFlags.push(0);
    }
    return id;
  };
  for (const f of FILLER_WORDS) formFlags[formId(f)]! |= FORM_FILLER;
  for (const f of NEGATION_CUES) formFlags[formId(f)]! |= FORM_NEG;
  for (const f of HYPOTHETICAL_CUES) formFlags[formId(f)]! |= FORM_HYPO;
  for (const f of HISTORICAL_CUES) formFlags[formId(f)]! |= FORM_HIST;
  for (const f of ADULT_CUES) formFlags[formId(f)]! |= FORM_ADULT;

  const wordId = (w: Word): number => {
    const k = wordKey(w);
    let id = wordIds.get(k);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(k, id);
      for (const form of w.plural ? [w.folded, w.folded + 's'] : cachedForms(w.folded, w.exact)) {
        const fid = formId(form);
        if (formFlags[fid]! & FORM_FILLER) continue;
        pairForm.push(fid);
        pairWord.push(id);
      }
    }
    return id;
  };

  /** Register a phrase (with its variants); returns the phrase ids. */
  // The same phrase text often recurs (shared exclusion lists): fold and register it once.
  const idsByText = new Map<string, number[]>();
  const phraseIdsOf = (text: string): number[] => {
    let ids = idsByText.get(text);
    if (ids) return ids;
    ids = [];
    for (const variant of phraseVariants(text)) {
      const words = Int32Array.from(variant.map(wordId));
      const k = Array.from(words).join(',');
      let id = phraseIds.get(k);
      if (id === undefined) {
        id = phraseWordsArr.length;
        phraseIds.set(k, id);
        phraseWordsArr.push(words);
        phraseText.push(text);
        phraseRefs.push([]);
      }
      ids.push(id);
    }
    idsByText.set(text, ids);
    return ids;
  };
  const addPhrase = (text: string, ref: PhraseRef): number[] => {
    const ids = phraseIdsOf(text);
    for (const id of ids) {
      const refs = phraseRefs[id]!;
      const last = refs[refs.length - 1];
      // refs arrive trigger by trigger: a duplicate can only be among this trigger's own refs
      if (last && last.trigger === ref.trigger && refs.some((r) => r.trigger === ref.trigger && r.group === ref.group)) continue;
      refs.push(ref);
    }
    return ids;
  };

  let setOrdinal = -1;
  for (const set of sets) {
    setOrdinal++;
    const concepts = set.concepts;
    const sensitive = new Set(set.sensitive ?? []);
    const d = set.defaults ?? {};
    for (const p of expandPhrases(set.exclude ?? [], concepts)) addPhrase(p, { trigger: setOrdinal, group: GROUP_EXCLUDE });
    for (const raw of set.triggers) {
      const trig = expandTrigger(raw, concepts);
      // Two signals or none: a single-group trigger never reaches a sensitive prompt.
      const leadsTo = trig.leadsTo.filter((t) => !options.disabled?.has(t) && (!sensitive.has(t) || distinctGroups(trig) >= 2));
      if (!leadsTo.length || !trig.any.length) continue;
      const t = triggers.length;
      const all = (trig.all ?? []).filter((l) => l.length);
      for (const p of trig.any) addPhrase(p, { trigger: t, group: 0 });
      all.forEach((list, g) => list.forEach((p) => addPhrase(p, { trigger: t, group: g + 1 })));
      for (const p of trig.not ?? []) addPhrase(p, { trigger: t, group: -1 });
      triggers.push({
        id: trig.id,
        setId: set.id,
        leadsTo,
        groups: 1 + all.length,
        anchorGroup: rarestGroup([trig.any, ...all]),
        window: windowOf(trig),
        negated: trig.negated ?? d.negated ?? 'soften',
        experiencer: trig.experiencer ?? d.experiencer ?? 'any',
        historical: trig.historical ?? d.historical ?? 'show',
        hypothetical: trig.hypothetical ?? d.hypothetical ?? 'show',
        set: setOrdinal,
        weight: trig.weight ?? 1,
        hasNot: !!trig.not?.length,
        context: trig.context ? compileContext(trig, t, addPhrase) : null,
      });
      yield;
    }
  }

  // Hash table over all forms.
  const nForms = formFlags.length;
  let cap = 16;
  // load factor between 0.36 and 0.72: linear probing stays short, and the table is half the size of a 0.5 cap
  while (cap < nForms * 1.4) cap <<= 1;
  const mask = cap - 1;
  const keys1 = new Int32Array(cap);
  const keys2 = new Int32Array(cap);
  const vals = new Int32Array(cap);
  for (const [form, id] of formIds) {
    const [a, b] = hashWord(form);
    let slot = a & mask;
    while (vals[slot] !== 0) slot = (slot + 1) & mask;
    keys1[slot] = a;
    keys2[slot] = b;
    vals[slot] = id + 1;
  }
  // CSR of form → words, by counting sort over the pairs
  const formWordStart = new Int32Array(nForms + 1);
  for (const f of pairForm) formWordStart[f + 1]!++;
  for (let i = 0; i < nForms; i++) formWordStart[i + 1]! += formWordStart[i]!;
  const formWordData = new Int32Array(pairForm.length);
  const fill = formWordStart.slice(0, nForms);
  for (let k = 0; k < pairForm.length; k++) formWordData[fill[pairForm[k]!]!++] = pairWord[k]!;

  // Index each phrase under its rarest word (uBlock's idea): common words ("to", "of", "meeting")
  // would otherwise make every occurrence verify many phrases. Rarity: not a common English word,
  // then the fewest phrases already anchored there, then the longest word.
  const nWords = wordIds.size;
  const wordText: string[] = [];
  for (const [k, id] of wordIds) wordText[id] = k.replace(/^[=+]/, '');
  const firstLists: number[][] = Array.from({ length: nWords }, () => []);
  const phraseAnchor = new Int32Array(phraseWordsArr.length);
  const order = phraseWordsArr.map((_, i) => i).sort((a, b) => phraseWordsArr[a]!.length - phraseWordsArr[b]!.length);
  for (const p of order) {
    const ws = phraseWordsArr[p]!;
    let best = 0;
    let bestCost = Infinity;
    for (let j = 0; j < ws.length; j++) {
      const w = ws[j]!;
      const t = wordText[w]!;
      const cost = (COMMON.has(t) ? 1e6 : 0) + firstLists[w]!.length * 16 - Math.min(t.length, 12);
      if (cost < bestCost) {
        bestCost = cost;
        best = j;
      }
    }
    phraseAnchor[p] = best;
    firstLists[ws[best]!]!.push(p);
  }
  const primary = phraseRefs.map((refs) =>
    refs.some((r) => r.group >= -1 && (r.group === triggers[r.trigger]!.anchorGroup || triggers[r.trigger]!.window === 'note')),
  );
  const csr = (keep: (p: number) => boolean): [Int32Array, Int32Array] => {
    const start = new Int32Array(nWords + 1);
    let total = 0;
    for (let w = 0; w < nWords; w++) {
      start[w] = total;
      for (const p of firstLists[w]!) if (keep(p)) total++;
    }
    start[nWords] = total;
    const data = new Int32Array(total);
    let k = 0;
    for (let w = 0; w < nWords; w++) for (const p of firstLists[w]!) if (keep(p)) data[k++] = p;
    return [start, data];
  };
  const [firstStart, firstData] = csr((p) => primary[p]!);
  const [secondStart, secondData] = csr((p) => !primary[p]);

  return {
    size: nForms,
    keys1,
    keys2,
    vals,
    mask,
    formFlags: Uint8Array.from(formFlags),
    formWordStart,
    formWordData,
    firstStart,
    firstData,
    secondStart,
    secondData,
    phraseAnchor,
    ...phraseCsr(phraseWordsArr, phraseRefs),
    phraseText,
    triggers,
  };
}

function phraseCsr(words: readonly Int32Array[], refs: readonly (readonly PhraseRef[])[]) {
  const n = words.length;
  const phraseWordStart = new Int32Array(n + 1);
  const refStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    phraseWordStart[p + 1] = phraseWordStart[p]! + words[p]!.length;
    refStart[p + 1] = refStart[p]! + refs[p]!.length;
  }
  const phraseWordData = new Int32Array(phraseWordStart[n]!);
  const refTrigger = new Int32Array(refStart[n]!);
  const refGroup = new Int32Array(refStart[n]!);
  for (let p = 0; p < n; p++) {
    phraseWordData.set(words[p]!, phraseWordStart[p]!);
    refs[p]!.forEach((r, k) => {
      refTrigger[refStart[p]! + k] = r.trigger;
      refGroup[refStart[p]! + k] = r.group;
    });
  }
  return { phraseWordStart, phraseWordData, refStart, refTrigger, refGroup };
}

/** A trigger with its concept references ("@name") expanded. */
export function expandTrigger(trig: Trigger, concepts: PromptSet['concepts']): Trigger {
  if (!concepts) return trig;
  const x = (l: readonly string[]) => expandPhrases(l, concepts);
  return {
    ...trig,
    any: x(trig.any),
    ...(trig.all ? { all: trig.all.map(x) } : {}),
    ...(trig.not ? { not: x(trig.not) } : {}),
  };
}

/** The group whose phrases are least likely in a sentence: longest shortest phrase, then fewest phrases. */
function rarestGroup(groups: readonly (readonly string[])[]): number {
  let best = 0;
  let bestKey = -Infinity;
  groups.forEach((list, g) => {
    const shortest = Math.min(...list.map((p) => phraseWords(p).filter((w) => !FILLERS.has(w.folded)).length || 1));
    const common = list.filter((p) => {
      const ws = phraseWords(p);
      return ws.length === 1 && (COMMON.has(ws[0]!.folded) || ws[0]!.folded.length <= 4);
    }).length;
    const key = shortest * 1000 - common * 50 - list.length;
    if (key > bestKey) {
      bestKey = key;
      best = g;
    }
  });
  return best;
}

function windowOf(trig: Trigger): CompiledTrigger['window'] {
  const w = trig.window ?? 'sentence';
  return typeof w === 'object' ? w.words : w;
}

function compileContext(
  trig: Trigger,
  t: number,
  addPhrase: (text: string, ref: PhraseRef) => number[],
): CompiledTrigger['context'] {
  const c = trig.context!;
  const fieldPhrases = new Set<number>();
  const pagePhrases = new Set<number>();
  for (const p of c.fields ?? []) for (const id of addPhrase(p, { trigger: t, group: -2 })) fieldPhrases.add(id);
  for (const p of c.pages ?? []) for (const id of addPhrase(p, { trigger: t, group: -2 })) pagePhrases.add(id);
  return {
    effect: c.effect ?? 'boost',
    fieldPhrases,
    pagePhrases,
    urls: (c.urls ?? []).map((u) => u.toLowerCase()),
  };
}

/** Surface forms per word, shared across compiles (settings changes recompile; words repeat). */
const formCache = new Map<string, readonly string[]>();
function cachedForms(word: string, exact: boolean): readonly string[] {
  const k = (exact ? '=' : '') + word;
  let f = formCache.get(k);
  if (!f) {
    f = surfaceForms(word, exact);
    if (formCache.size > 50_000) formCache.clear();
    formCache.set(k, f);
  }
  return f;
}

/** Look a folded form up (for tests and tools). Returns the form id or -1. */
export function lookupForm(index: CompiledIndex, form: string): number {
  const [a, b] = hashWord(form);
  let slot = a & index.mask;
  for (;;) {
    const v = index.vals[slot]!;
    if (v === 0) return -1;
    if (index.keys1[slot] === a && index.keys2[slot] === b) return v - 1;
    slot = (slot + 1) & index.mask;
  }
}
