/**
 * Compile a prompt set once into an index the scanner can use in one pass:
 * every surface form of every trigger word is hashed into one open-addressing table, so a word
 * of the note costs one probe whatever the number of triggers.
 */
import { compileReading, type CompiledReading } from './reading.ts';
import type { AttributePolicy, ExperiencerPolicy, NegationPolicy, PromptSet, Trigger } from '../schema/prompt-set.ts';
import { distinctGroups, expandPhrases } from '../schema/concepts.ts';
import { foldWords } from '../text/fold.ts';
import { surfaceForms } from '../text/inflect.ts';
import { buildFormTable, formClass, narrowIds, type FormTable, type Ids } from './forms.ts';
export type { Ids } from './forms.ts';
import { ADULT_CUES, SUBJECT_BREAK_CUES, FILLER_WORDS, HISTORICAL_CUES, HYPOTHETICAL_CUES, NEGATION_CUES, SYNONYM_GROUPS } from '../text/synonyms.ts';

export const FORM_FILLER = 1;
export const FORM_NEG = 2;
/** ConText cues (clinical NLP's negation, hypothetical, historical and experiencer attributes). */
export const FORM_HYPO = 4;
export const FORM_HIST = 8;
export const FORM_ADULT = 16;
/** A word that may start a new subject between an adult and a phrase (SUBJECT_BREAK_CUES). */
export const FORM_SUBJECT_BREAK = 32;
export const FORM_CUES = FORM_NEG | FORM_HYPO | FORM_HIST | FORM_ADULT | FORM_SUBJECT_BREAK;
/** PhraseRef group for a set-wide exclusion (its `trigger` field is then the set's ordinal). */
export const GROUP_EXCLUDE = -3;
/** PhraseRef group for a note-wide exclusion (`excludeNote`; its `trigger` field is the set's ordinal). */
export const GROUP_EXCLUDE_NOTE = -5;
/** Refs that belong to a set, not a trigger (their `trigger` field is the set's ordinal). */
export const isSetRef = (g: number): boolean => g === GROUP_EXCLUDE || g === GROUP_EXCLUDE_NOTE;
/** PhraseRef group for a trigger's `ruledOutBy`: anywhere in the note, it silences the trigger. */
export const GROUP_RULED_OUT = -6;
/**
 * In the compiled refs (`refGroup`) only: a copy of a ref to a trigger's anchor group (a trigger
 * whose window is not the note), so the scanner's first pass reads one short run of refs.
 */
export const REF_ANCHOR = -4;
/** In the compiled refs only: group g of a note-window trigger is stored as REF_NOTE + g. */
export const REF_NOTE = 16;

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

export interface CompiledIndex extends FormTable {
  /** Surface forms the table stands for (stored as far fewer stems: forms.ts). */
  readonly size: number;
  /** Flags of each form class (FORM_*). */
  readonly formFlags: Uint8Array;
  /** CSR: the phrase-word ids each form class stands for. */
  readonly formWordStart: Ids;
  readonly formWordData: Ids;
  /**
   * CSR: one-word phrases by their word id. A phrase is "primary" when it can start a trigger (an
   * `any`, or evidence for a note-window trigger), "secondary" when it only ever completes or stops
   * one (`all`, `not`, context, set-wide exclusions). A sentence is searched for secondary phrases
   * only when a primary phrase was found in it: most sentences stop after the first, cheaper pass.
   */
  readonly firstStart: Ids;
  readonly firstData: Ids;
  /** The same, for secondary one-word phrases. */
  readonly secondStart: Ids;
  readonly secondData: Ids;
  /**
   * Longer phrases are indexed under one pair of adjacent words (the rarest pair): a note's word is
   * looked up with the word after it, so common words ("school", "mum") that begin many phrases
   * cost one lookup, not one check per phrase. CSR by the pair's first word id: `pairNext` holds
   * the second word ids, ascending within each first word (binary-searched).
   */
  readonly pairHead: Ids;
  readonly pairNext: Ids;
  /** CSR: the phrases under each pair, primary ones first; `pairSplit[e]` is where secondary ones begin. */
  readonly pairStart: Ids;
  readonly pairSplit: Ids;
  readonly pairData: Ids;
  /** Position within the phrase of the first word of its indexed pair (0 for one-word phrases). */
  readonly phraseAnchor: Uint8Array;
  /** CSR: the word ids of each phrase. */
  readonly phraseWordStart: Ids;
  readonly phraseWordData: Ids;
  /** Canonical text of each phrase (the manager's own words, as written in the set). */
  readonly phraseText: readonly string[];
  /**
   * CSR: what each phrase does (trigger, group) — see PhraseRef. Each phrase's refs run in this
   * order, each run in the set's order: set-wide exclusions (GROUP_EXCLUDE, GROUP_EXCLUDE_NOTE), anchors (REF_ANCHOR),
   * note-window evidence (REF_NOTE + group), `not` (-1) and `ruledOutBy` (GROUP_RULED_OUT), other groups (0..), context only (-2).
   */
  readonly refStart: Ids;
  readonly refTrigger: Ids;
  readonly refGroup: Int8Array;
  /**
   * Per phrase, its run of note-window evidence refs (REF_NOTE + group): [noteFrom, noteTo) in
   * refTrigger/refGroup. Computed here so a page does not work it out.
   */
  readonly noteFrom: Ids;
  readonly noteTo: Ids;
  /** A bit per hashed pair of words that indexes phrases (`pairBit`): most pairs in a note index none. */
  readonly pairBits: Int32Array;
  readonly triggers: readonly CompiledTrigger[];
  /** The sets' second readings (`reading`), each for its own set's prompts (reading.ts). */
  readonly readings: readonly CompiledReading[];
}

/** Bits in CompiledIndex.pairBits. */
export const PAIR_BITS = 1 << 17;
/** The bit of a pair of word ids in CompiledIndex.pairBits. */
export function pairBit(w1: number, w2: number): number {
  return (Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2 + 0x7f4a7c15, 0x85ebca6b)) >>> 15;
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
/**
 * Synonym groups by the words their members contain: a phrase only tries the groups it could match.
 * Built on first use: pages load this module (the scanner's constants) but never compile.
 */
let groupsByWordMemo: Map<string, string[][][]> | null = null;
function groupsByWord(): Map<string, string[][][]> {
  if (groupsByWordMemo) return groupsByWordMemo;
  const byWord = new Map<string, string[][][]>();
  for (const g of SYNONYM_GROUPS.map((grp) => grp.map((p) => foldWords(p)))) for (const m of g) for (const w of m) {
    const list = byWord.get(w) ?? [];
    if (!list.includes(g)) list.push(g);
    byWord.set(w, list);
  }
  return (groupsByWordMemo = byWord);
}

/** The phrase and its acronym/synonym variants, as folded word lists (fillers removed). */
export function phraseVariants(phrase: string): Word[][] {
  const words = phraseWords(phrase).filter((w) => !FILLERS.has(w.folded));
  if (!words.length) return [];
  const variants: Word[][] = [words];
  const seen = new Set([key(words)]);
  const groups = new Set<string[][]>();
  const byWord = groupsByWord();
  for (const w of words) for (const g of byWord.get(w.folded) ?? []) groups.add(g);
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
  for (const f of SUBJECT_BREAK_CUES) formFlags[formId(f)]! |= FORM_SUBJECT_BREAK;

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
  const readingOf: { set: PromptSet; ordinal: number; never: Set<string> }[] = [];
  /** Per trigger, its `leadsTo` as written (before switched-off and single-signal sensitive prompts go). */
  const leadsToAsWritten: string[][] = [];
  for (const set of sets) {
    setOrdinal++;
    const concepts = set.concepts;
    const sensitive = new Set(set.sensitive ?? []);
    if (set.reading) readingOf.push({ set, ordinal: setOrdinal, never: new Set([...sensitive, ...(options.disabled ?? [])]) });
    const d = set.defaults ?? {};
    for (const p of expandPhrases(set.exclude ?? [], concepts)) addPhrase(p, { trigger: setOrdinal, group: GROUP_EXCLUDE });
    for (const p of expandPhrases(set.excludeNote ?? [], concepts)) addPhrase(p, { trigger: setOrdinal, group: GROUP_EXCLUDE_NOTE });
    for (const raw of set.triggers) {
      const trig = expandTrigger(raw, concepts);
      // Two signals or none: a single-group trigger never reaches a sensitive prompt.
      const leadsTo = trig.leadsTo.filter((t) => !options.disabled?.has(t) && (!sensitive.has(t) || distinctGroups(trig) >= 2));
      // a trigger with no prompt left is still read when its set's reading may raise: what it finds is
      // its section's, not the reading's to raise (a switched-off prompt is not replaced by another)
      if (!trig.any.length || (!leadsTo.length && !set.reading?.raise)) continue;
      const t = triggers.length;
      leadsToAsWritten.push(trig.leadsTo);
      const all = (trig.all ?? []).filter((l) => l.length);
      for (const p of trig.any) addPhrase(p, { trigger: t, group: 0 });
      all.forEach((list, g) => list.forEach((p) => addPhrase(p, { trigger: t, group: g + 1 })));
      for (const p of trig.not ?? []) addPhrase(p, { trigger: t, group: -1 });
      for (const p of trig.ruledOutBy ?? []) addPhrase(p, { trigger: t, group: GROUP_RULED_OUT });
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

  const readings: CompiledReading[] = readingOf.map(({ set, ordinal, never }) =>
    compileReading(set.reading!, ordinal, set.id, {
      never,
      triggerLeadsTo: triggers.map((t, i) => (t.set === ordinal ? leadsToAsWritten[i] : undefined)),
      quiet: [...expandPhrases(set.exclude ?? [], set.concepts), ...expandPhrases(set.excludeNote ?? [], set.concepts)],
    }),
  );

  // Hash table over all forms.
  // Forms stored by stem (forms.ts), in classes: the forms that stand for the same phrase words with
  // the same flags share one class, and the scanner reads words and flags by class.
  const nForms = formFlags.length;
  const wordsOfForm: number[][] = Array.from({ length: nForms }, () => []);
  for (let k = 0; k < pairForm.length; k++) wordsOfForm[pairForm[k]!]!.push(pairWord[k]!);
  const classIds = new Map<string, number>();
  const classWords: number[][] = [];
  const classFlags: number[] = [];
  const classOfForm = new Int32Array(nForms);
  for (let f = 0; f < nForms; f++) {
    const words = wordsOfForm[f]!.sort((a, b) => a - b);
    const key = `${formFlags[f]}|${words.join(',')}`;
    let c = classIds.get(key);
    if (c === undefined) {
      c = classWords.length;
      classIds.set(key, c);
      classWords.push(words);
      classFlags.push(formFlags[f]!);
    }
    classOfForm[f] = c;
  }
  const formsByString = new Map<string, number>();
  for (const [form, id] of formIds) formsByString.set(form, classOfForm[id]!);
  const forms = buildFormTable(formsByString);
  const nClasses = classWords.length;
  const formWordStart = new Int32Array(nClasses + 1);
  for (let c = 0; c < nClasses; c++) formWordStart[c + 1] = formWordStart[c]! + classWords[c]!.length;
  const formWordData = new Int32Array(formWordStart[nClasses]!);
  for (let c = 0; c < nClasses; c++) formWordData.set(classWords[c]!, formWordStart[c]!);

  // Index each phrase (uBlock's idea): one-word phrases under their word, longer ones under their
  // rarest pair of adjacent words. Rarity: not two common English words, then the fewest phrases
  // already under that pair, then the longest words.
  const nWords = wordIds.size;
  const wordText: string[] = [];
  for (const [k, id] of wordIds) wordText[id] = k.replace(/^[=+]/, '');
  const nPhrases = phraseWordsArr.length;
  const phraseAnchor = new Int32Array(nPhrases);
  const primary = phraseRefs.map((refs) =>
    // a note-wide exclusion silences the note wherever it is, even in a sentence with nothing else
    refs.some((r) => r.group === GROUP_EXCLUDE_NOTE || r.group === GROUP_RULED_OUT || (r.group >= -1 && (r.group === triggers[r.trigger]!.anchorGroup || triggers[r.trigger]!.window === 'note'))),
  );
  const singles: number[][] = Array.from({ length: nWords }, () => []);
  const pairLists = new Map<number, Map<number, number[]>>(); // first word → second word → phrases
  const order = phraseWordsArr.map((_, i) => i).sort((a, b) => phraseWordsArr[a]!.length - phraseWordsArr[b]!.length || a - b);
  for (const p of order) {
    const ws = phraseWordsArr[p]!;
    if (ws.length === 1) {
      singles[ws[0]!]!.push(p);
      continue;
    }
    let best = 0;
    let bestCost = Infinity;
    for (let j = 0; j + 1 < ws.length; j++) {
      const a = wordText[ws[j]!]!;
      const b = wordText[ws[j + 1]!]!;
      const common = (COMMON.has(a) ? 1 : 0) + (COMMON.has(b) ? 1 : 0);
      const cost = common * 1e5 + (pairLists.get(ws[j]!)?.get(ws[j + 1]!)?.length ?? 0) * 16 - Math.min(a.length + b.length, 24);
      if (cost < bestCost) {
        bestCost = cost;
        best = j;
      }
    }
    phraseAnchor[p] = best;
    let byNext = pairLists.get(ws[best]!);
    if (!byNext) pairLists.set(ws[best]!, (byNext = new Map()));
    let list = byNext.get(ws[best + 1]!);
    if (!list) byNext.set(ws[best + 1]!, (list = []));
    list.push(p);
  }
  const csr = (keep: (p: number) => boolean): [Int32Array, Int32Array] => {
    const start = new Int32Array(nWords + 1);
    let total = 0;
    for (let w = 0; w < nWords; w++) {
      start[w] = total;
      for (const p of singles[w]!) if (keep(p)) total++;
    }
    start[nWords] = total;
    const data = new Int32Array(total);
    let k = 0;
    for (let w = 0; w < nWords; w++) for (const p of singles[w]!) if (keep(p)) data[k++] = p;
    return [start, data];
  };
  const [firstStart, firstData] = csr((p) => primary[p]!);
  const [secondStart, secondData] = csr((p) => !primary[p]);
  // pairs: CSR by first word, second words ascending; then the phrases of each pair, primary first
  let nPairs = 0;
  for (const m of pairLists.values()) nPairs += m.size;
  const pairHead = new Int32Array(nWords + 1);
  const pairNext = new Int32Array(nPairs);
  const pairStart = new Int32Array(nPairs + 1);
  const pairSplit = new Int32Array(nPairs);
  const pairData = new Int32Array(nPhrases - order.filter((p) => phraseWordsArr[p]!.length === 1).length);
  let e = 0;
  let d = 0;
  for (let w = 0; w < nWords; w++) {
    pairHead[w] = e;
    const byNext = pairLists.get(w);
    if (!byNext) continue;
    for (const next of [...byNext.keys()].sort((x, y) => x - y)) {
      const list = byNext.get(next)!;
      pairNext[e] = next;
      pairStart[e] = d;
      for (const p of list) if (primary[p]) pairData[d++] = p;
      pairSplit[e] = d;
      for (const p of list) if (!primary[p]) pairData[d++] = p;
      e++;
    }
  }
  pairHead[nWords] = e;
  pairStart[e] = d;
  const pairBits = new Int32Array(PAIR_BITS >>> 5);
  for (let w = 0; w < nWords; w++) {
    for (let k = pairHead[w]!; k < pairHead[w + 1]!; k++) {
      const b = pairBit(w, pairNext[k]!);
      pairBits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  return {
    size: nForms,
    ...forms,
    formFlags: Uint8Array.from(classFlags),
    // ids and offsets in two bytes when they fit (compact.ts): the form a page holds stays small
    formWordStart: narrowIds(formWordStart),
    formWordData: narrowIds(formWordData),
    firstStart: narrowIds(firstStart),
    firstData: narrowIds(firstData),
    secondStart: narrowIds(secondStart),
    secondData: narrowIds(secondData),
    pairHead: narrowIds(pairHead),
    pairNext: narrowIds(pairNext),
    pairStart: narrowIds(pairStart),
    pairSplit: narrowIds(pairSplit),
    pairData: narrowIds(pairData),
    phraseAnchor: Uint8Array.from(phraseAnchor),
    ...phraseCsr(phraseWordsArr, phraseRefs, triggers),
    pairBits,
    phraseText,
    triggers,
    readings,
  };
}

function phraseCsr(words: readonly Int32Array[], refs: readonly (readonly PhraseRef[])[], triggers: readonly CompiledTrigger[]) {
  const n = words.length;
  // refs in runs by what the scanner does with them (see CompiledIndex.refStart)
  const runOf = (r: PhraseRef): number => (isSetRef(r.group) ? 0 : r.group === -1 || r.group === GROUP_RULED_OUT ? 3 : r.group === -2 ? 5 : triggers[r.trigger]!.window === 'note' ? 2 : 4);
  const ordered = refs.map((list) => {
    const out: PhraseRef[] = [];
    for (let run = 0; run < 6; run++) {
      for (const r of list) {
        if (run === 1) {
          if (r.group >= 0 && triggers[r.trigger]!.window !== 'note' && r.group === triggers[r.trigger]!.anchorGroup) out.push({ trigger: r.trigger, group: REF_ANCHOR });
        } else if (runOf(r) === run) out.push(run === 2 ? { trigger: r.trigger, group: REF_NOTE + r.group } : r);
      }
    }
    return out;
  });
  const phraseWordStart = new Int32Array(n + 1);
  const refStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    phraseWordStart[p + 1] = phraseWordStart[p]! + words[p]!.length;
    refStart[p + 1] = refStart[p]! + ordered[p]!.length;
  }
  const phraseWordData = new Int32Array(phraseWordStart[n]!);
  const refTrigger = new Int32Array(refStart[n]!);
  // groups run from -6 (GROUP_RULED_OUT) to REF_NOTE + 5: one byte each
  const refGroup = new Int8Array(refStart[n]!);
  for (let p = 0; p < n; p++) {
    phraseWordData.set(words[p]!, phraseWordStart[p]!);
    ordered[p]!.forEach((r, k) => {
      refTrigger[refStart[p]! + k] = r.trigger;
      refGroup[refStart[p]! + k] = r.group;
    });
  }
  // each phrase's run of note-window evidence refs
  const noteFrom = new Int32Array(n);
  const noteTo = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    let r = refStart[p]!;
    const re = refStart[p + 1]!;
    while (r < re && (isSetRef(refGroup[r]!) || refGroup[r] === REF_ANCHOR)) r++;
    noteFrom[p] = r;
    while (r < re && refGroup[r]! >= REF_NOTE) r++;
    noteTo[p] = r;
  }
  return {
    phraseWordStart: narrowIds(phraseWordStart),
    phraseWordData: narrowIds(phraseWordData),
    refStart: narrowIds(refStart),
    refTrigger: narrowIds(refTrigger),
    refGroup,
    noteFrom: narrowIds(noteFrom),
    noteTo: narrowIds(noteTo),
  };
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
    ...(trig.ruledOutBy ? { ruledOutBy: x(trig.ruledOutBy) } : {}),
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

/** Look a folded word up (for tests and tools). Returns its form class or -1. */
export function lookupForm(index: CompiledIndex, form: string): number {
  return formClass(index, form);
}
