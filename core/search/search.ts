/**
 * Search over the learning library (MiniSearch): prefix and typo tolerance, British/American
 * spellings folded, acronyms expanded both ways, ranked title > summary > explanation > tags.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { SYNONYM_GROUPS } from '../text/synonyms.ts';

export interface SearchDoc {
  id: string;
  section: string;
  sectionId: string;
  title: string;
  summary: string;
  explanation: string;
  tags: string;
}

/** Fold spelling variants to one form so "behavior" finds "behaviour". */
export function foldTerm(term: string): string {
  let t = term.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
  t = t.replace(/our(s?)$/, 'or$1').replace(/iour/, 'ior').replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/^paed/, 'ped').replace(/yse$/, 'yze');
  return t;
}

const ACRONYMS = new Map<string, string>();
for (const g of SYNONYM_GROUPS) {
  const short = g.filter((m) => !m.includes(' '));
  const long = g.filter((m) => m.includes(' '));
  for (const s of short) for (const l of long) ACRONYMS.set(s, l);
  for (const l of long) if (short[0]) ACRONYMS.set(l, short[0]);
}

/** Query expansion: "ABE" → "ABE achieving best evidence"; "no further action" → "… nfa". */
export function expandQuery(q: string): string {
  const lower = q.toLowerCase().replace(/[.]/g, '').trim();
  const extra: string[] = [];
  for (const [k, v] of ACRONYMS) {
    const re = new RegExp(`(^|\\s)${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\s)`);
    if (re.test(lower)) extra.push(v);
  }
  return extra.length ? `${q} ${extra.join(' ')}` : q;
}

export const SEARCH_OPTIONS = {
  fields: ['title', 'summary', 'explanation', 'tags', 'section'],
  storeFields: ['title', 'section', 'sectionId', 'summary'],
  processTerm: (term: string) => foldTerm(term),
  searchOptions: {
    boost: { title: 4, summary: 2.5, tags: 2, section: 1.5, explanation: 1 },
    prefix: (term: string) => term.length >= 2,
    fuzzy: (term: string) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 1 : false),
    combineWith: 'OR' as const,
    processTerm: (term: string) => foldTerm(term),
  },
};

export function buildIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(docs.map((d) => ({ ...d, tags: `${d.tags} ${expandQuery(d.tags)}` })));
  return ms;
}

/** Load an index built at build time (see vite-plugins/search-index-plugin.ts). */
export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export interface Hit {
  id: string;
  title: string;
  section: string;
  sectionId: string;
  summary: string;
  score: number;
  terms: string[];
}

export function search(index: MiniSearch<SearchDoc>, query: string, opts: { section?: string; limit?: number } = {}): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const results: SearchResult[] = index.search(expandQuery(q), {
    filter: opts.section ? (r) => r.sectionId === opts.section : undefined,
  });
  // AND-ish: results containing every query word rank first
  const words = q.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  const scored = results.map((r) => {
    const all = words.every((w) => r.terms.some((t) => t.startsWith(foldTerm(w).slice(0, 4))));
    return { r, s: r.score * (all ? 2 : 1) };
  });
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, opts.limit ?? 12).map(({ r, s }) => ({
    id: r.id as string,
    title: r.title as string,
    section: r.section as string,
    sectionId: r.sectionId as string,
    summary: r.summary as string,
    score: s,
    terms: r.terms,
  }));
}

/** Split text into parts, marking the parts that match search terms (for highlighting as <mark>). */
export function highlight(text: string, terms: string[]): { text: string; hit: boolean }[] {
  if (!terms.length) return [{ text, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  const re = /[\p{L}\p{N}'’]+|[^\p{L}\p{N}'’]+/gu;
  for (const m of text.matchAll(re)) {
    const w = m[0];
    const hit = /[\p{L}\p{N}]/u.test(w) && terms.some((t) => foldTerm(w).startsWith(t) || (t.length >= 4 && foldTerm(w).startsWith(t.slice(0, -1))));
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += w;
    else out.push({ text: w, hit });
  }
  return out;
}
