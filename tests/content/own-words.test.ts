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
 *
 * Runs against the briefing text when it is available, and otherwise against the committed fingerprint's hashed
 * 10-grams (./briefing.ts); test names say which. The planted copy below is a short briefing sentence kept
 * in this file. It is caught in both modes: its 10-grams are in the text, and their hashes are in the
 * fingerprint. briefing-fingerprint.test.ts proves the fingerprint is the text's whenever the text is present.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as lib from '../../content/library/index.ts';
import { ROOT, loadBriefing, words } from './briefing.ts';

/** The briefing text, or its committed fingerprint (hashed word 10-grams) on a clone without ../shared (see ./briefing.ts). */
const briefing = loadBriefing();
const SCRIPT = join(ROOT, 'scripts', 'check-own-words.mjs');
/** The script reads the same source as the tests: the same text, or the fingerprint. */
const scriptEnv = { ...process.env, ...(briefing.source === 'text' ? { BRIEFING: briefing.path } : { BRIEFING_FINGERPRINT: '1' }) };
const sharedRun = (text: string) => briefing.sharedRun(text);

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

describe(`the checker ${briefing.label}`, () => {
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
      const env = scriptEnv;
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

describe(`library prose is in our own words ${briefing.label}`, () => {
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
    const r = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8', env: scriptEnv });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain(briefing.source === 'text' ? 'own words: ok' : 'own words: ok (against the briefing fingerprint)');
  });
  it('on key-data.json the script flags nothing but printed table row labels (citations, checked verbatim by fidelity.test.ts)', () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'content', 'library', 'key-data.json')], { encoding: 'utf8', env: scriptEnv });
    const flagged = r.stdout.split('\n').filter((l) => l.includes(': shares '));
    for (const l of flagged) expect(l).toMatch(/\.tables\[\d+\]\.rows\[\d+\]\.label: shares /);
  });
});
