/**
 * "Why this prompt appeared": the words of the note that matched, as the practitioner wrote them.
 * One home for the page surface, the options test bench and the CLI. Pure; the words stay wherever
 * they are shown and are never sent anywhere.
 */

/** At most this many words are given. */
export const WHY_MAX_WORDS = 5;
/**
 * Spans enough for the words: ranking for the page asks for only a prompt's first this many spans
 * (collecting all of a long note's spans would be most of a keystroke's cost). The words are the first
 * distinct ones, so a note would need this many repeats of under five words before a later word is lost.
 */
export const WHY_SPANS = 24;
/** Longer matches are shortened to this many characters and an ellipsis. */
export const WHY_MAX_LENGTH = 60;

/**
 * The text of each matched span, in order: white space collapsed, duplicates dropped (ignoring case),
 * long matches shortened; at most `maxWords`.
 */
export function whyWords(
  text: string,
  spans: readonly { start: number; end: number }[],
  { maxWords = WHY_MAX_WORDS, maxLength = WHY_MAX_LENGTH }: { maxWords?: number; maxLength?: number } = {},
): string[] {
  const why: string[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    if (why.length >= maxWords) break;
    let w = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    if (!w) continue;
    if (w.length > maxLength) w = w.slice(0, maxLength) + '…';
    const key = w.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    why.push(w);
  }
  return why;
}

/**
 * The words before the note's own words in "why": a phrase match quotes what was written; a prompt the
 * second reading raised says the note as a whole reads like the section, and quotes the words that
 * count most towards it. One wording for every surface.
 */
export function whyLead(read: boolean | undefined, words: number): string {
  if (!read) return 'Why this prompt: you wrote';
  return words > 0 ? 'Why this prompt: your note as a whole reads like this section, with words such as' : 'Why this prompt: your note as a whole reads like this section.';
}
