/**
 * Vite plugin: `virtual:prompt-cards` — the slim view of the library that the content script needs
 * (title, section, summary, first question). Keeps explanations and key data out of page bundles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'library');
const ID = 'virtual:prompt-cards';

export function buildCards(): unknown[] {
  const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8'));
  const sections: { id: string; title: string; page: number }[] = read('sections.json');
  const title = (id: string) => sections.find((s) => s.id === id)!;
  const cards: unknown[] = [];
  for (const f of readdirSync(join(root, 'learning-points')).sort()) {
    for (const lp of read(join('learning-points', f))) {
      const s = title(lp.section);
      cards.push({ id: lp.id, section: s.title, sectionId: s.id, page: lp.page, title: lp.title, summary: lp.summary, question: lp.questions[0] });
    }
  }
  const sys = title('system');
  for (const w of read('wider-messages.json')) {
    cards.push({ id: w.id, section: sys.title, sectionId: 'system', page: w.page, title: w.title, summary: w.summary, question: w.questions[0] });
  }
  return cards;
}

export function promptCards(): Plugin {
  return {
    name: 'practice-prompts:cards',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load: (id) => (id === '\0' + ID ? `export default ${JSON.stringify(buildCards())};` : null),
  };
}
