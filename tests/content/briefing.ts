/**
 * The briefing that the content tests (fidelity, own words, library) check against. It comes from one of two sources:
 *
 * - **the text**: `$BRIEFING`, or else `../shared/seed/000_8c989674621c0828.txt` beside the repository;
 * - **the fingerprint**: `tests/content/briefing-fingerprint.json`, used when the text is not there (a fresh
 *   clone) or when `BRIEFING_FINGERPRINT=1`. It is one-way and holds no briefing text. It stores the first
 *   64 bits of SHA-256 of each word 10-gram, of each line, and of each answer to the questions below. It
 *   also stores two kinds of plain numbers: the contents-list page for each hashed title, and the numbers
 *   each page quotes.
 *
 * Both sources answer the same questions, so every check runs in either mode. Test names say which source
 * they ran against (`briefing.label`). When the text is present, briefing-fingerprint.test.ts rebuilds the
 * fingerprint in memory and requires it to equal the committed file, so the file cannot drift.
 * `npm run fingerprint` (scripts/fingerprint-briefing.ts) rewrites the file.
 *
 * A check that needs a new question goes into `questions()`. In text mode, asking a question that is not
 * listed there fails. That way, regenerating always covers every question the tests ask.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lib from '../../content/library/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_PATH = join(ROOT, '..', 'shared', 'seed', '000_8c989674621c0828.txt');
export const FINGERPRINT_PATH = join(ROOT, 'tests', 'content', 'briefing-fingerprint.json');

/** Own-words folding, the same as scripts/check-own-words.mjs: lower case, NFKC, apostrophes dropped, anything but a-z/0-9 splits. */
export const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/'/g, ''))
    .filter(Boolean);
/** Length of a shared word run that counts as copying. */
export const N = 10;

/** First 64 bits of SHA-256 of the UTF-8 string, as 16 hex digits (scripts/check-own-words.mjs hashes 10-grams the same way). */
export const hash64 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);
/** A set of hashes as one base64 string: sorted, de-duplicated, 8 bytes each. */
const pack = (hashes: Iterable<string>): string => Buffer.from([...new Set(hashes)].sort().join(''), 'hex').toString('base64');
export const unpack = (b64: string): Set<string> => {
  const hex = Buffer.from(b64, 'base64').toString('hex');
  const out = new Set<string>();
  for (let i = 0; i < hex.length; i += 16) out.add(hex.slice(i, i + 16));
  return out;
};

/** Line endings normalised; everything else as printed. */
export const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');
/** The briefing with footnote markers (superscript digits) removed, e.g. "maltreatment ⁴" → "maltreatment". */
const withoutMarks = (text: string): string => text.replace(/ ?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '');
/** Lines that have a line break on both sides: `x` is one of them exactly when the text contains `\n${x}\n`. */
const innerLines = (text: string): string[] => text.split('\n').slice(1, -1);

/** A section's heading in the briefing's body (the contents list gives one title in full). */
export const bodyHeading = (s: { id: string; title: string }): string => (s.id === 'engaging' ? 'Engaging parents and effective challenge' : s.title);

// ---------------------------------------------------------------------------------------------------------------
// What the checks read from the text
// ---------------------------------------------------------------------------------------------------------------

/** The contents list (page 1): from "Contents" to the start of Part 1's text. */
function contentsOf(text: string): string {
  const start = text.indexOf('Contents');
  const end = text.indexOf('About this briefing\n\nThis briefing');
  if (start < 0 || end <= start) throw new Error('the briefing has no contents list before "About this briefing"');
  return text.slice(start, end);
}
/** "Title - page N" in the contents list (the list sometimes omits the space before the dash). */
function contentsPageIn(contents: string, title: string): number | null {
  const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|[>*\\s])${esc}\\s?- page (\\d+)`, 'm').exec(contents);
  return m ? Number(m[1]) : null;
}
/** Every title `contentsPageIn` can find: each tail of an entry's text that starts at a word boundary. */
function contentsTitles(contents: string): string[] {
  const out: string[] = [];
  for (const line of contents.split('\n'))
    for (const m of line.matchAll(/- page \d+/g)) {
      const before = line.slice(0, m.index);
      for (const e of /\s$/.test(before) ? [before, before.slice(0, -1)] : [before])
        for (let p = 0; p < e.length; p++) if (p === 0 || /[>*\s]/.test(e[p - 1]!)) out.push(e.slice(p));
    }
  return out.filter(Boolean);
}

/** The briefing's text for a page, as far as the contents list lets us cut it. */
const REGIONS: { from: number; to: number; start: string; end: string }[] = [
  { from: 7, to: 11, start: 'Key data from the 2017-19 SCRs\n\nKey data from the analysis', end: 'Parental and family characteristics\n\nThe most common' },
  { from: 12, to: 13, start: 'Parental and family characteristics\n\nThe most common', end: 'Child characteristics\n\nChild characteristics for older' },
  { from: 14, to: 14, start: 'Child characteristics\n\nChild characteristics for older', end: "Part 2: Learning for children's social care\n\nNormalisation" },
  ...lib.sections.map((s, i) => {
    const next = lib.sections[i + 1];
    return {
      from: s.page,
      to: (next?.page ?? 30) - (next?.page === s.page ? 0 : 1),
      start: `\n${bodyHeading(s)}\n`,
      end: next ? `\n${bodyHeading(next)}\n` : '\nReferences\n',
    };
  }),
];
function regionText(text: string, page: number): string {
  return REGIONS.filter((r) => page >= r.from && page <= r.to)
    .map((r) => {
      const a = text.indexOf(r.start, text.indexOf("Part 1: Introduction and key data\n\nAbout this briefing"));
      const b = text.indexOf(r.end, a + 1);
      if (a < 0) throw new Error(`page ${page}: region start ${JSON.stringify(r.start)} not found`);
      if (b <= a) throw new Error(`page ${page}: region end ${JSON.stringify(r.end)} not found after its start`);
      return text.slice(a, b);
    })
    .join('\n');
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** Does `text` quote the number `n` (as digits, with or without thousands separators, or as a word)? */
function quotesNumberIn(text: string, n: number): boolean {
  const digits = String(n);
  const grouped = n >= 1000 && Number.isInteger(n) ? n.toLocaleString('en-GB') : null;
  const alts = [digits, grouped].filter(Boolean).map((s) => s!.replace(/[.,]/g, (c) => `\\${c}`));
  if (new RegExp(`(?<![\\d.,])(?:${alts.join('|')})(?![\\d]|[.,]\\d)`).test(text)) return true;
  const w = NUMBER_WORDS[n];
  return w !== undefined && new RegExp(`\\b${w}\\b`, 'i').test(text);
}
/** Every number `quotesNumberIn(text, n)` accepts: each digit run, with and without its separators, and the number words. */
function numbersQuotedIn(text: string): number[] {
  const candidates = new Set<number>(NUMBER_WORDS.map((_, i) => i));
  for (const [m] of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    candidates.add(Number(m.replace(/,/g, '')));
    for (const part of m.split(/[.,]/)) candidates.add(Number(part));
  }
  return [...candidates].filter((n) => Number.isFinite(n) && quotesNumberIn(text, n)).sort((a, b) => a - b);
}

/** The derived views of the text that the questions read. */
class TextViews {
  readonly noMarks: string;
  readonly refsBlock: string;
  readonly plainRefs: string;
  readonly body: string;
  readonly part2: string;
  constructor(readonly text: string) {
    this.noMarks = withoutMarks(text);
    this.refsBlock = text.slice(text.lastIndexOf('\nReferences\n'));
    this.plainRefs = this.refsBlock.replace(/[*\\]/g, '');
    this.body = text.slice(0, text.lastIndexOf('\nReferences\n'));
    this.part2 = text.slice(text.indexOf("Part 2: Learning for children's social care\n\nNormalisation"), text.lastIndexOf('\nReferences\n'));
  }
}

type Arg = string | number | null;
const str = (a: Arg): string => {
  if (typeof a !== 'string') throw new Error(`expected a string argument, got ${JSON.stringify(a)}`);
  return a;
};
/** Reference authors compared without the full stop an initial shares with the entry ("Wate, R."). */
export const noStop = (authors: string): string => authors.replace(/\.$/, '');
/** The name a citation in the text starts with: the first author's surname, or the organisation's name. */
const citedName = (authors: string): string =>
  (/^([A-Z][A-Za-z'’ -]*?)(?:,|\.|$)/.exec(authors)?.[1] ?? authors).replace(/^Child Safeguarding Practice Review Panel$/, 'CSPRP');

/**
 * The questions the checks ask about the text, beyond lines, 10-grams, contents pages and numbers per page.
 * Each answers from the text alone, given arguments that come from our data.
 */
const QUESTIONS = {
  /** Does the briefing contain this exact string (anywhere)? Only for strings in `QUOTED` or built from data in `questions()`. */
  quoted: (v: TextViews, [s]: Arg[]) => v.text.includes(str(s!)),
  /** The row labels under a table's printed header, in order. */
  tableRowLabels: (v: TextViews, [caption, header]: Arg[]) => {
    const start = v.text.indexOf(`\n${str(caption!)}\n`);
    const block = v.noMarks.slice(v.noMarks.indexOf(`\n${str(header!)}\n`, start - 50));
    const printedRows = block
      .split('\n')
      .slice(2)
      .filter((l, i, all) => l.includes('\t') && all.slice(0, i).every((x) => x.includes('\t')));
    return printedRows.map((l) => l.split('\t')[0]!);
  },
  /** The cover: its bold lines, joined. */
  cover: (v: TextViews) =>
    v.text
      .slice(0, v.text.indexOf('Contents'))
      .replace(/\*/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  /** "- > " bullets: under each section's "Learning points"; the wider messages; the enduring themes. */
  bullets: (v: TextViews) => {
    const t = v.text;
    const part2 = t.slice(t.indexOf("Part 2: Learning for children's social care\n\nNormalisation"));
    const blocks = part2.split('\nLearning points\n').slice(1);
    const learningPoints = blocks.map(
      (b) =>
        b
          .split(/\n(?=[A-Z][^\n]{0,80}\n\n[A-Z])/)[0]!
          .split('\n')
          .filter((l) => l.startsWith('- > ')).length,
    );
    const count = (from: string, to: string) =>
      t
        .slice(t.indexOf(from), t.indexOf(to))
        .split('\n')
        .filter((l) => l.startsWith('- > ')).length;
    return {
      learningPoints,
      wider: count('hardest to implement', 'Messages are often difficult to implement'),
      themes: count('The second report (Dickens et al., 2022b)', 'Many of the themes and challenges'),
    };
  },
  /** The reference list's entries as [authors (no final stop), year]. */
  referenceList: (v: TextViews) => [...v.plainRefs.matchAll(/^(?:- )?(.+?)\. \((\d{4}[a-z]?)\)\. /gm)].map((m) => [m[1]!, m[2]!]),
  /** Does the reference list print "Authors. (year). Title"? */
  referenceListed: (v: TextViews, [authors, year, title]: Arg[]) => v.plainRefs.includes(`${noStop(str(authors!))}. (${str(year!)}). ${str(title!)}`),
  /** Does the reference list print this address (some without "https://")? */
  referenceUrlListed: (v: TextViews, [url]: Arg[]) => v.plainRefs.replace(/[<>]/g, '').includes(str(url!).replace(/^https:\/\/(?=www\.)/, '')),
  /** Is the work cited in the briefing's text (its name, then its year within 80 characters, no ")" between)? */
  citedInText: (v: TextViews, [authors, year]: Arg[]) => new RegExp(`${citedName(str(authors!))}[^)]{0,80}?${str(year!)}`).test(v.body),
  /** Part 2's section headings are all there, in this order. */
  headingsInOrder: (v: TextViews, headings: Arg[]) => {
    const starts = headings.map((h) => v.part2.indexOf(`\n${str(h)}\n`));
    return starts.every((x, i) => x >= 0 && (i === 0 || x > starts[i - 1]!));
  },
  /** Does the Part 2 text from `heading` to `next` (or the references) cite the work (first author's name … year)? */
  citedInSection: (v: TextViews, [heading, next, authors, year]: Arg[]) => {
    const a = v.part2.indexOf(`\n${str(heading!)}\n`);
    const text = v.part2.slice(a, next === null ? undefined : v.part2.indexOf(`\n${str(next!)}\n`));
    return new RegExp(`${str(authors!).split(/[,.]/)[0]!}[^)]{0,80}?${str(year!)}`).test(text);
  },
  /**
   * The first printed row with this label and number of cells, as the library page shows it: "–" for "-" and "n/a",
   * without Table 4's bracketed conviction counts. Null when there is none.
   */
  shownRow: (v: TextViews, [label, cells]: Arg[]) =>
    v.text
      .split('\n')
      .find((l) => l.startsWith(`${str(label!)}\t`) && l.split('\t').length === cells)
      ?.replace(/\t(-|n\/a)(?=\t|$)/g, '\t–')
      .replace(/ \(\d+\)\*\*/g, '') ?? null,
} satisfies Record<string, (v: TextViews, args: Arg[]) => unknown>;
export type Question = keyof typeof QUESTIONS;

/** Briefing passages the tests quote, verbatim (each short, a citation of a figure or of the imprint). */
export const QUOTED: readonly string[] = [
  'physical abuse (42% of non-fatal SCRs), neglect (21%) and intrafamilial child sexual abuse (13%)',
  'three-quarters (124 of 166)',
  '131 of the 235 SCRs concerned the death of a child',
  '42 of the 131 deaths were a direct result of maltreatment',
  'A further 70 deaths were categorised',
  'One in four (25%) children',
  '40 of the 235 children (17%) had a child protection plan',
  '86 (37%) incidents involved a child under 12 months old',
  'In 18 (8%) of the 235 SCRs, ethnicity was not stated',
  'In one in three (32%) cases, at least one parent had a criminal record',
  '4 of 14 (28.5%) SCRs involving children aged six to ten',
  'Authors: Steve Flood and\nJulie Wilkinson',
  '© Research in Practice December 2022',
];

/** Every question the tests may ask, with its arguments: the generator answers exactly these. */
export function questions(): [Question, Arg[]][] {
  const out: [Question, Arg[]][] = [];
  const { analysis } = lib.attribution;
  for (const s of [...QUOTED, ...lib.sections.map((x) => x.title), `*${analysis.title}* (${analysis.citation})`]) out.push(['quoted', [s]]);
  for (const t of lib.keyData.tables) {
    out.push(['tableRowLabels', [t.caption, t.columns.join('\t')]]);
    for (const r of t.rows) out.push(['shownRow', [r.label, t.columns.length]]);
  }
  out.push(['cover', []], ['bullets', []], ['referenceList', []]);
  for (const r of lib.references) {
    out.push(['referenceListed', [r.authors, r.year, r.title]], ['citedInText', [r.authors, r.year]]);
    if (r.url) out.push(['referenceUrlListed', [r.url]]);
  }
  const headings = lib.sections.map(bodyHeading);
  out.push(['headingsInOrder', headings]);
  headings.forEach((h, i) => {
    for (const r of lib.references) out.push(['citedInSection', [h, headings[i + 1] ?? null, r.authors, r.year]]);
  });
  return out;
}
const questionKey = (q: Question, args: Arg[]): string => hash64(JSON.stringify([q, args]));
const answerHash = (value: unknown): string => hash64(JSON.stringify(value ?? null));

// ---------------------------------------------------------------------------------------------------------------
// The fingerprint
// ---------------------------------------------------------------------------------------------------------------

export interface Fingerprint {
  about: string;
  format: 1;
  /** SHA-256 of the whole briefing (line endings normalised): a changed seed shows here first. */
  briefingSha256: string;
  /** Words in the briefing, as `words()` folds them. */
  words: number;
  /** Every word 10-gram ("w1 w2 … w10"), hashed, packed. */
  grams10: string;
  /** Every line with a line break on both sides, hashed, packed. */
  lines: string;
  /** The same with footnote markers removed. */
  linesNoMarks: string;
  /** Hashed contents-list title → its page. */
  contents: Record<string, number>;
  /** Page → every number the page's text quotes (digits or words). */
  numbersByPage: Record<string, number[]>;
  /** Hashed question → hashed answer, for every entry of `questions()`. */
  answers: Record<string, string>;
}

const sortedRecord = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The fingerprint of a briefing text. Deterministic: the committed file is `JSON.stringify(fingerprintOf(text), null, 2) + '\n'`. */
export function fingerprintOf(raw: string): Fingerprint {
  const text = normalise(raw);
  const views = new TextViews(text);
  const w = words(text);
  const grams: string[] = [];
  for (let i = 0; i + N <= w.length; i++) grams.push(hash64(w.slice(i, i + N).join(' ')));
  const contents = contentsOf(text);
  const contentsEntries = new Map<string, number>();
  for (const title of contentsTitles(contents)) {
    const page = contentsPageIn(contents, title);
    if (page !== null) contentsEntries.set(hash64(title), page);
  }
  const numbersByPage: Record<string, number[]> = {};
  for (let page = 1; page <= 30; page++) {
    const nums = numbersQuotedIn(regionText(text, page));
    if (nums.length) numbersByPage[page] = nums;
  }
  return {
    about:
      'One-way fingerprint of the briefing (../shared/seed/000_8c989674621c0828.txt), so that the content tests run on a clone without it. ' +
      'Hashes are the first 64 bits of SHA-256. There is no briefing text here: only hashes, plus contents-list page numbers and the numbers each page quotes. ' +
      'Rebuild with `npm run fingerprint` when the briefing or tests/content/briefing.ts changes; briefing-fingerprint.test.ts compares it with the text whenever the text is present.',
    format: 1,
    briefingSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    words: w.length,
    grams10: pack(grams),
    lines: pack(innerLines(text).map(hash64)),
    linesNoMarks: pack(innerLines(views.noMarks).map(hash64)),
    contents: sortedRecord([...contentsEntries]),
    numbersByPage,
    answers: sortedRecord(questions().map(([q, args]) => [questionKey(q, args), answerHash(QUESTIONS[q](views, args))])),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One interface, two sources
// ---------------------------------------------------------------------------------------------------------------

export interface Briefing {
  readonly source: 'text' | 'fingerprint';
  /** For test names: "(against the briefing text)" or "(against the briefing fingerprint)". */
  readonly label: string;
  /** Where it came from. */
  readonly path: string;
  /** Is `line` a whole line of the briefing (the text contains `\n${line}\n`)? */
  hasLine(line: string): boolean;
  /** The same, with footnote markers removed from the briefing. */
  hasLineNoMarks(line: string): boolean;
  /** The first run of N words (as folded by `words`) that `text` shares with the briefing, or null. */
  sharedRun(text: string): string | null;
  /** The page the contents list gives for a title, or null. */
  contentsPage(title: string): number | null;
  /** Does the briefing's text for `page` quote the number `n`? */
  quotesNumber(page: number, n: number): boolean;
  /** The answer to a yes/no question. */
  ask(q: Question, args: Arg[]): boolean;
  /**
   * What to compare with `expect(actual).toEqual(expected)`: the answer and our expectation from the text, or
   * both hashed from the fingerprint.
   */
  compare(q: Question, args: Arg[], expected: unknown): { actual: unknown; expected: unknown };
}

const noNewline = (s: string): string => {
  if (s.includes('\n')) throw new Error(`a line cannot contain a line break: ${JSON.stringify(s)}`);
  return s;
};

class TextBriefing implements Briefing {
  readonly source = 'text';
  readonly label = '(against the briefing text)';
  private readonly views: TextViews;
  private readonly lines: Set<string>;
  private readonly linesNoMarks: Set<string>;
  private readonly grams = new Set<string>();
  private readonly contents: string;
  private readonly regions = new Map<number, string>();
  private asked: Set<string> | null = null;
  constructor(
    readonly path: string,
    raw: string,
  ) {
    const text = normalise(raw);
    this.views = new TextViews(text);
    this.lines = new Set(innerLines(text));
    this.linesNoMarks = new Set(innerLines(this.views.noMarks));
    const w = words(text);
    for (let i = 0; i + N <= w.length; i++) this.grams.add(w.slice(i, i + N).join(' '));
    this.contents = contentsOf(text);
  }
  hasLine(line: string) {
    return this.lines.has(noNewline(line));
  }
  hasLineNoMarks(line: string) {
    return this.linesNoMarks.has(noNewline(line));
  }
  sharedRun(s: string) {
    const w = words(s);
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N).join(' ');
      if (this.grams.has(g)) return g;
    }
    return null;
  }
  contentsPage(title: string) {
    return contentsPageIn(this.contents, title);
  }
  quotesNumber(page: number, n: number) {
    if (!this.regions.has(page)) this.regions.set(page, regionText(this.views.text, page));
    return quotesNumberIn(this.regions.get(page)!, n);
  }
  private answer(q: Question, args: Arg[]): unknown {
    this.asked ??= new Set(questions().map(([x, a]) => questionKey(x, a)));
    if (!this.asked.has(questionKey(q, args)))
      throw new Error(`${q}(${JSON.stringify(args).slice(1, -1)}) is not in questions() (tests/content/briefing.ts): add it there and run npm run fingerprint`);
    return QUESTIONS[q](this.views, args);
  }
  ask(q: Question, args: Arg[]) {
    const a = this.answer(q, args);
    if (typeof a !== 'boolean') throw new Error(`${q} is not a yes/no question`);
    return a;
  }
  compare(q: Question, args: Arg[], expected: unknown) {
    return { actual: this.answer(q, args), expected };
  }
}

class FingerprintBriefing implements Briefing {
  readonly source = 'fingerprint';
  readonly label = '(against the briefing fingerprint)';
  private readonly grams: Set<string>;
  private readonly lines: Set<string>;
  private readonly linesNoMarks: Set<string>;
  constructor(
    readonly path: string,
    private readonly fp: Fingerprint,
  ) {
    if (fp.format !== 1) throw new Error(`${path}: unknown fingerprint format ${String(fp.format)}`);
    this.grams = unpack(fp.grams10);
    this.lines = unpack(fp.lines);
    this.linesNoMarks = unpack(fp.linesNoMarks);
  }
  hasLine(line: string) {
    return this.lines.has(hash64(noNewline(line)));
  }
  hasLineNoMarks(line: string) {
    return this.linesNoMarks.has(hash64(noNewline(line)));
  }
  sharedRun(s: string) {
    const w = words(s);
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N).join(' ');
      if (this.grams.has(hash64(g))) return g;
    }
    return null;
  }
  contentsPage(title: string) {
    return this.fp.contents[hash64(title)] ?? null;
  }
  quotesNumber(page: number, n: number) {
    return (this.fp.numbersByPage[page] ?? []).includes(n);
  }
  private stored(q: Question, args: Arg[]): string {
    const h = this.fp.answers[questionKey(q, args)];
    if (h === undefined)
      throw new Error(
        `the briefing fingerprint has no answer to ${q}(${JSON.stringify(args).slice(1, -1)}): the data or the question changed since it was made. ` +
          'With the briefing present (../shared/seed or BRIEFING), run npm run fingerprint.',
      );
    return h;
  }
  ask(q: Question, args: Arg[]) {
    const h = this.stored(q, args);
    if (h === answerHash(true)) return true;
    if (h === answerHash(false)) return false;
    throw new Error(`${q} is not a yes/no question`);
  }
  compare(q: Question, args: Arg[], expected: unknown) {
    return { actual: `fingerprint ${this.stored(q, args)}`, expected: `fingerprint ${answerHash(expected)}` };
  }
}

/** Where the briefing text is, or null when the tests must use the fingerprint. */
export function briefingTextPath(): string | null {
  if (process.env.BRIEFING_FINGERPRINT === '1') return null;
  const env = process.env.BRIEFING;
  if (env) {
    if (!existsSync(env)) throw new Error(`BRIEFING=${env}: no such file`);
    return env;
  }
  return existsSync(SEED_PATH) ? SEED_PATH : null;
}

export const readFingerprint = (): Fingerprint => JSON.parse(readFileSync(FINGERPRINT_PATH, 'utf8')) as Fingerprint;

let loaded: Briefing | null = null;
/** The briefing to check against: the text when available, the committed fingerprint otherwise. */
export function loadBriefing(): Briefing {
  if (loaded) return loaded;
  const path = briefingTextPath();
  loaded = path ? new TextBriefing(path, readFileSync(path, 'utf8')) : new FingerprintBriefing(FINGERPRINT_PATH, readFingerprint());
  return loaded;
}
/** A briefing of either source from given material (for the fingerprint's own tests). */
export const briefingFromText = (text: string, path = '(text)'): Briefing => new TextBriefing(path, text);
export const briefingFromFingerprint = (fp: Fingerprint, path = '(fingerprint)'): Briefing => new FingerprintBriefing(path, fp);
/** The same on-disk form as the committed file. */
export const serialise = (fp: Fingerprint): string => `${JSON.stringify(fp, null, 2)}\n`;
