/**
 * Vite plugin: `virtual:search-index` — the MiniSearch index of the library, built at build time, so
 * pages load it instead of indexing on every open, in a compact form that loads without rebuilding the
 * index (core/search/compact.ts). Also exports the section list it filters by.
 *
 * The index ships in two parts, so the popup shows its first results without waiting for the larger:
 * - `wordsJson`, the word index (stored titles and summaries, every word; about a quarter of the bytes),
 *   in the page's own chunk;
 * - `phrasesJson()`, the phrase index (every pair of neighbouring words, and of words one apart), in a
 *   chunk of its own (`virtual:search-index/phrases`) that is read only when a page asks for it.
 * `indexJson` (both parts in one text, for `loadIndex`) is for tests; no page imports it, so no bundle
 * holds it.
 */
import type { Plugin } from 'vite';
import { buildIndex, serializeIndex, serializeIndexParts, type SearchIndex } from '../core/search/search.ts';
import { searchDocs } from '../content/library/search-docs.ts';
import { sections } from '../content/library/index.ts';

const ID = 'virtual:search-index';
const PHRASES = 'virtual:search-index/phrases';

export function searchIndex(): Plugin {
  let built: SearchIndex | undefined;
  const index = () => (built ??= buildIndex(searchDocs()));
  return {
    name: 'practice-prompts:search-index',
    resolveId: (id) => (id === ID || id === PHRASES ? '\0' + id : null),
    buildStart() {
      built = undefined; // watch mode: the library may have changed
    },
    load: (id) => {
      if (id === '\0' + PHRASES) return `export const phrasesJson = ${JSON.stringify(serializeIndexParts(index()).phrases)};`;
      if (id !== '\0' + ID) return null;
      const secs = sections.map((s) => ({ id: s.id, title: s.title }));
      return [
        `export const wordsJson = ${JSON.stringify(serializeIndexParts(index()).words)};`,
        `export const phrasesJson = () => import(${JSON.stringify(PHRASES)}).then((m) => m.phrasesJson);`,
        `export const indexJson = ${JSON.stringify(serializeIndex(index()))};`,
        `export const sections = ${JSON.stringify(secs)};`,
      ].join('\n');
    },
  };
}
