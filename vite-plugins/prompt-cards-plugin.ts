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
    // a JSON string, parsed once: a page's script engine scans a string far faster than it parses the
    // same data as object literals (the content script is compiled afresh in every tab)
    load: (id) => (id === '\0' + ID ? `export default JSON.parse(${JSON.stringify(JSON.stringify(cards()))});` : null),
  };
}
