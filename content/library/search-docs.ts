/**
 * The search documents, one per thing the library page shows and can scroll to: every catalogue entry
 * (learning points, then wider messages), then the enduring themes, the context pages, the key-data facts
 * and the key-data tables. Each says its kind and its anchor on the library page (`lp/…`, `theme/…`,
 * `context/…`, `fact/…`, `data/…`; see components/LibraryView.tsx). Learning points and wider messages keep
 * their own id (prompts, recent items and deep links use it); the other kinds are identified by their anchor.
 *
 * Cues: a learning point is also found by the phrases of the built-in prompt set's triggers that lead to
 * it ("was not brought" → trusting-relationship-seen-alone), so search agrees with the prompts a
 * practitioner has already seen. Only phrases of two or more words: single trigger words ("below", "sub")
 * mean something only next to the rest of the trigger.
 */
import { lpAnchor } from '../../core/cards.ts';
import type { SearchDoc } from '../../core/search/search.ts';
import { expandTrigger } from '../../core/matcher/compile.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import defaultSet from '../prompt-sets/default.json';
import { catalogue } from './catalogue.ts';
import { contextPages, enduringThemes, keyData } from './index.ts';

/** Learning-point id → the built-in set's multi-word trigger phrases that lead to it, each once (folded to lower case). */
function cuesById(): Map<string, string[]> {
  const set = defaultSet as unknown as PromptSet;
  const out = new Map<string, string[]>();
  for (const t of set.triggers) {
    const x = expandTrigger(t, set.concepts);
    const phrases = [...x.any, ...(x.all ?? []).flat()].filter((p) => /\S\s+\S/.test(p)).map((p) => p.toLowerCase());
    for (const id of t.leadsTo) out.set(id, [...(out.get(id) ?? []), ...phrases]);
  }
  for (const [id, phrases] of out) out.set(id, [...new Set(phrases)]);
  return out;
}

/** Where the library page shows the kinds that are not in a briefing section (its headings, word for word). */
export const LIBRARY_PARTS = {
  themes: { id: 'themes', title: 'Themes and trends across SCRs 1998-2019' },
  context: { id: 'context', title: 'About serious case reviews' },
  keyData: { id: 'key-data', title: 'Key data from the 2017-19 SCRs' },
} as const;

/** First sentence of a paragraph (what a result shows for a context page). */
const firstSentence = (p: string): string => /^.*?[.?!](?=\s|$)/.exec(p)?.[0] ?? p;

/** "86 of 235 (37%)", "19%", "50 children": a key fact's figure as the library page prints it. */
function figure(f: (typeof keyData.facts)[number]): string {
  const of = f.unit === '%' ? '%' : f.outOf ? ` of ${f.outOf}` : f.unit ? ` ${f.unit}` : '';
  const pc = f.percent !== undefined && f.unit !== '%' ? ` (${f.percent}%)` : '';
  return `${f.value}${of}${pc}`;
}

export function searchDocs(): SearchDoc[] {
  const { themes, context, keyData: kd } = LIBRARY_PARTS;
  const cues = cuesById();
  const place = new Map<string, number>();
  return [
    ...catalogue.map(
      (e): SearchDoc => ({
        order: (() => {
          const n = place.get(e.section.id) ?? 0;
          place.set(e.section.id, n + 1);
          return n;
        })(),
        id: e.id,
        kind: e.kind,
        anchor: lpAnchor(e.id),
        section: e.section.title,
        sectionId: e.section.id,
        title: e.item.title,
        summary: e.item.summary,
        explanation: e.kind === 'learning-point' ? `${e.item.explanation} ${e.item.questions.join(' ')}` : e.item.questions.join(' '),
        tags: e.item.tags.join('\n'),
        cues: (cues.get(e.id) ?? []).join('\n'),
      }),
    ),
    ...enduringThemes.map(
      (t): SearchDoc => ({
        id: `theme/${t.id}`,
        kind: 'theme',
        anchor: `theme/${t.id}`,
        section: themes.title,
        sectionId: themes.id,
        title: t.title,
        summary: t.summary,
        explanation: '',
        tags: t.tags.join('\n'),
      }),
    ),
    ...contextPages.map(
      (c): SearchDoc => ({
        id: `context/${c.id}`,
        kind: 'context',
        anchor: `context/${c.id}`,
        section: context.title,
        sectionId: context.id,
        title: c.title,
        summary: firstSentence(c.paragraphs[0] ?? ''),
        explanation: c.paragraphs.join('\n'),
        tags: '',
      }),
    ),
    ...keyData.facts.map(
      (f): SearchDoc => ({
        id: `fact/${f.id}`,
        kind: 'key-data',
        anchor: `fact/${f.id}`,
        section: `${kd.title}: ${f.topic}`,
        sectionId: kd.id,
        title: f.label,
        summary: figure(f),
        explanation: '',
        tags: f.topic,
      }),
    ),
    ...keyData.tables.map(
      (t): SearchDoc => ({
        id: `data/${t.id}`,
        kind: 'key-data',
        anchor: `data/${t.id}`,
        section: kd.title,
        sectionId: kd.id,
        title: t.caption,
        summary: t.rows.map((r) => r.label).join(', '),
        explanation: [...t.columns, t.note ?? ''].join('\n'),
        tags: '',
      }),
    ),
  ];
}
