/**
 * One pass over a note: words are folded and hashed character by character (no substrings, no
 * regular expressions), looked up in the compiled table, and only the words a trigger cares about
 * are kept. Each sentence is evaluated on its own and its result cached, so after a keystroke only
 * the edited sentence (and its neighbour) is scanned again.
 */
import { ASCII_FOLD, ASCII_KIND, entityLength, foldCode, H1_SEED, H2_SEED, isContraction, isPossessive, K } from '../text/fold.ts';

// Plain numbers for the hot loop (imported bindings and enum objects can cost a lookup per character
// in some module systems; these are constants).
const SEP = K.Sep as number;
const WORD = K.Word as number;
const APOS = K.Apos as number;
const IGNORE = K.Ignore as number;
const STOP = K.Stop as number;
const END = K.End as number;
const AMP = K.Amp as number;
import { ADULT_REACH, HISTORICAL_REACH, HYPOTHETICAL_REACH, NEGATION_REACH } from '../text/synonyms.ts';
import { FORM_ADULT, FORM_CUES, FORM_FILLER, FORM_HIST, FORM_HYPO, FORM_NEG, GROUP_EXCLUDE, lookupForm, type CompiledIndex } from './compile.ts';

/** A trigger that fired within one sentence. Spans are [start, end) pairs relative to the sentence. */
export interface SentenceFire {
  t: number;
  spans: number[];
  phrases: number[];
  gentle: boolean;
}
/**
 * Evidence for triggers whose window is the whole note, flat: PARTIAL_STRIDE numbers per hit
 * (trigger, group, start, end relative to the sentence, phrase, negated 0/1). Flat because common
 * words make many such hits, and a note has thousands of sentences.
 */
export type SentencePartials = number[];
export const PARTIAL_STRIDE = 6;
export interface Sentence {
  start: number;
  end: number;
  fires: SentenceFire[] | null;
  partial: SentencePartials | null;
  /** Note-window triggers excluded by a `not` phrase in this sentence. */
  nots: number[] | null;
}

interface Hit {
  phrase: number;
  start: number;
  end: number;
  word: number;
  negated: boolean;
  /** ConText attributes beyond negation: ATTR_HYPO | ATTR_HIST | ATTR_ADULT. */
  attrs: number;
}
const ATTR_HYPO = 1;
const ATTR_HIST = 2;
const ATTR_ADULT = 4;

export class Scanner {
  private tokForm = new Int32Array(64);
  private tokStart = new Int32Array(64);
  private tokEnd = new Int32Array(64);
  private tokWord = new Int32Array(64);
  private nTok = 0;

  /** Per-trigger marks for the sentence being evaluated (generation-stamped: no clearing). */
  private readonly stamp: Int32Array;
  private stampGen = 0;

  private readonly notForm: number;
  /** Cue flags seen in the sentence being tokenised (attributes are only looked for when present). */
  private sentFlags = 0;

  constructor(readonly index: CompiledIndex) {
    this.stamp = new Int32Array(index.triggers.length);
    this.notForm = lookupForm(index, 'not');
  }

  /**
   * Scan `text` from `from` (a sentence start) and emit sentences until the end of the text, or until
   * `stop(end)` returns true at a sentence end.
   */
  scan(text: string, from: number, out: Sentence[], stop?: (end: number) => boolean): number {
    const ix = this.index;
    const { keys1, keys2, vals, mask, formFlags } = ix;
    const n = text.length;
    let sentStart = from;
    let word = 0;
    let inTok = false;
    let tokStart = 0;
    const kinds = ASCII_KIND;
    const folds = ASCII_FOLD;
    const seed1 = H1_SEED;
    const seed2 = H2_SEED;
    let h1 = seed1;
    let h2 = seed2;
    this.nTok = 0;
    this.sentFlags = 0;
    let i = from;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      let kind: number;
      let fold = 0;
      let multi: readonly number[] | null = null;
      if (c < 128) {
        kind = kinds[c]!;
        fold = folds[c]!;
      } else {
        const f = foldCode(c);
        kind = f.kind;
        if (kind === WORD) {
          if (f.codes.length === 1) fold = f.codes[0]!;
          else multi = f.codes;
        }
      }
      if (kind === WORD) {
        if (!inTok) {
          inTok = true;
          tokStart = i;
          h1 = seed1;
          h2 = seed2;
        }
        if (multi === null) {
          h1 = Math.imul(h1 ^ fold, 0x01000193);
          h2 = (Math.imul(h2, 0x5bd1e995) + fold + 0x9e3779b9) | 0;
        } else {
          for (let m = 0; m < multi.length; m++) {
            h1 = Math.imul(h1 ^ multi[m]!, 0x01000193);
            h2 = (Math.imul(h2, 0x5bd1e995) + multi[m]! + 0x9e3779b9) | 0;
          }
        }
        continue;
      }
      if (kind === IGNORE) continue;
      const at = i;
      if (kind === AMP) {
        const len = entityLength(text, i);
        if (len !== 0) i += Math.abs(len) - 1;
        // an apostrophe entity acts as an apostrophe (i now on its ';')
        kind = len < 0 ? APOS : SEP;
      }
      if (kind === APOS) {
        if (!inTok) continue;
        if (isContraction(text, i)) {
          // weren't: the word goes on ("werent"), then a "not" follows it (see foldWords)
          const tc = text.charCodeAt(i + 1) | 32;
          h1 = Math.imul(h1 ^ tc, 0x01000193);
          h2 = (Math.imul(h2, 0x5bd1e995) + tc + 0x9e3779b9) | 0;
          this.endToken(h1, h2, tokStart, i + 2, word, keys1, keys2, vals, mask, formFlags);
          if (!(this.lastFlags & FORM_FILLER)) word++;
          this.pushNot(i - 1, i + 2, word++);
          inTok = false;
          i++;
          continue;
        }
        if (!isPossessive(text, i)) continue; // don't → dont
        // possessive 's ends the word; fall through with i on the apostrophe, then skip the s
        this.endToken(h1, h2, tokStart, i, word, keys1, keys2, vals, mask, formFlags);
        if (!(this.lastFlags & FORM_FILLER)) word++;
        inTok = false;
        i++;
        continue;
      }
      // separator or sentence end
      if (inTok) {
        this.endToken(h1, h2, tokStart, at, word, keys1, keys2, vals, mask, formFlags);
        if (!(this.lastFlags & FORM_FILLER)) word++;
        inTok = false;
      }
      if (kind === END || (kind === STOP && (i + 1 >= n || isSpace(text.charCodeAt(i + 1))))) {
        const end = i + 1;
        out.push(this.finishSentence(text, sentStart, end));
        sentStart = end;
        word = 0;
        this.nTok = 0;
        this.sentFlags = 0;
        if (stop && stop(end)) return end;
      }
    }
    if (inTok) this.endToken(h1, h2, tokStart, n, word, keys1, keys2, vals, mask, formFlags);
    if (sentStart < n) out.push(this.finishSentence(text, sentStart, n));
    return n;
  }

  private lastFlags = 0;

  private endToken(
    h1: number,
    h2: number,
    start: number,
    end: number,
    word: number,
    keys1: Int32Array,
    keys2: Int32Array,
    vals: Int32Array,
    mask: number,
    formFlags: Uint8Array,
  ): void {
    let slot = h1 & mask;
    let v = vals[slot]!;
    while (v !== 0) {
      if (keys1[slot] === h1 && keys2[slot] === h2) break;
      slot = (slot + 1) & mask;
      v = vals[slot]!;
    }
    if (v === 0) {
      this.lastFlags = 0;
      return;
    }
    const form = v - 1;
    const flags = formFlags[form]!;
    this.lastFlags = flags;
    if (flags & FORM_FILLER) return;
    if (this.index.formWordStart[form + 1]! === this.index.formWordStart[form]! && !(flags & FORM_CUES)) return;
    this.sentFlags |= flags;
    const k = this.nTok;
    if (k === this.tokForm.length) this.grow();
    this.tokForm[k] = form;
    this.tokStart[k] = start;
    this.tokEnd[k] = end;
    this.tokWord[k] = word;
    this.nTok = k + 1;
  }

  /** The "not" of a contraction, as a token of its own. */
  private pushNot(start: number, end: number, word: number): void {
    if (this.notForm < 0) return;
    this.sentFlags |= FORM_NEG;
    const k = this.nTok;
    if (k === this.tokForm.length) this.grow();
    this.tokForm[k] = this.notForm;
    this.tokStart[k] = start;
    this.tokEnd[k] = end;
    this.tokWord[k] = word;
    this.nTok = k + 1;
  }

  private grow(): void {
    const g = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.tokForm = g(this.tokForm);
    this.tokStart = g(this.tokStart);
    this.tokEnd = g(this.tokEnd);
    this.tokWord = g(this.tokWord);
  }

  private finishSentence(_text: string, start: number, end: number): Sentence {
    const s: Sentence = { start, end, fires: null, partial: null, nots: null };
    if (this.nTok === 0) return s;
    // primary phrases first; the rest only if something here could fire
    const hits = this.phraseHits(this.index.firstStart, this.index.firstData, true);
    if (hits.length) {
      this.phraseHits(this.index.secondStart, this.index.secondData, false);
      if (hits.length > 1) hits.sort((a, b) => a.start - b.start || a.end - b.end || a.phrase - b.phrase);
      this.evaluate(s, hits);
    }
    return s;
  }

  /** Hit objects reused from sentence to sentence (hits never outlive their sentence's evaluation). */
  private hitPool: Hit[] = [];
  private readonly hitList: Hit[] = [];

  private phraseHits(anchorStart: Int32Array, anchorData: Int32Array, fresh: boolean): Hit[] {
    const ix = this.index;
    const hits = this.hitList;
    if (fresh) hits.length = 0;
    const pool = this.hitPool;
    const nTok = this.nTok;
    for (let k = 0; k < nTok; k++) {
      const form = this.tokForm[k]!;
      const ws = ix.formWordStart[form]!;
      const we = ix.formWordStart[form + 1]!;
      for (let wi = ws; wi < we; wi++) {
        const w = ix.formWordData[wi]!;
        const ps = anchorStart[w]!;
        const pe = anchorStart[w + 1]!;
        for (let pi = ps; pi < pe; pi++) {
          const p = anchorData[pi]!;
          const pws = ix.phraseWordStart[p]!;
          const len = ix.phraseWordStart[p + 1]! - pws;
          const s = k - ix.phraseAnchor[p]!; // first token of the phrase
          if (s < 0 || s + len > nTok) continue;
          const w0 = this.tokWord[k]! - ix.phraseAnchor[p]!;
          let ok = true;
          for (let j = 0; j < len; j++) {
            if (s + j === k) continue;
            if (this.tokWord[s + j] !== w0 + j || !formHasWord(ix, this.tokForm[s + j]!, ix.phraseWordData[pws + j]!)) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
          let h = pool[hits.length];
          if (!h) pool.push((h = { phrase: 0, start: 0, end: 0, word: 0, negated: false, attrs: 0 }));
          h.phrase = p;
          h.start = this.tokStart[s]!;
          h.end = this.tokEnd[s + len - 1]!;
          h.word = w0;
          h.negated = (this.sentFlags & FORM_NEG) !== 0 && this.negatedAt(s);
          h.attrs = this.sentFlags & (FORM_HYPO | FORM_HIST | FORM_ADULT) ? this.attrsAt(s, s + len - 1) : 0;
          hits.push(h);
        }
      }
    }
    return hits;
  }

  /** Is there a negation cue within NEGATION_REACH words before token k? */
  private negatedAt(k: number): boolean {
    const w = this.tokWord[k]!;
    for (let m = k - 1; m >= 0; m--) {
      if (w - this.tokWord[m]! > NEGATION_REACH) return false;
      if (this.index.formFlags[this.tokForm[m]!]! & FORM_NEG) return true;
    }
    return false;
  }

  /**
   * The ConText attributes of the phrase on tokens first..last: a hypothetical cue shortly before it,
   * a historical cue near it on either side, an adult named just before it (the experiencer).
   */
  private attrsAt(first: number, last: number): number {
    const ix = this.index;
    const w0 = this.tokWord[first]!;
    const w1 = this.tokWord[last]!;
    let attrs = 0;
    for (let m = first - 1; m >= 0; m--) {
      const d = w0 - this.tokWord[m]!;
      if (d > Math.max(HYPOTHETICAL_REACH, HISTORICAL_REACH, ADULT_REACH)) break;
      const f = ix.formFlags[this.tokForm[m]!]!;
      if (f & FORM_HYPO && d <= HYPOTHETICAL_REACH) attrs |= ATTR_HYPO;
      if (f & FORM_HIST && d <= HISTORICAL_REACH) attrs |= ATTR_HIST;
      if (f & FORM_ADULT && d <= ADULT_REACH) attrs |= ATTR_ADULT;
    }
    for (let m = last + 1; m < this.nTok; m++) {
      if (this.tokWord[m]! - w1 > HISTORICAL_REACH) break;
      if (ix.formFlags[this.tokForm[m]!]! & FORM_HIST) attrs |= ATTR_HIST;
    }
    return attrs;
  }

  private evaluate(s: Sentence, hits: Hit[]): void {
    const ix = this.index;
    // First pass: which triggers could fire here (an `any` phrase, or any evidence for a note-window
    // trigger)? Common words appear in many triggers' `all` and `not` lists; only these triggers
    // are looked at further, with no allocation for the rest.
    const gen = ++this.stampGen;
    const stamp = this.stamp;
    let live = 0;
    let excludedSets: Set<number> | null = null;
    const { refStart, refTrigger, refGroup } = ix;
    for (const h of hits) {
      for (let r = refStart[h.phrase]!, re = refStart[h.phrase + 1]!; r < re; r++) {
        const t = refTrigger[r]!;
        const g = refGroup[r]!;
        if (g === GROUP_EXCLUDE) {
          (excludedSets ??= new Set()).add(t);
          continue;
        }
        const trig = ix.triggers[t]!;
        if (g === trig.anchorGroup || (g >= 0 && trig.window === 'note')) {
          if (stamp[t] !== gen) {
            stamp[t] = gen;
            live++;
          }
        }
      }
    }
    if (live === 0) {
      // only note-window exclusions can matter
      for (const h of hits) for (let r = refStart[h.phrase]!, re = refStart[h.phrase + 1]!; r < re; r++) {
        const t = refTrigger[r]!;
        if (refGroup[r] !== -1 || ix.triggers[t]!.window !== 'note') continue;
        s.nots ??= [];
        if (!s.nots.includes(t)) s.nots.push(t);
      }
      return;
    }
    // group hits by trigger
    const byTrigger = new Map<number, Hit[][]>();
    const excluded = new Set<number>();
    for (const h of hits) {
      for (let r = refStart[h.phrase]!, re = refStart[h.phrase + 1]!; r < re; r++) {
        const t = refTrigger[r]!;
        const g = refGroup[r]!;
        if (g === -2 || g === GROUP_EXCLUDE) continue;
        if (excludedSets !== null && excludedSets.has(ix.triggers[t]!.set)) continue;
        if (g === -1) {
          if (stamp[t] === gen || ix.triggers[t]!.window === 'note') excluded.add(t);
          continue;
        }
        if (stamp[t] !== gen) continue;
        const trig = ix.triggers[t]!;
        if (trig.window === 'note') {
          // evidence only: whether the note as a whole fires is decided in rank()
          if (h.attrs & dropOf(trig)) continue;
          if (g === 0 && ((h.negated && trig.negated === 'ignore') || (!h.negated && trig.negated === 'only'))) continue;
          (s.partial ??= []).push(t, g, h.start - s.start, h.end - s.start, h.phrase, h.negated ? 1 : 0);
          continue;
        }
        let groups = byTrigger.get(t);
        if (!groups) {
          groups = Array.from({ length: ix.triggers[t]!.groups }, () => []);
          byTrigger.set(t, groups);
        }
        groups[g]!.push(h);
      }
    }
    for (const t of excluded) {
      if (ix.triggers[t]!.window === 'note') (s.nots ??= []).push(t);
    }
    for (const [t, groups] of byTrigger) {
      const trig = ix.triggers[t]!;
      const drop = dropOf(trig);
      if (drop !== 0) {
        for (let g = 0; g < groups.length; g++) if (groups[g]!.some((h) => h.attrs & drop)) groups[g] = groups[g]!.filter((h) => !(h.attrs & drop));
      }
      if (excluded.has(t)) continue;
      let anchors = groups[0]!;
      if (trig.negated === 'ignore') anchors = anchors.filter((h) => !h.negated);
      else if (trig.negated === 'only') anchors = anchors.filter((h) => h.negated);
      if (!anchors.length) continue;
      const used: Hit[] = [];
      let fired = false;
      const reach = typeof trig.window === 'number' ? trig.window : Infinity;
      for (const a of anchors) {
        let ok = true;
        const extra: Hit[] = [];
        for (let g = 1; g < groups.length; g++) {
          const near = groups[g]!.find((h) => Math.abs(h.word - a.word) <= reach && h !== a);
          if (!near) {
            ok = false;
            break;
          }
          extra.push(near);
        }
        if (!ok) continue;
        fired = true;
        used.push(a, ...extra);
      }
      if (!fired) continue;
      const uniq = [...new Set(used)].sort((x, y) => x.start - y.start);
      const spans: number[] = [];
      const phrases: number[] = [];
      for (const h of uniq) {
        spans.push(h.start - s.start, h.end - s.start);
        phrases.push(h.phrase);
      }
      const gentle = trig.negated === 'soften' && anchors.every((h) => h.negated);
      (s.fires ??= []).push({ t, spans, phrases, gentle });
    }
  }
}

/** The ConText attributes a trigger ignores, as a mask of ATTR_* bits. */
function dropOf(trig: CompiledIndex['triggers'][number]): number {
  return (trig.hypothetical === 'ignore' ? ATTR_HYPO : 0) | (trig.historical === 'ignore' ? ATTR_HIST : 0) | (trig.experiencer === 'child' ? ATTR_ADULT : 0);
}

function formHasWord(ix: CompiledIndex, form: number, word: number): boolean {
  const e = ix.formWordStart[form + 1]!;
  for (let i = ix.formWordStart[form]!; i < e; i++) if (ix.formWordData[i] === word) return true;
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f;
}
