import { describe, expect, it } from 'vitest';
import { Readable, Writable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await main(argv, { stdin: Readable.from([stdin]), stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}
const dir = mkdtempSync(join(tmpdir(), 'pp-cli-'));
const file = (name: string, body: string) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('practice-prompts match', () => {
  it('prints what the page would show, as JSON', async () => {
    const r = await run(['match', '--json'], 'Concerns about neglect: no food in the house and rent arrears.');
    expect(r.code).toBe(0);
    const { prompts } = JSON.parse(r.out);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(3);
    expect(prompts[0]).toMatchObject({ section: 'Normalisation of neglect in areas of high deprivation and poverty' });
    expect(prompts[0].matched.join(' ').toLowerCase()).toContain('neglect');
  });
  it('prints one line per prompt without --json', async () => {
    const r = await run(['match'], 'Concerns about neglect.');
    expect(r.out.split('\n').filter(Boolean)[0]).toMatch(/^Normalisation of neglect .* matched: "neglect"/);
  });
  it('respects --max', async () => {
    const r = await run(['match', '--json', '--max', '1'], 'Neglect. Disclosure. Strategy meeting. Caseloads are very high.');
    expect(JSON.parse(r.out).prompts).toHaveLength(1);
  });
  it('uses a local set', async () => {
    const set = file('local.json', JSON.stringify({ format: 'practice-prompts/prompt-set', version: 1, id: 'local', name: 'Local', prompts: [{ id: 'zebra', title: 'Zebra procedure', text: 'Read the local zebra procedure.' }], triggers: [{ id: 'z', leadsTo: ['zebra'], any: ['zebra crossing'] }] }));
    const r = await run(['match', '--json', '--set', set], 'Met at the zebra crossing.');
    expect(JSON.parse(r.out).prompts[0]).toMatchObject({ id: 'zebra', section: 'Local', title: 'Zebra procedure', matched: ['zebra crossing'] });
  });
  it.each([
    [['match', '--nope'], /unknown option --nope/],
    [['match', '--max', 'x'], /--max must be a whole number/],
    [['match', '--set'], /--set needs a value/],
    [['match', '--set', '/no/such/file.json'], /cannot read/],
    [['frobnicate'], /unknown command/],
    [[], /no command given/],
  ])('bad arguments %j → one line and exit 2', async (argv, msg) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(msg);
    expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
  });
  it('a bad set file → one line, exit 2', async () => {
    const r = await run(['match', '--set', file('bad.json', '{not json')], 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not valid JSON/);
  });
});

describe('practice-prompts check-set', () => {
  it('reports every problem with its path, exit 2', async () => {
    const p = file('bad2.json', JSON.stringify({ format: 'practice-prompts/prompt-set', version: 1, id: 'x', name: 'X', triggers: [{ id: 'a', leadsTo: ['neglect-rarely-alone'], any: ['ok'] }, { id: 'b', leadsTo: ['neglect-rarely-alone'], any: ['ok', ''] }] }));
    const r = await run(['check-set', p]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('triggers[1].any[1]: must not be empty');
  });
  it('checks cross-references', async () => {
    const p = file('xref.json', JSON.stringify({ format: 'practice-prompts/prompt-set', version: 1, id: 'x', name: 'X', triggers: [{ id: 'a', leadsTo: ['nope'], any: ['ok'] }] }));
    const r = await run(['check-set', p]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('triggers[0].leadsTo[0]: "nope" is not a learning point');
  });
  it('advises on stop-list phrases that act as one word ("the school" is "school"), without failing the set', async () => {
    const set = { format: 'practice-prompts/prompt-set', version: 2, id: 'x', name: 'X', concepts: { places: ['the house', 'at home'] }, triggers: [{ id: 'a', leadsTo: ['neglect-rarely-alone'], any: ['neglect'], not: ['the school', 'school trip', '"the school"', '@places'] }] };
    const p = file('advice.json', JSON.stringify(set));
    const listed = await run(['check-set', '--advice', p]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^ok: /);
    expect(listed.out).toContain('advice: triggers[0].not[0]: "the school" acts as the single word "school": little words are skipped');
    expect(listed.out).toContain('advice: concepts.places[0]: "the house" (used in triggers[0].not) acts as the single word "house"');
    // two real words, a quoted phrase, and "at home" ("at" is not a little word) are not advised on
    expect(listed.out.match(/^advice: /gm)).toHaveLength(2);
    const counted = await run(['check-set', p]);
    expect(counted.out).toContain('advice: 2 stop-list phrases act as a single word once little words are skipped (--advice lists them)');
  });
  it('accepts the built-in set', async () => {
    const r = await run(['check-set', 'content/prompt-sets/default.json']);
    expect(r.out).toMatch(/^ok: /);
    expect(r.code).toBe(0);
  });
});

describe('practice-prompts library --json', () => {
  it('prints the whole library', async () => {
    const r = await run(['library', '--json']);
    const lib = JSON.parse(r.out);
    expect(lib.learningPoints).toHaveLength(40);
    expect(lib.learningPoints[0]).toHaveProperty('id');
    for (const k of ['section', 'page', 'summary', 'explanation', 'questions', 'tags']) expect(lib.learningPoints[0]).toHaveProperty(k);
    expect(lib.widerMessages).toHaveLength(7);
    expect(lib.enduringThemes).toHaveLength(6);
    expect(lib.keyData.tables).toHaveLength(6);
    expect(lib.references.length).toBeGreaterThan(20);
  });
});
