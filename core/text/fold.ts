/**
 * Character folding shared by the compiler and the scanner: one definition of what a "word" is.
 *
 * - ASCII letters and digits are word characters, folded to lower case.
 * - Other letters/digits are folded by NFKD (compatibility forms: fullwidth, ligatures) with
 *   accents removed, then lower-cased; a letter with no ASCII form stays a word character.
 * - Apostrophes (straight, curly, modifier) inside a word are dropped ("don't" → "dont");
 *   a trailing possessive "'s" is dropped ("child's" → "child").
 * - Zero-width characters and soft hyphens are ignored (they never split a word).
 * - HTML entities left by rich editors (&nbsp; &amp; &#39; &rsquo;…) act as the character they stand for
 *   (apostrophes) or as a space.
 * - Everything else (spaces, dashes, hyphens, punctuation, symbols, emoji) separates words.
 * - A sentence ends after ! ? … or a line break, and after a full stop followed (after a closing quote,
 *   if any) by a space or the end, except after a title ("Mr.") or shorthand followed by a lower-case
 *   word ("after 1 mtg. felt defensive"): stopEndsSentence.
 * - The numbers of a date or decimal ("11/5", "4.6.25") are words that match nothing: isDatePart.
 */

export const enum K {
  Sep = 0,
  Word = 1,
  Apos = 2,
  Ignore = 3,
  Stop = 4, // . needs look-ahead
  End = 5, // ! ? newline: always ends a sentence
  Amp = 6,
}

/** Kind of each ASCII code (index < 128). */
export const ASCII_KIND = new Uint8Array(128);
/** Folded code for each ASCII word character. */
export const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) {
    ASCII_KIND[c] = K.Word;
    ASCII_FOLD[c] = c;
  } else if (c >= 65 && c <= 90) {
    ASCII_KIND[c] = K.Word;
    ASCII_FOLD[c] = c + 32;
  }
}
ASCII_KIND[39] = K.Apos; // '
ASCII_KIND[46] = K.Stop; // .
ASCII_KIND[33] = K.End; // !
ASCII_KIND[63] = K.End; // ?
ASCII_KIND[10] = K.End; // \n
ASCII_KIND[13] = K.End; // \r
ASCII_KIND[38] = K.Amp; // &

const IGNORED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]);
const APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc, 0x2032, 0xff07, 0x0060, 0x00b4]);
const SENTENCE_ENDS = new Set([0x2026, 0x2029, 0x2028, 0x0085, 0xff01, 0xff1f, 0x3002]);

/** Folded form of a non-ASCII code: kind plus the folded characters (may be several, e.g. "ﬁ"). */
export interface Folded {
  kind: K;
  codes: readonly number[];
}
const cache = new Map<number, Folded>();
const LETTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/gu;

export function foldCode(code: number): Folded {
  let f = cache.get(code);
  if (f) return f;
  if (IGNORED.has(code)) f = { kind: K.Ignore, codes: [] };
  else if (APOSTROPHES.has(code)) f = { kind: K.Apos, codes: [] };
  else if (SENTENCE_ENDS.has(code)) f = { kind: K.End, codes: [] };
  else if (code >= 0xd800 && code <= 0xdfff) f = { kind: K.Sep, codes: [] };
  else {
    const ch = String.fromCharCode(code);
    if (!LETTER.test(ch)) f = { kind: K.Sep, codes: [] };
    else {
      const folded = ch.normalize('NFKD').replace(MARK, '').toLowerCase();
      const codes: number[] = [];
      for (let i = 0; i < folded.length; i++) {
        const c = folded.charCodeAt(i);
        if (c < 128) {
          if (ASCII_KIND[c] === K.Word) codes.push(ASCII_FOLD[c]!);
        } else if (LETTER.test(folded[i]!)) codes.push(c);
      }
      f = codes.length ? { kind: K.Word, codes } : { kind: K.Sep, codes: [] };
    }
  }
  if (cache.size < 4096) cache.set(code, f);
  return f;
}

/**
 * Length of an HTML entity starting at `i` (which holds '&'), or 0 when there is none.
 * Negative when the entity stands for an apostrophe.
 */
const APOS_ENTITIES = new Set(['#39', '#x27', 'apos', 'rsquo', 'lsquo', '#8217', '#8216', '#x2019']);
export function entityLength(text: string, i: number): number {
  const max = Math.min(text.length, i + 10);
  let j = i + 1;
  for (; j < max; j++) {
    const c = text.charCodeAt(j);
    if (c === 59) break; // ;
    const isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35;
    if (!isAlnum) return 0;
  }
  if (j >= max || j === i + 1 || text.charCodeAt(j) !== 59) return 0;
  const len = j - i + 1;
  return APOS_ENTITIES.has(text.slice(i + 1, j).toLowerCase()) ? -len : len;
}

// Two independent 32-bit hashes; together a 64-bit key (collisions are vanishingly rare).
export const H1_SEED = 0x811c9dc5 | 0;
export const H2_SEED = 0x01000193 | 0;
export const h1Step = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
export const h2Step = (h: number, c: number): number => (Math.imul(h, 0x5bd1e995) + c + 0x9e3779b9) | 0;

/**
 * Split text into folded words, exactly as the scanner sees them (used to compile phrases and to read
 * context such as field labels). Not for the keystroke path.
 */
export function foldWords(text: string): string[] {
  const words: string[] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length) words.push(String.fromCharCode(...cur));
    cur = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: K;
    let codes: readonly number[] | null = null;
    if (c < 128) {
      kind = ASCII_KIND[c] as K;
      if (kind === K.Word) codes = [ASCII_FOLD[c]!];
    } else {
      const f = foldCode(c);
      kind = f.kind;
      codes = f.codes;
    }
    if (kind === K.Amp) {
      const n = entityLength(text, i);
      kind = n < 0 ? K.Apos : K.Sep;
      if (n) i += Math.abs(n) - 1;
    }
    if (kind === K.Word) {
      for (const x of codes!) cur.push(x);
    } else if (kind === K.Apos) {
      if (!cur.length) continue;
      if (isPossessive(text, i)) {
        flush();
        i += 1;
      } else if (isContraction(text, i)) {
        // weren't → "werent" then "not", so "not told" also finds "weren't told"
        cur.push(116); // t
        flush();
        words.push('not');
        i += 1;
      }
    } else if (kind !== K.Ignore) flush();
  }
  flush();
  return words;
}

/** After an apostrophe at i: is it "'s" followed by a non-word character (or the end)? */
export function isPossessive(text: string, i: number): boolean {
  const s = text.charCodeAt(i + 1);
  if (s !== 115 && s !== 83) return false;
  if (i + 2 >= text.length) return true;
  const n = text.charCodeAt(i + 2);
  if (n < 128) return ASCII_KIND[n] !== K.Word;
  return foldCode(n).kind !== K.Word;
}

/** At an apostrophe: is it the n't of a negative contraction (didn't, weren't, can't), ending the word? */
export function isContraction(text: string, i: number): boolean {
  const n = text.charCodeAt(i - 1);
  const t = text.charCodeAt(i + 1);
  if ((n !== 110 && n !== 78) || (t !== 116 && t !== 84)) return false;
  if (i + 2 >= text.length) return true;
  const c = text.charCodeAt(i + 2);
  if (c < 128) return ASCII_KIND[c] !== K.Word;
  return foldCode(c).kind !== K.Word;
}

export function hashWord(word: string): [number, number] {
  let a = H1_SEED;
  let b = H2_SEED;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = h1Step(a, c);
    b = h2Step(b, c);
  }
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// Where a full stop ends a sentence, and which numbers are parts of dates (one rule for the scanner
// and its sentence cache).

const isBlank = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f;
const isCloseQuote = (c: number): boolean => c === 39 || c === 34 || c === 0x2019 || c === 0x201d;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** Titles before a name: a full stop after one never ends a sentence ("Mr. Hale"). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sgt', 'insp', 'cllr', 'rev']);
/**
 * Shorthand that a hurried note puts a full stop after mid-sentence ("after 1 mtg. felt a bit
 * defensive"): the stop ends the sentence only when the next word starts with a capital, as a new
 * sentence does.
 */
const SHORTHAND = new Set([
  'mtg', 'mtgs', 'appt', 'appts', 'approx', 'tel', 'wk', 'wks', 'yr', 'yrs', 'hr', 'hrs', 'min', 'mins', 'dept', 'prev',
  'poss', 'sch', 'ref', 'etc', 'incl', 'esp', 'vs', 'st', 'no', 'nos', 'eg', 'ie', 'am', 'pm', 'pc', 'dc', 'ds', 'mgr', 'tbc', 'info',
]);

/** The letters (lower-cased, dots of "e.g." left out) of the word that ends just before position i. */
function wordBefore(text: string, i: number): string {
  let s = '';
  for (let j = i - 1; j >= 0 && s.length < 8; j--) {
    const c = text.charCodeAt(j);
    if (c === 46 && j > 0 && /[a-z]/i.test(text[j - 1]!) && (j < 2 || !/[a-z]/i.test(text[j - 2]!))) continue; // e.g / a.m
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    s = String.fromCharCode(c | 32) + s;
  }
  return s;
}

/**
 * Does the full stop at i end a sentence? When it is followed (after a closing quote, if any) by white
 * space or the end of the text, unless the word before it is a title, or shorthand ("mtg.", "appt.",
 * "approx.") followed by a word in lower case.
 */
export function stopEndsSentence(text: string, i: number, n: number): boolean {
  let j = i + 1;
  if (j < n && isCloseQuote(text.charCodeAt(j))) j++;
  if (j >= n) return true;
  if (!isBlank(text.charCodeAt(j))) return false;
  const w = wordBefore(text, i);
  if (w.length === 0 || w.length > 6) return true;
  if (TITLES.has(w) && j === i + 1) return false;
  if (!SHORTHAND.has(w)) return true;
  while (j < n && isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
  return !(j < n && isLower(text.charCodeAt(j)));
}

/**
 * Are the digits text[start, end) one part of a date or a decimal ("11/5", "4.6.25", "3.5")? Then they are
 * not a number of anything: "visit 4/6 with the SW student" is not six social workers, and "15/10" is
 * not a young person of fifteen.
 */
export function isDatePart(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  const after = text.charCodeAt(end);
  if ((after === 47 || after === 46) && isDigit(text.charCodeAt(end + 1))) return true;
  const before = text.charCodeAt(start - 1);
  return (before === 47 || before === 46) && start >= 2 && isDigit(text.charCodeAt(start - 2));
}
