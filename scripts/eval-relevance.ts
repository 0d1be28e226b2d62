/**
 * Relevance check for the built-in prompt set against a file of sample case-note snippets.
 *
 *   npx tsx scripts/eval-relevance.ts [SAMPLES.json] [--set PROMPT-SET.json] [--verbose]
 *
 * SAMPLES defaults to ../shared/samples/relevance-samples.json (relative to the repo). Each case has
 * `must` (groups of section ids; a group is satisfied when one of its sections is shown), `may`
 * (acceptable extra sections) and `text`. A case with no must and no may is a negative: it should
 * show nothing. Prints, per case, the prompts shown (id → section), whether every must group is
 * satisfied, and the noise (shown sections outside must ∪ may); then the totals.
 * Exit 1 when any must group fails or any negative case shows a prompt.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, matchText } from '../core/matcher/index.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Case {
  id: string;
  text: string;
  must: string[][];
  may: string[];
}

/** Learning point id (and wider-message id) → section id. */
function sectionMap(root = repo): Map<string, string> {
  const map = new Map<string, string>();
  const dir = join(root, 'content/library/learning-points');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; section?: string }[];
    for (const lp of data) map.set(lp.id, lp.section ?? f.replace(/\.json$/, ''));
  }
  const wider = JSON.parse(readFileSync(join(root, 'content/library/wider-messages.json'), 'utf8')) as { id: string }[];
  for (const w of wider) map.set(w.id, 'system');
  return map;
}

function parseArgs(argv: string[]): { samples: string; set: string; verbose: boolean } {
  let samples = resolve(repo, '../shared/samples/relevance-samples.json');
  let set = join(repo, 'content/prompt-sets/default.json');
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--set') set = resolve(argv[++i] ?? '');
    else if (a === '--verbose' || a === '-v') verbose = true;
    else samples = resolve(a);
  }
  return { samples, set, verbose };
}

function main(): number {
  const { samples, set, verbose } = parseArgs(process.argv.slice(2));
  if (!existsSync(samples)) {
    console.error(`eval-relevance: samples file not found: ${samples}`);
    return 2;
  }
  const data = JSON.parse(readFileSync(samples, 'utf8')) as { cases: Case[] };
  const promptSet = JSON.parse(readFileSync(set, 'utf8')) as PromptSet;
  const index = compile([promptSet]);
  const sectionOf = sectionMap();

  let passed = 0;
  let failedMust = 0;
  let negatives = 0;
  let negativesClean = 0;
  let extras = 0;
  const lines: string[] = [];
  for (const c of data.cases) {
    const shown = matchText(index, c.text, {}, { maxPrompts: 3 });
    const sections = shown.map((p) => sectionOf.get(p.id) ?? '?');
    const shownSet = new Set(sections);
    const negative = c.must.length === 0 && c.may.length === 0;
    const missing = c.must.filter((g) => !g.some((s) => shownSet.has(s)));
    const allowed = new Set([...c.must.flat(), ...c.may]);
    const noise = [...shownSet].filter((s) => !allowed.has(s));
    extras += noise.length;
    let verdict: string;
    if (negative) {
      negatives++;
      if (shown.length === 0) {
        negativesClean++;
        passed++;
        verdict = 'ok (negative, nothing shown)';
      } else verdict = 'FAIL (negative case showed prompts)';
    } else if (missing.length === 0) {
      passed++;
      verdict = 'ok';
    } else {
      failedMust++;
      verdict = `FAIL (missing ${missing.map((g) => g.join('|')).join(', ')})`;
    }
    lines.push(`${c.id}  ${verdict}${noise.length ? `  noise: ${noise.join(', ')}` : ''}`);
    lines.push(`    ${c.text}`);
    if (!shown.length) lines.push('    (no prompts)');
    for (const p of shown) {
      const phrases = verbose ? `  [${[...new Set(p.spans.map((s) => c.text.slice(s.start, s.end)))].join(' / ')}] ${p.triggers.join(', ')}` : '';
      lines.push(`    ${p.id} → ${sectionOf.get(p.id) ?? '?'}  (${p.score}${p.gentle ? ', gentle' : ''})${phrases}`);
    }
  }
  console.log(lines.join('\n'));
  console.log('');
  console.log(`cases passed: ${passed}/${data.cases.length}`);
  console.log(`must groups failed: ${failedMust} case(s)`);
  console.log(`negatives clean: ${negativesClean}/${negatives}`);
  console.log(`extras (noise sections): ${extras}`);
  return failedMust > 0 || negativesClean < negatives ? 1 : 0;
}

process.exitCode = main();
