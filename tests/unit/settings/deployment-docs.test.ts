import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePolicy, PolicySchema } from '../../../core/settings/settings.ts';
import { parseImport } from '../../../core/prompt-sets/io.ts';
import { learningPoints, widerMessages } from '../../../content/library/index.ts';

const known = new Set([...learningPoints.map((l) => l.id), ...widerMessages.map((w) => w.id)]);
const md = readFileSync(new URL('../../../docs/deployment.md', import.meta.url), 'utf8');
const jsonBlocks = [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const managedSchema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'));

describe('docs/deployment.md examples', () => {
  it('every JSON example is valid JSON', () => {
    expect(jsonBlocks.length).toBeGreaterThanOrEqual(5);
    for (const b of jsonBlocks) expect(() => JSON.parse(b)).not.toThrow();
  });

  it('every example policy parses without problems, and its prompt sets import cleanly', () => {
    let policies = 0;
    for (const b of jsonBlocks) {
      const v = JSON.parse(b);
      const ext = v.policies?.['3rdparty']?.Extensions?.['practice-prompts@practice-prompts.example'] ?? v['3rdparty']?.extensions?.['<extension-id>'];
      if (!ext) continue;
      policies++;
      const r = parsePolicy(ext);
      expect(r.problems).toEqual([]);
      const sets: unknown[] = ext.promptSets ?? [];
      expect(r.managedSets.length).toBe(sets.length);
      for (const s of sets) expect(parseImport(s as string, known)).toMatchObject({ ok: true });
      // the managed schema (Chrome/Edge) accepts only these keys and strings for prompt sets
      for (const k of Object.keys(ext)) expect(managedSchema.properties).toHaveProperty(k);
      expect(sets.every((s) => typeof s === 'string')).toBe(true);
    }
    expect(policies).toBeGreaterThanOrEqual(2);
  });

  it('the example prompt set imports cleanly', () => {
    const set = jsonBlocks.find((b) => b.includes('"format": "practice-prompts/prompt-set"'))!;
    expect(parseImport(set, known)).toMatchObject({ ok: true });
  });

  it('the one-line prompt sets in the .reg and plist examples are valid', () => {
    const reg = /"1"="(\{\\"format.*\})"/.exec(md)![1]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    expect(parseImport(reg, known)).toMatchObject({ ok: true });
    const plist = /<string>(\{"format".*\})<\/string>/.exec(md)![1]!;
    expect(parseImport(plist, known)).toMatchObject({ ok: true });
  });

  it('the managed schema lists exactly the policy keys', () => {
    expect(Object.keys(managedSchema.properties).sort()).toEqual(Object.keys(PolicySchema.shape).sort());
  });
});
