declare module 'virtual:prompt-cards' {
  const cards: import('./core/cards.ts').PromptCard[];
  export default cards;
}
declare module 'virtual:search-index' {
  /** The word index of the library, serialised (core/search/search.ts#loadWordIndex). */
  export const wordsJson: string;
  /** The phrase index, serialised, from a chunk of its own (core/search/search.ts#loadPhraseIndex). */
  export const phrasesJson: () => Promise<string>;
  /** Both parts in one text (core/search/search.ts#loadIndex): for tests; no page imports it. */
  export const indexJson: string;
  export const sections: { id: string; title: string }[];
}
declare module 'virtual:compiled-set' {
  /** The built-in set compiled at build time: the hash its compact form carries, and its path in the package. */
  const compiled: { hash: string; path: string };
  export default compiled;
}
