/** content/library/catalogue.ts: the one home for "learning-point id → section, card, deep link". */
import { describe, expect, it } from 'vitest';
import prebuiltCards from 'virtual:prompt-cards';
import { indexJson, sections as indexSections } from 'virtual:search-index';
import { LIBRARY_PAGE, isPromptId, libraryPath, lpAnchor, targetFromHash } from '../../../core/cards.ts';
import { loadIndex } from '../../../core/search/search.ts';
import { learningPoints, sections, widerMessages } from '../../../content/library/index.ts';
import { catalogue, catalogueIds, cardOf, entryOf, promptCards, sectionById, sectionOf, WIDER_SECTION_ID } from '../../../content/library/catalogue.ts';
import { searchDocs } from '../../../content/library/search-docs.ts';
import { libraryGroups, titleOf } from '../../../components/options/catalogue.ts';
import defaultSet from '../../../content/prompt-sets/default.json';

const sectionsJson = new Map(sections.map((s) => [s.id as string, s.title]));

describe('catalogue: every learning point and wider message', () => {
  it('holds each exactly once, learning points first, in library order', () => {
    expect(catalogue.map((e) => e.id)).toEqual([...learningPoints.map((l) => l.id), ...widerMessages.map((w) => w.id)]);
    expect(catalogueIds.size).toBe(learningPoints.length + widerMessages.length);
    expect(catalogueIds.size).toBe(47);
  });

  it('resolves each learning point to its own section, with the exact section title', () => {
    for (const lp of learningPoints) {
      const s = sectionOf(lp.id);
      expect(s?.id, lp.id).toBe(lp.section);
      expect(s?.title, lp.id).toBe(sectionsJson.get(lp.section));
      expect(cardOf(lp.id)).toMatchObject({ section: sectionsJson.get(lp.section), sectionId: lp.section, title: lp.title, summary: lp.summary, question: lp.questions[0], page: lp.page });
    }
  });

  it('resolves each wider message to "the wider system" section, with its exact title', () => {
    expect(sectionById(WIDER_SECTION_ID)?.title).toBe(sectionsJson.get(WIDER_SECTION_ID));
    for (const w of widerMessages) {
      expect(sectionOf(w.id)?.title, w.id).toBe(sectionsJson.get(WIDER_SECTION_ID));
      expect(cardOf(w.id)).toMatchObject({ section: sectionsJson.get(WIDER_SECTION_ID), sectionId: WIDER_SECTION_ID, title: w.title, question: w.questions[0] });
    }
  });

  it('knows nothing of other ids (local prompts are their sets’ own)', () => {
    expect(entryOf('local-escalation')).toBeUndefined();
    expect(sectionOf('local-escalation')).toBeUndefined();
    expect(cardOf('')).toBeUndefined();
  });

  it('every id the built-in prompt set leads to is in the catalogue', () => {
    for (const t of defaultSet.triggers) for (const id of t.leadsTo) expect(catalogueIds.has(id), `${t.id} → ${id}`).toBe(true);
  });
});

describe('catalogue: deep links', () => {
  it('every deep link round-trips: link → hash → element id lp/<id> → the same entry', () => {
    for (const e of catalogue) {
      expect(isPromptId(e.id), e.id).toBe(true);
      expect(e.link).toBe(`${LIBRARY_PAGE}#lp/${e.id}`);
      expect(e.link).toBe(libraryPath(e.id));
      const url = new URL(e.link, 'chrome-extension://abc/');
      expect(url.pathname).toBe(LIBRARY_PAGE);
      const target = targetFromHash(url.hash);
      expect(target).toBe(lpAnchor(e.id));
      expect(entryOf(target!.replace(/^lp\//, ''))).toBe(e);
    }
  });

  it('an id that is not a prompt id links to the top of the library, never into a hash', () => {
    for (const bad of ['', 'A', '../options.html', '"><img>', 'x'.repeat(81), ' neglect']) expect(libraryPath(bad)).toBe(LIBRARY_PAGE);
    expect(libraryPath()).toBe(LIBRARY_PAGE);
  });
});

describe('catalogue: everything built on it agrees', () => {
  it('the prebuilt cards (virtual:prompt-cards) are the catalogue’s cards', () => {
    expect(prebuiltCards).toEqual(promptCards());
  });

  it('the search documents and the prebuilt index hold every entry with its section title', () => {
    // learning points and wider messages come first, in catalogue order; themes, context and key data follow
    const docs = searchDocs().filter((d) => d.kind === 'learning-point' || d.kind === 'wider-message');
    expect(docs.map((d) => d.id)).toEqual(catalogue.map((e) => e.id));
    expect(searchDocs().slice(0, docs.length)).toEqual(docs);
    for (const d of docs) expect(d.section).toBe(sectionOf(d.id)?.title);
    const index = loadIndex(indexJson);
    for (const e of catalogue) expect(index.getStoredFields(e.id), e.id).toMatchObject({ section: e.section.title });
    expect(indexSections.map((s) => s.title)).toEqual(sections.map((s) => s.title));
  });

  it('the options page offers every entry once, grouped under its exact section title', () => {
    const offered = libraryGroups.flatMap((g) => g.options.map((o) => ({ id: o.value, group: g.label, label: o.label })));
    expect(offered.map((o) => o.id).sort()).toEqual([...catalogueIds].sort());
    for (const o of offered) {
      expect(o.group).toBe(sectionOf(o.id)?.title);
      expect(o.label).toBe(titleOf(o.id));
    }
  });
});
