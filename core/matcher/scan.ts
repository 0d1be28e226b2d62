/**
 * One pass over a note: words are folded and hashed character by character (no substrings, no
 * regular expressions), looked up in the compiled table, and only the words a trigger cares about
 * are kept. Each sentence is evaluated on its own and its result cached, so after a keystroke only
 * the edited sentence (and its neighbour) is scanned again. A sentence read before (a note's repeated
 * template lines, the unchanged neighbour of an edit) is recognised by a fingerprint of its text and
 * its result reused: no text is kept for it.
 *
 * Per sentence nothing is allocated unless something is found: hits live in reusable typed arrays,
 * per-trigger marks are generation-stamped, and a trigger's group lists are built only once it has
 * a hit in every group.
 */
import { ASCII_FOLD, ASCII_KIND, entityLength, foldCode, H1_SEED, H2_SEED, isContraction, isDatePart, isPossessive, K, stopEndsSentence } from '../text/fold.ts';

// Plain numbers for the hot loop (imported bindings and enum objects can cost a lookup per character
// in some module systems; these are constants).
const SEP = K.Sep as number;
const WORD = K.Word as number;
const APOS = K.Apos as number;
const IGNORE = K.Ignore as number;
const STOP = K.Stop as number;
const END = K.End as number;
const AMP = K.Amp as number;
import { ADULT_CLAUSE_REACH, ADULT_REACH, HISTORICAL_REACH, HYPOTHETICAL_REACH, NEGATION_REACH } from '../text/synonyms.ts';
import { FORM_ADULT, FORM_CUES, FORM_FILLER, FORM_HIST, FORM_HYPO, FORM_NEG, FORM_SUBJECT_BREAK, GROUP_EXCLUDE, GROUP_EXCLUDE_NOTE, GROUP_RULED_OUT, isSetRef, lookupForm, pairBit, REF_ANCHOR, REF_NOTE, type CompiledIndex, type Ids } from './compile.ts';
import { classOf, MAX_WORD, splitSuffix } from './forms.ts';

/** A trigger that fired within one sentence. Spans are [start, end) pairs relative to the sentence. */
export interface SentenceFire {
  t: number;
  spans: number[];
  phrases: number[];
  gentle: boolean;
}
/**
 * Evidence for triggers whose window is the whole note, flat: EVIDENCE_STRIDE numbers per phrase hit
 * (phrase, start, end relative to the sentence, negated 0/1, ConText attributes). One entry per hit,
 * not per trigger: a common word ("mum", "school") counts for dozens of note-window triggers, and a
 * note has thousands of sentences; `expandEvidence` turns a sentence's hits into trigger groups only
 * where ranking needs them.
 */
export const EVIDENCE_STRIDE = 5;
/** Expanded evidence (expandEvidence): trigger, group, start, end, phrase, negated 0/1. */
export const PARTIAL_STRIDE = 6;
export interface Sentence {
  start: number;
  end: number;
  fires: SentenceFire[] | null;
  evidence: number[] | null;
  /** Set ordinals whose set-wide exclusions occur in the sentence (only kept when it has evidence). */
  excludedSets: number[] | null;
  /**
   * Triggers silenced in the whole note by a phrase in this sentence: note-window triggers by their
   * `not`, any trigger by its `ruledOutBy`.
   */
  nots: number[] | null;
  /** Set ordinals whose note-wide exclusions (`excludeNote`) occur in the sentence: none of their prompts show. */
  noteExcluded: number[] | null;
}

/** Words in the scanner's cache of recent lookups (16 bytes each: 32 KB, a note's usual vocabulary). */
const WORD_CACHE = 2048;
/** In the word cache: the word is kept as a token (it is in a phrase, or a cue). */
const KEEP = 256;
const ATTR_HYPO = 1;
const ATTR_HIST = 2;
const ATTR_ADULT = 4;
/** An adult is the subject further back in the same clause (ADULT_CLAUSE_REACH): read for a trigger's `any` only. */
const ATTR_ADULT_CLAUSE = 8;

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

  private readonly trig: TriggerTable;

  /** Results of sentences already read, by their exact text (shared by every scanner of the index). */
  private readonly seen: SentenceCache | null;

  constructor(
    readonly index: CompiledIndex,
    { cache = true }: { cache?: boolean } = {},
  ) {
    this.seen = cache ? sentenceCache(index) : null;
    const n = index.triggers.length;
    this.stamp = new Int32Array(n);
    this.exclGen = new Int32Array(n);
    this.maskGen = new Int32Array(n);
    this.mask = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.slotGen = new Int32Array(n);
    this.trig = triggerTable(index);
    this.setGen = new Int32Array(this.trig.sets);
    this.notForm = lookupForm(index, 'not');
  }

  /**
   * Scan `text` from `from` (a sentence start) and emit sentences until the end of the text, or until
   * `stop(end)` returns true at a sentence end.
   */
  scan(text: string, from: number, out: Sentence[], stop?: (end: number) => boolean): number {
    const ix = this.index;
    const { table, mask, formFlags } = ix;
    const buf = this.buf;
    const pre1 = this.pre1;
    const pre2 = this.pre2;
    let len = 0;
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
    const seen = this.seen;
    /** The sentence being read was looked up and missed: where it ends (its fingerprint is in `seen`). */
    let missEnd = -1;
    for (; i < n; i++) {
      if (i === sentStart && seen !== null) {
        // a sentence read before (a note repeats its template lines, and an edit rescans the sentence
        // before it unchanged): find where it ends and its fingerprint, and reuse its result if known
        const found = sentenceEnd(text, i, n, seen);
        const end = found < 0 ? n : found;
        const known = seen.get(end - i);
        if (known !== undefined) {
          out.push({ start: i, end, fires: known.fires, evidence: known.evidence, excludedSets: known.excludedSets, nots: known.nots, noteExcluded: known.noteExcluded });
          sentStart = end;
          i = end - 1;
          // as below: `stop` hears every sentence end, not the end of the text
          if (stop && found >= 0 && stop(end)) return end;
          continue;
        }
        missEnd = end;
      }
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
          len = 0;
        }
        // the word's folded codes and the hash of each prefix are kept: its stem is a prefix (forms.ts)
        if (multi === null) {
          h1 = Math.imul(h1 ^ fold, 0x01000193);
          h2 = (Math.imul(h2, 0x5bd1e995) + fold + 0x9e3779b9) | 0;
          if (len < MAX_WORD) {
            buf[len++] = fold;
            pre1[len] = h1;
            pre2[len] = h2;
          } else len = MAX_WORD + 1;
        } else {
          for (let m = 0; m < multi.length; m++) {
            h1 = Math.imul(h1 ^ multi[m]!, 0x01000193);
            h2 = (Math.imul(h2, 0x5bd1e995) + multi[m]! + 0x9e3779b9) | 0;
            if (len < MAX_WORD) {
              buf[len++] = multi[m]!;
              pre1[len] = h1;
              pre2[len] = h2;
            } else len = MAX_WORD + 1;
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
          if (len < MAX_WORD) {
            buf[len++] = tc;
            pre1[len] = h1;
            pre2[len] = h2;
          } else len = MAX_WORD + 1;
          this.endToken(h1, h2, len, tokStart, i + 2, word, table, mask, formFlags);
          if (!(this.lastFlags & FORM_FILLER)) word++;
          this.pushNot(i - 1, i + 2, word++);
          inTok = false;
          i++;
          continue;
        }
        if (!isPossessive(text, i)) continue; // don't → dont
        // possessive 's ends the word; fall through with i on the apostrophe, then skip the s
        this.endToken(h1, h2, len, tokStart, i, word, table, mask, formFlags);
        if (!(this.lastFlags & FORM_FILLER)) word++;
        inTok = false;
        i++;
        continue;
      }
      // separator or sentence end
      if (inTok) {
        // the numbers of a date ("11/5") are counted as words but matched as nothing
        if (!isDatePart(text, tokStart, at)) {
          this.endToken(h1, h2, len, tokStart, at, word, table, mask, formFlags);
          if (!(this.lastFlags & FORM_FILLER)) word++;
        } else word++;
        inTok = false;
      }
      if (kind === END || (kind === STOP && stopEndsSentence(text, i, n))) {
        const end = i + 1;
        const sent = this.finishSentence(text, sentStart, end);
        out.push(sent);
        if (missEnd === end) seen!.remember(sent);
        missEnd = -1;
        sentStart = end;
        word = 0;
        this.nTok = 0;
        this.sentFlags = 0;
        if (stop && stop(end)) return end;
      }
    }
    if (inTok && !isDatePart(text, tokStart, n)) this.endToken(h1, h2, len, tokStart, n, word, table, mask, formFlags);
    if (sentStart < n) {
      const sent = this.finishSentence(text, sentStart, n);
      out.push(sent);
      if (missEnd === n) seen!.remember(sent);
    }
    return n;
  }

  private lastFlags = 0;
  /** The word being read: folded codes, and the hashes of each prefix (pre1/pre2[k]: the first k codes). */
  private readonly buf = new Uint16Array(MAX_WORD);
  private readonly pre1 = new Int32Array(MAX_WORD + 1);
  private readonly pre2 = new Int32Array(MAX_WORD + 1);
  /** Recent words: h1, h2, form class + 1 (0: not a form), 1 + (flags | KEEP) (0: empty). */
  private readonly wordCache = new Int32Array(WORD_CACHE * 4);

  private endToken(
    h1: number,
    h2: number,
    len: number,
    start: number,
    end: number,
    word: number,
    table: Int32Array,
    mask: number,
    formFlags: Uint8Array,
  ): void {
    // a small direct-mapped cache of recent words first: a note repeats its words, and the table is
    // large (one probe there is often a cache miss)
    const cache = this.wordCache;
    const ci = (h2 & (WORD_CACHE - 1)) * 4;
    let form: number;
    let info: number;
    if (cache[ci + 3] !== 0 && cache[ci] === h1 && cache[ci + 1] === h2) {
      form = cache[ci + 2]! - 1;
      info = cache[ci + 3]! - 1;
    } else {
      // split into stem and suffix (forms.ts: the compiler split every form the same way), probe the
      // stem, and find the form class that takes this suffix. A word longer than the buffer
      // (len > MAX_WORD) is looked up whole, as the compiler does.
      let s1 = h1;
      let s2 = h2;
      let sfx = 0;
      if (len <= MAX_WORD) {
        const r = splitSuffix(this.buf, len);
        const stemLen = r >> 6;
        sfx = r & 63;
        if (stemLen < len) {
          s1 = this.pre1[stemLen]!;
          s2 = this.pre2[stemLen]!;
        }
      }
      let slot = s1 & mask;
      let at = slot * 3;
      let v = table[at + 2]!;
      while (v !== 0) {
        if (table[at] === s1 && table[at + 1] === s2) break;
        slot = (slot + 1) & mask;
        at = slot * 3;
        v = table[at + 2]!;
      }
      form = v === 0 ? -1 : classOf(this.index, v - 1, sfx);
      v = form + 1;
      info = 0;
      if (v !== 0) {
        const f = formFlags[form]!;
        const keep = !(f & FORM_FILLER) && (this.index.formWordStart[form + 1]! !== this.index.formWordStart[form]! || (f & FORM_CUES) !== 0);
        info = f | (keep ? KEEP : 0);
      }
      cache[ci] = h1;
      cache[ci + 1] = h2;
      cache[ci + 2] = v;
      cache[ci + 3] = info + 1;
    }
    const flags = info & 255;
    this.lastFlags = flags;
    if (!(info & KEEP)) return;
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

  private finishSentence(text: string, start: number, end: number): Sentence {
    const s: Sentence = { start, end, fires: null, evidence: null, excludedSets: null, nots: null, noteExcluded: null };
    if (this.nTok === 0) return s;
    // primary phrases first; the rest only if something here could fire
    this.nHits = 0;
    this.nSecond = 0;
    // read by attrsAt (punctuation between words) while this sentence is evaluated; never kept after it
    this.text = text;
    this.phraseHits();
    if (this.nHits !== 0) {
      this.secondaryHits();
      this.sortHits();
      this.evaluate(s);
    }
    this.text = '';
    return s;
  }

  /** The text whose sentence is being evaluated (empty between sentences). */
  private text = '';

  // Phrase hits of the sentence being evaluated, as parallel arrays (no objects per hit).
  private hPhrase = new Int32Array(32);
  private hStart = new Int32Array(32);
  private hEnd = new Int32Array(32);
  private hWord = new Int32Array(32);
  private hNeg = new Uint8Array(32);
  private hAttrs = new Int32Array(32);
  private nHits = 0;
  /** Hit indices in (start, end, phrase) order. */
  private ord = new Int32Array(32);
  // Secondary candidates found by the first pass: [k, from, to) ranges over secondData or pairData.
  private secK = new Int32Array(32);
  private secFrom = new Int32Array(32);
  private secTo = new Int32Array(32);
  private secPair = new Uint8Array(32);
  private nSecond = 0;

  /**
   * First pass: primary phrases at every token (one-word phrases by the token's words, longer ones by
   * the pair of the token and the next); where secondary phrases could start is remembered for the
   * second pass, so it looks nothing up again.
   */
  private phraseHits(): void {
    const ix = this.index;
    const { formWordStart, formWordData, firstStart, firstData, secondStart, pairHead, pairNext, pairStart, pairSplit } = ix;
    const tokForm = this.tokForm;
    const tokWord = this.tokWord;
    const nTok = this.nTok;
    const pairBits = this.trig.pairBits;
    for (let k = 0; k < nTok; k++) {
      const form = tokForm[k]!;
      const ws = formWordStart[form]!;
      const we = formWordStart[form + 1]!;
      if (ws === we) continue;
      const pairOk = k + 1 < nTok && tokWord[k + 1] === tokWord[k]! + 1;
      const nForm = pairOk ? tokForm[k + 1]! : 0;
      for (let wi = ws; wi < we; wi++) {
        const w = formWordData[wi]!;
        for (let pi = firstStart[w]!, pe = firstStart[w + 1]!; pi < pe; pi++) this.addHit(firstData[pi]!, k, 1);
        if (secondStart[w + 1]! > secondStart[w]!) this.pushSecond(k, secondStart[w]!, secondStart[w + 1]!, 0);
        if (!pairOk) continue;
        const hs = pairHead[w]!;
        const he = pairHead[w + 1]!;
        if (hs === he) continue;
        for (let nj = formWordStart[nForm]!, nje = formWordStart[nForm + 1]!; nj < nje; nj++) {
          const w2 = formWordData[nj]!;
          const b = pairBit(w, w2);
          if ((pairBits[b >>> 5]! & (1 << (b & 31))) === 0) continue;
          const e = findPair(pairNext, hs, he, w2);
          if (e < 0) continue;
          const split = pairSplit[e]!;
          for (let pi = pairStart[e]!; pi < split; pi++) this.verify(ix.pairData[pi]!, k);
          if (pairStart[e + 1]! > split) this.pushSecond(k, split, pairStart[e + 1]!, 1);
        }
      }
    }
  }

  private secondaryHits(): void {
    const { secondData, pairData } = this.index;
    for (let i = 0; i < this.nSecond; i++) {
      const k = this.secK[i]!;
      const to = this.secTo[i]!;
      if (this.secPair[i] === 0) for (let pi = this.secFrom[i]!; pi < to; pi++) this.addHit(secondData[pi]!, k, 1);
      else for (let pi = this.secFrom[i]!; pi < to; pi++) this.verify(pairData[pi]!, k);
    }
  }

  private pushSecond(k: number, from: number, to: number, pair: number): void {
    const i = this.nSecond;
    if (i === this.secK.length) {
      this.secK = grow32(this.secK);
      this.secFrom = grow32(this.secFrom);
      this.secTo = grow32(this.secTo);
      const b = new Uint8Array(i * 2);
      b.set(this.secPair);
      this.secPair = b;
    }
    this.secK[i] = k;
    this.secFrom[i] = from;
    this.secTo[i] = to;
    this.secPair[i] = pair;
    this.nSecond = i + 1;
  }

  /** Phrase p indexed under the pair at tokens k, k + 1: check its other words. */
  private verify(p: number, k: number): void {
    const ix = this.index;
    const pws = ix.phraseWordStart[p]!;
    const len = ix.phraseWordStart[p + 1]! - pws;
    const anchor = ix.phraseAnchor[p]!;
    const s = k - anchor; // first token of the phrase
    if (len > 2) {
      if (s < 0 || s + len > this.nTok) return;
      const w0 = this.tokWord[k]! - anchor;
      for (let j = 0; j < len; j++) {
        if (j === anchor || j === anchor + 1) continue;
        if (this.tokWord[s + j] !== w0 + j || !formHasWord(ix, this.tokForm[s + j]!, ix.phraseWordData[pws + j]!)) return;
      }
    }
    this.addHit(p, s, len);
  }

  private addHit(p: number, s: number, len: number): void {
    const i = this.nHits;
    if (i === this.hPhrase.length) this.growHits();
    this.hPhrase[i] = p;
    this.hStart[i] = this.tokStart[s]!;
    this.hEnd[i] = this.tokEnd[s + len - 1]!;
    this.hWord[i] = this.tokWord[s]!;
    this.hNeg[i] = (this.sentFlags & FORM_NEG) !== 0 && this.negatedAt(s) ? 1 : 0;
    this.hAttrs[i] = this.sentFlags & (FORM_HYPO | FORM_HIST | FORM_ADULT) ? this.attrsAt(s, s + len - 1) : 0;
    this.nHits = i + 1;
  }

  private growHits(): void {
    this.hPhrase = grow32(this.hPhrase);
    this.hStart = grow32(this.hStart);
    this.hEnd = grow32(this.hEnd);
    this.hWord = grow32(this.hWord);
    this.hAttrs = grow32(this.hAttrs);
    this.ord = new Int32Array(this.hPhrase.length);
    const b = new Uint8Array(this.hPhrase.length);
    b.set(this.hNeg);
    this.hNeg = b;
  }

  /** Sort the hits by (start, end, phrase); no two hits share all three. */
  private sortHits(): void {
    const { ord, hStart, hEnd, hPhrase } = this;
    const n = this.nHits;
    if (n > 24) {
      // a long sentence of many hits: n log n (insertion sort is for the usual handful)
      const idx: number[] = [];
      for (let i = 0; i < n; i++) idx.push(i);
      idx.sort((a, b) => hStart[a]! - hStart[b]! || hEnd[a]! - hEnd[b]! || hPhrase[a]! - hPhrase[b]!);
      for (let i = 0; i < n; i++) ord[i] = idx[i]!;
      return;
    }
    for (let i = 0; i < n; i++) {
      const st = hStart[i]!;
      const en = hEnd[i]!;
      const ph = hPhrase[i]!;
      let j = i - 1;
      while (j >= 0) {
        const o = ord[j]!;
        const d = hStart[o]! - st || hEnd[o]! - en || hPhrase[o]! - ph;
        if (d <= 0) break;
        ord[j + 1] = o;
        j--;
      }
      ord[j + 1] = i;
    }
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
    // an adult further back than ADULT_REACH is the subject only while nothing between could start another
    let open = true;
    for (let m = first - 1; m >= 0; m--) {
      const d = w0 - this.tokWord[m]!;
      if (d > Math.max(HYPOTHETICAL_REACH, HISTORICAL_REACH, ADULT_CLAUSE_REACH)) break;
      const f = ix.formFlags[this.tokForm[m]!]!;
      if (f & FORM_HYPO && d <= HYPOTHETICAL_REACH) attrs |= ATTR_HYPO;
      if (f & FORM_HIST && d <= HISTORICAL_REACH) attrs |= ATTR_HIST;
      if (open && clauseBreak(this.text, this.tokEnd[m]!, this.tokStart[m + 1]!)) open = false;
      if (f & FORM_ADULT) {
        if (d <= ADULT_REACH) attrs |= ATTR_ADULT;
        else if (open && d <= ADULT_CLAUSE_REACH) attrs |= ATTR_ADULT_CLAUSE;
      }
      if (f & FORM_SUBJECT_BREAK) open = false;
    }
    for (let m = last + 1; m < this.nTok; m++) {
      if (this.tokWord[m]! - w1 > HISTORICAL_REACH) break;
      if (ix.formFlags[this.tokForm[m]!]! & FORM_HIST) attrs |= ATTR_HIST;
    }
    return attrs;
  }

  // Per-trigger scratch for the sentence being evaluated, generation-stamped (no clearing).
  private readonly exclGen: Int32Array;
  private readonly maskGen: Int32Array;
  private readonly mask: Int32Array;
  private readonly slot: Int32Array;
  private readonly slotGen: Int32Array;
  private readonly setGen: Int32Array;
  private exclList = new Int32Array(16);
  private liveList = new Int32Array(16);
  /** Note-window evidence of the sentence, copied out at its exact length. */
  private readonly evidenceScratch: number[] = [];

  private evaluate(s: Sentence): void {
    const ix = this.index;
    const tr = this.trig;
    const { refStart, refTrigger, refGroup } = ix;
    const { ord, hPhrase } = this;
    const nHits = this.nHits;
    // First pass: which triggers could fire here (an `any` phrase, or any evidence for a note-window
    // trigger)? Common words appear in many triggers' `all` and `not` lists; only these triggers
    // are looked at further.
    const gen = ++this.stampGen;
    const stamp = this.stamp;
    const setGen = this.setGen;
    let live = 0;
    let anyExcludedSet = false;
    for (let i = 0; i < nHits; i++) {
      const p = hPhrase[i]!;
      // the phrase's refs begin with exclusions and anchors (see compile)
      for (let r = refStart[p]!, re = refStart[p + 1]!; r < re; r++) {
        const g = refGroup[r]!;
        if (g === GROUP_EXCLUDE) {
          setGen[refTrigger[r]!] = gen;
          anyExcludedSet = true;
          continue;
        }
        if (g === GROUP_EXCLUDE_NOTE) {
          // "all goals met" counts; "not all goals met" does not
          if (this.hNeg[i] === 0 && !(s.noteExcluded ??= []).includes(refTrigger[r]!)) s.noteExcluded.push(refTrigger[r]!);
          continue;
        }
        if (g !== REF_ANCHOR) break;
        const t = refTrigger[r]!;
        if (stamp[t] !== gen) {
          stamp[t] = gen;
          live++;
        }
      }
    }
    // note-window evidence: the hits themselves, in order (whether the note fires is decided in rank())
    const { noteFrom, noteTo } = tr;
    let nEv = 0;
    const ev = this.evidenceScratch;
    for (let i = 0; i < nHits; i++) {
      const h = ord[i]!;
      const p = hPhrase[h]!;
      if (noteTo[p] === noteFrom[p]) continue;
      ev[nEv] = p;
      ev[nEv + 1] = this.hStart[h]! - s.start;
      ev[nEv + 2] = this.hEnd[h]! - s.start;
      ev[nEv + 3] = this.hNeg[h]!;
      ev[nEv + 4] = this.hAttrs[h]!;
      nEv += EVIDENCE_STRIDE;
    }
    if (nEv !== 0) {
      s.evidence = ev.slice(0, nEv);
      if (anyExcludedSet) for (let k = 0; k < tr.sets; k++) if (setGen[k] === gen) (s.excludedSets ??= []).push(k);
    }
    const note = tr.note;
    if (live === 0) {
      // only what silences a trigger note-wide can matter
      for (let i = 0; i < nHits; i++) {
        const p = hPhrase[ord[i]!]!;
        for (let r = refStart[p]!, re = refStart[p + 1]!; r < re; r++) {
          const t = refTrigger[r]!;
          const g = refGroup[r]!;
          if (!((g === -1 && note[t] === 1) || g === GROUP_RULED_OUT)) continue;
          if (anyExcludedSet && setGen[tr.set[t]!] === gen) continue;
          s.nots ??= [];
          if (!s.nots.includes(t)) s.nots.push(t);
        }
      }
      return;
    }
    // Second pass, in hit order: exclusions, note-window evidence, and which groups each other live
    // trigger has (a bit mask: only a trigger with every group is looked at further).
    const exclGen = this.exclGen;
    const maskGen = this.maskGen;
    const mask = this.mask;
    let nExcl = 0;
    let nLive = 0;
    for (let i = 0; i < nHits; i++) {
      const h = ord[i]!;
      const p = hPhrase[h]!;
      for (let r = refStart[p]!, re = refStart[p + 1]!; r < re; r++) {
        const g = refGroup[r]!;
        if (g === -2) break; // context-only refs come last
        if (g < -2 && g !== GROUP_RULED_OUT) continue; // exclusions and anchors: the first pass's
        if (g >= REF_NOTE) {
          // note-window evidence: kept above, as hits
          r = noteTo[p]! - 1;
          continue;
        }
        const t = refTrigger[r]!;
        if (anyExcludedSet && setGen[tr.set[t]!] === gen) continue;
        if (g === GROUP_RULED_OUT) {
          if (!(s.nots ??= []).includes(t)) s.nots.push(t);
          continue;
        }
        if (g === -1) {
          if ((stamp[t] === gen || note[t] === 1) && exclGen[t] !== gen) {
            exclGen[t] = gen;
            if (nExcl === this.exclList.length) this.exclList = grow32(this.exclList);
            this.exclList[nExcl++] = t;
          }
          continue;
        }
        if (stamp[t] !== gen) continue;
        if (maskGen[t] !== gen) {
          maskGen[t] = gen;
          mask[t] = 0;
          if (nLive === this.liveList.length) this.liveList = grow32(this.liveList);
          this.liveList[nLive++] = t;
        }
        mask[t]! |= 1 << g;
      }
    }
    for (let i = 0; i < nExcl; i++) {
      const t = this.exclList[i]!;
      if (note[t] === 1 && !(s.nots ??= []).includes(t)) s.nots.push(t);
    }
    // the triggers with every group, in the order first seen: their group lists in one more pass
    let full: number[] | null = null;
    for (let i = 0; i < nLive; i++) {
      const t = this.liveList[i]!;
      if (mask[t] !== tr.full[t] || exclGen[t] === gen) continue;
      this.slot[t] = (full ??= []).length;
      this.slotGen[t] = gen;
      full.push(t);
    }
    if (full === null) return;
    const groupsOf = full.map((t) => {
      const groups: number[][] = [];
      for (let g = tr.full[t]!; g !== 0; g >>>= 1) groups.push([]);
      return groups;
    });
    for (let i = 0; i < nHits; i++) {
      const h = ord[i]!;
      const p = hPhrase[h]!;
      for (let r = refStart[p]!, re = refStart[p + 1]!; r < re; r++) {
        const g = refGroup[r]!;
        if (g === -2) break;
        // (these triggers' windows are not the note: their groups are plain, never REF_NOTE + g)
        if (g < 0 || this.slotGen[refTrigger[r]!] !== gen) continue;
        groupsOf[this.slot[refTrigger[r]!]!]![g]!.push(h);
      }
    }
    for (let j = 0; j < full.length; j++) this.fire(s, full[j]!, groupsOf[j]!);
  }

  /** A trigger with a hit in every group: the group lists, then whether the window holds them. */
  private fire(s: Sentence, t: number, groups: number[][]): void {
    const tr = this.trig;
    const { hPhrase, hAttrs, hNeg, hWord, hStart } = this;
    const drop = tr.drop[t]!;
    if (drop !== 0) {
      // the phrase the trigger is about (`any`) is the child's when an adult is the subject of its clause;
      // the other groups only when an adult is named just before (their phrases are often what the adult did)
      for (let g = 0; g < groups.length; g++) {
        const d = g === 0 && drop & ATTR_ADULT ? drop | ATTR_ADULT_CLAUSE : drop;
        if (groups[g]!.some((h) => hAttrs[h]! & d)) groups[g] = groups[g]!.filter((h) => !(hAttrs[h]! & d));
      }
    }
    let anchors = groups[0]!;
    const negated = tr.negated[t]!;
    if (negated === NEG_IGNORE) anchors = anchors.filter((h) => hNeg[h] === 0);
    else if (negated === NEG_ONLY) anchors = anchors.filter((h) => hNeg[h] === 1);
    if (!anchors.length) return;
    let uniq: number[];
    if (groups.length === 1) {
      // every anchor fires alone: already distinct and in order of start
      uniq = anchors;
    } else {
      const used: number[] = [];
      const reach = tr.reach[t]!;
      for (const a of anchors) {
        const mark = used.length;
        used.push(a);
        for (let g = 1; g < groups.length; g++) {
          const near = groups[g]!.find((h) => Math.abs(hWord[h]! - hWord[a]!) <= reach && h !== a);
          if (near === undefined) {
            used.length = mark;
            break;
          }
          used.push(near);
        }
      }
      if (!used.length) return;
      uniq = [...new Set(used)].sort((x, y) => hStart[x]! - hStart[y]!);
    }
    const spans: number[] = [];
    const phrases: number[] = [];
    for (const h of uniq) {
      spans.push(hStart[h]! - s.start, this.hEnd[h]! - s.start);
      phrases.push(hPhrase[h]!);
    }
    const gentle = negated === NEG_SOFTEN && anchors.every((h) => hNeg[h] === 1);
    (s.fires ??= []).push({ t, spans, phrases, gentle });
  }
}

const NEG_SHOW = 0;
const NEG_SOFTEN = 1;
const NEG_IGNORE = 2;
const NEG_ONLY = 3;

/** What the scanner needs of each trigger, as flat arrays (shared by every scanner of an index). */
interface TriggerTable {
  note: Uint8Array;
  anchor: Int32Array;
  set: Int32Array;
  /** The ConText attributes a trigger ignores, as a mask of ATTR_* bits. */
  drop: Int32Array;
  negated: Uint8Array;
  /** Word window (Infinity for the sentence). */
  reach: Float64Array;
  /** The group mask with every group present. */
  full: Int32Array;
  /** Number of set ordinals (for set-wide exclusions). */
  sets: number;
  /** A bit per hashed pair of words that indexes phrases: most pairs in a note index none. */
  pairBits: Int32Array;
  /** Per phrase, its run of note-window evidence refs: [noteFrom, noteTo) in refTrigger/refGroup. */
  noteFrom: Ids;
  noteTo: Ids;
}
const tables = new WeakMap<CompiledIndex, TriggerTable>();
function triggerTable(ix: CompiledIndex): TriggerTable {
  let tt = tables.get(ix);
  if (tt) return tt;
  const n = ix.triggers.length;
  tt = {
    note: new Uint8Array(n),
    anchor: new Int32Array(n),
    set: new Int32Array(n),
    drop: new Int32Array(n),
    negated: new Uint8Array(n),
    reach: new Float64Array(n),
    full: new Int32Array(n),
    sets: 1,
    // computed by the compiler (carried in the compact form): a page does not work them out
    pairBits: ix.pairBits,
    noteFrom: ix.noteFrom,
    noteTo: ix.noteTo,
  };
  for (let t = 0; t < n; t++) {
    const trig = ix.triggers[t]!;
    tt.note[t] = trig.window === 'note' ? 1 : 0;
    tt.anchor[t] = trig.anchorGroup;
    tt.set[t] = trig.set;
    tt.drop[t] = dropOf(trig);
    tt.negated[t] = trig.negated === 'soften' ? NEG_SOFTEN : trig.negated === 'ignore' ? NEG_IGNORE : trig.negated === 'only' ? NEG_ONLY : NEG_SHOW;
    tt.reach[t] = typeof trig.window === 'number' ? trig.window : Infinity;
    tt.full[t] = (1 << trig.groups) - 1;
    tt.sets = Math.max(tt.sets, trig.set + 1);
  }
  for (let r = 0; r < ix.refGroup.length; r++) if (isSetRef(ix.refGroup[r]!)) tt.sets = Math.max(tt.sets, ix.refTrigger[r]! + 1);
  tables.set(ix, tt);
  return tt;
}


/** Index of `word` among pairNext[from, to) (ascending), or -1. */
function findPair(next: Ids, from: number, to: number, word: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = next[mid]!;
    if (v === word) return mid;
    if (v < word) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

function grow32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
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

/** Punctuation inside a sentence between two words (, ; : brackets, dashes): a clause may start there. */
function clauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014 || (c === 45 && i > from && i + 1 < to && text.charCodeAt(i - 1) === 32)) return true;
  }
  return false;
}

/**
 * Where the sentence starting at `from` ends (exclusive), by the same rule as Scanner.scan: a sentence
 * end character, or a full stop that ends one (stopEndsSentence); -1 when the text ends
 * first. (Inside a character entity or after an apostrophe the scanner skips only letters, digits and
 * '#', never an end.) On the way it takes the sentence's fingerprint for the cache.
 */
function sentenceEnd(text: string, from: number, n: number, cache: SentenceCache): number {
  const kinds = ASCII_KIND;
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 0x5bd1e995) + c + 0x9e3779b9) | 0;
    const kind = c < 128 ? kinds[c]! : foldCode(c).kind;
    if (kind === END || (kind === STOP && stopEndsSentence(text, i, n))) {
      cache.h1 = h1;
      cache.h2 = h2;
      return i + 1;
    }
  }
  cache.h1 = h1;
  cache.h2 = h2;
  return -1;
}

/** What a sentence's result is, whatever its position: everything in it is relative to its start. */
interface SentenceResult extends Pick<Sentence, 'fires' | 'evidence' | 'excludedSets' | 'nots' | 'noteExcluded'> {
  h2: number;
  length: number;
}
/**
 * Sentences remembered per index, by a fingerprint of their exact text: two 32-bit hashes and the
 * length (the word table trusts the same two hashes). No text is kept, only what was found in it.
 * Bounded: the oldest go first (a ring, so making room costs the same however many came and went).
 * Results are never changed once made, so sentences share them.
 */
class SentenceCache {
  /** The fingerprint of the sentence looked up last (set by sentenceEnd). */
  h1 = 0;
  h2 = 0;
  private readonly map = new Map<number, SentenceResult>();
  private readonly ring = new Int32Array(SENTENCE_CACHE);
  private readonly used = new Uint8Array(SENTENCE_CACHE);
  private next = 0;
  private length = 0;
  /** The result of the sentence looked up last, if it is known. */
  get(length: number): SentenceResult | undefined {
    this.length = length;
    const r = this.map.get(this.h1 >> 1);
    return r !== undefined && r.h2 === this.h2 && r.length === length ? r : undefined;
  }
  /** Remember `s` as the result of the sentence looked up last. */
  remember(s: Sentence): void {
    const key = this.h1 >> 1;
    if (this.used[this.next] === 1) this.map.delete(this.ring[this.next]!);
    this.ring[this.next] = key;
    this.used[this.next] = 1;
    this.next = (this.next + 1) % SENTENCE_CACHE;
    this.map.set(key, { fires: s.fires, evidence: s.evidence, excludedSets: s.excludedSets, nots: s.nots, noteExcluded: s.noteExcluded, h2: this.h2, length: this.length });
  }
  get size(): number {
    return this.map.size;
  }
}
const SENTENCE_CACHE = 512;
const sentenceCaches = new WeakMap<CompiledIndex, SentenceCache>();
function sentenceCache(index: CompiledIndex): SentenceCache {
  let c = sentenceCaches.get(index);
  if (!c) sentenceCaches.set(index, (c = new SentenceCache()));
  return c;
}
/** Forget the sentences remembered for `index` (the benchmark measures a note read for the first time). */
export function forgetSentences(index: CompiledIndex): void {
  sentenceCaches.delete(index);
}
/** How many sentences are remembered for `index` (for tests). */
export function rememberedSentences(index: CompiledIndex): number {
  return sentenceCaches.get(index)?.size ?? 0;
}


/**
 * A sentence's note-window evidence as trigger groups, flat (PARTIAL_STRIDE numbers each: trigger,
 * group, start, end, phrase, negated), in hit order then ref order; `only` keeps one trigger's. Applies
 * what the scanner applies to a trigger's own phrases: set-wide exclusions, the ConText attributes it
 * ignores, and its negation rule for the first group. Returns the number of numbers written.
 */
export function expandEvidence(ix: CompiledIndex, s: Sentence, out: number[], only = -1): number {
  const ev = s.evidence;
  if (!ev) return 0;
  const tr = triggerTable(ix);
  const { refTrigger, refGroup } = ix;
  const ex = s.excludedSets;
  let n = 0;
  for (let k = 0; k < ev.length; k += EVIDENCE_STRIDE) {
    const p = ev[k]!;
    const neg = ev[k + 3]!;
    const attrs = ev[k + 4]!;
    for (let r = tr.noteFrom[p]!, re = tr.noteTo[p]!; r < re; r++) {
      const t = refTrigger[r]!;
      if (only >= 0 && t !== only) continue;
      if (!passes(tr, t, refGroup[r]! - REF_NOTE, neg, attrs, ex)) continue;
      out[n] = t;
      out[n + 1] = refGroup[r]! - REF_NOTE;
      out[n + 2] = ev[k + 1]!;
      out[n + 3] = ev[k + 2]!;
      out[n + 4] = p;
      out[n + 5] = neg;
      n += PARTIAL_STRIDE;
    }
  }
  return n;
}

function passes(tr: TriggerTable, t: number, g: number, neg: number, attrs: number, ex: number[] | null): boolean {
  if (ex !== null && ex.includes(tr.set[t]!)) return false;
  if (attrs & tr.drop[t]!) return false;
  return !(g === 0 && ((neg === 1 && tr.negated[t] === NEG_IGNORE) || (neg === 0 && tr.negated[t] === NEG_ONLY)));
}

/**
 * Which groups of which note-window triggers the sentences hold, OR-ed into `seen` (a bit per group).
 * Hits that differ only by position are expanded once: a long note repeats its words.
 */
export function evidenceGroups(ix: CompiledIndex, sentences: Iterable<Sentence>, seen: Int32Array): void {
  const tr = triggerTable(ix);
  const { refTrigger, refGroup } = ix;
  const done = new Set<number>();
  for (const s of sentences) {
    const ev = s.evidence;
    if (!ev) continue;
    const ex = s.excludedSets;
    for (let k = 0; k < ev.length; k += EVIDENCE_STRIDE) {
      const p = ev[k]!;
      const neg = ev[k + 3]!;
      const attrs = ev[k + 4]!;
      if (ex === null) {
        const key = p * 16 + neg * 8 + attrs;
        if (done.has(key)) continue;
        done.add(key);
      }
      for (let r = tr.noteFrom[p]!, re = tr.noteTo[p]!; r < re; r++) {
        const t = refTrigger[r]!;
        const g = refGroup[r]! - REF_NOTE;
        if (passes(tr, t, g, neg, attrs, ex)) seen[t]! |= 1 << g;
      }
    }
  }
}

/** Does the phrase count as note-window evidence for any trigger marked in `want` (want[t] !== 0)? */
export function evidenceTouches(ix: CompiledIndex, p: number, want: Int32Array): boolean {
  const tr = triggerTable(ix);
  for (let r = tr.noteFrom[p]!, re = tr.noteTo[p]!; r < re; r++) if (want[ix.refTrigger[r]!] !== 0) return true;
  return false;
}
