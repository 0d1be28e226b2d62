/** Small builders shared by the matcher and text tests. */
import { compile, matchText, NoteMatch } from '../../../../core/matcher/index.ts';
import type { PromptSet, Trigger } from '../../../../core/schema/prompt-set.ts';

export const set = (triggers: Trigger[], id = 't'): PromptSet => ({ format: 'practice-prompts/prompt-set', version: 1, id, name: 'Test', triggers });
export const T = (id: string, any: string[], extra: Partial<Trigger> = {}): Trigger => ({ id, leadsTo: [id], any, ...extra });
export const ids = (ix: ReturnType<typeof compile>, text: string, ctx = {}) => matchText(ix, text, ctx, { maxPrompts: 10, minShare: 0 }).map((p) => p.id);

/**
 * Types `edits` into a note kept incrementally (after `prepare`, e.g. asking for its reading); after each,
 * `check(note, fresh, text)` with the same text read afresh.
 */
export function replayEdits(
  ix: ReturnType<typeof compile>,
  start: string,
  edits: readonly { pos: number; del: number; ins: string }[],
  check: (note: NoteMatch, fresh: NoteMatch, text: string) => void,
  prepare: (note: NoteMatch) => void = () => undefined,
): void {
  const note = new NoteMatch(ix);
  note.reset(start);
  prepare(note);
  let text = start;
  for (const e of edits) {
    text = applyEdit(text, e);
    note.update(text);
    const fresh = new NoteMatch(ix);
    fresh.reset(text);
    check(note, fresh, text);
  }
}

/** One random edit of a property test (delete `del` characters at `pos`, insert `ins`), on `text`. */
export function applyEdit(text: string, e: { pos: number; del: number; ins: string }): string {
  const p = text.length ? e.pos % (text.length + 1) : 0;
  return text.slice(0, p) + e.ins + text.slice(p + e.del);
}
