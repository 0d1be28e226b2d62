/** The search documents: one per catalogue entry (learning points, then wider messages). */
import type { SearchDoc } from '../../core/search/search.ts';
import { catalogue } from './catalogue.ts';

export function searchDocs(): SearchDoc[] {
  return catalogue.map((e) => ({
    id: e.id,
    section: e.section.title,
    sectionId: e.section.id,
    title: e.item.title,
    summary: e.item.summary,
    explanation: e.kind === 'learning-point' ? e.item.explanation : e.item.questions.join(' '),
    tags: e.item.tags.join(' '),
  }));
}
