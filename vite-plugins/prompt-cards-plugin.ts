/**
 * Vite plugin: `virtual:prompt-cards` — the slim view of the library that the content script needs
 * (title, section, summary, first question), from the catalogue. Keeps explanations and key data out of
 * page bundles.
 */
import type { Plugin } from 'vite';
import { promptCards as cards } from '../content/library/catalogue.ts';

const ID = 'virtual:prompt-cards';

export function promptCards(): Plugin {
  return {
    name: 'practice-prompts:cards',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load: (id) => (id === '\0' + ID ? `export default ${JSON.stringify(cards())};` : null),
  };
}
