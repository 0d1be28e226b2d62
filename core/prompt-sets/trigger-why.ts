/**
 * "Why this prompt appeared", told from the prompt set alone: a fired trigger's set, id and phrases.
 * The page reports only set-qualified trigger ids ("setId/triggerId"); this turns one back into what
 * the set says, never what the practitioner wrote. Pure.
 */
import { expandPhrases } from '../schema/concepts.ts';
import type { PromptSet } from '../schema/prompt-set.ts';
import { READING_TRIGGER } from '../matcher/reading.ts';

/** How many phrases of a list are shown; the rest are counted. */
export const TRIGGER_WHY_PHRASES = 6;

export interface TriggerWhy {
  /** "setId/triggerId" as reported. */
  qualified: string;
  setName: string;
  triggerId: string;
  /** The trigger's phrase lists (concept groups expanded): `any` first, then each `all` list. */
  lists: { phrases: string[]; more: number }[];
  /** Not a trigger: the set's second reading raised the prompt (the note as a whole reads like its section). */
  reading?: true;
}

export type SetForWhy = Pick<PromptSet, 'id' | 'name' | 'concepts' | 'triggers' | 'reading'>;

/** What the sets say about a qualified trigger id; null when no set has it (e.g. the set changed since). */
export function explainTrigger(sets: readonly SetForWhy[], qualified: string, max = TRIGGER_WHY_PHRASES): TriggerWhy | null {
  const slash = qualified.indexOf('/');
  if (slash < 1) return null;
  const setId = qualified.slice(0, slash);
  const triggerId = qualified.slice(slash + 1);
  const set = sets.find((s) => s.id === setId);
  if (set && triggerId === READING_TRIGGER) return set.reading?.raise ? { qualified, setName: set.name, triggerId, lists: [], reading: true } : null;
  const trig = set?.triggers.find((t) => t.id === triggerId);
  if (!set || !trig) return null;
  const lists = [trig.any, ...(trig.all ?? [])].map((l) => {
    const all = expandPhrases(l, set.concepts);
    return { phrases: all.slice(0, max), more: Math.max(0, all.length - max) };
  });
  return { qualified, setName: set.name, triggerId, lists: lists.filter((l) => l.phrases.length) };
}

/** A trigger id as managers read it: the second reading's is named, not shown as an id. */
export function triggerLabel(triggerId: string): string {
  return triggerId === READING_TRIGGER ? 'Second reading (the note as a whole)' : triggerId;
}

/** Whether a trigger id is one a manager can edit or test (the second reading's is not a trigger). */
export const isEditableTrigger = (triggerId: string): boolean => triggerId !== READING_TRIGGER;
