export { compile, compileAsync, phraseVariants, lookupForm, type CompiledIndex, type CompiledTrigger } from './compile.ts';
export { NoteMatch } from './note.ts';
export { rank, contextHits, DEFAULT_MAX_PROMPTS, DEFAULT_MIN_SHARE, type MatchContext, type RankOptions, type PromptMatch, type MatchedSpan } from './rank.ts';
export { whyWords, whyLead, WHY_MAX_WORDS, WHY_MAX_LENGTH, WHY_SPANS } from './why.ts';
import type { CompiledIndex } from './compile.ts';
import { NoteMatch } from './note.ts';
import { rank, type MatchContext, type PromptMatch, type RankOptions } from './rank.ts';

/** Match a whole text once (the CLI, the test bench, tests). */
export function matchText(index: CompiledIndex, text: string, ctx: MatchContext = {}, options: RankOptions = {}): PromptMatch[] {
  const note = new NoteMatch(index);
  note.reset(text);
  return rank(index, note.getHitSentences(), ctx, { reading: (r) => note.reading(r), raising: note.raising, ...options });
}
