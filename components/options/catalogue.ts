/** What prompts a trigger can lead to, from the library: ids, titles and groups for selects. */
import defaultSet from '../../content/prompt-sets/default.json';
import { learningPoints, sections, widerMessages } from '../../content/library/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';

export const builtInSet = defaultSet as PromptSet;

/** Ids a trigger may lead to besides its own set's prompts. */
export const knownPromptIds: ReadonlySet<string> = new Set([...learningPoints.map((l) => l.id), ...widerMessages.map((w) => w.id)]);

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** Learning points grouped by section, then the wider messages. */
export const libraryGroups: OptionGroup[] = [
  ...sections
    .filter((s) => s.id !== 'system')
    .map((s) => ({
      label: s.title,
      options: learningPoints.filter((l) => l.section === s.id).map((l) => ({ value: l.id, label: l.title })),
    }))
    .filter((g) => g.options.length > 0),
  {
    label: sections.find((s) => s.id === 'system')?.title ?? 'Wider messages',
    options: widerMessages.map((w) => ({ value: w.id, label: w.title })),
  },
];

export function titleOf(id: string, localSets: readonly PromptSet[] = []): string {
  const lp = learningPoints.find((l) => l.id === id) ?? widerMessages.find((w) => w.id === id);
  if (lp) return lp.title;
  for (const s of localSets) {
    const p = s.prompts?.find((x) => x.id === id);
    if (p) return p.title;
  }
  return id;
}

export function sectionOf(id: string): string {
  const lp = learningPoints.find((l) => l.id === id);
  const sid = lp ? lp.section : widerMessages.some((w) => w.id === id) ? 'system' : '';
  return sections.find((s) => s.id === sid)?.title ?? 'Local prompt';
}
