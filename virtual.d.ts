declare module 'virtual:prompt-cards' {
  const cards: import('./core/cards.ts').PromptCard[];
  export default cards;
}
