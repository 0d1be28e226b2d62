/**
 * Importing the schemas installs the plain-words error map for every zod/mini parse, so callers that
 * parse without passing `{ error: plainError }` (the managed-policy parser, settings loading) still get
 * plain words, never zod's bare "Invalid input".
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PromptSetSchema } from '../../../../core/schema/prompt-set.ts';
import { plainError } from '../../../../core/schema/error-wording.ts';
import { parsePolicy } from '../../../../core/settings/settings.ts';

describe('the schemas install the plain-words error map', () => {
  it('a schema parsed without an error map reads in plain words', () => {
    const r = PromptSetSchema.safeParse({ format: 'practice-prompts/prompt-set', version: 1, id: 5 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).not.toContain('Invalid input');
    expect(messages).toContain('must be text (found a number)');
  });
  it('any zod/mini schema gets the same wording as plainError', () => {
    const r = z.array(z.number()).safeParse('x');
    expect(r.error!.issues[0]!.message).toBe('must be a list (found text)');
    expect(r.error!.issues[0]!.message).toBe(plainError({ code: 'invalid_type', expected: 'array', input: 'x' }));
  });
  it('managed-policy problems read in plain words', () => {
    const { problems } = parsePolicy({ maxPrompts: 'many' });
    expect(problems).toEqual(['policy maxPrompts: must be a number (found text) (ignored)']);
  });
});
