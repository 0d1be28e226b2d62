/**
 * Scoring relevance the way the published samples do: per note, the briefing sections that must be
 * shown (groups: one of each), those that may be, and anything else as noise. Shared by
 * `npm run eval` (scripts/eval.ts) and the relevance tests, so the figures and the gates agree.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, matchText, type CompiledIndex, type PromptMatch } from '../../core/matcher/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import { catalogueIds, sectionOf } from '../../content/library/catalogue.ts';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Case {
  id: string;
  text: string;
  must: string[][];
  may: string[];
  kind?: string;
  lp?: string;
}

export interface CaseResult {
  case: Case;
  shown: PromptMatch[];
  sections: string[];
  benign: boolean;
  missing: string[][];
  noise: string[];
  /** Sensitive prompts shown (with the trigger's phrases that fired them). */
  sensitive: PromptMatch[];
}

export interface Totals {
  cases: number;
  positives: number;
  /** Must-groups satisfied / must-groups in all. */
  recall: number;
  mustGroups: number;
  mustMet: number;
  /** Positives whose every must-group was met. */
  positivesPassed: number;
  /** Shown sections that were must or may / all shown sections (positives and benign). */
  precision: number;
  shownSections: number;
  offTopic: number;
  benign: number;
  /** Benign notes that showed anything. */
  benignFired: number;
  /** Sensitive prompts shown on benign notes. */
  sensitiveOnBenign: number;
  /** Sensitive prompts shown anywhere. */
  sensitiveShown: number;
  /** Sensitive prompts shown by a trigger with fewer than two distinct concept groups (must be 0). */
  sensitiveSingleSignal: number;
}

/** Learning point id (and wider-message id) → section id, from the catalogue (the one home of that mapping). */
export function sectionMap(): Map<string, string> {
  return new Map([...catalogueIds].map((id) => [id, sectionOf(id)!.id]));
}

export function loadCases(path: string): Case[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: Case[] }).cases;
}

export function defaultSet(root = repo): PromptSet {
  // PP_SET: a working copy of the set, for tuning runs of the principle suites (never set in CI)
  const path = process.env.PP_SET ?? join(root, 'content/prompt-sets/default.json');
  return JSON.parse(readFileSync(path, 'utf8')) as PromptSet;
}

export interface Scorer {
  index: CompiledIndex;
  set: PromptSet;
  sectionOf: Map<string, string>;
  score(c: Case): CaseResult;
}

export function scorer(set: PromptSet = defaultSet(), maxPrompts?: number): Scorer {
  const index = compile([set]);
  const sectionOf = sectionMap();
  const sensitive = new Set(set.sensitive ?? []);
  return {
    index,
    set,
    sectionOf,
    score(c: Case): CaseResult {
      const shown = matchText(index, c.text, {}, maxPrompts ? { maxPrompts } : {});
      const sections = [...new Set(shown.map((p) => sectionOf.get(p.id) ?? '?'))];
      const benign = c.must.length === 0 && c.may.length === 0;
      const missing = c.must.filter((g) => !g.some((s) => sections.includes(s)));
      const allowed = new Set([...c.must.flat(), ...c.may]);
      const noise = sections.filter((s) => !allowed.has(s));
      return { case: c, shown, sections, benign, missing, noise, sensitive: shown.filter((p) => sensitive.has(p.id)) };
    },
  };
}

export function totals(results: readonly CaseResult[], set: PromptSet): Totals {
  const triggersById = new Map(set.triggers.map((t) => [`${set.id}/${t.id}`, t]));
  const t: Totals = {
    cases: results.length,
    positives: 0,
    recall: 1,
    mustGroups: 0,
    mustMet: 0,
    positivesPassed: 0,
    precision: 1,
    shownSections: 0,
    offTopic: 0,
    benign: 0,
    benignFired: 0,
    sensitiveOnBenign: 0,
    sensitiveShown: 0,
    sensitiveSingleSignal: 0,
  };
  for (const r of results) {
    t.shownSections += r.sections.length;
    t.offTopic += r.noise.length;
    t.sensitiveShown += r.sensitive.length;
    for (const p of r.sensitive) {
      // every trigger that led to it must have needed two groups, and each must have matched
      const single = p.triggers.some((q) => {
        const trig = triggersById.get(q);
        return !trig || !(trig.all ?? []).length;
      });
      if (single) t.sensitiveSingleSignal++;
    }
    if (r.benign) {
      t.benign++;
      if (r.shown.length) t.benignFired++;
      t.sensitiveOnBenign += r.sensitive.length;
    } else if (r.case.must.length) {
      t.positives++;
      t.mustGroups += r.case.must.length;
      t.mustMet += r.case.must.length - r.missing.length;
      if (!r.missing.length) t.positivesPassed++;
    }
  }
  t.recall = t.mustGroups ? t.mustMet / t.mustGroups : 1;
  t.precision = t.shownSections ? (t.shownSections - t.offTopic) / t.shownSections : 1;
  return t;
}

/** The words of the note that fired a prompt (for the gallery; never leaves the developer's terminal). */
export function firedWords(r: CaseResult, p: PromptMatch): string {
  return [...new Set(p.spans.map((s) => r.case.text.slice(s.start, s.end)))].join(' / ');
}
