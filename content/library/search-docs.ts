import type { SearchDoc } from '../../core/search/search.ts';
import { learningPoints, sections, widerMessages } from './index.ts';

export function searchDocs(): SearchDoc[] {
  const title = (id: string) => sections.find((s) => s.id === id)?.title ?? '';
  return [
    ...learningPoints.map((lp) => ({
      id: lp.id,
      section: title(lp.section),
      sectionId: lp.section,
      title: lp.title,
      summary: lp.summary,
      explanation: lp.explanation,
      tags: lp.tags.join(' '),
    })),
    ...widerMessages.map((w) => ({
      id: w.id,
      section: title('system'),
      sectionId: 'system',
      title: w.title,
      summary: w.summary,
      explanation: w.questions.join(' '),
      tags: w.tags.join(' '),
    })),
  ];
}
