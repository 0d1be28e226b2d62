/**
 * A note being written: its sentences and what fired in each, kept up to date incrementally.
 * `update(newText)` finds the edited region, rescans only the sentences it touches, and shifts the
 * rest. The result is identical to a full rescan (property-tested).
 */
import type { CompiledIndex } from './compile.ts';
import type { NoteTotals } from './rank.ts';
import { quietIn, readingSpans, sectionReading, sentenceFeatures, type CompiledReading } from './reading.ts';
import { expandEvidence, PARTIAL_STRIDE, Scanner, type Sentence } from './scan.ts';

/** A second reading's running feature counts over the note, and each sentence's features. */
interface ReadingSums {
  counts: Int32Array;
  words: number;
  of: WeakMap<Sentence, Int32Array>;
  /** The last answer, until the note changes (undefined: not asked since). */
  last: Float64Array | null | undefined;
}

export class NoteMatch {
  private text = '';
  private sentences: Sentence[] = [];
  /** Sentences where something fired or was noted: what ranking needs, kept as edits happen. */
  private withHits = new Set<Sentence>();
  private readonly scanner: Scanner;
  /** Bumped on every change, so callers can cache derived results. */
  revision = 0;
  /**
   * What ranking needs, summed over the sentences and kept as they come and go (see rank.ts): made on
   * the first call to totals(), so a one-off match (matchText) never pays for it.
   */
  private sums: Omit<NoteTotals, 'sentences'> | null = null;
  /** Per second reading, its counts: made the first time the note is ranked with the reading. */
  private readonly readingSums = new Map<CompiledReading, ReadingSums>();
  /** Scratch for a sentence's evidence as trigger groups. */
  private readonly expanded: number[] = [];

  /** `cache: false` reads every sentence afresh (see Scanner): for the benchmark's comparison. */
  constructor(
    readonly index: CompiledIndex,
    options: { cache?: boolean } = {},
  ) {
    this.scanner = new Scanner(index, options);
  }

  /** The note's running totals, for `rank` (a keystroke then costs what changed, not the note's length). */
  totals(): NoteTotals {
    if (!this.sums) {
      const n = this.index.triggers.length;
      let stride = 1;
      for (const t of this.index.triggers) stride = Math.max(stride, t.groups);
      this.sums = {
        stride,
        fireCount: new Int32Array(n),
        fireHard: new Int32Array(n),
        evidence: new Int32Array(n * stride),
        evidencePlain: new Int32Array(n),
        notCount: new Int32Array(n),
        sentencesOf: new Map(),
        noteExcluded: new Map(),
      };
      for (const s of this.withHits) this.count(s, 1);
    }
    return { sentences: this.sentences, ...this.sums };
  }

  /**
   * How much the note reads like each of the reading's sections (reading.ts), or null for no opinion.
   * The first call reads every sentence; after that an edit reads only the sentences it rescanned.
   */
  reading(r: CompiledReading): Float64Array | null {
    // a long record is not read at all (reading.ts): no cost on a long field
    if (this.text.length > r.maxChars) return null;
    let sums = this.readingSums.get(r);
    if (!sums) {
      sums = { counts: new Int32Array(r.keys.length), words: 0, of: new WeakMap(), last: undefined };
      this.readingSums.set(r, sums);
      for (const s of this.sentences) this.read(r, sums, s, 1);
    }
    if (sums.last === undefined) sums.last = sectionReading(r, sums.counts, sums.words);
    return sums.last;
  }

  /**
   * What a second reading needs to raise a prompt (RankOptions.raising): the note's words that count
   * most towards a section, and whether the note holds one of the reading's quiet phrases.
   */
  readonly raising = {
    spans: (r: CompiledReading, section: number): { start: number; end: number; phrase: string }[] => readingSpans(r, this.text, this.sentences, section),
    quiet: (r: CompiledReading): boolean => quietIn(r, this.text),
  };

  private read(r: CompiledReading, sums: ReadingSums, s: Sentence, d: number): void {
    let f = sums.of.get(s);
    if (!f) sums.of.set(s, (f = sentenceFeatures(r, this.text, s.start, s.end)));
    sums.words += d * f[0]!;
    for (let k = 1; k < f.length; k++) sums.counts[f[k]!]! += d;
    sums.last = undefined;
  }

  get value(): string {
    return this.text;
  }

  getSentences(): readonly Sentence[] {
    return this.sentences;
  }

  /** Only the sentences with results (ranking reads these; cost independent of the note's length). */
  getHitSentences(): Sentence[] {
    return [...this.withHits];
  }

  private track(s: Sentence): void {
    if (s.fires || s.evidence || s.nots || s.noteExcluded) {
      this.withHits.add(s);
      if (this.sums) this.count(s, 1);
    }
  }

  private untrack(s: Sentence): void {
    if (this.withHits.delete(s) && this.sums) this.count(s, -1);
  }

  private count(s: Sentence, d: number): void {
    const { fireCount, fireHard, evidence, evidencePlain, notCount, stride, sentencesOf } = this.sums!;
    // per trigger, its sentences in the note's order: an edit shifts the sentences after it all alike,
    // so the order holds; a sentence comes in at its place and goes out by identity
    const member = (t: number) => {
      let list = sentencesOf.get(t);
      if (d > 0) {
        if (!list) sentencesOf.set(t, (list = []));
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.start < s.start) lo = mid + 1;
          else hi = mid;
        }
        if (list[lo] !== s) list.splice(lo, 0, s);
      } else if (list) {
        const i = list.indexOf(s);
        if (i >= 0) list.splice(i, 1);
        if (!list.length) sentencesOf.delete(t);
      }
    };
    if (s.fires) {
      for (const f of s.fires) {
        fireCount[f.t]! += d;
        if (!f.gentle) fireHard[f.t]! += d;
        member(f.t);
      }
    }
    if (s.evidence) {
      const ps = this.expanded;
      const n = expandEvidence(this.index, s, ps);
      let last = -1;
      for (let k = 0; k < n; k += PARTIAL_STRIDE) {
        const t = ps[k]!;
        const g = ps[k + 1]!;
        evidence[t * stride + g]! += d;
        if (g === 0 && ps[k + 5] === 0) evidencePlain[t]! += d;
        if (t !== last) member((last = t));
      }
    }
    if (s.nots) for (const t of s.nots) notCount[t]! += d;
    if (s.noteExcluded) {
      const ne = this.sums!.noteExcluded;
      for (const k of s.noteExcluded) {
        const v = (ne.get(k) ?? 0) + d;
        if (v === 0) ne.delete(k);
        else ne.set(k, v);
      }
    }
  }

  /** Full scan. */
  reset(text: string): void {
    this.text = text;
    const out: Sentence[] = [];
    this.scanner.scan(text, 0, out);
    this.sentences = out;
    this.withHits.clear();
    this.sums = null;
    this.readingSums.clear();
    for (const s of out) this.track(s);
    this.revision++;
  }

  /** Incremental update to `next`; rescans only what changed. */
  update(next: string): void {
    const prev = this.text;
    if (next === prev) return;
    const sents = this.sentences;
    if (!sents.length || prev.length === 0) return this.reset(next);
    const a = commonPrefix(prev, next);
    const suffix = commonSuffix(prev, next, a);
    const oldEnd = prev.length - suffix;
    const newEnd = next.length - suffix;
    const delta = next.length - prev.length;

    // First sentence to rescan: the one containing a (end inclusive), and its predecessor,
    // since a sentence end can depend on the character after it.
    let i = findSentence(sents, a);
    if (i > 0) i--;
    const from = sents[i]!.start;

    // Rescan until a sentence end that coincides with an old sentence end at or after oldEnd.
    let j = i;
    const fresh: Sentence[] = [];
    this.scanner.scan(next, from, fresh, (end) => {
      if (end < newEnd) return false;
      const oldPos = end - delta;
      if (oldPos < oldEnd) return false;
      while (j < sents.length && sents[j]!.end < oldPos) j++;
      return j < sents.length && sents[j]!.end === oldPos;
    });
    const last = fresh.length ? fresh[fresh.length - 1]!.end : from;
    let tailStart: number;
    if (last === next.length) tailStart = sents.length;
    else tailStart = j + 1;
    if (delta !== 0) {
      for (let k = tailStart; k < sents.length; k++) {
        const s = sents[k]!;
        s.start += delta;
        s.end += delta;
      }
    }
    for (let k = i; k < tailStart; k++) this.untrack(sents[k]!);
    for (const s of fresh) this.track(s);
    // second readings: the old sentences' features are kept with them; the fresh ones read from `next`
    if (this.readingSums.size) {
      // a note grown past what a reading reads: drop its sums (read again, up to maxChars, if it shrinks)
      for (const r of [...this.readingSums.keys()]) if (next.length > r.maxChars) this.readingSums.delete(r);
      for (const [r, sums] of this.readingSums) for (let k = i; k < tailStart; k++) this.read(r, sums, sents[k]!, -1);
      this.text = next;
      for (const [r, sums] of this.readingSums) for (const s of fresh) this.read(r, sums, s, 1);
    }
    // in place: typing at the end of a long note moves nothing
    if (fresh.length === tailStart - i) for (let k = 0; k < fresh.length; k++) sents[i + k] = fresh[k]!;
    else sents.splice(i, tailStart - i, ...fresh);
    this.text = next;
    this.revision++;
  }
}

function findSentence(sents: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sents[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Length of the common prefix of a and b. Strings are compared as slices with `===` (V8 compares flat
 * strings natively; `startsWith` walks them character by character, ~15× slower on a 50k note).
 */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) === b.slice(0, n)) return n;
  let lo = 0; // a[0, lo) === b[0, lo)
  let hi = n; // a[0, hi) !== b[0, hi)
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** Length of the common suffix of a and b, not overlapping the first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  const al = a.length;
  const bl = b.length;
  if (a.slice(al - n) === b.slice(bl - n)) return n;
  let lo = 0; // the last lo characters agree
  let hi = n; // the last hi do not
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.slice(al - mid, al - lo) === b.slice(bl - mid, bl - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(al - 1 - lo) === b.charCodeAt(bl - 1 - lo)) lo++;
  return lo;
}
