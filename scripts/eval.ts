/**
 * `npm run eval`: relevance of a prompt set (the built-in one by default) on every corpus in
 * tests/relevance — the held-out batch, the public dev corpus and the published samples.
 *
 *   npx tsx scripts/eval.ts [--heldout] [--set FILE] [--only heldout|dev|validation|published] [--files a,b] [--gallery N] [--section ID] [--cases]
 *
 * Prints, per corpus: recall of must-groups, precision (shown sections that were must or may),
 * benign notes that showed anything, sensitive-card fires (and any without two signals); per
 * section: recall and precision; per kind; then a gallery of the worst misses and false fires with
 * the words that matched. Exit 1 when a sensitive card fired on a single signal.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PromptSet } from '../core/schema/prompt-set.ts';
import { defaultSet, firedWords, loadCases, repo, scorer, totals, type Case, type CaseResult } from '../tests/relevance/score.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('npx tsx scripts/eval.ts [--heldout] [--set FILE] [--only dev|validation|published|heldout] [--files a,b] [--gallery N] [--section ID] [--cases]');
  console.log('The held-out batch is scored only with --heldout (or --only heldout): it is never tuned on.');
  process.exit(0);
}
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const set: PromptSet = opt('--set') ? (JSON.parse(readFileSync(resolve(opt('--set')!), 'utf8')) as PromptSet) : defaultSet();
const galleryN = Number(opt('--gallery') ?? 12);
const only = opt('--only');
/** --files a,b: only these dev files (names without .json), e.g. a new blind batch measured before tuning. */
const files = opt('--files')?.split(',');
const showCases = args.includes('--cases');
/** --section X: the gallery keeps only notes where X was expected or shown. */
const section = opt('--section');

const dir = join(repo, 'tests/relevance');
const corpora: [string, Case[]][] = [];
// the held-out batch only when asked for by name: tuning runs never see it by accident
if (process.env.PP_TUNING === '1' && (only === 'heldout' || args.includes('--heldout'))) {
  console.error('PP_TUNING=1: this is a tuning run, and the held-out batch is never scored in one.');
  process.exit(2);
}
if (only === 'heldout' || (!only && args.includes('--heldout'))) corpora.push(['held-out batch (never tuned on)', loadCases(join(dir, 'heldout.json'))]);
// a blind validation batch: scored once, after a tuning round, then moved into dev/ for the next
if (only === 'validation' && existsSync(join(dir, 'validation'))) {
  const val = readdirSync(join(dir, 'validation'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => loadCases(join(dir, 'validation', f)));
  corpora.push(['blind validation batch (never tuned on)', val]);
}
if (!only || only === 'dev') {
  const dev = readdirSync(join(dir, 'dev'))
    .filter((f) => f.endsWith('.json') && (!files || files.includes(f.replace(/\.json$/, ''))))
    .sort()
    .flatMap((f) => loadCases(join(dir, 'dev', f)));
  corpora.push(['public dev corpus', dev]);
}
if (!only || only === 'published') {
  const shared = resolve(repo, '../shared/samples/relevance-samples.json');
  const path = existsSync(shared) ? shared : join(dir, 'published-samples.json');
  if (existsSync(path)) corpora.push([`published samples (${path === shared ? '../shared' : 'in-repo copy'})`, loadCases(path)]);
}

const s = scorer(set);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
let bad = 0;

for (const [name, cases] of corpora) {
  const results = cases.map((c) => s.score(c));
  const t = totals(results, set);
  bad += t.sensitiveSingleSignal;
  console.log(`\n=== ${name}: ${cases.length} notes (${t.positives} positives, ${t.benign} benign) ===`);
  console.log(`recall of must-groups   ${pct(t.recall)}  (${t.mustMet}/${t.mustGroups}; positives fully met ${t.positivesPassed}/${t.positives})`);
  console.log(`precision               ${pct(t.precision)}  (off-topic sections shown: ${t.offTopic} of ${t.shownSections}, ${pct(t.shownSections ? t.offTopic / t.shownSections : 0)})`);
  console.log(`benign notes that fired ${t.benignFired}/${t.benign}`);
  console.log(`sensitive-card fires    ${t.sensitiveShown} (on benign notes: ${t.sensitiveOnBenign}; without two signals: ${t.sensitiveSingleSignal})`);

  // per section
  const sections = [...new Set([...s.sectionOf.values()])];
  const rows: string[] = [];
  for (const sec of sections) {
    const pos = results.filter((r) => r.case.must.some((g) => g.includes(sec)));
    const met = pos.filter((r) => !r.missing.some((g) => g.includes(sec))).length;
    const shown = results.filter((r) => r.sections.includes(sec));
    const wrong = shown.filter((r) => r.noise.includes(sec)).length;
    rows.push(`${sec.padEnd(11)} recall ${pos.length ? `${met}/${pos.length}`.padStart(7) : '      -'}   shown ${String(shown.length).padStart(4)}, off-topic ${String(wrong).padStart(3)}`);
  }
  console.log('per section (a note counts for a section when that section is in one of its must-groups):');
  for (const r of rows) console.log(`  ${r}`);

  // per learning point (recall of the note's own section)
  const lps = [...new Set(results.map((r) => r.case.lp).filter((x): x is string => !!x))].sort();
  if (lps.length) {
    const weak = lps
      .map((lp) => {
        const rs = results.filter((r) => r.case.lp === lp);
        const met = rs.filter((r) => !r.missing.length).length;
        return { lp, met, n: rs.length };
      })
      .filter((x) => x.met < x.n)
      .sort((a, b) => a.met / a.n - b.met / b.n);
    console.log(`per learning point (notes fully met), weakest first: ${weak.map((x) => `${x.lp} ${x.met}/${x.n}`).join(', ') || 'all met'}`);
  }

  // per kind
  const kinds = [...new Set(results.map((r) => r.case.kind ?? '?'))].sort();
  console.log(
    'per kind: ' +
      kinds
        .map((k) => {
          const rs = results.filter((r) => (r.case.kind ?? '?') === k);
          const ok = rs.filter((r) => (r.benign ? r.shown.length === 0 : r.missing.length === 0 && r.noise.length === 0)).length;
          return `${k} ${ok}/${rs.length}`;
        })
        .join(', ') +
      ' (a positive counts when every must-group is met with no noise; a benign note when nothing shows)',
  );

  // gallery
  const line = (r: CaseResult) =>
    r.shown.map((p) => `${p.id} [${s.sectionOf.get(p.id)}] ← "${firedWords(r, p)}" (${p.triggers.map((q) => q.split('/')[1]).join(', ')})`).join('; ') || '(nothing shown)';
  const about = (r: CaseResult) => !section || r.case.must.some((g) => g.includes(section)) || r.sections.includes(section);
  const misses = results.filter((r) => r.missing.length && about(r));
  const falseFires = results.filter((r) => ((r.benign && r.shown.length) || r.noise.length) && about(r));
  console.log(`gallery — misses (${misses.length}), first ${Math.min(galleryN, misses.length)}:`);
  for (const r of misses.slice(0, galleryN)) console.log(`  ${r.case.id} [${r.case.kind ?? ''}] must ${JSON.stringify(r.case.must)}: ${r.case.text}\n      shown: ${line(r)}`);
  console.log(`gallery — false fires and off-topic (${falseFires.length}), first ${Math.min(galleryN, falseFires.length)}:`);
  for (const r of falseFires.slice(0, galleryN)) console.log(`  ${r.case.id} [${r.case.kind ?? ''}] ${r.benign ? 'benign' : `noise ${r.noise.join(',')}`}: ${r.case.text}\n      shown: ${line(r)}`);
  if (showCases) for (const r of results) console.log(`  ${r.case.id}: ${line(r)}`);
}

process.exitCode = bad ? 1 : 0;
