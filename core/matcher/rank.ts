/**
 * From what fired to what is shown: merge by prompt (learning point or local prompt), rank, and keep
 * only a few. Noise control lives here, not in the UI: at most `maxPrompts` (default 3), no much weaker
 * reading of words a stronger prompt reads (`minShare`), combinations and context above single words,
 * dismissed or snoozed prompts held back until their time is up.
 */
import { lookupForm, type CompiledIndex } from './compile.ts';
import { foldWords } from '../text/fold.ts';
import { READING_TRIGGER, type CompiledReading } from './reading.ts';
import { EVIDENCE_STRIDE, evidenceGroups, evidenceTouches, expandEvidence, PARTIAL_STRIDE, type Sentence } from './scan.ts';

export interface MatchContext {
  /** Field label, name, placeholder and aria-label, joined. */
  field?: string;
  /** Page title and the headings of the form, joined. */
  page?: string;
  /** Page address. */
  url?: string;
}

export interface RankOptions {
  maxPrompts?: number;
  /**
   * A prompt scoring under this share of the strongest (default DEFAULT_MIN_SHARE) is held back when
   * every word it matched is a word a stronger prompt also matched: the same words read two ways, and
   * the weaker reading was more often off-topic than useful. A weak prompt with words of its own ("no
   * food in the house and the children were not seen alone") is a separate concern and stays.
   */
  minShare?: number;
  /** Prompt ids held back, with the time (ms) until which they stay quiet. */
  quiet?: ReadonlyMap<string, number> | Record<string, number>;
  now?: number;
  /**
   * At most this many spans per prompt: the first in the note (default: all). "Why" needs only the
   * first few words, and collecting every span of a long note is most of a keystroke's cost.
   */
  maxSpans?: number;
  /**
   * The note's second reading (NoteMatch.reading): a prompt of a set with a `reading` whose section the
   * note reads like less than the reading's `hold` is held back. Without it, or when it has no opinion
   * (null: a note too short to read), nothing is held back.
   */
  reading?: (r: CompiledReading) => ArrayLike<number> | null;
  /**
   * What a second reading needs from the note to raise a prompt (NoteMatch gives both): why (the words
   * that count most towards the section) and whether the note holds a phrase that keeps the reading
   * quiet. Without it the reading only holds prompts back.
   */
  raising?: { spans(r: CompiledReading, section: number): MatchedSpan[]; quiet(r: CompiledReading): boolean };
}

export interface MatchedSpan {
  start: number;
  end: number;
  /** The prompt set's phrase that matched (the set's words, not the note's). */
  phrase: string;
}

export interface PromptMatch {
  /** Learning point id or local prompt id. */
  id: string;
  score: number;
  /** Trigger ids (set-qualified: "setId/triggerId") that led here. */
  triggers: string[];
  spans: MatchedSpan[];
  /** Every occurrence was negated ("no concerns about neglect"): word it gently. */
  gentle: boolean;
  /** Fired through a combination of phrases. */
  combination: boolean;
  /** Field or page context raised it. */
  contextual: boolean;
  /**
   * Raised by the set's second reading, not its phrases: the note as a whole reads strongly like the
   * prompt's section; `spans` are the words that count most towards it.
   */
  read?: true;
}

interface TriggerAcc {
  count: number;
  spans: MatchedSpan[];
  gentleAll: boolean;
  /**
   * Note-window evidence per group, flat: start, end, phrase, negated (0/1) — spans are made only
   * for the prompts shown.
   */
  groups: number[][] | null;
}

export const DEFAULT_MAX_PROMPTS = 3;
export const DEFAULT_MIN_SHARE = 0.6;
/** How many spans of each trigger decide whether a weaker prompt reads only a stronger one's words. */
const SHADOW_SPANS = 24;

/** Which triggers' context phrases occur in the field/page strings. Cheap: context strings are short. */
export function contextHits(index: CompiledIndex, ctx: MatchContext): { field: Set<number>; page: Set<number> } {
  const phrasesIn = (s: string | undefined): Set<number> => {
    const found = new Set<number>();
    if (!s) return found;
    const words = foldWords(s.slice(0, 2000));
    const ids = new Set<number>();
    index.triggers.forEach((t) => {
      if (!t.context) return;
      for (const p of t.context.fieldPhrases) ids.add(p);
      for (const p of t.context.pagePhrases) ids.add(p);
    });
    for (const p of ids) if (containsPhrase(index, words, p)) found.add(p);
    return found;
  };
  return { field: phrasesIn(ctx.field), page: phrasesIn(ctx.page) };
}

/** The field and page around a note rarely change between keystrokes: remember the last answer. */
const lastContext = new WeakMap<CompiledIndex, { key: string; hits: { field: Set<number>; page: Set<number> } }>();
function cachedContextHits(index: CompiledIndex, ctx: MatchContext): { field: Set<number>; page: Set<number> } {
  const key = `${ctx.field ?? ''}\u0000${ctx.page ?? ''}`;
  const last = lastContext.get(index);
  if (last && last.key === key) return last.hits;
  const hits = contextHits(index, ctx);
  lastContext.set(index, { key, hits });
  return hits;
}

function containsPhrase(index: CompiledIndex, words: string[], phrase: number): boolean {
  const pw = index.phraseWordData.subarray(index.phraseWordStart[phrase]!, index.phraseWordStart[phrase + 1]!);
  outer: for (let i = 0; i + pw.length <= words.length; i++) {
    for (let j = 0; j < pw.length; j++) {
      if (!wordMatches(index, words[i + j]!, pw[j]!)) continue outer;
    }
    return true;
  }
  return false;
}

function wordMatches(index: CompiledIndex, folded: string, word: number): boolean {
  const f = lookupForm(index, folded);
  if (f < 0) return false;
  for (let i = index.formWordStart[f]!; i < index.formWordStart[f + 1]!; i++) if (index.formWordData[i] === word) return true;
  return false;
}

/** A trigger that fired in the note, with what scoring needs (its spans are made only if shown). */
interface Candidate {
  t: number;
  /** Sentence-level fires, or for a note-window trigger its first group's evidence. */
  count: number;
  gentle: boolean;
  /** Start of its first span (the tie-break between equal scores). */
  min: number;
}

/** What fired, from the sentences: the reference path (a full scan, the CLI, the tests). */
function gather(index: CompiledIndex, sentences: readonly Sentence[]): Gathered {
  const acc = new Map<number, TriggerAcc>();
  const excluded = new Set<number>();
  const get = (t: number): TriggerAcc => {
    let a = acc.get(t);
    if (!a) {
      a = { count: 0, spans: [], gentleAll: true, groups: null };
      acc.set(t, a);
    }
    return a;
  };
  for (const s of sentences) {
    if (s.fires) {
      for (const f of s.fires) {
        const a = get(f.t);
        a.count++;
        a.gentleAll &&= f.gentle;
        for (let k = 0; k < f.phrases.length; k++) {
          a.spans.push({ start: s.start + f.spans[2 * k]!, end: s.start + f.spans[2 * k + 1]!, phrase: index.phraseText[f.phrases[k]!] ?? '' });
        }
      }
    }
    if (s.nots) for (const t of s.nots) excluded.add(t);
  }
  // Note-window triggers: first which groups the note holds (numbers only), then evidence objects
  // for the few triggers that have every group — most partial hits never fire anything.
  const nTrig = index.triggers.length;
  let seen: Int32Array | null = null;
  if (sentences.some((s) => s.evidence)) evidenceGroups(index, sentences, (seen = new Int32Array(nTrig)));
  if (seen) {
    const want = new Int32Array(nTrig);
    let anyFull = false;
    for (let t = 0; t < nTrig; t++) {
      // full: every group present and not excluded
      if (seen[t] !== 0 && seen[t] === (1 << index.triggers[t]!.groups) - 1 && !excluded.has(t)) {
        want[t] = 1;
        anyFull = true;
      }
    }
    if (anyFull) {
      // only the hits that count for a full trigger are expanded
      const touches = new Map<number, boolean>();
      const buf: number[] = [];
      for (const s of sentences) {
        const ev = s.evidence;
        if (!ev) continue;
        let any = false;
        for (let k = 0; k < ev.length && !any; k += EVIDENCE_STRIDE) {
          let v = touches.get(ev[k]!);
          if (v === undefined) touches.set(ev[k]!, (v = evidenceTouches(index, ev[k]!, want)));
          any = v;
        }
        if (!any) continue;
        const n = expandEvidence(index, s, buf);
        for (let k = 0; k < n; k += PARTIAL_STRIDE) {
          const t = buf[k]!;
          if (want[t] === 0) continue;
          const a = get(t);
          a.groups ??= Array.from({ length: index.triggers[t]!.groups }, () => []);
          a.groups[buf[k + 1]!]!.push(s.start + buf[k + 2]!, s.start + buf[k + 3]!, buf[k + 4]!, buf[k + 5]!);
        }
      }
    }
  }
  const cands: Candidate[] = [];
  for (const [t, a] of acc) {
    const trig = index.triggers[t]!;
    let count = a.count;
    let gentle = a.gentleAll;
    let min = Infinity;
    if (trig.window === 'note') {
      if (excluded.has(t) || !a.groups || a.groups.some((g) => g.length === 0)) continue;
      const g0 = a.groups[0]!;
      count = g0.length / 4;
      gentle = trig.negated === 'soften';
      for (let k = 3; gentle && k < g0.length; k += 4) if (g0[k] !== 1) gentle = false;
      for (const g of a.groups) for (let k = 0; k < g.length; k += 4) if (g[k]! < min) min = g[k]!;
    } else {
      if (excluded.has(t)) continue; // ruled out somewhere in the note (`ruledOutBy`)
      for (const sp of a.spans) if (sp.start < min) min = sp.start;
    }
    if (count === 0) continue;
    cands.push({ t, count, gentle, min });
  }
  /** A trigger's spans: a combination's in the order found; note-window evidence by start. */
  const spansOf = (t: number): MatchedSpan[] => {
    const a = acc.get(t)!;
    if (!a.groups) return a.spans;
    const out: (MatchedSpan & { negated: boolean })[] = [];
    for (const g of a.groups) for (let k = 0; k < g.length; k += 4) out.push({ start: g[k]!, end: g[k + 1]!, phrase: index.phraseText[g[k + 2]!] ?? '', negated: g[k + 3] === 1 });
    return out.sort((x, y) => x.start - y.start);
  };
  return { cands: cands.sort((x, y) => x.t - y.t), spansOf, ruledOut: () => excluded };
}

interface Gathered {
  cands: Candidate[];
  spansOf: (t: number, limit: number) => MatchedSpan[];
  /** Triggers ruled out somewhere in the note (`ruledOutBy`, a note-window trigger's `not`). */
  ruledOut: () => Iterable<number>;
}

/**
 * What fired, from a note's running totals (NoteMatch keeps them as sentences come and go): a
 * keystroke costs what changed, not the note's length. Same candidates as `gather` over the note's
 * sentences; only the shown prompts' spans are collected, walking the sentences in order.
 */
function gatherTotals(index: CompiledIndex, totals: NoteTotals): Gathered {
  const { fireCount, fireHard, evidence, evidencePlain, notCount, stride, sentencesOf } = totals;
  const cands: Candidate[] = [];
  const triggers = index.triggers;
  /** A trigger's sentences, in the note's order (kept so by NoteMatch; spans and first starts come from these). */
  const inOrder = (t: number): readonly Sentence[] => sentencesOf.get(t) ?? [];
  const buf: number[] = [];
  for (const [t] of sentencesOf) {
    const trig = triggers[t]!;
    let count: number;
    let gentle: boolean;
    if (trig.window === 'note') {
      if (notCount[t]! !== 0) continue;
      let ok = true;
      for (let g = 0; g < trig.groups; g++) if (evidence[t * stride + g] === 0) ok = false;
      if (!ok) continue;
      count = evidence[t * stride]!;
      gentle = trig.negated === 'soften' && evidencePlain[t] === 0;
    } else {
      if (fireCount[t]! === 0 || notCount[t]! !== 0) continue;
      count = fireCount[t]!;
      gentle = fireHard[t] === 0;
    }
    // the first span: in the trigger's first sentence
    const first = sentencesOf.get(t)![0]!;
    let min = Infinity;
    if (trig.window === 'note') {
      const n = expandEvidence(index, first, buf, t);
      for (let k = 0; k < n; k += PARTIAL_STRIDE) min = Math.min(min, first.start + buf[k + 2]!);
    } else {
      for (const f of first.fires!) if (f.t === t) for (let k = 0; k < f.spans.length; k += 2) min = Math.min(min, first.start + f.spans[k]!);
    }
    cands.push({ t, count, gentle, min });
  }
  /**
   * A trigger's spans, sentence by sentence in the note's order, until it has `limit` different ones:
   * any of the prompt's first `limit` spans is among them (a later sentence's spans all come later).
   */
  const spansOf = (t: number, limit: number): MatchedSpan[] => {
    const trig = triggers[t]!;
    const distinct = new Set<number>();
    const enough = (out: readonly MatchedSpan[], from: number): boolean => {
      for (let k = from; k < out.length; k++) distinct.add(out[k]!.start * 0x100000 + out[k]!.end);
      return distinct.size >= limit;
    };
    if (trig.window !== 'note') {
      const out: MatchedSpan[] = [];
      for (const s of inOrder(t)) {
        const from = out.length;
        for (const f of s.fires ?? []) {
          if (f.t !== t) continue;
          for (let k = 0; k < f.phrases.length; k++) out.push({ start: s.start + f.spans[2 * k]!, end: s.start + f.spans[2 * k + 1]!, phrase: index.phraseText[f.phrases[k]!] ?? '' });
        }
        if (enough(out, from)) break;
      }
      return out;
    }
    // by group, then by start (as `gather` orders them)
    const byGroup: (MatchedSpan & { negated: boolean })[][] = Array.from({ length: trig.groups }, () => []);
    const these: MatchedSpan[] = [];
    for (const s of inOrder(t)) {
      these.length = 0;
      const n = expandEvidence(index, s, buf, t);
      for (let k = 0; k < n; k += PARTIAL_STRIDE) {
        const sp = { start: s.start + buf[k + 2]!, end: s.start + buf[k + 3]!, phrase: index.phraseText[buf[k + 4]!] ?? '', negated: buf[k + 5] === 1 };
        byGroup[buf[k + 1]!]!.push(sp);
        these.push(sp);
      }
      if (enough(these, 0)) break;
    }
    return byGroup.flat().sort((x, y) => x.start - y.start);
  };
  const ruledOut = function* (): Iterable<number> {
    for (let t = 0; t < notCount.length; t++) if (notCount[t]! !== 0) yield t;
  };
  return { cands: cands.sort((x, y) => x.t - y.t), spansOf, ruledOut };
}

/**
 * Running totals of a note's sentences (kept by NoteMatch): per trigger, its fires and how many of
 * them are not gentle; per note-window trigger and group, its evidence (and first-group evidence not
 * negated); per trigger, the sentences that exclude it.
 */
export interface NoteTotals {
  sentences: readonly Sentence[];
  stride: number;
  fireCount: Int32Array;
  fireHard: Int32Array;
  evidence: Int32Array;
  evidencePlain: Int32Array;
  notCount: Int32Array;
  /** Per trigger, the sentences where it fired or has evidence, in the note's order. */
  sentencesOf: Map<number, Sentence[]>;
  /** Per set ordinal, how many sentences hold one of its note-wide exclusions (only sets with any). */
  noteExcluded: Map<number, number>;
}

export function rank(
  index: CompiledIndex,
  what: readonly Sentence[] | NoteTotals,
  ctx: MatchContext = {},
  options: RankOptions = {},
): PromptMatch[] {
  const gathered = isTotals(what) ? gatherTotals(index, what) : gather(index, what);
  const { spansOf } = gathered;
  // a note-wide exclusion anywhere (a closure summary with every goal met): none of that set's prompts
  let silenced: ReadonlySet<number> | null = null;
  if (isTotals(what)) {
    if (what.noteExcluded.size) silenced = new Set(what.noteExcluded.keys());
  } else {
    if (what.some((s) => s.noteExcluded)) silenced = new Set(what.flatMap((s) => s.noteExcluded ?? []));
  }
  const cands = silenced ? gathered.cands.filter((c) => !silenced.has(index.triggers[c.t]!.set)) : gathered.cands;
  const needContext = index.triggers.some((t) => t.context);
  const ctxHits = needContext ? cachedContextHits(index, ctx) : null;
  const url = (ctx.url ?? '').toLowerCase();

  // second readings: which one may hold each prompt back (the reading of the set that raised it)
  const readingOf = new Map<number, CompiledReading>();
  if (options.reading) for (const r of index.readings) readingOf.set(r.set, r);
  const readerFor = (set: number, id: string): CompiledReading | null => {
    const r = readingOf.get(set);
    return r && r.promptSection.has(id) ? r : null;
  };
  /** Per prompt, the reading that may hold it back; null when a set without one (or another set) raised it too. */
  const readerOf = new Map<PromptMatch, CompiledReading | null>();

  const byPrompt = new Map<string, PromptMatch>();
  /** Per prompt: the triggers whose spans it shows, in order, and the first span's start. */
  const sources = new Map<PromptMatch, number[]>();
  const firstStart = new Map<PromptMatch, number>();
  for (const { t, count, gentle, min } of cands) {
    const trig = index.triggers[t]!;
    let contextual = false;
    if (trig.context && ctxHits) {
      const c = trig.context;
      contextual =
        [...c.fieldPhrases].some((p) => ctxHits.field.has(p)) ||
        [...c.pagePhrases].some((p) => ctxHits.page.has(p)) ||
        c.urls.some((u) => url.includes(u));
      if (c.effect === 'require' && !contextual) continue;
    }
    const combination = trig.groups > 1;
    let score = trig.weight * (1 + 0.2 * Math.min(count - 1, 5)) + (combination ? 1 : 0) + (contextual ? 1.5 : 0);
    if (gentle) score *= 0.5;
    const qualified = `${trig.setId}/${trig.id}`;
    for (const id of trig.leadsTo) {
      const reader = readingOf.size ? readerFor(trig.set, id) : null;
      const prev = byPrompt.get(id);
      if (!prev) {
        const p: PromptMatch = { id, score, triggers: [qualified], spans: [], gentle, combination, contextual };
        byPrompt.set(id, p);
        if (reader) readerOf.set(p, reader);
        sources.set(p, [t]);
        firstStart.set(p, min);
      } else {
        if (readerOf.get(prev) !== reader) readerOf.set(prev, null);
        prev.score = Math.max(prev.score, score) + 0.1;
        prev.triggers.push(qualified);
        sources.get(prev)!.push(t);
        if (min < firstStart.get(prev)!) firstStart.set(prev, min);
        prev.gentle &&= gentle;
        prev.combination ||= combination;
        prev.contextual ||= contextual;
      }
    }
  }
  // held back: a prompt whose section the note does not read like (a prompt two or more triggers raised
  // is held back only when the note reads almost nothing like its section). A held prompt still counts
  // below (the strongest score, what it shadows, its place among the first maxPrompts): it is only not
  // shown, so holding one back never lets another through. What shows is always a part of what would
  // show without the reading.
  const held = new Set<PromptMatch>();
  const readAs = new Map<CompiledReading, ArrayLike<number> | null>();
  if (readerOf.size) {
    for (const [p, r] of readerOf) {
      if (!r) continue;
      let read = readAs.get(r);
      if (read === undefined) readAs.set(r, (read = options.reading!(r)));
      if (read === null) continue;
      if (read[r.promptSection.get(p.id)!]! < (p.triggers.length >= 2 ? r.holdCorroborated : r.hold)) held.add(p);
    }
  }
  const now = options.now ?? Date.now();
  const quiet = options.quiet instanceof Map ? options.quiet : new Map(Object.entries(options.quiet ?? {}));
  const maxSpans = options.maxSpans ?? Infinity;
  /** A prompt's first `limit` spans in the note, from all its triggers, without repeats. */
  const firstSpans = (p: PromptMatch, limit: number): MatchedSpan[] => {
    const all: MatchedSpan[] = [];
    for (const t of sources.get(p)!) for (const sp of spansOf(t, limit)) all.push(sp);
    all.sort((x, y) => x.start - y.start || x.end - y.end);
    const out = all.filter((s, i, arr) => i === 0 || s.start !== arr[i - 1]!.start || s.end !== arr[i - 1]!.end);
    if (out.length > limit) out.length = limit;
    return out;
  };
  // A weak reading (under minShare of the strongest) of words a stronger prompt already reads is held
  // back: the same words read two ways, keep the stronger. The strongest counts quiet or not, so dismissing
  // it does not promote a weaker reading of its words. A weak prompt with any words of its own is a
  // separate concern and stays. Decided on each prompt's first SHADOW_SPANS spans, whatever maxSpans
  // is, so the page and a full scan agree; looked at only when a weak prompt would otherwise be shown.
  let top = 0;
  for (const p of byPrompt.values()) top = Math.max(top, p.score);
  const floor = top * (options.minShare ?? DEFAULT_MIN_SHARE);
  const weak = new Set<PromptMatch>();
  for (const p of byPrompt.values()) if (p.score < floor) weak.add(p);
  const out = [...byPrompt.values()].filter((p) => !((quiet.get(p.id) ?? 0) > now));
  // order by score, then by the first span; only the prompts kept get their spans
  for (const p of out) p.score = Math.round(p.score * 1000) / 1000;
  out.sort((x, y) => y.score - x.score || firstStart.get(x)! - firstStart.get(y)! || (x.id < y.id ? -1 : 1));
  const max = options.maxPrompts ?? DEFAULT_MAX_PROMPTS;
  const kept: PromptMatch[] = [];
  // the stronger prompts' words, gathered the first time a weak prompt is looked at
  let readByStronger: ((sp: MatchedSpan) => boolean) | undefined;
  for (const p of out) {
    if (kept.length >= max) break;
    if (weak.has(p)) {
      readByStronger ??= readBy([...byPrompt.values()].filter((q) => !weak.has(q)).flatMap((q) => firstSpans(q, SHADOW_SPANS)));
      if (firstSpans(p, SHADOW_SPANS).every(readByStronger)) continue;
    }
    kept.push(p);
  }
  const shown = held.size ? kept.filter((p) => !held.has(p)) : kept;
  for (const p of shown) p.spans = firstSpans(p, maxSpans);
  // a place a held prompt keeps is not given to one the reading raises (kept, not shown, counts)
  const raising = options.raising;
  if (options.reading && raising && kept.length < max && index.readings.some((r) => Number.isFinite(r.raiseAt))) {
    const raised = raiseByReading(index, {
      found: () => [...gathered.cands.map((c) => c.t), ...gathered.ruledOut()],
      raisedByPhrases: byPrompt,
      silenced,
      readOf: (r) => {
        let read = readAs.get(r);
        if (read === undefined) readAs.set(r, (read = options.reading!(r)));
        return read;
      },
      isQuiet: (id) => (quiet.get(id) ?? 0) > now,
      readingQuiet: (r) => raising.quiet(r),
    });
    if (raised) {
      raised.prompt.spans = raising.spans(raised.reading, raised.section);
      // every prompt says why: with no words of its own to quote, the reading stays silent
      if (raised.prompt.spans.length) shown.push(raised.prompt);
    }
  }
  return shown;
}

/**
 * The one prompt a second reading may raise (or null): of a section the note reads at least `raiseAt`
 * like, the strongest such section, when the set's phrases left that section alone: no trigger of the
 * set leading there found anything in the note (fired, whether shown, held, cut or dismissed; or was
 * ruled out), counting its prompts as written, so a switched-off prompt is not replaced. Never when
 * the set was silenced by a note-wide exclusion or the note holds one of the reading's quiet phrases.
 * Its prompt is never a sensitive or switched-off one (compileReading), nor one dismissed or snoozed.
 */
function raiseByReading(
  index: CompiledIndex,
  o: {
    /** Triggers that found something in the note: fired, or were ruled out (asked only when a section reads high enough). */
    found: () => readonly number[];
    raisedByPhrases: ReadonlyMap<string, PromptMatch>;
    silenced: ReadonlySet<number> | null;
    readOf: (r: CompiledReading) => ArrayLike<number> | null;
    isQuiet: (id: string) => boolean;
    readingQuiet: (r: CompiledReading) => boolean;
  },
): { prompt: PromptMatch; reading: CompiledReading; section: number } | null {
  let best: { r: CompiledReading; s: number; p: number } | null = null;
  let found: readonly number[] | undefined;
  for (const r of index.readings) {
    if (!Number.isFinite(r.raiseAt) || o.silenced?.has(r.set)) continue;
    const read = o.readOf(r);
    if (!read) continue;
    // which sections the phrases covered: worked out only when some section reads high enough (most keys none does)
    let covered = -1;
    for (let s = 0; s < r.sections.length; s++) {
      const id = r.raisePrompt[s];
      if (!id || read[s]! < r.raiseAt || (best && read[s]! <= best.p)) continue;
      if (covered === -1) {
        covered = 0;
        for (const t of (found ??= o.found())) covered |= r.triggerSections[t] ?? 0;
        for (const pid of o.raisedByPhrases.keys()) {
          const x = r.promptSection.get(pid);
          if (x !== undefined) covered |= 1 << x;
        }
      }
      if (covered & (1 << s) || o.raisedByPhrases.has(id) || o.isQuiet(id)) continue;
      best = { r, s, p: read[s]! };
    }
  }
  // the quiet phrases last: read from the note only when a prompt would be raised
  if (!best || o.readingQuiet(best.r)) return null;
  const prompt: PromptMatch = {
    id: best.r.raisePrompt[best.s]!,
    score: 0,
    triggers: [`${best.r.setId}/${READING_TRIGGER}`],
    spans: [],
    gentle: false,
    combination: false,
    contextual: false,
    read: true,
  };
  return { prompt, reading: best.r, section: best.s };
}

/** Whether a span overlaps any of these: the spans as disjoint intervals in order, then a binary search. */
function readBy(spans: MatchedSpan[]): (sp: MatchedSpan) => boolean {
  spans.sort((x, y) => x.start - y.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of spans) {
    const last = ends.length - 1;
    if (last >= 0 && r.start < ends[last]!) ends[last] = Math.max(ends[last]!, r.end);
    else {
      starts.push(r.start);
      ends.push(r.end);
    }
  }
  return (sp) => {
    // the last interval starting before the span ends: it overlaps the span, or none does
    let lo = 0;
    let hi = starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < sp.end) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k >= 0 && ends[k]! > sp.start;
  };
}

function isTotals(x: readonly Sentence[] | NoteTotals): x is NoteTotals {
  return !Array.isArray(x);
}
