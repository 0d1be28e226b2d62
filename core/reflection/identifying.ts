/**
 * The identifying-details check for reflections. Pure: no DOM, no browser APIs. It WARNS, never
 * blocks: a reflection is the worker's own, and the check only points at text that looks like it
 * could identify a child, a family member or a colleague, so the worker can reword it.
 *
 * What it looks for:
 *  - a full name: two capitalised words in a row that are not common words, learning-point or section
 *    titles (passed in as `knownPhrases`), place names, days or months; or a title with a surname
 *    ("Mrs Okafor");
 *  - a date of birth: a date next to "DOB", "date of birth" or "born";
 *  - an NHS number: 10 digits (optionally 3-3-4) whose check digit passes the modulus-11 check;
 *  - a UK postcode ("M1 1AE", "SW1A 1AA");
 *  - a UK phone number (0… or +44…);
 *  - a case or reference number: a number after "case", "ref", "reference", "ID"…, or a code mixing
 *    letters and digits ("CS-2023-0456", "AB123456").
 */

export type IdentifyingKind = 'name' | 'date-of-birth' | 'nhs-number' | 'postcode' | 'phone' | 'reference';

export interface IdentifyingFinding {
  kind: IdentifyingKind;
  /** UTF-16 offsets into the checked text: text.slice(start, end) is what looked identifying. */
  start: number;
  end: number;
}

/** What each kind is called in a warning ("This looks like … ."). */
export const KIND_LABEL: Readonly<Record<IdentifyingKind, string>> = {
  name: 'a person’s full name',
  'date-of-birth': 'a date of birth',
  'nhs-number': 'an NHS number',
  postcode: 'a postcode',
  phone: 'a phone number',
  reference: 'a case or reference number',
};

/** Words that start sentences, name roles, services or documents: capitalised, but not names. */
const COMMON = `a about above across after again against all also although am an and another any are as at
back be because been before being below between both but by can could dad daughter day did do does doing
done down during each early either even every few first following for from further had has have having he
help her here hers him his how however i if in instead into is it its just last later less like many may me
might more most mum my near never next no nor not now of off often on once one only or other our ours out over
perhaps please rather really same she should since so some still such than that the their theirs them then
there these they this those though through thus to today together tomorrow too towards under until up upon us
very was we well were what when where whether which while who whom whose why will with within without would
yesterday yet you your yours reading learning point points reflection reflections reflecting reflective
question questions section sections page pages note notes record recording peer supervisor supervision
manager team worker workers social work care child children young person people parent parents mother
father grandmother grandfather nan grandad aunt uncle brother sister son stepfather stepmother carer carers
baby family families plan plans protection conference conferences core group strategy meeting meetings
discussion assessment assessments review reviews panel panels safeguarding partnership partnerships
practice practitioner practitioners local authority authorities council councils police health visitor
visitors school schools nursery hospital hospitals court courts service services agency agencies multi
inter mash lado gp nhs cafcass ofsted cin cp lac pla iro sw hv ed ae a&e early help act order orders
children's child's legal planning proceedings outline pre public law emergency protection section 17 47
working together national guidance framework standards professional professionals capabilities
england social-work registration cpd evidence i'm i've i'd we're we've they're he's she's it's`;

const DAYS_MONTHS = `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec christmas easter`;

/** Places that are not people: countries, nations, regions and the larger towns and cities. */
const PLACES = `england wales scotland ireland northern britain great united kingdom uk europe london manchester
birmingham leeds liverpool sheffield bristol newcastle nottingham leicester coventry bradford hull
stoke plymouth southampton portsmouth derby reading luton wolverhampton sunderland brighton bournemouth
middlesbrough oxford cambridge york exeter norwich ipswich peterborough milton keynes swindon
gloucester lincoln carlisle durham lancashire yorkshire kent essex surrey sussex devon cornwall cumbria
norfolk suffolk hampshire somerset dorset cheshire merseyside tyne wear midlands west east north south
greater tees valley humber thames city town county borough street road lane avenue close park drive
estate ward`;

/** Titles that, followed by a capitalised word, name a person. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);

const wordSet = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
const COMMON_WORDS = wordSet(COMMON);
const DAY_MONTH_WORDS = wordSet(DAYS_MONTHS);
const PLACE_WORDS = wordSet(PLACES);

/** The words of known phrases (learning-point and section titles), lower case. */
export function phraseWords(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) for (const w of p.toLowerCase().match(WORD_CHARS) ?? []) out.add(w);
  return out;
}

const WORD_CHARS = /[\p{L}][\p{L}'’-]*/gu;
/** A capitalised word: an upper-case letter then lower-case letters, with O'Brien and Smith-Jones allowed. */
const CAPITALISED = /^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['’]\p{Lu}?\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)*$/u;

export interface CheckOptions {
  /** Learning-point titles, section titles and the like: their words are never taken for a name. */
  knownWords?: ReadonlySet<string>;
}

function notAName(word: string, known: ReadonlySet<string> | undefined): boolean {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  return COMMON_WORDS.has(w) || DAY_MONTH_WORDS.has(w) || PLACE_WORDS.has(w) || (known?.has(w) ?? false) || (known?.has(word.toLowerCase()) ?? false);
}

function findNames(text: string, o: CheckOptions, out: IdentifyingFinding[]): void {
  const words: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*\.?/gu)) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1];
    if (!b) break;
    // only words separated by spaces (not by a full stop, comma or line break) form a name
    const gap = text.slice(a.end, b.start);
    const bare = a.w.replace(/\.$/, '');
    if (HONORIFICS.has(bare.toLowerCase()) && /^\p{Lu}/u.test(bare) && /^ +$/.test(gap) && CAPITALISED.test(b.w.replace(/\.$/, '')) && !notAName(b.w.replace(/\.$/, ''), o.knownWords)) {
      out.push({ kind: 'name', start: a.start, end: b.end - (b.w.endsWith('.') ? 1 : 0) });
      i++;
      continue;
    }
    if (a.w.endsWith('.') || !/^ +$/.test(gap)) continue;
    const bw = b.w.replace(/\.$/, '');
    if (!CAPITALISED.test(a.w) || !CAPITALISED.test(bw)) continue;
    if (notAName(a.w, o.knownWords) || notAName(bw, o.knownWords)) continue;
    // a sentence that opens with a verb or an adverb ("Asked Sean McDonald…", "Sadly Ben…")
    if (/(?:ed|ing|ly)$/.test(a.w) && /(?:^|[.!?:;]\s+|\n\s*)$/.test(text.slice(0, a.start))) continue;
    // extend over a middle name or a third part ("Mary Anne Smith")
    let j = i + 1;
    while (j + 1 < words.length && !words[j]!.w.endsWith('.') && /^ +$/.test(text.slice(words[j]!.end, words[j + 1]!.start))) {
      const next = words[j + 1]!.w.replace(/\.$/, '');
      if (!CAPITALISED.test(next) || notAName(next, o.knownWords)) break;
      j++;
    }
    const last = words[j]!;
    out.push({ kind: 'name', start: a.start, end: last.end - (last.w.endsWith('.') ? 1 : 0) });
    i = j;
  }
}

/** The NHS number check: weights 10…2 on the first nine digits; 11 − (sum mod 11) is the check digit (11 → 0; 10 is never valid). */
export function nhsChecksumValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}

const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_NAMES})\\.?,?\\s+\\d{2,4})`;
const DOB = new RegExp(`\\b(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|born(?:\\s+on)?)\\s*(?:(?:is|was|of|:|-|–)\\s*)?(${DATE})`, 'giu');
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/giu;
const PHONE = /(?:(?<![\w+])\+44\s?(?:\(0\)\s?)?|(?<![\w+])0)(?:\d[\s-]?){9,10}(?!\d)/gu;
const DIGIT_RUN = /(?<![\w/.-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w/-]|\.\d)/gu;
const REF_AFTER_WORD = /\b(?:case|ref|reference|file|client|record|child|subject|id|crn|urn|mosaic|lcs|eclipse)\s*(?:no\.?|number|num|#|id)?\s*[:#]?\s*((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{3,})\b/giu;
const MIXED_CODE = /\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)(?:[A-Z]{1,4}-?\d{2,}(?:-\d+)*|\d{2,}[A-Z]{1,3}\d+)\b/gu;

function overlaps(f: IdentifyingFinding, list: readonly IdentifyingFinding[]): boolean {
  return list.some((g) => f.start < g.end && g.start < f.end);
}

/**
 * Every stretch of `text` that looks identifying, in text order, without overlaps (the more specific
 * kind wins: a date of birth over a plain number, an NHS number or phone over a reference).
 */
export function findIdentifying(text: string, o: CheckOptions = {}): IdentifyingFinding[] {
  const found: IdentifyingFinding[] = [];
  const add = (f: IdentifyingFinding): void => {
    if (!overlaps(f, found)) found.push(f);
  };
  for (const m of text.matchAll(DOB)) add({ kind: 'date-of-birth', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (!digits.startsWith('0') && nhsChecksumValid(digits)) add({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PHONE)) {
    const end = m.index + m[0].replace(/[\s-]+$/, '').length;
    const digits = m[0].replace(/\D/g, '').replace(/^44/, '0');
    if (digits.length >= 10 && digits.length <= 11) add({ kind: 'phone', start: m.index, end });
  }
  for (const m of text.matchAll(POSTCODE)) {
    // lower-case postcodes only when written with the space, so "a1b2" style tokens are not caught
    if (m[0] === m[0].toUpperCase() || /\s/.test(m[0])) add({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(REF_AFTER_WORD)) {
    const code = m[1]!;
    const start = m.index + m[0].lastIndexOf(code);
    if (/\d/.test(code) && code.replace(/\D/g, '').length >= 3) add({ kind: 'reference', start, end: start + code.length });
  }
  for (const m of text.matchAll(MIXED_CODE)) {
    if (m[0].replace(/\D/g, '').length >= 4) add({ kind: 'reference', start: m.index, end: m.index + m[0].length });
  }
  findNames(text, o, found);
  // names are found last; drop any that overlap an earlier, more specific finding
  const out: IdentifyingFinding[] = [];
  for (const f of found) if (!overlaps(f, out)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}

/** One line per kind found, for a polite live region ("This may identify someone: a phone number."). */
export function describeFindings(findings: readonly IdentifyingFinding[]): string {
  if (findings.length === 0) return '';
  const kinds = [...new Set(findings.map((f) => f.kind))].map((k) => KIND_LABEL[k]);
  const list = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]!}`;
  return `This may identify someone: it looks like it contains ${list}. You can still save; consider rewording.`;
}
