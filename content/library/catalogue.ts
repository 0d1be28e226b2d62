/**
 * The catalogue: the one home for "learning-point id → what it is". For every learning point and wider
 * message: its section (id and exact title), its card (what a prompt shows) and its deep link. Used by
 * the build plugins (vite-plugins/), the search documents, the options page, the CLI, the side panel and
 * the background. Local prompts (from prompt sets) are not in it: callers that show them say so.
 */
import { libraryPath, type PromptCard } from '../../core/cards.ts';
import type { LearningPoint, Section, WiderMessage } from '../../core/schema/library.ts';
import { learningPoints, sections, widerMessages } from './index.ts';

/** The section wider messages belong to ("The wider system"). */
export const WIDER_SECTION_ID = 'system';

export type CatalogueEntry =
  | { kind: 'learning-point'; id: string; section: Section; card: PromptCard; link: string; item: LearningPoint }
  | { kind: 'wider-message'; id: string; section: Section; card: PromptCard; link: string; item: WiderMessage };

const sectionsById = new Map<string, Section>(sections.map((s) => [s.id, s]));

/** A section by its own id (e.g. "neglect"), or undefined. */
export function sectionById(sectionId: string): Section | undefined {
  return sectionsById.get(sectionId);
}

function mustSection(sectionId: string, of: string): Section {
  const s = sectionsById.get(sectionId);
  if (!s) throw new Error(`catalogue: ${of} names section "${sectionId}", which is not in sections.json`);
  return s;
}

function cardFor(item: LearningPoint | WiderMessage, section: Section): PromptCard {
  return { id: item.id, section: section.title, sectionId: section.id, page: item.page, title: item.title, summary: item.summary, question: item.questions[0] ?? '' };
}

/** Every learning point in library order, then every wider message. */
export const catalogue: readonly CatalogueEntry[] = [
  ...learningPoints.map((item): CatalogueEntry => {
    const section = mustSection(item.section, item.id);
    return { kind: 'learning-point', id: item.id, section, card: cardFor(item, section), link: libraryPath(item.id), item };
  }),
  ...widerMessages.map((item): CatalogueEntry => {
    const section = mustSection(WIDER_SECTION_ID, item.id);
    return { kind: 'wider-message', id: item.id, section, card: cardFor(item, section), link: libraryPath(item.id), item };
  }),
];

const byId = new Map(catalogue.map((e) => [e.id, e]));

/** Ids of every learning point and wider message. */
export const catalogueIds: ReadonlySet<string> = new Set(byId.keys());

export function entryOf(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

/** What a prompt for this id shows, or undefined for an id the library does not hold. */
export function cardOf(id: string): PromptCard | undefined {
  return byId.get(id)?.card;
}

/** The briefing section a learning point or wider message belongs to (undefined for local prompts). */
export function sectionOf(id: string): Section | undefined {
  return byId.get(id)?.section;
}

/** Every card, in catalogue order: the content of `virtual:prompt-cards`. */
export function promptCards(): PromptCard[] {
  return catalogue.map((e) => e.card);
}
