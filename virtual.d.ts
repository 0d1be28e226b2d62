declare module 'virtual:prompt-cards' {
  const cards: import('./core/cards.ts').PromptCard[];
  export default cards;
}
declare module 'virtual:search-index' {
  /** MiniSearch.toJSON() of the library, serialised. */
  export const indexJson: string;
  export const sections: { id: string; title: string }[];
}
