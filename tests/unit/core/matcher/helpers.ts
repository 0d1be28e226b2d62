/** Small builders shared by the matcher and text tests. */
import { compile, matchText } from '../../../../core/matcher/index.ts';
import type { PromptSet, Trigger } from '../../../../core/schema/prompt-set.ts';

export const set = (triggers: Trigger[], id = 't'): PromptSet => ({ format: 'practice-prompts/prompt-set', version: 1, id, name: 'Test', triggers });
export const T = (id: string, any: string[], extra: Partial<Trigger> = {}): Trigger => ({ id, leadsTo: [id], any, ...extra });
export const ids = (ix: ReturnType<typeof compile>, text: string, ctx = {}) => matchText(ix, text, ctx, { maxPrompts: 10, minShare: 0 }).map((p) => p.id);

/** One random edit of a property test (delete `del` characters at `pos`, insert `ins`), on `text`. */
export function applyEdit(text: string, e: { pos: number; del: number; ins: string }): string {
  const p = text.length ? e.pos % (text.length + 1) : 0;
  return text.slice(0, p) + e.ins + text.slice(p + e.del);
}
