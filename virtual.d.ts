declare module 'virtual:prompt-cards' {
  const cards: import('./core/cards.ts').PromptCard[];
  export default cards;
}
declare module 'virtual:search-index' {
  /** MiniSearch.toJSON() of the library, serialised. */
  export const indexJson: string;
  export const sections: { id: string; title: string }[];
}
declare module 'virtual:compiled-set' {
  /** The built-in set compiled at build time: the hash its compact form carries, and its path in the package. */
  const compiled: { hash: string; path: string };
  export default compiled;
}
