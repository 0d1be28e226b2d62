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

  /** Full scan. */
  reset(text: string): void {
    this.text = text;
    const out: Sentence[] = [];
    this.scanner.scan(text, 0, out);
    this.sentences = out;
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
    const tail = sents.slice(tailStart);
    if (delta !== 0) for (const s of tail) {
      s.start += delta;
      s.end += delta;
    }
    this.sentences = sents.slice(0, i).concat(fresh, tail);
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

const CHUNK = 256;
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + CHUNK <= n && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
