import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promptSetJsonSchema, promptSetJsonSchemaText } from '../../../core/prompt-sets/json-schema.ts';
import { LIMITS } from '../../../core/schema/prompt-set.ts';

const committed = fileURLToPath(new URL('../../../schema/prompt-set.schema.json', import.meta.url));

describe('published JSON Schema (schema/prompt-set.schema.json)', () => {
  it('is up to date with the zod schema (run `npx tsx scripts/gen-json-schema.ts` when this fails)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(promptSetJsonSchemaText());
  });

  it('describes the prompt set format with its limits', () => {
    const s = promptSetJsonSchema() as any;
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.type).toBe('object');
    expect(s.required).toEqual(['format', 'version', 'id', 'name', 'triggers']);
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.$schema).toMatchObject({ type: 'string' });
    expect(s.properties.format.const).toBe('practice-prompts/prompt-set');
    expect(s.properties.version.anyOf.map((v: any) => v.const)).toEqual([1, 2]);
    expect(s.properties.triggers.maxItems).toBe(LIMITS.triggers);
    const trigger = s.properties.triggers.items;
    expect(trigger.required).toEqual(['id', 'leadsTo', 'any']);
    expect(trigger.properties.any).toMatchObject({ type: 'array', minItems: 1, maxItems: LIMITS.phrasesPerList });
    expect(trigger.properties.any.items).toMatchObject({ type: 'string', maxLength: LIMITS.phraseChars });
    expect(trigger.properties.window.anyOf).toHaveLength(3);
    const url = s.properties.prompts.items.properties.links.items.properties.url;
    expect(new RegExp(url.pattern).test('https://x.example')).toBe(true);
    expect(new RegExp(url.pattern).test('http://x.example')).toBe(false);
    expect(new RegExp(url.pattern).test('javascript:alert(1)')).toBe(false);
  });
});
