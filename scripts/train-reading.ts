/**
 * `npm run train-reading`: trains the built-in set's second reading (core/matcher/reading.ts) on the
 * public dev corpus (tests/relevance/dev) and writes it into content/prompt-sets/default.json.
 *
 *   npx tsx scripts/train-reading.ts            train and write
 *   npx tsx scripts/train-reading.ts --check    exit 1 when the stored reading was trained on another corpus
 *                                               or with other settings (a test runs this)
 *
 * Never trained on: the held-out batch and the blind batch waiting in tests/relevance/validation.
 *
 * The model: per briefing section, a logistic regression over a note's stemmed words and word pairs
 * (log counts, scaled to unit length), fitted by plain gradient descent from zero (deterministic);
 * then only the FEATURES words that weigh most are kept and it is fitted again on those. A note's
 * label for a section is 1 when the section is in one of its must-groups, 0 when it is not shown as
 * acceptable; a section it only `may` show is left out of that section's fit, and sections offered as
 * alternatives in one must-group count half. Protected characteristics are never features (SKIP).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueIds, sectionOf } from '../content/library/catalogue.ts';
import { compile } from '../core/matcher/compile.ts';
import { NoteMatch } from '../core/matcher/note.ts';
import { readWords } from '../core/matcher/reading.ts';
import type { PromptSet, ReadingModel } from '../core/schema/prompt-set.ts';
import { loadCases, repo, type Case } from '../tests/relevance/score.ts';

const SECTIONS = ['neglect', 'daily-life', 'behaviour', 'disclosure', 'abe', 'older', 'engaging', 'info', 'escalation', 'system'];
/** Words for protected characteristics: never read, so swapping one into a note cannot change the reading. */
const SKIP_WORDS = `disabled disability disabilities autistic autism adhd wheelchair deaf deafness blind blindness bsl
  makaton down syndrome cerebral palsy dyslexia dyslexic dyspraxia
  trans transgender nonbinary binary gay gays lesbian lesbians bisexual queer lgbt lgbtq homosexual
  mums dads mixed heritage black white asian british polish roma gypsy gypsies traveller travellers irish
  romanian pakistani bangladeshi indian somali eritrean afghan syrian kurdish african caribbean arab chinese
  muslim muslims sikh sikhs jewish jew jews hindu hindus christian christians catholic buddhist islam islamic
  mosque church temple synagogue gurdwara faith religion religious
  pregnant pregnancy asylum seeking refugee refugees ethnicity ethnic race racial culture cultural
  ld sld mld pmld asd asc sen send ehcp epilepsy epileptic diabetes diabetic
  depression depressed anxiety bipolar schizophrenia psychosis psychotic ptsd ocd mental
  interpreter eal esol english`.split(/\s+/);
/** A stem written Capitalised in at least this share of its mid-sentence uses is a name (never a feature). */
const NAME_SHARE = 0.6;
const HYPER = { minDocs: 4, features: 2000, l2: 1e-5, rate: 8, steps: 1500, hold: 0.15, holdCorroborated: 0.05, raiseAt: 0.65, minWords: 30, maxChars: 3000, scale: 1000 };
/**
 * Per section, the prompt the reading may raise when a note reads strongly like the section and the
 * set's phrases raised nothing of it: the section's broadest learning point. Not for sections whose
 * prompts need two signals (disclosure; older, mostly exploitation), nor the system section (its
 * learning points are too different from one another for one to stand for all).
 */
/**
 * Reassurance the reading cannot read as such (it has no negation): a note holding one of these raises
 * nothing, besides the set's `exclude` and `excludeNote` phrases.
 */
const RAISE_QUIET = [
  'no concern', 'no concerns', 'not a concern', 'not concerned', 'nothing of concern', 'no worries', 'no worry',
  'no evidence', 'no indication', 'no sign of', 'no signs of', 'nothing to suggest', 'ruled out', 'not a feature',
  'satisfied that', "i'm satisfied", 'reassured', 'unfounded', 'unsubstantiated', 'all fine', 'all well', 'all good',
  'well cared for', 'goals met', 'goals achieved', 'no further action needed', 'no issues', 'no problems',
  'role play', 'roleplay', 'case study', 'scenario', 'hypothetical', 'what would you do', 'what would we do',
];
const RAISE: Record<string, string> = {
  neglect: 'neglect-rarely-alone',
  'daily-life': 'trusting-relationship-seen-alone',
  behaviour: 'behaviour-not-only-verbal-disclosure',
  engaging: 'non-engagement-and-challenge',
  info: 'sharing-not-communicating',
  escalation: 'respectful-challenge',
};

// PP_SET: a working copy of the set (as in tests/relevance/score.ts)
const setPath = process.env.PP_SET ?? join(repo, 'content/prompt-sets/default.json');
const setText = readFileSync(setPath, 'utf8');
const set = JSON.parse(setText) as PromptSet & { reading?: ReadingModel };
const devDir = join(repo, 'tests/relevance/dev');
// PP_LEAVE_OUT: file-name prefixes left out of training (to fit a model for one batch it has never seen,
// when choosing a setting); PP_OUT: where to write the set then (never the built-in set's file)
const leaveOut = (process.env.PP_LEAVE_OUT ?? '').split(',').filter(Boolean);
const files = readdirSync(devDir)
  .filter((f) => f.endsWith('.json') && !leaveOut.some((p) => f.startsWith(p)))
  .sort();
const cases: Case[] = files.flatMap((f) => loadCases(join(devDir, f)));

/** FNV-1a over the corpus and the settings: what the stored reading says it was trained on. */
function fingerprint(): string {
  const text = JSON.stringify({ HYPER, RAISE, RAISE_QUIET, SKIP_WORDS, SECTIONS, NAME_SHARE, cases: cases.map((c) => [c.text, c.must, c.may]) });
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${cases.length} dev notes, fingerprint ${h.toString(16).padStart(8, '0')}`;
}

if (process.argv.includes('--check')) {
  const want = fingerprint();
  if (set.reading?.trainedOn !== want) {
    console.error(`The built-in set's reading was trained on "${set.reading?.trainedOn ?? 'nothing'}", the dev corpus is now "${want}": run npm run train-reading.`);
    process.exit(1);
  }
  console.log(`reading up to date (${want})`);
  process.exit(0);
}

const stemOf = (w: string): string => {
  let out = w;
  readWords(w, 0, w.length, (_h, stem) => (out = stem), true);
  return out;
};
const skip = new Set(SKIP_WORDS.map(stemOf));

// the engine's own sentences (a pair of words never crosses a sentence end)
const { reading: _old, ...bare } = set;
const index = compile([bare as PromptSet]);
const tokens: string[][] = cases.map((c) => {
  const note = new NoteMatch(index);
  note.reset(c.text);
  const out: string[] = [];
  for (const s of note.getSentences()) {
    let prev: string | null = null;
    readWords(
      c.text,
      s.start,
      s.end,
      (_h, stem) => {
        if (skip.has(stem)) return;
        out.push(stem);
        if (prev !== null) out.push(`${prev} ${stem}`);
        prev = stem;
      },
      true,
    );
  }
  return out;
});

const nS = SECTIONS.length;
/**
 * Stems that are names (a child's, a street's): written Capitalised in at least NAME_SHARE of their
 * uses after a sentence's first word. Never features, so swapping one name for another cannot change the reading, and "why"
 * never quotes a child's name.
 */
const names = (() => {
  const cap = new Map<string, number>();
  const all = new Map<string, number>();
  cases.forEach((c) => {
    const note = new NoteMatch(index);
    note.reset(c.text);
    for (const s of note.getSentences()) {
      let k = 0;
      readWords(
        c.text,
        s.start,
        s.end,
        (_h, stem, from, to) => {
          // mid-sentence only: a sentence's first word is capitalised whatever it is
          if (k++ === 0) return;
          all.set(stem, (all.get(stem) ?? 0) + 1);
          if (/^\p{Lu}\p{Ll}/u.test(c.text.slice(from, to))) cap.set(stem, (cap.get(stem) ?? 0) + 1);
        },
        true,
      );
    }
  });
  return new Set([...all].filter(([stem, n]) => (cap.get(stem) ?? 0) >= NAME_SHARE * n).map(([stem]) => stem));
})();
const labels = cases.map((c) => {
  const y = new Float64Array(nS);
  const w = new Float64Array(nS).fill(1);
  const must = new Set(c.must.flat());
  SECTIONS.forEach((sec, i) => {
    if (must.has(sec)) y[i] = 1;
    else if (c.may.includes(sec)) w[i] = 0;
  });
  for (const g of c.must) if (g.length > 1) for (const sec of g) w[SECTIONS.indexOf(sec)] = 0.5;
  return { y, w };
});

interface Row {
  f: Int32Array;
  v: Float64Array;
}
function rows(vocab: readonly string[]): Row[] {
  const at = new Map(vocab.map((w, i) => [w, i]));
  return tokens.map((ts) => {
    const counts = new Map<number, number>();
    for (const t of ts) {
      const i = at.get(t);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const f = Int32Array.from(counts.keys());
    const v = Float64Array.from(counts.values(), (c) => Math.log1p(c));
    let n = 0;
    for (const x of v) n += x * x;
    n = n > 0 ? Math.sqrt(n) : 1;
    for (let k = 0; k < v.length; k++) v[k]! /= n;
    return { f, v };
  });
}

function fit(data: Row[], nF: number): { th: Float64Array; b: Float64Array } {
  const th = new Float64Array(nF * nS);
  const b = new Float64Array(nS);
  const grad = new Float64Array(nF * nS);
  const gb = new Float64Array(nS);
  const N = data.length;
  for (let step = 0; step < HYPER.steps; step++) {
    grad.fill(0);
    gb.fill(0);
    for (let c = 0; c < N; c++) {
      const { f, v } = data[c]!;
      const { y, w } = labels[c]!;
      for (let s = 0; s < nS; s++) {
        let z = b[s]!;
        for (let k = 0; k < f.length; k++) z += v[k]! * th[f[k]! * nS + s]!;
        const g = (1 / (1 + Math.exp(-z)) - y[s]!) * w[s]!;
        if (g === 0) continue;
        gb[s]! += g;
        for (let k = 0; k < f.length; k++) grad[f[k]! * nS + s]! += g * v[k]!;
      }
    }
    for (let i = 0; i < th.length; i++) th[i]! -= HYPER.rate * (grad[i]! / N + HYPER.l2 * th[i]!);
    for (let s = 0; s < nS; s++) b[s]! -= (HYPER.rate * gb[s]!) / N;
  }
  return { th, b };
}

const docs = new Map<string, number>();
for (const ts of tokens) for (const t of new Set(ts)) docs.set(t, (docs.get(t) ?? 0) + 1);
// names of people and places: a word written Capitalised (not in capitals) mid-sentence most of the time
for (const [t] of docs) if (t.split(' ').some((w) => names.has(w))) docs.delete(t);
const vocab = [...docs].filter(([, n]) => n >= HYPER.minDocs).map(([t]) => t).sort();
console.log(`${cases.length} notes from ${files.length} files, ${vocab.length} words and pairs in at least ${HYPER.minDocs} notes`);
const first = fit(rows(vocab), vocab.length);
const weight = vocab.map((t, f) => {
  let m = 0;
  for (let s = 0; s < nS; s++) m = Math.max(m, Math.abs(first.th[f * nS + s]!));
  return { t, m };
});
const kept = weight
  .sort((a, b) => b.m - a.m || (a.t < b.t ? -1 : 1))
  .slice(0, HYPER.features)
  .map((x) => x.t)
  .sort();
const final = fit(rows(kept), kept.length);

const scaled = (x: number) => Math.round(x * HYPER.scale);
const reading: ReadingModel = {
  about:
    'Trained by npm run train-reading on the public dev corpus (never on the held-out or a waiting blind batch). Per section, how much a whole note reads like it; a prompt whose section a note of at least `minWords` words and at most `maxChars` characters reads like less than `hold` is held back (`holdCorroborated` when two or more triggers raised it). A note that reads like a section at least `raise.at` raises that section\'s prompt in `raise.prompts` when the set\'s phrases raised nothing of the section (at most one per note; never a sensitive prompt).',
  sections: SECTIONS,
  prompts: Object.fromEntries([...catalogueIds].sort().map((id) => [id, sectionOf(id)!.id])),
  hold: HYPER.hold,
  holdCorroborated: HYPER.holdCorroborated,
  raise: { at: HYPER.raiseAt, prompts: RAISE, quiet: RAISE_QUIET },
  minWords: HYPER.minWords,
  maxChars: HYPER.maxChars,
  scale: HYPER.scale,
  bias: [...final.b].map(scaled),
  skip: [...skip].sort(),
  features: Object.fromEntries(kept.map((t, f) => [t, SECTIONS.map((_, s) => scaled(final.th[f * nS + s]!)).join(' ')])),
  trainedOn: fingerprint(),
};
const { reading: _drop, ...rest } = set;
writeFileSync(process.env.PP_OUT ?? setPath, JSON.stringify({ ...rest, reading }, null, 2) + '\n');
console.log(`wrote the reading (${kept.length} features, hold ${HYPER.hold}) into ${process.env.PP_OUT ?? 'content/prompt-sets/default.json'}: ${reading.trainedOn}`);
