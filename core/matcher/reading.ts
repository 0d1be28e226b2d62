/**
 * The second reading: before a learning-point prompt is shown, the note as a whole is read once more
 * and asked which briefing sections it reads like. A prompt whose section the note does not read like
 * (under the set's `reading.hold`) is held back, keeping its place (it never lets another through).
 * With `reading.raise`, a note that reads strongly like a section the set's phrases left alone (nothing
 * of it raised, nothing of it ruled out) may raise that section's one prompt (rank.ts), unless the note
 * holds a phrase that keeps the reading quiet (`quiet`: office text, a note-wide exclusion, reassurance
 * the reading cannot read as such). That prompt says why with the words that count most (readingSpans).
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

/**
 * The trigger id a prompt the reading raised reports ("setId/second-reading"). A set with `raise` may
 * not have a trigger of that id (crossCheckSet), so the id always means the reading.
 */
export const READING_TRIGGER = 'second-reading';

export interface CompiledReading {
  /** Ordinal of the set it belongs to: it reads only that set's prompts. */
  set: number;
  /** That set's id (a prompt the reading raises reports "setId/" + READING_TRIGGER). */
  setId: string;
  sections: readonly string[];
  /** Prompt id → section index. */
  promptSection: ReadonlyMap<string, number>;
  hold: number;
  /** The same for a prompt two or more of the set's triggers raised (lower: its phrases already agree). */
  holdCorroborated: number;
  /**
   * A note that reads like a section at least this much (0..1) raises that section's `raisePrompt`
   * when the set's phrases raised nothing of the section (rank.ts); Infinity: the reading raises nothing.
   */
  raiseAt: number;
  /** Per section, the prompt the reading may raise (null: none; never a sensitive or disabled prompt). */
  raisePrompt: readonly (string | null)[];
  /**
   * Per trigger of the index (0 for another set's), the sections its prompts belong to, as a bit mask,
   * from its `leadsTo` as written (a switched-off prompt still covers its section): a section any of
   * them fired or was ruled out in is not the reading's to raise.
   */
  triggerSections: Int32Array;
  /**
   * Phrases that keep the reading from raising anything in the note, as sequences of word hashes (read
   * as readWords reads): the set's `exclude` and `excludeNote`, and `raise.quiet`.
   */
  quiet: readonly Int32Array[];
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
export function readWords(text: string, start: number, end: number, word: (hash: number, stem: string, from: number, to: number) => void, withText = false): void {
  let n = 0;
  let digits = true;
  let h = 0x811c9dc5 | 0;
  /** Where the word being read starts, and where its last letter ends. */
  let from = start;
  let to = start;
  for (let i = start; i <= end; i++) {
    if (i < end) {
      const c = text.charCodeAt(i);
      let kind: K;
      let codes: readonly number[] | null = null;
      if (c < 128) kind = ASCII_KIND[c] as K;
      else ({ kind, codes } = foldCode(c));
      if (kind === K.Word) {
        if (n === 0) from = i;
        to = i + 1;
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
      word(len === n ? h : prefix[len]!, withText ? String.fromCharCode(...buf.subarray(0, len)) : '', from, to);
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

/**
 * `never`: prompts the reading may not raise whatever the set says: the set's sensitive prompts (they
 * need two signals of the set's own) and prompts switched off.
 */
export function compileReading(
  model: ReadingModel,
  set: number,
  setId: string,
  {
    never = new Set(),
    triggerLeadsTo = [],
    quiet = [],
  }: {
    /** Prompts never raised (sensitive, switched off). */
    never?: ReadonlySet<string>;
    /** Per trigger of the index, its `leadsTo` as written; undefined for another set's. */
    triggerLeadsTo?: readonly (readonly string[] | undefined)[];
    /** Phrases that keep the reading quiet (expanded). */
    quiet?: readonly string[];
  } = {},
): CompiledReading {
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
    setId,
    sections: model.sections,
    promptSection,
    hold: model.hold,
    holdCorroborated: model.holdCorroborated,
    raiseAt: model.raise ? model.raise.at : Infinity,
    raisePrompt: model.sections.map((sec) => {
      const id = model.raise?.prompts[sec];
      return id !== undefined && model.prompts[id] === sec && !never.has(id) ? id : null;
    }),
    triggerSections: Int32Array.from(triggerLeadsTo, (ids) => {
      let m = 0;
      for (const id of ids ?? []) {
        const sec = model.prompts[id];
        const i = sec === undefined ? -1 : model.sections.indexOf(sec);
        if (i >= 0) m |= 1 << i;
      }
      return m;
    }),
    quiet: quietSequences([...quiet, ...(model.raise?.quiet ?? [])]),
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

/** Phrases as sequences of word hashes, as readWords reads them (an empty or number-only phrase is dropped). */
export function quietSequences(phrases: readonly string[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (const p of phrases) {
    const seq: number[] = [];
    readWords(p, 0, p.length, (h) => seq.push(h));
    if (seq.length) out.push(Int32Array.from(seq));
  }
  return out;
}

/** Whether the note holds one of the reading's quiet phrases (asked only when it would raise a prompt). */
export function quietIn(r: CompiledReading, text: string): boolean {
  if (!r.quiet.length) return false;
  const words: number[] = [];
  readWords(text, 0, text.length, (h) => words.push(h));
  const first = new Set<number>();
  for (const q of r.quiet) first.add(q[0]!);
  for (let i = 0; i < words.length; i++) {
    if (!first.has(words[i]!)) continue;
    next: for (const q of r.quiet) {
      if (q[0] !== words[i] || i + q.length > words.length) continue;
      for (let k = 1; k < q.length; k++) if (words[i + k] !== q[k]) continue next;
      return true;
    }
  }
  return false;
}

/**
 * Per section, how much the note reads like it (0..1), from its feature counts; null (no opinion, hold
 * back and raise nothing) for a note of fewer than `minWords` words, or none: a line or two is too
 * little to read a note by.
 */
export function sectionReading(r: CompiledReading, counts: ArrayLike<number>, words: number): Float64Array | null {
  if (words < r.minWords || words === 0) return null;
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

/**
 * Words too common to say why on their own: "not", "but" or "visit" may count towards a section, yet
 * quoting them back tells the practitioner nothing. They still count in the reading; a pair with one
 * other word ("not seen", "visit refused") may still be quoted.
 */
const WHY_STOP = `a about after again all already also always am an and any are as at be been before being
between both but by can could day did do does done each even ever every few for from get got had has
have having he her here hers him his how i if in into is it its just last made make many may me might
more most mr mrs ms much must my never next no nobody none nor not nothing now of off on once one only
or other our out over own said same say says see seen she should since so some still such than that
the their them then there these they this those though through time to today told too two under until
up us very visit was we week well were what when where which while who whom why will with without
would yet you your mum dad mother father child children wk cant dont didnt wont isnt wasnt doesnt
havent hasnt couldnt wouldnt im ive id non ago fine because okay ok yes yeah anyway really
thing things lot bit`.split(/\s+/);
let whyStop: Set<number> | null = null;
function whyStopKeys(): Set<number> {
  if (!whyStop) {
    whyStop = new Set();
    for (const w of WHY_STOP) readWords(w, 0, w.length, (h) => whyStop!.add(h));
  }
  return whyStop;
}

/**
 * Why the reading raised a section: the note's words that count most towards it, at most `max`, each
 * at its first place in the note, in the note's order. A word or pair counts by how much more it weighs
 * for this section than for any other (words that read like every section say nothing of this one);
 * a common word is never quoted alone (WHY_STOP). Read afresh from the text: asked only for a prompt the
 * reading raised.
 */
export function readingSpans(
  r: CompiledReading,
  text: string,
  sentences: readonly { start: number; end: number }[],
  section: number,
  max = 3,
): { start: number; end: number; phrase: string }[] {
  const nS = r.sections.length;
  const stop = whyStopKeys();
  const margin = (f: number): number => {
    let other = -Infinity;
    for (let o = 0; o < nS; o++) if (o !== section) other = Math.max(other, r.weights[f * nS + o]!);
    return r.weights[f * nS + section]! - other;
  };
  const first = new Map<number, { start: number; end: number; m: number }>();
  const note = (v: number, start: number, end: number) => {
    if (v <= 0 || first.has(v - 1)) return;
    const m = margin(v - 1);
    if (m > 0 && r.weights[(v - 1) * nS + section]! > 0) first.set(v - 1, { start, end, m });
  };
  // as sentenceFeatures reads them: sentence by sentence, pairs within a sentence
  for (const s of sentences) {
    let prev = 0;
    let prevFrom = -1;
    /** A skipped word (a protected characteristic) lies between the pair's words: never quoted. */
    let bridged = false;
    readWords(text, s.start, s.end, (w, _stem, from, to) => {
      const v = lookup(r, w);
      if (v === SKIPPED) {
        bridged = true;
        return;
      }
      if (!stop.has(w) && to - from >= 3) note(v, from, to); // "M", "P": initials say nothing alone
      if (prevFrom >= 0 && !bridged && !(stop.has(prev) && stop.has(w))) note(lookup(r, pairKey(prev, w)), prevFrom, to);
      prev = w;
      prevFrom = from;
      bridged = false;
    });
  }
  const best = [...first.values()].sort((a, b) => b.m - a.m || a.start - b.start);
  const out: { start: number; end: number; phrase: string }[] = [];
  for (const sp of best) {
    if (out.length >= max) break;
    if (out.some((o) => o.start < sp.end && sp.start < o.end)) continue; // a word already quoted in a pair
    out.push({ start: sp.start, end: sp.end, phrase: '' });
  }
  return out.sort((a, b) => a.start - b.start);
}
