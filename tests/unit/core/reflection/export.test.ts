/** Export formats against golden files, and the JSON import with bad input (clear error, nothing lost). */
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, toCpdText, toMarkdown, toPlainText, toPrintHtml, type PointLookup } from '../../../../core/reflection/export.ts';
import { describePreview, exportReflectionsJson, parseReflections, previewReflectionsImport } from '../../../../core/reflection/io.ts';
import { filterReflections, hasWriting, newReflectionId, ReflectionSchema, upsertReflection, type Reflection } from '../../../../core/reflection/record.ts';

const lookup: PointLookup = (id) =>
  id === 'lp-a'
    ? { title: 'Seeing the child’s day', section: 'Understanding the child’s daily life', page: 12, questions: ['What is a school day like?', 'Who does the child trust?'] }
    : undefined;

const one: Reflection = {
  id: 'r-abc123-000001',
  learningPointId: 'lp-a',
  date: '2026-03-04',
  activity: 'Met this learning point while recording a home visit.',
  learned: 'I had not asked what the mornings were like.\nNext line: <b>bold</b> & "quotes" # not a heading',
  applies: '- a list-looking line\n1. numbered *stars* _under_ [link](x)',
  differently: 'Ask about mornings.',
  discussion: { role: 'supervisor', date: '2026-03-10' },
  created: 1_772_600_000_000,
  updated: 1_772_600_000_000,
};
const two: Reflection = { ...one, id: 'r-abc124-000002', learningPointId: 'gone-point', date: '2025-12-01', activity: '', learned: 'Short.', applies: '', differently: '', discussion: undefined, created: 1_764_547_200_000, updated: 1_764_547_200_000 };
delete (two as Partial<Reflection>).discussion;
const list = [one, two];

describe('export formats (golden files)', () => {
  it('plain text', async () => {
    await expect(toPlainText(list, lookup)).toMatchFileSnapshot('./golden/reflections.txt');
  });
  it('Markdown', async () => {
    await expect(toMarkdown(list, lookup)).toMatchFileSnapshot('./golden/reflections.md');
  });
  it('print-ready HTML', async () => {
    await expect(toPrintHtml(list, lookup)).toMatchFileSnapshot('./golden/reflections.html');
  });
  it('CPD-shaped text, one entry per piece', async () => {
    const text = toCpdText(list, lookup);
    expect(text.match(/^CPD entry \d+ of 2$/gm)).toHaveLength(2);
    await expect(text).toMatchFileSnapshot('./golden/reflections-cpd.txt');
  });
  it('JSON', async () => {
    await expect(exportReflectionsJson([two, one])).toMatchFileSnapshot('./golden/reflections.json');
  });
});

describe('escaping', () => {
  it('HTML: nothing the worker writes becomes markup', () => {
    const html = toPrintHtml([{ ...one, learned: '<script>alert(1)</script><img src=x onerror=y>' }], lookup, '<i>t</i>');
    expect(html).not.toMatch(/<script|<img|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=y&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
  it('Markdown: headings, lists, emphasis and links are shown as written', () => {
    expect(escapeMarkdown('# h\n- a\n12. b\n*x* [l](u)')).toBe('\\# h\n\\- a\n12\\. b\n\\*x\\* \\[l\\](u)');
  });
});

describe('JSON import', () => {
  const current = [two];
  it('round-trips exactly', () => {
    const r = parseReflections(exportReflectionsJson(list));
    expect(r).toEqual({ ok: true, file: { format: 'practice-prompts/reflections', version: 1, reflections: [one, two] } });
  });

  it.each<[string, string, string[]]>([
    ['empty file', '  ', ['the file is empty']],
    ['not JSON', '{"format": "practice-prompts/reflections",}', ['line 1, column 43: a comma before "}" (remove the trailing comma)']],
    ['a list', '[]', ['(file): must be a reflections export (an object with "format", "version" and "reflections")']],
    ['a prompt set', '{"format":"practice-prompts/prompt-set","version":2}', ['format: must be "practice-prompts/reflections", not "practice-prompts/prompt-set"']],
    ['no format', '{"version":1,"reflections":[]}', ['format: is missing (a reflections export says "format": "practice-prompts/reflections")']],
    ['newer version', '{"format":"practice-prompts/reflections","version":9,"reflections":[]}', ['version: this file is from a newer version of Practice Prompts (version 9); this one reads version 1']],
  ])('%s: a clear error', (_name, text, problems) => {
    const r = parseReflections(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      if (_name === 'not JSON') expect(r.problems).toHaveLength(1);
      else expect(r.problems).toEqual(problems);
    }
  });

  it('bad reflections: every problem with its path; a name field is refused', () => {
    const file = {
      format: 'practice-prompts/reflections',
      version: 1,
      reflections: [
        { ...one, date: '2026-02-30' },
        { ...one, id: 'r-abc123-000001', discussion: { role: 'peer', date: '2026-03-10', name: 'Jo Bloggs' } },
        { ...two, learned: 5 },
      ],
    };
    const r = parseReflections(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('reflections[0].date: must be a date written YYYY-MM-DD, like "2026-03-04"');
    expect(r.problems.some((p) => p.startsWith('reflections[1].discussion') && p.includes('name'))).toBe(true);
    expect(r.problems).toContain('reflections[1].id: "r-abc123-000001" is already used by reflections[0] in this file');
    expect(r.problems.some((p) => p.startsWith('reflections[2].learned: must be'))).toBe(true);
  });

  it('too large: refused before parsing', () => {
    const r = parseReflections('"' + 'x'.repeat(4 * 1024 * 1024) + '"');
    expect(r).toEqual({ ok: false, problems: ['file is larger than 4 MB'] });
  });

  it('preview: adds and replaces, never deletes, never mutates', () => {
    const changedTwo = { ...two, learned: 'Longer now.', updated: two.updated + 1 };
    const before = JSON.stringify(current);
    const p = previewReflectionsImport(current, { format: 'practice-prompts/reflections', version: 1, reflections: [one, changedTwo] });
    expect(p.added).toEqual([one]);
    expect(p.changed).toEqual([changedTwo]);
    expect(p.next).toEqual([one, changedTwo]);
    expect(JSON.stringify(current)).toBe(before);
    expect(describePreview(p)).toBe('1 new reflection, 1 replacing an older copy, 0 already here; 0 reflections here not in the file stay as they are.');
    const q = previewReflectionsImport([one, two], { format: 'practice-prompts/reflections', version: 1, reflections: [one] });
    expect([q.added.length, q.changed.length, q.unchanged, q.kept]).toEqual([0, 0, 1, 1]);
    expect(q.next).toEqual([one, two]);
  });
});

describe('the record', () => {
  it('schema accepts a reflection and refuses a discussion with a name', () => {
    expect(ReflectionSchema.safeParse(one).success).toBe(true);
    expect(ReflectionSchema.safeParse({ ...one, discussion: { role: 'peer', date: '2026-01-01', name: 'A B' } }).success).toBe(false);
    expect(ReflectionSchema.safeParse({ ...one, discussion: { role: 'my friend Sam', date: '2026-01-01' } }).success).toBe(false);
  });
  it('ids, writing, upsert order and filters', () => {
    expect(newReflectionId(1_772_600_000_000, () => 0.5)).toMatch(/^r-[a-z0-9]+-[a-z0-9]{6}$/);
    expect(ReflectionSchema.safeParse({ ...one, id: newReflectionId(Date.now()) }).success).toBe(true);
    expect(hasWriting({ learned: ' ', applies: '', differently: '\n' })).toBe(false);
    expect(upsertReflection([two], one).map((r) => r.id)).toEqual([one.id, two.id]);
    expect(upsertReflection([one, two], { ...one, learned: 'x' })).toHaveLength(2);
    const sectionOf = (id: string): string | undefined => (id === 'lp-a' ? 'daily-life' : undefined);
    expect(filterReflections(list, { from: '2026-01-01' }, sectionOf)).toEqual([one]);
    expect(filterReflections(list, { to: '2025-12-01' }, sectionOf)).toEqual([two]);
    expect(filterReflections(list, { sectionId: 'daily-life' }, sectionOf)).toEqual([one]);
    expect(filterReflections(list, { text: 'MORNINGS' }, sectionOf)).toEqual([one]);
  });
});
