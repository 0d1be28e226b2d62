/**
 * The library's search index for extension pages (popup, side panel), loaded in two steps so a page
 * paints its search box and first results before the larger part is ready (vite-plugins/search-index-plugin.ts):
 * - the word index (titles, summaries, every word) from the page's own chunk, on first use;
 * - the phrase index from a chunk of its own, when the page is next idle or a query first needs it.
 * A query that needs phrases ("not brought", "ABE") gets no results until the phrase index is in, then
 * its final ranking: never a provisional order that reshuffles under the user's pointer.
 */
import { phrasesJson, wordsJson } from 'virtual:search-index';
import { loadPhraseIndex, loadWordIndex, needsPhrases, search, type Hit, type SearchIndex } from '../core/search/search.ts';

export { sections } from 'virtual:search-index';

let words: SearchIndex | undefined;
let full: Promise<SearchIndex> | undefined;
/** The phrase chunk could not be read (it is in the package, so this should not happen): rank by words alone. */
let wordsOnly = false;

/** The word index, loaded on first use: stored fields (titles, sections) and one-word queries. */
export function wordIndex(): SearchIndex {
  return (words ??= loadWordIndex(wordsJson));
}

/** The whole index: the phrase index read from its chunk and loaded once. */
export function fullIndex(): Promise<SearchIndex> {
  return (full ??= phrasesJson()
    .then((json) => loadPhraseIndex(wordIndex(), json))
    .catch(() => {
      wordsOnly = true;
      return wordIndex();
    }));
}

/** The whole index, loading it when the page is next idle (at the latest after `timeout` ms). */
export function preloadFullIndex(timeout = 500): Promise<SearchIndex> {
  if (full) return full;
  return new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  }).then(fullIndex);
}

/**
 * Search with what is loaded. Null when the query needs the phrase index and it is not in yet: it starts
 * loading, and `onFull` is called once it is (search again then).
 */
export function searchLoaded(query: string, opts: { section?: string; limit?: number }, onFull: () => void): Hit[] | null {
  if (!query.trim()) return []; // an empty box loads nothing
  const ix = wordIndex();
  if (!wordsOnly && needsPhrases(ix, query)) {
    void fullIndex().then(onFull);
    return null;
  }
  return search(ix, query, opts);
}
