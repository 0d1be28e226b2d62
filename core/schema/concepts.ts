/**
 * Concept groups and signals, without zod: the matcher (and so the content-script bundle) uses these,
 * and must not pull the schema library in with them.
 */
import type { Trigger } from './prompt-set.ts';

/** A phrase that names a concept group ("@missing") rather than words. */
export const CONCEPT_PREFIX = '@';

/** A phrase list with concept references ("@name") replaced by the concept's phrases (once each). */
export function expandPhrases(list: readonly string[], concepts: Readonly<Record<string, readonly string[]>> | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of list) {
    const items = p.startsWith(CONCEPT_PREFIX) ? (concepts?.[p.slice(1)] ?? []) : [p];
    for (const q of items) {
      if (q.startsWith(CONCEPT_PREFIX) || seen.has(q)) continue; // concepts do not nest
      seen.add(q);
      out.push(q);
    }
  }
  return out;
}

/**
 * How many independent signals a trigger needs: its `any` list and each `all` list, where lists
 * that share a phrase count as one signal (a phrase cannot be two pieces of evidence).
 */
export function distinctGroups(trig: Pick<Trigger, 'any' | 'all'>): number {
  const lists = [trig.any, ...(trig.all ?? [])].filter((l) => l.length).map((l) => new Set(l.map((p) => p.trim().toLowerCase())));
  const parent = lists.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      if ([...lists[i]!].some((p) => lists[j]!.has(p))) parent[find(j)] = find(i);
    }
  }
  return new Set(lists.map((_, i) => find(i))).size;
}
