/**
 * Vite plugin: `virtual:search-index` — the MiniSearch index of the library, built at build time, so
 * the popup loads it instead of indexing on every open. Also exports the section list it filters by.
 */
import type { Plugin } from 'vite';
import { buildIndex, serializeIndex } from '../core/search/search.ts';
import { searchDocs } from '../content/library/search-docs.ts';
import { sections } from '../content/library/index.ts';

const ID = 'virtual:search-index';

export function searchIndex(): Plugin {
  return {
    name: 'practice-prompts:search-index',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load: (id) => {
      if (id !== '\0' + ID) return null;
      const json = serializeIndex(buildIndex(searchDocs()));
      const secs = sections.map((s) => ({ id: s.id, title: s.title }));
      return `export const indexJson = ${JSON.stringify(json)};\nexport const sections = ${JSON.stringify(secs)};`;
    },
  };
}
