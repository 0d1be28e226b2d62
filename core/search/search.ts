/**
 * Search over the learning library (MiniSearch), built to understand what practitioners type:
 * - phrases first: every pair of neighbouring words in a title, summary, tag or text is indexed too ("~not
 *   brought"), and so is every pair one word apart ("≈never known" from "never been known"). A document
 *   holding the whole query as a phrase outranks one holding it only near-exactly, which outranks one that
 *   merely has the words;
 * - stop words ("not", "the", "of", "no"…) count inside phrases but never on their own: a query of stop words
 *   finds nothing, and they are not indexed as words (except in tags, where "IT" is a word);
 * - acronyms and equivalent phrasings come from the matcher's groups (core/text/synonyms.ts), the one source;
 * - prefix and typo tolerance, British/American spellings folded;
 * - fields ranked title > summary > tags > section > text; learning points ahead of wider messages, themes,
 *   context pages and key data when they match equally well.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { FILLER_WORDS, SYNONYM_GROUPS } from '../text/synonyms.ts';
import { compactIndex, loadCompact } from './compact.ts';

/** What a search document is: each kind opens at its own anchor on the library page. */
export type DocKind = 'learning-point' | 'wider-message' | 'theme' | 'context' | 'key-data';

export const KIND_LABEL: Record<DocKind, string> = {
  'learning-point': 'Learning point',
  'wider-message': 'Wider message',
  theme: 'Theme',
  context: 'About the reviews',
  'key-data': 'Key data',
};

export interface SearchDoc {
  /** Learning points and wider messages: their own id. Other kinds: their anchor. */
  id: string;
  kind: DocKind;
  /** The element id on the library page (`lp/…`, `theme/…`, `context/…`, `fact/…`, `data/…`). */
  anchor: string;
  section: string;
  sectionId: string;
  title: string;
  summary: string;
  explanation: string;
  /** One tag a line. */
  tags: string;
  /** Learning points: the built-in prompt set's trigger phrases that lead here, one a line (indexed, not shown). */
  cues?: string;
  /** Learning points and wider messages: position in their section (the briefing opens each section with its headline point). */
  order?: number;
}

/** Shown in the search box as its placeholder ("e.g. …"); each is in the ranking table. */
export const PLACEHOLDER_QUERIES = ['neglect', 'ABE', 'escalation', 'not brought'] as const;
/** Offered as buttons when the search box is empty; each is in the ranking table. */
export const EXAMPLE_SEARCHES = ['seen alone', 'no further action', 'county lines'] as const;

/** Any character outside printable ASCII. */
const NOT_PLAIN = /[^ -~]/;

/** Fold spelling variants to one form so "behavior" finds "behaviour". */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase();
  // plain ASCII (nearly every word) has nothing to decompose: Unicode normalisation is skipped for it
  let t = (!NOT_PLAIN.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '')).replace(/['’]/g, '');
  t = t.replace(/our(s?)$/, 'or$1').replace(/iour/, 'ior').replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/^paed/, 'ped').replace(/yse$/, 'yze');
  return t;
}

/** Words that never carry a result on their own (folded). The matcher's filler words are among them. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...FILLER_WORDS,
  ...'not no nor of and or but if then to in on at by for from with without as is are was were be been being am do does did done has have had having it its i me we us you he she they who whom whose what which when where why how than so such very can could would should will shall may might must there here about into onto over under up down out off again just only also too any all some each every other own same s t'.split(' '),
]);

/** An all-capitals word of two or more letters is an acronym the user meant ("IT", "NO"): never a stop word. */
const isAcronym = (raw: string) => raw.length >= 2 && /^\p{Lu}+$/u.test(raw);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const FILLERS: ReadonlySet<string> = new Set(FILLER_WORDS);
/** Markers of phrase terms: adjacent pair, pair one word apart. Never the first character of a word. */
const PAIR = '~';
const SKIP = '≈';

/** Folded words of a text run, filler words left out (they never break a phrase: "seen on their own" ≈ "seen on own"). */
function phraseWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => foldTerm(m[0])).filter((w) => !FILLERS.has(w));
}

/** Phrase terms of a text: pairs of neighbouring words (and, with `skip`, of words one apart), never across a line or sentence end. */
function phraseTerms(text: string, skip: boolean): string[] {
  const out: string[] = [];
  for (const run of text.split(/[\n.;:!?()|]+/)) {
    const w = phraseWords(run);
    for (let i = 0; i + 1 < w.length; i++) {
      if (!skip) out.push(`${PAIR}${w[i]} ${w[i + 1]}`);
      else if (i + 2 < w.length) out.push(`${SKIP}${w[i]} ${w[i + 2]}`);
    }
  }
  return out;
}

const WORD_FIELDS = ['title', 'summary', 'explanation', 'tags', 'section', 'cues'] as const;
/** Phrase fields: pairs in the title, tags, prompt cues, summary and text; near pairs anywhere. */
const PHRASE_FIELDS = { pTitle: ['title'], pTags: ['tags'], pCues: ['cues'], pBody: ['summary', 'explanation'], pNear: ['title', 'tags', 'summary'] } as const;
type PhraseField = keyof typeof PHRASE_FIELDS;
const isPhraseField = (f: string | undefined): f is PhraseField => !!f && f in PHRASE_FIELDS;

const WORD_BOOST = { title: 4, summary: 2.5, tags: 2, section: 1.5, explanation: 1, cues: 0.1 };
const PHRASE_BOOST = { pTitle: 6, pTags: 4, pCues: 6, pBody: 2, pNear: 1 };
/** Weights by kind; and within a phrase tier, learning points and wider messages come before the other kinds. */
const KIND_WEIGHT: Record<DocKind, number> = { 'learning-point': 1, 'wider-message': 0.9, theme: 0.8, context: 0.75, 'key-data': 0.7 };
const PRIMARY: ReadonlySet<DocKind> = new Set(['learning-point', 'wider-message']);
/** Near ties go to the point the briefing puts first in its section: this much less per place. */
const ORDER_STEP = 0.03;

/** The word index: words of every field (stop words left out, except in tags), prefix and typo tolerant. */
export const SEARCH_OPTIONS = {
  fields: [...WORD_FIELDS],
  storeFields: ['title', 'section', 'sectionId', 'summary', 'kind', 'anchor', 'order'],
  /** Stored fields as they are (`order` is a number). */
  extractField: (doc: SearchDoc, field: string): unknown => (doc as unknown as Record<string, unknown>)[field] ?? '',
  tokenize: (text: string): string[] => [...text.matchAll(WORD)].map((m) => m[0]),
  processTerm: (term: string, field?: string): string | null => {
    const t = foldTerm(term);
    return field !== 'tags' && STOP_WORDS.has(t) ? null : t;
  },
  searchOptions: { processTerm: (term: string) => foldTerm(term) },
};

/**
 * The phrase index, kept apart so typo-tolerant word lookups never walk its many pair terms: exact pairs
 * from every field, near pairs from the short ones (title, tags, summary).
 */
const PHRASE_OPTIONS = {
  fields: Object.keys(PHRASE_FIELDS),
  extractField: (doc: SearchDoc, field: string): string => (isPhraseField(field) ? PHRASE_FIELDS[field].map((f) => doc[f] ?? '').join('\n') : field === 'id' ? doc.id : ''),
  tokenize: (text: string, field?: string): string[] => phraseTerms(text, field === 'pNear'),
  processTerm: (term: string): string => term,
};

// acronyms and equivalent phrasings: every member of a group, as folded words
const GROUPS: readonly (readonly string[][])[] = SYNONYM_GROUPS.map((g) => g.map((m) => [...m.matchAll(WORD)].map((x) => foldTerm(x[0]))));

/** Where `needle` occurs in `hay` as whole words, or -1. */
function indexOfWords(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** A way of reading the query: its own words, or with one acronym or phrasing swapped for a synonym. */
interface Reading {
  /** Folded words, stop words left in. */
  words: string[];
  /** The words that must be found for the reading to be covered: its non-stop words. */
  content: string[];
}

/**
 * The readings of a query: as typed, then each synonym swap ("NFA" → "no further action"; "no further
 * action" → "nfa"). Raw words matter: an all-capitals word is never a stop word.
 */
export function readings(query: string): Reading[] {
  const raw = [...query.matchAll(WORD)].map((m) => m[0]);
  const words = raw.map(foldTerm);
  const keep = raw.map((r, i) => isAcronym(r) || !STOP_WORDS.has(words[i]!));
  const out: Reading[] = [{ words, content: words.filter((_, i) => keep[i]) }];
  const seen = new Set([words.join(' ')]);
  for (const group of GROUPS) {
    for (const member of group) {
      const at = indexOfWords(words, member);
      if (at < 0) continue;
      for (const other of group) {
        if (other === member) continue;
        const w = [...words.slice(0, at), ...other, ...words.slice(at + member.length)];
        const key = w.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const k = [...keep.slice(0, at), ...other.map((o) => !STOP_WORDS.has(o) || other.length === 1), ...keep.slice(at + member.length)];
        out.push({ words: w, content: w.filter((_, i) => k[i]) });
      }
    }
  }
  return out;
}

/** Query expansion (kept for callers and tests): "ABE" → "ABE achieving best evidence"; "no further action" → "… nfa". */
export function expandQuery(q: string): string {
  const extra = readings(q.replace(/\./g, ''))
    .slice(1)
    .map((r) => r.words.join(' '));
  return extra.length ? `${q} ${extra.join(' ')}` : q;
}

/**
 * The word index (what callers read stored fields from), with the phrase index beside it. The two are
 * built and shipped apart: a page can load the small word index first (titles, summaries, every
 * one-word query) and the phrase index (most of the bytes) after its first results are on screen
 * (`phrases` is null until then; see `needsPhrases`).
 */
export type SearchIndex = MiniSearch<SearchDoc> & { phrases: MiniSearch<SearchDoc> | null };

export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const words = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  words.addAll(docs);
  const phrases = new MiniSearch<SearchDoc>(PHRASE_OPTIONS);
  phrases.addAll(docs);
  return Object.assign(words, { phrases });
}

/** The index as one JSON text (both parts in compact form: core/search/compact.ts), for `loadIndex` (see vite-plugins/search-index-plugin.ts). */
export function serializeIndex(index: SearchIndex): string {
  const { words, phrases } = serializeIndexParts(index);
  return `{"words":${words},"phrases":${phrases}}`;
}

/** The index as two JSON texts in compact form (core/search/compact.ts), for `loadWordIndex` and `loadPhraseIndex` (see vite-plugins/search-index-plugin.ts). */
export function serializeIndexParts(index: SearchIndex): { words: string; phrases: string } {
  if (!index.phrases) throw new Error('serializeIndexParts: the phrase index is not loaded');
  return { words: compactIndex(index), phrases: compactIndex(index.phrases) };
}

/** Load an index built at build time, both parts at once (see vite-plugins/search-index-plugin.ts). */
export function loadIndex(json: string): SearchIndex {
  const { words, phrases } = JSON.parse(json) as { words: object; phrases: object };
  return Object.assign(loadCompact<SearchDoc>(words, SEARCH_OPTIONS), { phrases: loadCompact<SearchDoc>(phrases, PHRASE_OPTIONS) });
}

/**
 * Load the word index alone: stored fields and one-word queries work at once; the phrase index comes later.
 * The compact form loads as it was built (no tree rebuilt): a few milliseconds, so a page can load it
 * while it renders its first results.
 */
export function loadWordIndex(json: string): SearchIndex {
  return Object.assign(loadCompact<SearchDoc>(json, SEARCH_OPTIONS), { phrases: null });
}

/** Load the phrase index into a word index (once). Pages call this when idle, or when a query first needs it (platform/search-index.ts). */
export function loadPhraseIndex(index: SearchIndex, json: string): SearchIndex {
  index.phrases ??= loadCompact<SearchDoc>(json, PHRASE_OPTIONS);
  return index;
}

/** The stored fields of a document (what a result shows), or undefined. */
export function storedDoc(index: SearchIndex, id: string): Pick<SearchDoc, 'title' | 'section' | 'sectionId' | 'summary' | 'kind' | 'anchor'> | undefined {
  const d = index.getStoredFields(id) as Partial<SearchDoc> | undefined;
  return d?.title ? { title: d.title, section: d.section ?? '', sectionId: d.sectionId ?? '', summary: d.summary ?? '', kind: d.kind ?? 'learning-point', anchor: d.anchor ?? '' } : undefined;
}

export interface Hit {
  id: string;
  kind: DocKind;
  anchor: string;
  title: string;
  section: string;
  sectionId: string;
  summary: string;
  score: number;
  /** Matched words, for highlighting. */
  terms: string[];
}

const pairsOf = (words: string[]): [string, string][] => {
  const w = words.filter((x) => !FILLERS.has(x));
  return w.slice(1).map((x, i): [string, string] => [w[i]!, x]);
};

/** Whether the title holds the pair one word apart ("never been known" for "never known"). */
function nearInTitle(title: string, pair: string): boolean {
  return phraseTerms(title, true).includes(SKIP + pair);
}

/** The phrase terms a query looks up: each reading's neighbouring pairs, exact and near. */
const phraseQueries = (rs: Reading[]): string[] => [...new Set(rs.flatMap((r) => pairsOf(r.words).flatMap(([a, b]) => [`${PAIR}${a} ${b}`, `${SKIP}${a} ${b}`])))];

/**
 * Whether `search` needs the phrase index for this query (it has two words, or an acronym that stands for
 * a phrase: "ABE"). A page that has loaded only the word index waits for the phrase index before showing
 * results for such a query, so what it shows is always the final ranking.
 */
export function needsPhrases(index: SearchIndex, query: string): boolean {
  const q = query.trim();
  return !index.phrases && !!q && phraseQueries(readings(q)).length > 0;
}

/** Search the library. Without the phrase index (not loaded yet: `needsPhrases`), multi-word queries rank by words alone. */
export function search(index: SearchIndex, query: string, opts: { section?: string; limit?: number } = {}): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const rs = readings(q);
  const words = [...new Set(rs.flatMap((r) => r.content))];
  if (!words.length) return []; // stop words only: nothing carries a result
  // as you type, the last word may be unfinished: its pairs match by prefix
  const typing = !/\s$/.test(query);
  const lastPair = (() => {
    const p = pairsOf(rs[0]!.words).at(-1);
    return typing && p && p[1].length >= 2 ? `${PAIR}${p.join(' ')}` : '';
  })();
  const phrases = phraseQueries(rs);
  const results: SearchResult[] = index.search(words.join(' '), {
    fields: [...WORD_FIELDS],
    boost: WORD_BOOST,
    prefix: (term: string) => term.length >= 2,
    fuzzy: (term: string) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 1 : false),
    // at most two edits (a quarter of a 10-letter word would be three: a walk of the whole tree for typos nobody makes)
    maxFuzzy: 2,
    combineWith: 'OR',
    filter: opts.section ? (r) => r.sectionId === opts.section : undefined,
  });
  const phraseHits = new Map<string, SearchResult>();
  if (phrases.length && index.phrases)
    for (const r of index.phrases.search(phrases.join('\n'), {
      boost: PHRASE_BOOST,
      tokenize: (x: string) => x.split('\n'),
      processTerm: (t: string) => t,
      prefix: (term: string) => term === lastPair,
      combineWith: 'OR',
    }))
      phraseHits.set(r.id as string, r);

  const scored = results.map((r) => {
    const ph = phraseHits.get(r.id as string);
    const matched = new Set(ph ? [...r.queryTerms, ...ph.queryTerms] : r.queryTerms);
    const fieldsOf = (term: string) => (ph ? Object.entries(ph.match).flatMap(([t, fields]) => (t.startsWith(term) ? fields : [])) : []);
    const inTitle = (p: string) => fieldsOf(PAIR + p).includes('pTitle') || (!matched.has(PAIR + p) && fieldsOf(SKIP + p).some((f) => f === 'pNear') && nearInTitle(r.title as string, p));
    // how completely the best reading is found: 3 the whole phrase (or near it) in the title, 2 the whole phrase, 1 near it
    let tier = 0;
    let cover = 0;
    for (const rd of rs) {
      const c = rd.content.length ? rd.content.filter((w) => matched.has(w)).length / rd.content.length : 0;
      cover = Math.max(cover, c);
      const pairs = pairsOf(rd.words).map(([a, b]) => `${a} ${b}`);
      if (!pairs.length || c < 1) continue;
      const exact = pairs.every((p) => matched.has(PAIR + p));
      const near = pairs.every((p) => matched.has(PAIR + p) || matched.has(SKIP + p));
      tier = Math.max(tier, near && pairs.every(inTitle) ? 3 : exact ? 2 : near ? 1 : 0);
    }
    const kind = (r.kind as DocKind | undefined) ?? 'learning-point';
    const order = typeof r.order === 'number' ? r.order : 0;
    const s = (r.score + (ph?.score ?? 0)) * (0.5 + cover) * (0.5 + cover) * KIND_WEIGHT[kind] * (1 - ORDER_STEP * Math.min(order, 10));
    return { r, tier, primary: PRIMARY.has(kind) ? 1 : 0, s };
  });
  scored.sort((a, b) => b.tier - a.tier || b.primary - a.primary || b.s - a.s);
  return scored.slice(0, opts.limit ?? 12).map(({ r, s }) => ({
    id: r.id as string,
    kind: (r.kind as DocKind | undefined) ?? 'learning-point',
    anchor: r.anchor as string,
    title: r.title as string,
    section: r.section as string,
    sectionId: r.sectionId as string,
    summary: r.summary as string,
    score: s,
    terms: r.terms.filter((t) => !t.startsWith(PAIR) && !t.startsWith(SKIP)),
  }));
}

/** Runs of word characters and of everything else (highlight); a letter or digit. */
const RUNS = /[\p{L}\p{N}'’]+|[^\p{L}\p{N}'’]+/gu;
const LETTER = /[\p{L}\p{N}]/u;
/** Words of shown text, folded (a results list shows the same words again and again: each is folded once). */
const FOLDED = new Map<string, string>();
function foldedWord(w: string): string {
  let f = FOLDED.get(w);
  if (f === undefined) {
    if (FOLDED.size >= 20_000) FOLDED.clear();
    FOLDED.set(w, (f = foldTerm(w)));
  }
  return f;
}

/** Split text into parts, marking the parts that match search terms (for highlighting as <mark>). */
export function highlight(text: string, terms: string[]): { text: string; hit: boolean }[] {
  if (!terms.length) return [{ text, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  for (const m of text.matchAll(RUNS)) {
    const w = m[0];
    const f = LETTER.test(w) ? foldedWord(w) : undefined;
    const hit = f !== undefined && terms.some((t) => f.startsWith(t) || (t.length >= 4 && f.startsWith(t.slice(0, -1))));
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += w;
    else out.push({ text: w, hit });
  }
  return out;
}
