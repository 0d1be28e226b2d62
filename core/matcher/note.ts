/**
 * A note being written: its sentences and what fired in each, kept up to date incrementally.
 * `update(newText)` finds the edited region, rescans only the sentences it touches, and shifts the
 * rest. The result is identical to a full rescan (property-tested).
 */
import type { CompiledIndex } from './compile.ts';
import { Scanner, type Sentence } from './scan.ts';

export class NoteMatch {
  private text = '';
  private sentences: Sentence[] = [];
  /** Sentences where something fired or was noted: what ranking needs, kept as edits happen. */
  private withHits = new Set<Sentence>();
  private readonly scanner: Scanner;
  /** Bumped on every change, so callers can cache derived results. */
  revision = 0;

  constructor(readonly index: CompiledIndex) {
    this.scanner = new Scanner(index);
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
    if (s.fires || s.partial || s.nots) this.withHits.add(s);
  }

  /** Full scan. */
  reset(text: string): void {
    this.text = text;
    const out: Sentence[] = [];
    this.scanner.scan(text, 0, out);
    this.sentences = out;
    this.withHits.clear();
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
    for (let k = i; k < tailStart; k++) this.withHits.delete(sents[k]!);
    for (const s of fresh) this.track(s);
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

/** Length of the common prefix of a and b, compared natively (typing at the end is one memcmp). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  if (a.length <= b.length ? b.startsWith(a) : a.startsWith(b)) return n;
  let lo = 0; // a[0, lo) === b[0, lo)
  let hi = n; // a[0, hi) !== b[0, hi)
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.startsWith(b.slice(lo, mid), lo)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** Length of the common suffix of a and b, not overlapping the first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let lo = 0;
  let hi = n + 1;
  if (a.endsWith(b.slice(b.length - n))) return n;
  hi = n;
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.endsWith(b.slice(b.length - mid, b.length - lo), a.length - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < n && a.charCodeAt(a.length - 1 - lo) === b.charCodeAt(b.length - 1 - lo)) lo++;
  return lo;
}
