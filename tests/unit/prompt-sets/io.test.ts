import { describe, it, expect } from 'vitest';
import {
  parseImport,
  previewImport,
  exportSet,
  exportAll,
  checkImportValue,
  utf8Length,
  TOO_LARGE,
  EXPORT_FORMAT,
  type ExportBundle,
  type ExportFile,
} from '../../../core/prompt-sets/io.ts';
import { LIMITS, type PromptSet } from '../../../core/schema/prompt-set.ts';
import { SettingsSchema, DEFAULT_SETTINGS } from '../../../core/settings/settings.ts';
import { KNOWN, validSet, settingsWith, deepFreeze } from './fixtures.ts';

const parse = (v: unknown) => parseImport(typeof v === 'string' ? v : JSON.stringify(v), KNOWN);
const problemsOf = (v: unknown) => {
  const r = parse(v);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const fileOf = (v: unknown): ExportFile => {
  const r = parse(v);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.file;
};
const bundle = (sets: PromptSet[], extra: Partial<ExportBundle> = {}): ExportBundle => ({ format: EXPORT_FORMAT, version: 1, sets, ...extra });

describe('parseImport: size and JSON syntax', () => {
  it('refuses a file over 2 MB before parsing, in plain words', () => {
    const big = JSON.stringify({ ...validSet(), description: 'x'.repeat(LIMITS.fileBytes) });
    expect(parse(big)).toEqual({ ok: false, problems: [TOO_LARGE] });
    expect(TOO_LARGE).toBe('file is larger than 2 MB');
  });

  it('counts bytes, not characters (multi-byte text over the limit)', () => {
    const text = '"' + 'é'.repeat(LIMITS.fileBytes * 0.6) + '"'; // 0.6 × the limit in characters, 1.2 × in bytes
    expect(text.length).toBeLessThan(LIMITS.fileBytes);
    expect(utf8Length(text)).toBeGreaterThan(LIMITS.fileBytes);
    expect(parse(text)).toEqual({ ok: false, problems: [TOO_LARGE] });
  });

  it('utf8Length matches TextEncoder', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀b', '\ud800', '\udc00x', '子供']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });

  it('accepts a file exactly at the limit boundary (size is not the problem)', () => {
    const set = validSet();
    const base = exportSet(set);
    const pad = LIMITS.fileBytes - utf8Length(base);
    const text = base.replace('{', '{' + ' '.repeat(pad));
    expect(utf8Length(text)).toBe(LIMITS.fileBytes);
    expect(parse(text).ok).toBe(true);
  });

  it('explains JSON syntax errors with line and column', () => {
    expect(problemsOf('{"id": "a",}')).toEqual(['the file is not valid JSON: line 1, column 12: a comma before "}" is not allowed (remove the last comma)']);
    expect(problemsOf("{'id': 1}")[0]).toMatch(/line 1, column 2: text must be in double quotes/);
    expect(problemsOf('{\n  "a": 1\n  "b": 2\n}')[0]).toBe('the file is not valid JSON: line 3, column 3: a comma (,) is missing between items');
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf('   \n')).toEqual(['the file is empty']);
  });

  it('ignores a byte-order mark', () => {
    expect(parse('\ufeff' + exportSet(validSet())).ok).toBe(true);
  });

  it('refuses things that are not an object', () => {
    expect(problemsOf('[]')).toEqual(['(file): must be a prompt set or an export bundle (an object), not a list']);
    expect(problemsOf('"hello"')[0]).toMatch(/^\(file\): must be a prompt set/);
    expect(problemsOf('null')[0]).toMatch(/not null$/);
    expect(problemsOf('42')[0]).toMatch(/not a number$/);
  });
});

describe('parseImport: schema problems, every one with its path', () => {
  it('accepts a valid set as it is', () => {
    expect(fileOf(validSet())).toEqual(validSet());
  });

  it('lists every problem with its path, in plain words', () => {
    const s = validSet() as unknown as Record<string, unknown>;
    const bad = {
      ...s,
      name: '',
      triggers: [
        { id: 'a', leadsTo: ['neglect-rarely-alone'], any: ['neglect', ''] },
        { id: 'b', leadsTo: [], any: ['one two three four five six seven eight nine'] },
        { id: 'c', leadsTo: ['neglect-rarely-alone'], any: ['x'], window: 'paragraph', weight: 9 },
        { id: 'd', leadsTo: ['neglect-rarely-alone'], any: ['!!!'] },
      ],
      prompts: [{ id: 'p', title: 'T', text: 'Body', links: [{ title: 'L', url: 'http://insecure.example' }] }],
    };
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'name: must not be empty',
        'triggers[0].any[1]: must not be empty',
        'triggers[1].leadsTo: must lead to at least one prompt',
        'triggers[1].any[0]: must have at most 8 words',
        'triggers[2].window: must be "sentence", "note" or an object like {"words": 10}',
        'triggers[2].weight: must be at most 5',
        'triggers[3].any[0]: must contain at least one letter or digit',
        'prompts[0].links[0].url: must be an https:// address',
      ]),
    );
  });

  it('says what is missing and what type was expected', () => {
    const { triggers: _t, ...noTriggers } = validSet();
    expect(problemsOf(noTriggers)).toContain('triggers: is missing');
    expect(problemsOf({ ...validSet(), name: 42 })).toContain('name: must be text (found a number)');
    expect(problemsOf({ ...validSet(), triggers: {} })).toContain('triggers: must be a list (found an object)');
    expect(problemsOf({ ...validSet(), triggers: [{ id: 'x', leadsTo: ['neglect-rarely-alone'], any: ['a'], negated: 'maybe' }] })).toContain(
      'triggers[0].negated: must be "show", "soften", "ignore" or "only"',
    );
  });

  it('explains a wrong or missing format, and a newer version', () => {
    expect(problemsOf({ ...validSet(), format: 'something-else' })[0]).toMatch(/^format: must be "practice-prompts\/prompt-set" \(one prompt set\) or "practice-prompts\/export"/);
    const { format: _f, ...noFormat } = validSet();
    expect(problemsOf(noFormat)[0]).toMatch(/^format: is missing/);
    expect(problemsOf({ ...validSet(), version: 3 })).toContain(
      'version: this file is from a newer version of Practice Prompts (version 3); this one reads version 2 of "practice-prompts/prompt-set"',
    );
  });

  it('enforces the limits', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
    const t = (over: Record<string, unknown>) => ({ ...validSet(), triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone'], any: ['a'], ...over }] });
    expect(problemsOf(t({ any: many(LIMITS.phrasesPerList + 1) }))).toContain(`triggers[0].any: must list at most ${LIMITS.phrasesPerList} phrases`);
    expect(problemsOf(t({ any: ['a'.repeat(LIMITS.phraseChars + 1)] }))).toContain(`triggers[0].any[0]: must be at most ${LIMITS.phraseChars} characters`);
    expect(problemsOf(t({ leadsTo: Array(11).fill('neglect-rarely-alone') }))).toContain('triggers[0].leadsTo: must list at most 10 items');
    expect(problemsOf({ ...validSet(), id: 'Bad Id' })).toContain('id: must be lowercase letters, digits and dashes, like "local-escalation"');
    expect(problemsOf({ ...validSet(), id: 'a'.repeat(LIMITS.idChars + 1) })).toContain(`id: must be at most ${LIMITS.idChars} characters`);
    expect(problemsOf({ ...validSet(), name: 'x'.repeat(LIMITS.titleChars + 1) })).toContain(`name: must be at most ${LIMITS.titleChars} characters`);
    expect(problemsOf({ ...validSet(), name: 'Evil \u202e name' })).toContain('name: must not contain bidirectional control characters');
    expect(problemsOf({ ...validSet(), name: '   ' })).toContain('name: must not be blank');
    const triggers = Array.from({ length: LIMITS.triggers + 1 }, (_, i) => ({ id: `t${i}`, leadsTo: ['neglect-rarely-alone'], any: ['a'] }));
    expect(problemsOf({ ...validSet(), triggers })).toContain(`triggers: must have at most ${LIMITS.triggers} triggers`);
    const links = Array.from({ length: LIMITS.links + 1 }, () => ({ title: 'L', url: 'https://x.example' }));
    expect(problemsOf({ ...validSet(), prompts: [{ id: 'p', title: 'T', text: 'x', links }] })).toContain('prompts[0].links: must list at most 10 items');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://user:pw@x.example', 'HTTP://x.example', 'https://']) {
      expect(problemsOf({ ...validSet(), prompts: [{ id: 'p', title: 'T', text: 'x', links: [{ title: 'L', url }] }] })).toContain(
        'prompts[0].links[0].url: must be an https:// address',
      );
    }
  });

  it('checks cross-references: leadsTo must be known or a local prompt of the same set', () => {
    const bad = validSet({
      triggers: [
        { id: 'a', leadsTo: ['neglect-rarely-alone', 'no-such-point'], any: ['x'] },
        { id: 'b', leadsTo: ['local-escalation-policy'], any: ['y'] },
        { id: 'a', leadsTo: ['act-on-disclosure'], any: ['z'] },
      ],
    });
    expect(problemsOf(bad)).toEqual([
      'triggers[0].leadsTo[1]: "no-such-point" is not a learning point or a prompt in this set',
      'triggers[2].id: "a" is already used by triggers[0]',
    ]);
  });

  it('refuses duplicate prompt ids and prompt ids that hide a learning point', () => {
    const p = { title: 'T', text: 'x' };
    const bad = validSet({ prompts: [{ id: 'p1', ...p }, { id: 'p1', ...p }, { id: 'neglect-rarely-alone', ...p }], triggers: [] });
    expect(problemsOf(bad)).toEqual([
      'prompts[1].id: "p1" is already used by prompts[0]',
      'prompts[2].id: "neglect-rarely-alone" is the id of a built-in learning point; choose another id',
    ]);
  });

  it('a prompt of another set does not count as local', () => {
    const other = validSet({ id: 'other', prompts: [], triggers: [{ id: 't', leadsTo: ['local-escalation-policy'], any: ['x'] }] });
    expect(problemsOf(bundle([validSet(), other]))).toEqual(['sets[1].triggers[0].leadsTo[0]: "local-escalation-policy" is not a learning point or a prompt in this set']);
  });

  it('reports schema and cross-reference problems together', () => {
    const bad = { ...validSet(), name: '', triggers: [{ id: 't', leadsTo: ['nope'], any: [''] }] };
    expect(problemsOf(bad)).toEqual(['name: must not be empty', 'triggers[0].any[0]: must not be empty', 'triggers[0].leadsTo[0]: "nope" is not a learning point or a prompt in this set']);
  });
});

describe('parseImport: export bundles', () => {
  it('accepts a bundle with sets and a settings subset', () => {
    const b = bundle([validSet(), validSet({ id: 'second', name: 'Second' })], { replace: true, settings: { maxPrompts: 2, surface: 'panel', sites: ['https://lcs.example.gov.uk'] } });
    expect(fileOf(b)).toEqual(b);
  });

  it('paths point into the bundle', () => {
    const b = bundle([validSet(), { ...validSet({ id: 'two' }), triggers: [{ id: 'x', leadsTo: ['neglect-rarely-alone'], any: [''] }] } as PromptSet]);
    expect(problemsOf(b)).toEqual(['sets[1].triggers[0].any[0]: must not be empty']);
  });

  it('refuses duplicate set ids, bad settings, too many sets', () => {
    expect(problemsOf(bundle([validSet(), validSet()]))).toEqual(['sets[1].id: "local-escalation" is already used by sets[0] in this file']);
    expect(problemsOf(bundle([], { settings: { maxPrompts: 9, sites: ['lcs.example.gov.uk'] } }))).toEqual([
      'settings.maxPrompts: must be at most 5',
      'settings.sites[0]: must be an origin like https://lcs.example.gov.uk',
    ]);
    const sets = Array.from({ length: LIMITS.sets + 1 }, (_, i) => validSet({ id: `s${i}` }));
    expect(problemsOf(bundle(sets))).toContain(`sets: must have at most ${LIMITS.sets} prompt sets`);
  });

  it('recognises a bundle without a format and says so', () => {
    expect(problemsOf({ sets: [] })[0]).toMatch(/^format: is missing/);
    expect(problemsOf({ format: EXPORT_FORMAT, version: 1 })).toEqual(['sets: is missing']);
  });

  it('checkImportValue never throws on odd values', () => {
    for (const v of [undefined, null, 0, '', [], {}, { format: EXPORT_FORMAT, sets: [null, 1, 'x', { triggers: [null, { leadsTo: [1, null] }] }] }, Object.create(null)]) {
      expect(() => checkImportValue(v, KNOWN)).not.toThrow();
      expect(checkImportValue(v, KNOWN).ok).toBe(false);
    }
  });
});

describe('previewImport', () => {
  const a = validSet({ id: 'a', name: 'A' });
  const b = validSet({ id: 'b', name: 'B' });
  const b2 = validSet({ id: 'b', name: 'B, revised' });
  const c = validSet({ id: 'c', name: 'C' });

  it('adds a new set', () => {
    const cur = deepFreeze(settingsWith({ localSets: [a] }));
    const p = previewImport(cur, b);
    expect(p).toMatchObject({ ok: true, added: ['b'], changed: [], removed: [], unchanged: [] });
    if (p.ok) expect(p.next.localSets.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('replaces a set with the same id in place; identical sets are unchanged', () => {
    const cur = deepFreeze(settingsWith({ localSets: [a, b, c] }));
    const p = previewImport(cur, bundle([b2, a]));
    expect(p).toMatchObject({ ok: true, added: [], changed: ['b'], removed: [], unchanged: ['a'] });
    if (p.ok) expect(p.next.localSets.map((s) => s.name)).toEqual(['A', 'B, revised', 'C']);
  });

  it('removes sets only for a bundle with replace: true', () => {
    const cur = deepFreeze(settingsWith({ localSets: [a, b, c] }));
    const keep = previewImport(cur, bundle([b2]));
    expect(keep).toMatchObject({ ok: true, removed: [] });
    const rep = previewImport(cur, bundle([b2], { replace: true }));
    expect(rep).toMatchObject({ ok: true, changed: ['b'], removed: ['a', 'c'] });
    if (rep.ok) expect(rep.next.localSets).toEqual([b2]);
  });

  it('a full restore (replace: true) leaves exactly the file\'s sets, in the file\'s order', () => {
    const cur = deepFreeze(settingsWith({ localSets: [a, b, c] }));
    const p = previewImport(cur, bundle([c, validSet({ id: 'd' }), a], { replace: true }));
    expect(p).toMatchObject({ ok: true, added: ['d'], changed: [], unchanged: ['a', 'c'], removed: ['b'] });
    if (p.ok) expect(p.next.localSets.map((s) => s.id)).toEqual(['c', 'd', 'a']);
  });

  it('applies the settings subset and reports what changes', () => {
    const cur = deepFreeze(settingsWith({ maxPrompts: 3, notRelevant: { x: 2 }, pausedSites: ['https://a.example'] }));
    const p = previewImport(cur, bundle([], { settings: { maxPrompts: 3, cooldownMinutes: 5, disabledPrompts: ['act-on-disclosure'] } }));
    expect(p).toMatchObject({ ok: true, settingsChanged: ['disabledPrompts', 'cooldownMinutes'] });
    if (p.ok) {
      expect(p.next).toEqual({ ...cur, cooldownMinutes: 5, disabledPrompts: ['act-on-disclosure'] });
      expect(SettingsSchema.safeParse(p.next).success).toBe(true);
    }
  });

  it('never changes keys locked by the organisation, and says so', () => {
    const cur = deepFreeze(settingsWith());
    const p = previewImport(cur, bundle([], { settings: { maxPrompts: 1, surface: 'both' } }), { locked: ['maxPrompts'] });
    expect(p).toMatchObject({ ok: true, settingsChanged: ['surface'], skipped: ['maxPrompts is set by your organisation, so the value in the file was not used'] });
    if (p.ok) expect(p.next.maxPrompts).toBe(DEFAULT_SETTINGS.maxPrompts);
  });

  it('refuses sets when local sets are locked, and reserved set ids', () => {
    const cur = deepFreeze(settingsWith());
    expect(previewImport(cur, a, { locked: ['localSets'] })).toEqual({
      ok: false,
      problems: ['Your organisation manages prompt sets on this browser, so prompt sets cannot be imported.'],
    });
    expect(previewImport(cur, validSet({ id: 'briefing' }), { reservedSetIds: new Set(['briefing']) })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^id: "briefing" is a prompt set that comes with Practice Prompts or from your organisation/)],
    });
    // a settings-only bundle is fine when local sets are locked
    expect(previewImport(cur, bundle([], { settings: { surface: 'panel' } }), { locked: ['localSets'] }).ok).toBe(true);
  });

  it('refuses to go over the limit of sets', () => {
    const many = Array.from({ length: LIMITS.sets }, (_, i) => validSet({ id: `s${i}` }));
    const p = previewImport(deepFreeze(settingsWith({ localSets: many })), a);
    expect(p).toEqual({ ok: false, problems: [`This import would leave ${LIMITS.sets + 1} local prompt sets; the most allowed is ${LIMITS.sets}. Delete some sets first.`] });
  });

  it('re-checks the file it is given', () => {
    const p = previewImport(settingsWith(), { ...a, triggers: 'nope' } as unknown as PromptSet);
    expect(p).toEqual({ ok: false, problems: ['triggers: must be a list (found text)'] });
  });

  it('never mutates its inputs and shares no objects with them', () => {
    const cur = deepFreeze(settingsWith({ localSets: [a, b] }));
    const file = deepFreeze(bundle([b2, c], { settings: { sites: ['https://x.example'] } }));
    const before = JSON.stringify([cur, file]);
    const p = previewImport(cur, file); // frozen: any write would throw
    expect(JSON.stringify([cur, file])).toBe(before);
    expect(p.ok).toBe(true);
    if (p.ok) {
      p.next.localSets[0]!.triggers.push({ id: 'z', leadsTo: ['x'], any: ['y'] });
      p.next.sites.push('https://y.example');
      expect(JSON.stringify([cur, file])).toBe(before);
    }
  });
});

describe('export', () => {
  it('exportSet is canonical: two-space JSON with a final newline, schema key order, unknown keys dropped', () => {
    const set = validSet();
    const text = exportSet(set);
    expect(text).toBe(JSON.stringify(set, null, 2) + '\n');
    const shuffled = Object.fromEntries([['extra', 1], ...Object.entries(set).reverse()]) as unknown as PromptSet;
    expect(Object.keys(shuffled)[1]).toBe('triggers');
    expect(exportSet(shuffled)).toBe(text);
  });

  it('exportSet round-trips exactly through parseImport', () => {
    const set = validSet();
    const text = exportSet(set);
    const file = fileOf(text);
    expect(file).toEqual(set);
    expect(exportSet(file as PromptSet)).toBe(text);
  });

  it('exportAll round-trips: importing it on a fresh browser restores sets and settings', () => {
    const s = settingsWith({
      localSets: [validSet({ id: 'a' }), validSet({ id: 'b' })],
      maxPrompts: 2,
      cooldownMinutes: 15,
      surface: 'both',
      sites: ['https://lcs.example.gov.uk'],
      disabledPrompts: ['act-on-disclosure'],
      notRelevant: { secret: 3 },
      pausedEverywhere: true,
    });
    const text = exportAll(s);
    expect(text).not.toContain('notRelevant');
    expect(text).not.toContain('paused');
    const file = fileOf(text);
    expect(exportAll({ ...s, localSets: (file as ExportBundle).sets })).toBe(text);
    const p = previewImport(settingsWith({ localSets: [validSet({ id: 'old' })] }), file);
    expect(p).toMatchObject({ ok: true, added: ['a', 'b'], removed: ['old'] });
    if (p.ok) expect(p.next).toEqual({ ...s, notRelevant: {}, pausedEverywhere: false });
  });

  it('exportAll with replace: false keeps the other sets on import', () => {
    const text = exportAll(settingsWith({ localSets: [validSet({ id: 'a' })] }), { replace: false });
    const p = previewImport(settingsWith({ localSets: [validSet({ id: 'old' })] }), fileOf(text));
    expect(p).toMatchObject({ ok: true, added: ['a'], removed: [] });
  });
});

describe('apply and undo (pure part)', () => {
  it('undo restores exactly: applying next then writing back the previous value is identity', () => {
    const prev = deepFreeze(settingsWith({ localSets: [validSet({ id: 'a' })], maxPrompts: 4, notRelevant: { a: 1 } }));
    const p = previewImport(prev, bundle([validSet({ id: 'b' })], { replace: true, settings: { maxPrompts: 1 } }));
    expect(p.ok).toBe(true);
    const saved = JSON.parse(JSON.stringify(prev)); // what storage keeps for undo
    expect(SettingsSchema.parse(saved)).toEqual(prev);
  });
});
