/**
 * The background's side of "no compiling in the page": which compiled form a page should load for
 * the effective prompt sets, and the compact form itself when it is not the packaged one.
 *
 * The built-in set alone (no local or organisation sets, nothing switched off) is compiled at build
 * time and packaged (vite-plugins/compiled-set-plugin.ts). Anything else is compiled here once per
 * change of sets, kept in memory keyed by its hash, and sent to pages in base64.
 */
import compiled from 'virtual:compiled-set';
import { compile } from '../core/matcher/compile.ts';
import { encodeIndex, setsHash, toBase64 } from '../core/matcher/compact.ts';
import type { PromptCard } from '../core/cards.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';
import type { IndexSource } from './messages.ts';

export interface PageSets {
  builtIn: PromptSet;
  others: readonly PromptSet[];
  disabled: readonly string[];
}

export function indexSource(p: PageSets): IndexSource {
  if (!p.others.length && !p.disabled.length) return { hash: compiled.hash, packaged: compiled.path };
  return { hash: setsHash({ sets: [p.builtIn, ...p.others], disabled: [...p.disabled].sort() }), packaged: null };
}

let cache: { hash: string; data: string } | null = null;

/** The compact form (base64) for `p`, if `hash` is still what `p` gives; null when the sets changed since. */
export function compactFor(p: PageSets, hash: string): { hash: string; data: string } | null {
  const source = indexSource(p);
  if (source.hash !== hash) return null;
  if (cache?.hash === hash) return cache;
  const index = compile([p.builtIn, ...p.others], { disabled: new Set(p.disabled) });
  cache = { hash, data: toBase64(encodeIndex(index, hash, { texts: false })) };
  return cache;
}

/** Cards for the local and organisation sets' own prompts. */
export function localCards(sets: readonly PromptSet[]): PromptCard[] {
  return sets.flatMap((set) =>
    (set.prompts ?? []).map((p) => ({
      id: p.id,
      section: set.name,
      sectionId: 'local',
      page: 0,
      title: p.title,
      summary: p.text,
      question: p.question ?? '',
      links: p.links ?? [],
      setName: set.name,
    })),
  );
}
