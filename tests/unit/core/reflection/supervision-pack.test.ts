/** The supervision pack: golden files for its text and print-ready HTML, and the grouping rules. */
import { describe, expect, it } from 'vitest';
import { citationLine, describePeriod, packGroups, toSupervisionPackHtml, toSupervisionPackText, type PointLookup } from '../../../../core/reflection/export.ts';
import type { Reflection } from '../../../../core/reflection/record.ts';

const lookup: PointLookup = (id) =>
  id === 'lp-a'
    ? { title: 'Seeing the child’s day', section: 'Understanding the child’s daily life', page: 12, questions: ['What is a school day like?', 'Who does the child trust?'] }
    : id === 'lp-b'
      ? { title: 'Escalating when <nothing> changes', section: 'Escalation & challenge', page: 31, questions: ['When did you last escalate?'] }
      : undefined;

const base = { activity: 'Met this learning point while recording.', applies: '', differently: '', created: 1_772_600_000_000, updated: 1_772_600_000_000 };
const a1: Reflection = { ...base, id: 'r-pack01-000001', learningPointId: 'lp-a', date: '2026-03-04', learned: 'Mornings matter.\nSecond line & <b>markup</b>.', differently: 'Ask about mornings.', discussion: { role: 'supervisor', date: '2026-03-10' } };
const b1: Reflection = { ...base, id: 'r-pack02-000002', learningPointId: 'lp-b', date: '2026-01-15', learned: 'Challenge early.' };
const a2: Reflection = { ...base, id: 'r-pack03-000003', learningPointId: 'lp-a', date: '2026-02-01', learned: 'Ask the child.', applies: 'Every visit.' };
const gone: Reflection = { ...base, id: 'r-pack04-000004', learningPointId: 'gone-point', date: '2026-04-01', learned: 'Kept anyway.' };
// as the log holds them: newest first
const list = [gone, a1, a2, b1];
const period = { from: '2025-12-01', to: '2026-11-30', source: 'Triennial analysis of serious case reviews 2017–19 (Research in Practice, 2022)' };

describe('supervision pack (golden files)', () => {
  it('plain text', async () => {
    await expect(toSupervisionPackText(list, lookup, period)).toMatchFileSnapshot('./golden/supervision-pack.txt');
  });
  it('print-ready HTML', async () => {
    await expect(toSupervisionPackHtml(list, lookup, period)).toMatchFileSnapshot('./golden/supervision-pack.html');
  });
});

describe('supervision pack rules', () => {
  it('one group per learning point, in the order first reflected on; reflections oldest first', () => {
    const g = packGroups(list, lookup);
    expect(g.map((x) => x.learningPointId)).toEqual(['lp-b', 'lp-a', 'gone-point']);
    expect(g[1]!.reflections.map((r) => r.id)).toEqual([a2.id, a1.id]);
  });
  it('each learning point’s own questions and citation appear once, however many reflections', () => {
    const text = toSupervisionPackText(list, lookup, period);
    expect(text.match(/Who does the child trust\?/g)).toHaveLength(1);
    expect(text.match(/^Briefing: Understanding the child’s daily life, page 12$/gm)).toHaveLength(1);
    expect(text).toContain('Briefing: Escalation & challenge, page 31');
    expect(text).toContain('Period: 1 December 2025 to 30 November 2026');
    expect(text).toContain('4 reflections on 3 learning points; 1 already discussed with a peer or in supervision.');
  });
  it('HTML: everything written and every title escaped; headings in order', () => {
    const html = toSupervisionPackHtml(list, lookup, period);
    expect(html).not.toMatch(/<b>|<nothing>/);
    expect(html).toContain('Escalating when &lt;nothing&gt; changes');
    expect(html).toContain('Second line &amp; &lt;b&gt;markup&lt;/b&gt;.');
    const levels = [...html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
  it('periods and citations in words', () => {
    expect(describePeriod()).toBe('all dates');
    expect(describePeriod('2026-01-01')).toBe('from 1 January 2026');
    expect(describePeriod(undefined, '2026-01-31')).toBe('up to 31 January 2026');
    expect(citationLine({ title: 't', section: 'S', page: 0, questions: [] })).toBe('Briefing: S');
    expect(citationLine({ title: 't', section: '', page: 0, questions: [] })).toBe('Briefing: (no section or page for this learning point)');
  });
  it('an empty selection is still a well-formed pack', () => {
    expect(toSupervisionPackText([], lookup)).toBe('SUPERVISION PACK\nPeriod: all dates\n0 reflections on 0 learning points; 0 already discussed with a peer or in supervision.\nBrought to supervision by the worker. Private reflections: no names or identifying details.\n');
  });
});
