/**
 * The built-in set's second reading is trained on the dev corpus as it is now (scripts/train-reading.ts):
 * a note added to tests/relevance/dev, or a changed setting, fails here until `npm run train-reading`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../relevance/score.ts';

const check = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/train-reading.ts'), '--check'], { encoding: 'utf8', env: { ...process.env, ...env } });

/** The built-in set's reading, and how it reads a note afresh. */
async function builtInReading() {
  const { compile, NoteMatch } = await import('../../core/matcher/index.ts');
  const { defaultSet } = await import('../relevance/score.ts');
  const ix = compile([defaultSet()]);
  const r = ix.readings[0]!;
  const read = (text: string) => {
    const n = new NoteMatch(ix);
    n.reset(text);
    return n.reading(r);
  };
  return { r, read };
}

describe('the second reading of the built-in set', () => {
  it('was trained on the dev corpus as it is now', () => {
    const r = check();
    expect(r.stderr + r.stdout).toContain('reading up to date');
    expect(r.status).toBe(0);
  });
  it('a reading trained on something else is caught, with what to run', () => {
    const set = JSON.parse(readFileSync(join(repo, 'content/prompt-sets/default.json'), 'utf8')) as { reading: { trainedOn: string } };
    set.reading.trainedOn = '3000 dev notes, fingerprint 00000000';
    const path = join(mkdtempSync(join(tmpdir(), 'pp-reading-')), 'set.json');
    writeFileSync(path, JSON.stringify(set));
    const r = check({ PP_SET: path });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run train-reading');
  });
});

describe('a short note of several concerns', () => {
  it('keeps its prompts: the reading does not read a note under minWords, where each concern is too small a part to read', async () => {
    const { compile, matchText } = await import('../../core/matcher/index.ts');
    const { defaultSet } = await import('../relevance/score.ts');
    const ix = compile([defaultSet()]);
    const note = 'Concerns about neglect. She made a disclosure to her teacher and the strategy meeting agreed NFA. Caseloads in the team remain very high and two posts are vacant.';
    expect(note.split(/\s+/).length).toBeLessThan(ix.readings[0]!.minWords);
    expect(matchText(ix, note).map((p) => p.id)).toEqual(matchText(ix, note, {}, { reading: () => null }).map((p) => p.id));
    expect(matchText(ix, note).length).toBeGreaterThanOrEqual(2);
  });
});

describe('names', () => {
  it('one child’s name for another never changes the reading (names are never features, so never quoted as why)', async () => {
    const { read } = await builtInReading();
    const note = (name: string) =>
      `Visit to ${name} at home. ${name} said things are fine but the fridge was empty again and the gas had run out. ${name} was in the same clothes as last week and has missed four days of school this month. Mum was asleep upstairs when I arrived.`;
    const base = read(note('Amira'));
    expect(base).not.toBeNull();
    for (const name of ['Sarah', 'Jade', 'Tyler', 'Leo', 'Kacper', 'Oluwaseun', 'Priya', 'Chloe', 'Muhammad', 'Tia']) expect({ name, read: read(note(name)) }).toEqual({ name, read: base });
  });
});

describe('what the second reading does to the built-in set, on every corpus note', () => {
  it('holds back, never lets another through; what it raises is marked, one at most, never sensitive, in a section the phrases left alone', async () => {
    const { compile, matchText } = await import('../../core/matcher/index.ts');
    const { defaultSet, loadCases, sectionMap } = await import('../relevance/score.ts');
    const { readdirSync } = await import('node:fs');
    const set = defaultSet();
    const ix = compile([set]);
    const secOf = sectionMap();
    const sensitive = new Set(set.sensitive);
    const dir = join(repo, 'tests/relevance');
    const files = [
      ...readdirSync(join(dir, 'dev')).map((f) => join(dir, 'dev', f)),
      ...readdirSync(join(dir, 'validation')).map((f) => join(dir, 'validation', f)),
      join(dir, 'heldout.json'),
    ].filter((f) => f.endsWith('.json'));
    let held = 0;
    let raised = 0;
    const through: string[] = [];
    const wrong: string[] = [];
    for (const c of files.flatMap((f) => loadCases(f))) {
      const offMatches = matchText(ix, c.text, {}, { reading: () => null });
      const off = new Set(offMatches.map((p) => p.id));
      const all = matchText(ix, c.text);
      const on = all.filter((p) => !p.read).map((p) => p.id);
      for (const id of on) if (!off.has(id)) through.push(`${c.id}: ${id}`);
      held += off.size - on.length;
      const read = all.filter((p) => p.read);
      raised += read.length;
      for (const p of read) {
        const sec = secOf.get(p.id);
        if (read.length > 1 || sensitive.has(p.id) || offMatches.some((q) => secOf.get(q.id) === sec) || all.length > 3 || all.at(-1) !== p || p.spans.length === 0)
          wrong.push(`${c.id}: ${p.id}`);
        if (p.triggers.join() !== 'briefing/second-reading') wrong.push(`${c.id}: ${p.triggers.join()}`);
      }
    }
    expect(through).toEqual([]);
    expect(wrong).toEqual([]);
    expect(held).toBeGreaterThan(50); // it does hold prompts back
    expect(raised).toBeGreaterThan(10); // and it does raise some
  });

  it('reads a note with a protected characteristic added exactly as the note without it, at the minWords line too', async () => {
    const { r, read } = await builtInReading();
    // one word short of being read (minWords - 1); an added characteristic must not make it read
    const words = "YP said he felt totally neglected by his mates cos they all went to the match without him - laughed it off, says he's getting them all back on Sunday.".split(' ').filter((w) => w !== '-');
    const short = words.slice(0, r.minWords - 1).join(' ');
    const long = `${words.join(' ')} Nothing else to note from the visit today, and the plan stays as agreed with mum and school.`;
    expect(read(short)).toBeNull();
    expect(read(long)).not.toBeNull();
    for (const c of ['deaf', 'Gypsy Roma', 'Muslim', 'disabled', 'autistic', 'gay', 'Jewish', 'pregnant', 'Pakistani', 'trans', 'mixed heritage', 'asylum seeking', "Muslims'", 'LD', 'ASD', 'EHCP', 'depression', 'interpreter', 'EAL']) {
      expect({ c, read: read(`${c} ${short}`) }).toEqual({ c, read: read(short) });
      expect({ c, read: read(long.replace('YP said', `YP (${c}) said`)) }).toEqual({ c, read: read(long) });
    }
  });
});
