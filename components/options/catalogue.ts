/** What prompts a trigger can lead to, for the options page's selects: built from the library catalogue. */
import defaultSet from '../../content/prompt-sets/default.json';
import { catalogue, catalogueIds, entryOf, sectionById, WIDER_SECTION_ID } from '../../content/library/catalogue.ts';
import { sections } from '../../content/library/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';

export const builtInSet = defaultSet as PromptSet;

/** Ids a trigger may lead to besides its own set's prompts. */
export const knownPromptIds: ReadonlySet<string> = catalogueIds;

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** Learning points grouped by section, then the wider messages. */
export const libraryGroups: OptionGroup[] = [
  ...sections
    .filter((s) => s.id !== WIDER_SECTION_ID)
    .map((s) => ({
      label: s.title,
      options: catalogue.filter((e) => e.kind === 'learning-point' && e.section.id === s.id).map((e) => ({ value: e.id, label: e.card.title })),
    }))
    .filter((g) => g.options.length > 0),
  {
    label: sectionById(WIDER_SECTION_ID)?.title ?? 'Wider messages',
    options: catalogue.filter((e) => e.kind === 'wider-message').map((e) => ({ value: e.id, label: e.card.title })),
  },
];

/** A prompt's title: from the library, else from a local set's own prompts, else its id. */
export function titleOf(id: string, localSets: readonly PromptSet[] = []): string {
  const e = entryOf(id);
  if (e) return e.card.title;
  for (const s of localSets) {
    const p = s.prompts?.find((x) => x.id === id);
    if (p) return p.title;
  }
  return id;
}
