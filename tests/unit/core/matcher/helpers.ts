/** Small builders shared by the matcher and text tests. */
import { compile, matchText } from '../../../../core/matcher/index.ts';
import type { PromptSet, Trigger } from '../../../../core/schema/prompt-set.ts';

export const set = (triggers: Trigger[], id = 't'): PromptSet => ({ format: 'practice-prompts/prompt-set', version: 1, id, name: 'Test', triggers });
export const T = (id: string, any: string[], extra: Partial<Trigger> = {}): Trigger => ({ id, leadsTo: [id], any, ...extra });
export const ids = (ix: ReturnType<typeof compile>, text: string, ctx = {}) => matchText(ix, text, ctx, { maxPrompts: 10 }).map((p) => p.id);
