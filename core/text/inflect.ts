/**
 * Inflections and spelling variants, generated at compile time so the scanner never stems:
 * a text word either is one of a trigger word's surface forms or it is not.
 *
 * Over-generation is harmless (a non-word never appears in a note); under-generation loses matches,
 * so the rules lean generous, and tests pin the forms practitioners write.
 */

const VOWEL_SUFFIXES = ['ed', 'ing', 'er', 'ers', 'ure', 'ures', 'ion', 'ions', 'ation', 'ive', 'al', 'ance', 'ence', 'ant', 'ent', 'or', 'ors', 'ised', 'ising', 'ise', 'ized', 'izing', 'ize'];
const CONSONANT_SUFFIXES = ['s', 'ful', 'fully', 'ment', 'ments', 'ly'];
const STRIP = ['ational', 'ations', 'ation', 'ements', 'ement', 'fully', 'ments', 'ment', 'ings', 'ing', 'ures', 'ure', 'ful', 'ness', 'ions', 'ion', 'ers', 'ed', 'er', 'es', 'ly', 's'];
const isVowel = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);

/** Base candidates of a word: itself plus what stripping one common suffix leaves. */
function bases(word: string): string[] {
  const out = new Set([word]);
  for (const suf of STRIP) {
    if (word.endsWith(suf) && word.length - suf.length >= 4) {
      const b = word.slice(0, -suf.length);
      out.add(b);
      out.add(b + 'e');
      // doubled consonant: referred → refer
      if (b.length > 4 && b[b.length - 1] === b[b.length - 2] && !isVowel(b[b.length - 1])) out.add(b.slice(0, -1));
      // y: worried → worry
      if (suf === 'es' || suf === 'ed') {
        if (b.endsWith('i')) out.add(b.slice(0, -1) + 'y');
      }
      break;
    }
  }
  return [...out];
}

/** All surface forms of a word (lower case, already folded). Short words and numbers only take plurals. */
export function inflect(word: string): string[] {
  const out = new Set<string>([word]);
  if (word.length <= 3 || /\d/.test(word)) {
    if (!/\d$/.test(word)) out.add(word + 's');
    return [...out];
  }
  for (const base of bases(word)) {
    out.add(base);
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    for (const s of VOWEL_SUFFIXES) out.add(stem + s);
    for (const s of CONSONANT_SUFFIXES) out.add(base + s);
    if (/(s|x|z|ch|sh)$/.test(base)) out.add(base + 'es');
    // resilient ↔ resilience, vigilant ↔ vigilance
    if (/[ae]nt$/.test(base)) out.add(base.slice(0, -1) + 'ce');
    if (/[ae]nce$/.test(base)) out.add(base.slice(0, -2) + 't');
    if (/[^aeiou]y$/.test(base)) {
      const b = base.slice(0, -1);
      out.add(b + 'ies');
      out.add(b + 'ied');
      out.add(b + 'iness');
    }
    // consonant-vowel-consonant: refer → referred, referral; admit → admitted
    const n = base.length;
    if (n >= 3 && !isVowel(base[n - 1]) && !'wxy'.includes(base[n - 1]!) && isVowel(base[n - 2]) && !isVowel(base[n - 3])) {
      const d = base + base[n - 1];
      for (const s of ['ed', 'ing', 'er', 'ers', 'al', 'als']) out.add(d + s);
    }
  }
  // the stripped bases are forms only when they are the word itself: "care" must not match "car"
  for (const b of bases(word)) if (b !== word && b.length < word.length - 3) out.delete(b);
  return [...out].filter((f) => f.length > 1);
}

/** British ↔ American spelling variants of a form (behaviour/behavior, organisation/organization…). */
const SPELLING: Array<[RegExp, string]> = [
  [/our(?=s?$|ed|ing|al|ally|s|ite|ful|less|ably)/, 'or'],
  [/is(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)/, 'iz'],
  [/ys(?=e$|es$|ed$|ing$)/, 'yz'],
  [/tre(?=s?$)/, 'ter'],
  [/ence(?=s?$)/, 'ense'],
  [/ogue(?=s?$)/, 'og'],
  [/ll(?=ed$|ing$|er$|ers$|or$|ors$)/, 'l'],
  [/^paed/, 'ped'],
  [/^anae/, 'ane'],
  [/^foet/, 'fet'],
  [/^oes/, 'es'],
  [/ae(?=m)/, 'e'],
  [/gramme/, 'gram'],
  [/ement$/, 'ment'],
];
const REVERSE: Array<[RegExp, string]> = [
  [/or(?=s?$|ed$|ing$|al$)/, 'our'],
  [/iz(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)/, 'is'],
  [/yz(?=e$|es$|ed$|ing$)/, 'ys'],
  [/ter(?=s?$)/, 'tre'],
  [/ense(?=s?$)/, 'ence'],
  [/^ped(?=iatric|iatrician)/, 'paed'],
];

export function spellings(form: string): string[] {
  const out = new Set([form]);
  for (const [re, to] of SPELLING) {
    // -our → -or only in real -our words (behaviour, colour, favour), never four/hour/your/pour/tour
    if (to === 'or' && (form.length < 6 || SHORT_OUR.test(form))) continue;
    if (re.test(form)) out.add(form.replace(re, to));
  }
  // only reverse words that look American-specific; cheap and bounded
  for (const [re, to] of REVERSE) {
    // -or → -our only after a consonant other than o, in words of 5+ letters (color, behavior; not for, floor, door)
    if (to === 'our' && (form.length < 5 || !/[^aeiou]or/.test(form))) continue;
    if (re.test(form)) out.add(form.replace(re, to));
  }
  return [...out];
}
/** Words ending in -our that are not British spellings of -or words. */
const SHORT_OUR = /^(four|hour|your|pour|tour|sour|flour|dour|our|yours|ours|hours|fours|tours|pours|detour|contour|devour|paramour|troubadour)/;

/** Every surface form of a phrase word. `exact` words (written in quotes) match only themselves. */
export function surfaceForms(word: string, exact: boolean): string[] {
  if (exact) return [word];
  const out = new Set<string>();
  // spelling variants of the word itself, then the inflections of each (the suffixes carry both
  // -ise and -ize); a last pass only for the few spellings that appear with a suffix (-our/-or + al…)
  for (const s of spellings(word)) {
    for (const f of inflect(s)) {
      out.add(f);
      if (f.length > s.length && SUFFIX_SPELLING.test(f)) for (const v of spellings(f)) out.add(v);
    }
  }
  return [...out];
}
/** Forms whose spelling variant only shows once a suffix is added (behaviour+al, travel+led, organis+ation). */
const SUFFIX_SPELLING = /(our|isation|ization|ll(ed|ing|er|or)|yse|yze)/;
