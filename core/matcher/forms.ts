/**
 * The table of surface forms, stored by stem: a page keeps ~9,700 stems instead of ~190,000 forms.
 *
 * Every string splits one way only into stem + suffix (`splitSuffix`: the longest suffix of a fixed
 * list, with a doubled consonant folded: "referred" → "refer" + "ed²"). The compiler splits each
 * generated form that way and records, per stem, which suffixes each form class takes (a 64-bit
 * mask; a class is the phrase words and flags a form stands for). The scanner splits a note's word the same way and looks the stem up. Because the split is a
 * function of the string alone, a word matches exactly the forms it matched when every form had its
 * own entry: the table is smaller, the matches are the same (tests/unit/core/matcher/forms.test.ts).
 */
import { hashWord } from '../text/fold.ts';

/** Suffixes the inflector adds (core/text/inflect.ts), longest first. Part of the engine version. */
const SUFFIXES = [
  'ations', 'izing', 'ising', 'ation', 'iness', 'fully', 'ments',
  'ised', 'ized', 'ures', 'ions', 'ance', 'ence', 'ment', 'ness',
  'ing', 'ers', 'ure', 'ion', 'ive', 'als', 'ant', 'ent', 'ors', 'ise', 'ize', 'ful', 'ies', 'ied',
  'ed', 'er', 'al', 'or', 'es', 'ly',
  's',
] as const;
/** After these, a doubled consonant before the suffix is folded too (admitted, travelling, referral). */
const DOUBLING = new Set(['ed', 'ing', 'er', 'ers', 'al', 'als']);
/** Suffix ids: 0 = none, 1..n = SUFFIXES[i-1], n+1.. = the doubled-consonant variants. */
export const SUFFIX_COUNT = 1 + SUFFIXES.length + DOUBLING.size;
const DOUBLED_ID = new Map([...DOUBLING].map((s, i) => [s, 1 + SUFFIXES.length + i]));

/** Suffixes by their last character code (each list longest first), for the scanner's quick test. */
const BY_LAST: (readonly { codes: readonly number[]; id: number; doubles: boolean }[])[] = Array.from({ length: 128 }, () => []);
SUFFIXES.forEach((s, i) => {
  (BY_LAST[s.charCodeAt(s.length - 1)] as { codes: number[]; id: number; doubles: boolean }[]).push({
    codes: [...s].map((c) => c.charCodeAt(0)),
    id: i + 1,
    doubles: DOUBLING.has(s),
  });
});

const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;

/**
 * Split a folded word (its character codes, `len` of them) into stem and suffix.
 * Returns stemLength * 64 + suffixId. A stem keeps at least 2 characters.
 */
export function splitSuffix(codes: ArrayLike<number>, len: number): number {
  const last = codes[len - 1]!;
  if (last >= 128) return len * 64;
  const list = BY_LAST[last]!;
  for (let k = 0; k < list.length; k++) {
    const suf = list[k]!;
    const sl = suf.codes.length;
    const stem = len - sl;
    if (stem < 2) continue;
    let ok = true;
    for (let j = 0; j < sl - 1; j++) {
      if (codes[stem + j] !== suf.codes[j]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (suf.doubles && stem >= 3) {
      const c = codes[stem - 1]!;
      if (c === codes[stem - 2] && c >= 97 && c <= 122 && !isVowel(c)) return (stem - 1) * 64 + DOUBLED_ID.get(suffixText(suf.id))!;
    }
    return stem * 64 + suf.id;
  }
  return len * 64;
}
const suffixText = (id: number): string => SUFFIXES[id - 1]!;

/** Characters of a word the scanner keeps to find its stem; a longer word is looked up whole. */
export const MAX_WORD = 48;

/** Split a folded string (compile time, tests and tools), exactly as the scanner splits a word. */
export function splitWord(word: string): { stem: string; suffix: number } {
  if (word.length > MAX_WORD) return { stem: word, suffix: 0 };
  const codes = Array.from({ length: word.length }, (_, i) => word.charCodeAt(i));
  const r = splitSuffix(codes, word.length);
  return { stem: word.slice(0, Math.floor(r / 64)), suffix: r % 64 };
}

/** Two bytes per element when every value fits, else four (chosen per array at compile time). */
export type Ids = Uint16Array | Int32Array;
export function narrowIds(a: Int32Array): Ids {
  for (let i = 0; i < a.length; i++) if (a[i]! < 0 || a[i]! > 0xffff) return a;
  return Uint16Array.from(a);
}

/**
 * Forms are grouped into classes: forms that stand for the same phrase words with the same flags
 * ("neglect", "neglected", "neglectful" all stand for the word neglect) share one class, and the
 * scanner works with class ids where it used to work with form ids.
 */
export interface FormTable {
  /** Open addressing over stems, three numbers a slot: h1, h2, stem index + 1 (0 = empty). */
  readonly table: Int32Array;
  /** Slots - 1. */
  readonly mask: number;
  /** CSR: the entries of each stem. */
  readonly entryStart: Ids;
  /** The form class of each entry. */
  readonly entryClass: Ids;
  /** Which suffix ids the entry takes: bits 0–31 and 32–63. */
  readonly entryLo: Int32Array;
  readonly entryHi: Int32Array;
}

/** Build the table from every surface form and its class. */
export function buildFormTable(forms: ReadonlyMap<string, number>): FormTable {
  // stem → class → [lo, hi]
  const stems = new Map<string, Map<number, [number, number]>>();
  for (const [form, cls] of forms) {
    const { stem, suffix } = splitWord(form);
    let entries = stems.get(stem);
    if (!entries) stems.set(stem, (entries = new Map()));
    let e = entries.get(cls);
    if (!e) entries.set(cls, (e = [0, 0]));
    if (suffix < 32) e[0] |= 1 << suffix;
    else e[1] |= 1 << (suffix - 32);
  }
  let cap = 16;
  // load factor between 0.36 and 0.72: linear probing stays short
  while (cap < stems.size * 1.4) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap * 3);
  let n = 0;
  for (const e of stems.values()) n += e.size;
  const entryStart = new Int32Array(stems.size + 1);
  const entryClass = new Int32Array(n);
  const entryLo = new Int32Array(n);
  const entryHi = new Int32Array(n);
  let s = 0;
  let k = 0;
  for (const [stem, entries] of stems) {
    const [a, b] = hashWord(stem);
    let slot = a & mask;
    while (table[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
    table[slot * 3] = a;
    table[slot * 3 + 1] = b;
    table[slot * 3 + 2] = s + 1;
    entryStart[s] = k;
    for (const [cls, [lo, hi]] of entries) {
      entryClass[k] = cls;
      entryLo[k] = lo;
      entryHi[k] = hi;
      k++;
    }
    s++;
  }
  entryStart[s] = k;
  return { table, mask, entryStart: narrowIds(entryStart), entryClass: narrowIds(entryClass), entryLo, entryHi };
}

/** The stem index for a stem's hash, or -1. */
export function lookupStem(t: FormTable, h1: number, h2: number): number {
  const table = t.table;
  let slot = h1 & t.mask;
  for (;;) {
    const v = table[slot * 3 + 2]!;
    if (v === 0) return -1;
    if (table[slot * 3] === h1 && table[slot * 3 + 1] === h2) return v - 1;
    slot = (slot + 1) & t.mask;
  }
}

/** The class of the form with this stem and suffix id, or -1 when there is no such form. */
export function classOf(t: FormTable, stem: number, sfx: number): number {
  const lo = sfx < 32 ? 1 << sfx : 0;
  const hi = sfx < 32 ? 0 : 1 << (sfx - 32);
  for (let e = t.entryStart[stem]!, ee = t.entryStart[stem + 1]!; e < ee; e++) {
    if ((t.entryLo[e]! & lo) !== 0 || (t.entryHi[e]! & hi) !== 0) return t.entryClass[e]!;
  }
  return -1;
}

/** The class of a folded word (compile time, tests and tools), or -1. */
export function formClass(t: FormTable, word: string): number {
  const { stem, suffix } = splitWord(word);
  const [a, b] = hashWord(stem);
  const s = lookupStem(t, a, b);
  return s < 0 ? -1 : classOf(t, s, suffix);
}
