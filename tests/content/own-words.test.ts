/**
 * Own words: no prose in the library shares a run of 10 or more consecutive words with the briefing.
 * Words are folded exactly as scripts/check-own-words.mjs folds them (lower case, NFKC, curly apostrophes
 * straightened then dropped, anything but a-z/0-9 splits words).
 *
 * Checked: learning points (title, summary, explanation, questions, figure labels), wider messages (title,
 * summary, questions), enduring themes (title, summary), section intros, context paragraphs, key-data fact
 * labels and table notes.
 * Excepted, because they are citations that must match the briefing: section titles, context-page titles
 * (briefing headings), reference authors/titles/sources, table captions, column headings and row labels
 * (the printed category names, verified verbatim by fidelity.test.ts), and attribution.json.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as lib from '../../content/library/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BRIEFING_PATH = process.env.BRIEFING ?? join(ROOT, '..', 'shared', 'seed', '000_8c989674621c0828.txt');
const briefing = readFileSync(BRIEFING_PATH, 'utf8');
const SCRIPT = join(ROOT, 'scripts', 'check-own-words.mjs');

/** The same folding as scripts/check-own-words.mjs. */
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/'/g, ''))
    .filter(Boolean);
const N = 10;

/** A checker against one source text: returns the first shared run of N words, or null. */
function makeChecker(source: string) {
  const seed = words(source);
  const grams = new Set<string>();
  for (let i = 0; i + N <= seed.length; i++) grams.add(seed.slice(i, i + N).join(' '));
  return (text: string): string | null => {
    const w = words(text);
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N).join(' ');
      if (grams.has(g)) return g;
    }
    return null;
  };
}
const sharedRun = makeChecker(briefing);

/** Every own-words string in the library, with where it lives. */
function ownWords(): [string, string][] {
  const out: [string, string][] = [];
  const add = (where: string, s: string | undefined) => {
    if (s) out.push([where, s]);
  };
  for (const s of lib.sections) add(`section ${s.id} intro`, s.intro);
  for (const lp of lib.learningPoints) {
    add(`lp ${lp.id} title`, lp.title);
    add(`lp ${lp.id} summary`, lp.summary);
    add(`lp ${lp.id} explanation`, lp.explanation);
    lp.questions.forEach((q, i) => add(`lp ${lp.id} question ${i + 1}`, q));
    lp.figures.forEach((f, i) => add(`lp ${lp.id} figure ${i + 1} label`, f.label));
    lp.tags.forEach((t, i) => add(`lp ${lp.id} tag ${i + 1}`, t));
  }
  for (const w of lib.widerMessages) {
    add(`wider ${w.id} title`, w.title);
    add(`wider ${w.id} summary`, w.summary);
    w.questions.forEach((q, i) => add(`wider ${w.id} question ${i + 1}`, q));
  }
  for (const t of lib.enduringThemes) {
    add(`theme ${t.id} title`, t.title);
    add(`theme ${t.id} summary`, t.summary);
  }
  for (const c of lib.contextPages) c.paragraphs.forEach((p, i) => add(`context ${c.id} paragraph ${i + 1}`, p));
  for (const f of lib.keyData.facts) add(`fact ${f.id} label`, f.label);
  for (const t of lib.keyData.tables) add(`${t.id} note`, t.note);
  add('attribution notice', lib.attribution.notice);
  return out;
}

describe('the checker', () => {
  it('folds words as scripts/check-own-words.mjs does', () => {
    expect(words('The Child’s “daily” LIFE—at home, e.g. s.47')).toEqual(['the', 'childs', 'daily', 'life', 'at', 'home', 'e', 'g', 's', '47']);
    expect(readFileSync(SCRIPT, 'utf8')).toContain(`const words = (s) => s.toLowerCase().normalize('NFKC').replace(/[’‘]/g, "'").split(/[^a-z0-9']+/).map((w) => w.replace(/'/g, '')).filter(Boolean);`);
    expect(readFileSync(SCRIPT, 'utf8')).toContain('const N = 10;');
  });

  const planted = 'Research shows that neglected children rarely ask for help on their own behalf.';
  it('flags a briefing sentence planted into a copy of a learning point (case and punctuation folded)', () => {
    const lp = lib.learningPoints[0]!;
    expect(sharedRun(lp.explanation)).toBeNull();
    const copy = { ...lp, explanation: `${lp.explanation} ${planted.toUpperCase().replace(/ /g, ' — ')}` };
    expect(sharedRun(copy.explanation)).toBe('research shows that neglected children rarely ask for help on');
    // nine shared words are allowed; ten are not
    expect(sharedRun('Research shows that neglected children rarely ask for help, we think.')).toBeNull();
    expect(sharedRun('so research shows that neglected children rarely ask for help on')).not.toBeNull();
  });

  it('scripts/check-own-words.mjs agrees: exit 1 on the planted copy, 0 on the clean one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-words-'));
    try {
      const lps = lib.learningPointFiles.behaviour;
      const clean = join(dir, 'behaviour.json');
      writeFileSync(clean, JSON.stringify(lps, null, 2) + '\n');
      const dirty = join(dir, 'behaviour-planted.json');
      writeFileSync(dirty, JSON.stringify(lps.map((lp, i) => (i === 1 ? { ...lp, summary: planted } : lp)), null, 2) + '\n');
      const env = { ...process.env, BRIEFING: BRIEFING_PATH };
      const ok = spawnSync(process.execPath, [SCRIPT, clean], { encoding: 'utf8', env });
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      const bad = spawnSync(process.execPath, [SCRIPT, dirty], { encoding: 'utf8', env });
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('[1].summary: shares "research shows that neglected children rarely ask for help on"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('library prose is in our own words', () => {
  const items = ownWords();
  it('covers every kind of prose', () => {
    expect(items.length).toBeGreaterThan(40 * 6 + 7 * 3 + 6 * 2);
    for (const kind of ['lp ', 'wider ', 'theme ', 'context ', 'fact ', 'section ', 'table-']) expect(items.some(([w]) => w.startsWith(kind)), kind).toBe(true);
  });
  it('no string shares a run of 10+ consecutive words with the briefing', () => {
    const hits = items.flatMap(([where, s]) => {
      const g = sharedRun(s);
      return g ? [`${where}: "${g}"`] : [];
    });
    expect(hits).toEqual([]);
  });
  it('scripts/check-own-words.mjs passes on every library file but key-data.json and attribution.json', () => {
    const dir = join(ROOT, 'content', 'library');
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.json') && f !== 'key-data.json' && f !== 'attribution.json')
        .map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'learning-points')).map((f) => join(dir, 'learning-points', f)),
    ];
    const r = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8', env: { ...process.env, BRIEFING: BRIEFING_PATH } });
    expect(r.status, r.stdout).toBe(0);
  });
  it('on key-data.json the script flags nothing but printed table row labels (citations, checked verbatim by fidelity.test.ts)', () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'content', 'library', 'key-data.json')], { encoding: 'utf8', env: { ...process.env, BRIEFING: BRIEFING_PATH } });
    const flagged = r.stdout.split('\n').filter((l) => l.includes(': shares '));
    for (const l of flagged) expect(l).toMatch(/\.tables\[\d+\]\.rows\[\d+\]\.label: shares /);
  });
});
