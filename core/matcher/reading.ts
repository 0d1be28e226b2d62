/**
 * The second reading: before a learning-point prompt is shown, the note as a whole is read once more
 * and asked which briefing sections it reads like. A prompt whose section the note does not read like
 * (under the set's `reading.hold`) is held back. It can only hold a prompt back, never raise one, so
 * every prompt shown was still raised by the set's own phrases and still says why.
 *
 * The reading is a small linear model per section over the note's words and word pairs (stemmed,
 * within a sentence), trained by `npm run train-reading` on the public dev corpus and stored in the
 * set (`reading`). Words for protected characteristics are never features (`skip`): swapping one
 * into a note cannot change what the reading says.
 *
 * Cost: a sentence's features are read once, when it is first needed (a field's first prompt), then
 * kept with the sentence; an edit reads only the sentences it rescans (NoteMatch keeps the sums).
 */
import type { ReadingModel } from '../schema/prompt-set.ts';
import { ASCII_FOLD, ASCII_KIND, foldCode, K } from '../text/fold.ts';

export interface CompiledReading {
  /** Ordinal of the set it belongs to: it reads only that set's prompts. */
  set: number;
  sections: readonly string[];
  /** Prompt id → section index. */
  promptSection: ReadonlyMap<string, number>;
  hold: number;
  /** The same for a prompt two or more of the set's triggers raised (lower: its phrases already agree). */
  holdCorroborated: number;
  /** Notes shorter than this are not read (nothing is held back). */
  minWords: number;
  /**
   * Nor notes longer than this many characters: far longer than the notes it learned from, and a long
   * record's new concern would be drowned by what came before it (NoteMatch.reading).
   */
  maxChars: number;
  /** Feature keys (a stem's hash, or a pair's), ascending: a feature's index is its place here. */
  keys: Int32Array;
  /** keys.length × sections, scaled by `scale`. */
  weights: Int32Array;
  /** Per section, scaled. */
  bias: Int32Array;
  scale: number;
  /** Hashes of the stems never read, ascending. */
  skip: Int32Array;
  /** Open addressing over keys and skip (made by `lookupTable`): slot → feature index + 1, SKIPPED, or 0. */
  table: Int32Array;
  tableKeys: Int32Array;
}

const SKIPPED = -1;

/** The table a page looks words up in: a probe or two per word instead of a binary search. */
export function lookupTable(keys: Int32Array, skip: Int32Array): { table: Int32Array; tableKeys: Int32Array } {
  let size = 16;
  while (size < (keys.length + skip.length) * 4) size <<= 1;
  const table = new Int32Array(size);
  const tableKeys = new Int32Array(size);
  const put = (key: number, value: number) => {
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= size - 1;
      if (table[i] === 0) {
        table[i] = value;
        tableKeys[i] = key;
        return;
      }
      if (tableKeys[i] === key) return; // the first keeps it
      i++;
    }
  };
  for (let k = 0; k < skip.length; k++) put(skip[k]!, SKIPPED);
  for (let f = 0; f < keys.length; f++) put(keys[f]!, f + 1);
  return { table, tableKeys };
}

/** Feature index + 1 of `key`, SKIPPED, or 0 when the model does not have it. */
function lookup(r: CompiledReading, key: number): number {
  const { table, tableKeys } = r;
  const mask = table.length - 1;
  let i = Math.imul(key, 0x9e3779b1) >>> 0;
  for (;;) {
    i &= mask;
    const v = table[i]!;
    if (v === 0 || tableKeys[i] === key) return v;
    i++;
  }
}

const MAX_WORD = 48;
const [I, N, G, E, D, S] = Array.from('ingeds', (ch) => ch.charCodeAt(0)) as [number, number, number, number, number, number];

/** A stem's hash (FNV-1a over its folded codes). */
function hashCodes(codes: ArrayLike<number>, n: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
  return h;
}
const pairKey = (a: number, b: number): number => (Math.imul(a, 0x5bd1e995) ^ (b + 0x9e3779b9)) | 0;

/** Length of a word's stem: one of -ing, -ed, -es, -s off a word long enough to keep four letters. */
function stemLength(codes: ArrayLike<number>, n: number): number {
  if (n <= 4) return n;
  const z = codes[n - 1]!;
  const y = codes[n - 2]!;
  if (n > 6 && z === G && y === N && codes[n - 3] === I) return n - 3;
  if (n > 5 && y === E && (z === D || z === S)) return n - 2;
  if (z === S) return n - 1;
  return n;
}

/**
 * At an apostrophe (text[i]): 1 when it starts a possessive "'s" that ends the word ("mum's" reads as
 * "mum", as the scanner reads it), so the "s" is passed over; 0 otherwise ("don't" reads as "dont").
 */
function possessive(text: string, i: number, end: number): number {
  const s = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  if (s !== 115 && s !== 83) return 0;
  if (i + 2 >= end) return 1;
  const after = text.charCodeAt(i + 2);
  const wordAfter = after < 128 ? ASCII_KIND[after] === K.Word : foldCode(after).kind === K.Word;
  return wordAfter ? 0 : 1;
}

/** The word being read (its folded codes), and prefix[k]: the hash of its first k codes. */
const buf = new Uint16Array(MAX_WORD);
const prefix = new Int32Array(MAX_WORD + 1);

/**
 * The words of text[start, end) as the reading sees them, for training and for the page alike: folded
 * as the scanner folds, apostrophes dropped ("'s" with them), numbers left out, each cut to its stem.
 * Calls `word(hash, stem)`; `stem` is made only when `withText` is set (training; the page needs hashes).
 */
export function readWords(text: string, start: number, end: number, word: (hash: number, stem: string) => void, withText = false): void {
  let n = 0;
  let digits = true;
  let h = 0x811c9dc5 | 0;
  for (let i = start; i <= end; i++) {
    if (i < end) {
      const c = text.charCodeAt(i);
      let kind: K;
      let codes: readonly number[] | null = null;
      if (c < 128) kind = ASCII_KIND[c] as K;
      else ({ kind, codes } = foldCode(c));
      if (kind === K.Word) {
        const m = codes ? codes.length : 1;
        for (let k = 0; k < m; k++) {
          const x = codes ? codes[k]! : ASCII_FOLD[c]!;
          if (x > 57) digits = false;
          if (n < MAX_WORD) {
            buf[n] = x;
            prefix[n] = h;
            h = Math.imul(h ^ x, 0x01000193);
            n++;
          }
        }
        continue;
      }
      if (kind === K.Apos) {
        i += possessive(text, i, end);
        continue;
      }
      if (kind === K.Ignore) continue;
    }
    // a word ends: its stem's hash is the hash of its first `len` codes, kept as it was read
    if (n > 0 && !digits) {
      const len = stemLength(buf, n);
      word(len === n ? h : prefix[len]!, withText ? String.fromCharCode(...buf.subarray(0, len)) : '');
    }
    n = 0;
    digits = true;
    h = 0x811c9dc5 | 0;
  }
}

/** The key of a stored feature ("stem" or "stem stem"). */
export function featureKey(feature: string): number {
  const parts = feature.split(' ');
  const h = parts.map((p) => hashCodes(Array.from(p, (ch) => ch.charCodeAt(0)), p.length));
  return h.length === 1 ? h[0]! : pairKey(h[0]!, h[1]!);
}

export function compileReading(model: ReadingModel, set: number): CompiledReading {
  const nS = model.sections.length;
  // by key, ascending; two features with one key (never seen) keep the first
  const rows = Object.entries(model.features)
    .map(([name, w]) => ({ key: featureKey(name), w: w.split(' ').map(Number) }))
    .sort((a, b) => a.key - b.key)
    .filter((r, i, all) => i === 0 || all[i - 1]!.key !== r.key);
  const keys = Int32Array.from(rows, (r) => r.key);
  const weights = new Int32Array(rows.length * nS);
  rows.forEach((r, f) => {
    for (let s = 0; s < nS; s++) weights[f * nS + s] = r.w[s] ?? 0;
  });
  const promptSection = new Map<string, number>();
  for (const [id, sec] of Object.entries(model.prompts)) {
    const i = model.sections.indexOf(sec);
    if (i >= 0) promptSection.set(id, i);
  }
  const skip = Int32Array.from(new Set(model.skip.map((w) => featureKey(w)))).sort();
  return {
    set,
    sections: model.sections,
    promptSection,
    hold: model.hold,
    holdCorroborated: model.holdCorroborated,
    minWords: model.minWords,
    maxChars: model.maxChars,
    keys,
    weights,
    bias: Int32Array.from(model.bias),
    scale: model.scale,
    skip,
    ...lookupTable(keys, skip),
  };
}

/**
 * A sentence's words and features: [words read, then feature indices into the model, repeats kept].
 * Each word and each pair of neighbouring words is a feature when the model has it; a skipped word
 * (a protected characteristic) is read as if it were not there, so it does not break a pair either.
 */
export function sentenceFeatures(r: CompiledReading, text: string, start: number, end: number): Int32Array {
  const out: number[] = [0];
  let words = 0;
  let prev = 0;
  let has = false;
  readWords(text, start, end, (w) => {
    const v = lookup(r, w);
    if (v === SKIPPED) return;
    words++; // a skipped word does not count towards minWords either
    if (v > 0) out.push(v - 1);
    if (has) {
      const p = lookup(r, pairKey(prev, w));
      if (p > 0) out.push(p - 1);
    }
    prev = w;
    has = true;
  });
  out[0] = words;
  return Int32Array.from(out);
}

/**
 * Per section, how much the note reads like it (0..1), from its feature counts; null (no opinion, hold
 * nothing back) for a note of fewer than `minWords` words: a line or two is too little to read a note by.
 */
export function sectionReading(r: CompiledReading, counts: ArrayLike<number>, words: number): Float64Array | null {
  if (words < r.minWords) return null;
  const nS = r.sections.length;
  const z = new Float64Array(nS);
  let norm = 0;
  const nF = r.keys.length;
  for (let f = 0; f < nF; f++) {
    const c = counts[f]!;
    if (c <= 0) continue;
    const v = Math.log1p(c);
    norm += v * v;
    for (let s = 0; s < nS; s++) z[s]! += v * r.weights[f * nS + s]!;
  }
  norm = norm > 0 ? Math.sqrt(norm) : 1;
  for (let s = 0; s < nS; s++) z[s] = 1 / (1 + Math.exp(-(z[s]! / norm + r.bias[s]!) / r.scale));
  return z;
}
