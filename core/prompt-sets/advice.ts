/**
 * Advice on a valid prompt set (not problems: the set loads either way). A stop list (`not`,
 * `ruledOutBy`, `exclude`, `excludeNote`) is read word by word with the little words skipped, so a
 * phrase written as two words can act as one everyday word: "the school" stops a trigger in any
 * sentence with "school" in it, and "his aggression" is just "aggression". Tuning rounds hit this
 * more than once; `check-set` prints these so an author sees it before a note does.
 */
import { CONCEPT_PREFIX, type PromptSet } from '../schema/prompt-set.ts';
import { foldWords } from '../text/fold.ts';
import { FILLER_WORDS } from '../text/synonyms.ts';

const LITTLE = new Set(FILLER_WORDS);

/** The one word a phrase of several words comes down to once little words are skipped, or null. */
export function shrinksTo(phrase: string): string | null {
  if (phrase.includes('"')) return null; // quoted: read exactly as written
  const words = foldWords(phrase);
  if (words.length < 2) return null;
  const kept = words.filter((w) => !LITTLE.has(w));
  return kept.length === 1 ? kept[0]! : null;
}

/** One line per stop-list phrase that acts as a single word, with its path (concepts once, where named). */
export function stopListAdvice(set: PromptSet): string[] {
  const out: string[] = [];
  const concepts = set.concepts ?? {};
  const seenConcepts = new Set<string>();
  const look = (list: readonly string[] | undefined, path: string) => {
    (list ?? []).forEach((p, k) => {
      if (p.startsWith(CONCEPT_PREFIX)) {
        const name = p.slice(1);
        if (seenConcepts.has(name)) return;
        seenConcepts.add(name);
        (concepts[name] ?? []).forEach((q, j) => {
          const w = shrinksTo(q);
          if (w) out.push(`concepts.${name}[${j}]: "${q}" (used in ${path}) acts as the single word "${w}": little words are skipped`);
        });
        return;
      }
      const w = shrinksTo(p);
      if (w) out.push(`${path}[${k}]: "${p}" acts as the single word "${w}": little words are skipped`);
    });
  };
  look(set.exclude, 'exclude');
  look(set.excludeNote, 'excludeNote');
  set.triggers.forEach((t, i) => {
    look(t.not, `triggers[${i}].not`);
    look(t.ruledOutBy, `triggers[${i}].ruledOutBy`);
  });
  return out;
}
