import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsSchema,
  formatIssues,
  formatPath,
  loadSettings,
  mergeSettings,
  parsePolicy,
  type Settings,
} from '../../../core/settings/settings.ts';
import { LIMITS, PromptSetSchema, type PromptSet } from '../../../core/schema/prompt-set.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const set = (id: string, over: Partial<PromptSet> = {}): PromptSet => ({
  format: 'practice-prompts/prompt-set',
  version: 1,
  id,
  name: `Set ${id}`,
  triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone'], any: ['neglect'] }],
  ...over,
});
const user = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('loadSettings: migrations', () => {
  it('nothing stored → defaults', () => {
    expect(loadSettings(undefined)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, migratedFrom: null });
    expect(loadSettings(null)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, migratedFrom: null });
  });

  it('migrates a v1 settings object to v2', () => {
    const r = loadSettings(fixture('v1.json'));
    expect(r).toEqual({
      ok: true,
      migratedFrom: 1,
      settings: {
        ...DEFAULT_SETTINGS,
        version: SETTINGS_VERSION,
        // full URLs and bare hosts become origins, once each; junk is dropped
        sites: ['https://lcs.example.gov.uk', 'https://mosaic.example.org'],
        maxPrompts: 5, // 7.6 rounded and clamped to 1..5
        disabledPrompts: ['act-on-disclosure', 'neglect-rarely-alone'],
        surface: 'panel', // "sidebar"
      },
    });
  });

  it('treats an unversioned object as v1', () => {
    const r = loadSettings(fixture('unversioned.json'));
    expect(r).toEqual({
      ok: true,
      migratedFrom: 1,
      settings: { ...DEFAULT_SETTINGS, sites: ['https://lcs.example.gov.uk'], maxPrompts: 2, surface: 'chip' },
    });
    expect(loadSettings({})).toEqual({ ok: true, migratedFrom: 1, settings: DEFAULT_SETTINGS });
  });

  it('keeps a current v2 object as it is, filling keys added within the version', () => {
    const s = user({ maxPrompts: 4, localSets: [set('a')] });
    expect(loadSettings(s)).toEqual({ ok: true, settings: s, migratedFrom: null });
    const { notRelevant: _n, ...older } = s;
    expect(loadSettings(older)).toEqual({ ok: true, settings: s, migratedFrom: null });
  });

  it('a migrated result is stable: loading it again changes nothing', () => {
    const r = loadSettings(fixture('v1.json'));
    expect(loadSettings(JSON.parse(JSON.stringify(r.settings)))).toEqual({ ok: true, settings: r.settings, migratedFrom: null });
  });

  it.each([
    ['a string', 'garbage', 'stored settings are not an object'],
    ['a number', 42, 'stored settings are not an object'],
    ['a list', [1, 2], 'stored settings are not an object'],
  ])('corrupt value (%s) falls back to defaults and returns the bad value', (_what, bad, error) => {
    expect(loadSettings(bad)).toEqual({ ok: false, settings: DEFAULT_SETTINGS, error, bad });
  });

  it('a newer version is read as far as this version can, keeping the rest (see Kept)', () => {
    const newer = { version: 99, sites: ['https://lcs.example.gov.uk'], maxPrompts: 'some', colour: 'teal' };
    expect(loadSettings(newer)).toEqual({
      ok: true,
      migratedFrom: null,
      settings: user({ sites: ['https://lcs.example.gov.uk'] }),
      kept: { newerVersion: 99, unreadKeys: ['maxPrompts', 'colour'], newerSets: [] },
    });
  });

  it('an invalid v2 object falls back with the problem and its path', () => {
    const bad = { ...DEFAULT_SETTINGS, maxPrompts: 9, sites: ['not an origin'] };
    const r = loadSettings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.bad).toBe(bad);
      expect(r.error).toContain('sites[0]: must be an origin like https://lcs.example.gov.uk');
      expect(r.error).toContain('maxPrompts');
    }
  });

  it('an invalid prompt set inside settings is caught with its path', () => {
    const bad = { ...DEFAULT_SETTINGS, localSets: [set('a'), { ...set('b'), triggers: [{ id: 't', leadsTo: ['x'], any: [''] }] }] };
    const r = loadSettings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('localSets[1].triggers[0].any[0]: must not be empty');
  });

  it('the default settings are valid', () => {
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
});

describe('schema limits and paths', () => {
  it('formatPath writes JS-like paths', () => {
    expect(formatPath(['triggers', 3, 'any', 0])).toBe('triggers[3].any[0]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('(file)');
    expect(formatIssues([{ path: ['a', 1], message: 'm' }])).toEqual(['a[1]: m']);
  });

  it('SettingsSchema limits the number of local sets', () => {
    const many = Array.from({ length: LIMITS.sets + 1 }, (_, i) => set(`s${i}`));
    const r = SettingsSchema.safeParse(user({ localSets: many }));
    expect(r.success).toBe(false);
    if (!r.success) expect(formatIssues(r.error.issues)[0]).toMatch(/^localSets: /);
  });

  it('PromptSetSchema reports custom messages with paths', () => {
    const r = PromptSetSchema.safeParse({ ...set('a'), triggers: [{ id: 'T!', leadsTo: [], any: ['one two three four five six seven eight nine'] }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(formatIssues(r.error.issues)).toEqual([
        'triggers[0].id: must be lowercase letters, digits and dashes, like "local-escalation"',
        'triggers[0].leadsTo: must lead to at least one prompt',
        'triggers[0].any[0]: must have at most 8 words',
      ]);
    }
  });
});

describe('mergeSettings: defaults < user < managed', () => {
  const mine = user({
    sites: ['https://mine.example'],
    maxPrompts: 4,
    cooldownMinutes: 10,
    surface: 'panel',
    disabledPrompts: ['act-on-disclosure'],
    localSets: [set('mine')],
  });

  it.each<[string, unknown, Partial<Settings>, string[]]>([
    ['no policy', undefined, {}, []],
    ['empty policy', {}, {}, []],
    ['maxPrompts', { maxPrompts: 1 }, { maxPrompts: 1 }, ['maxPrompts']],
    ['cooldownMinutes', { cooldownMinutes: 0 }, { cooldownMinutes: 0 }, ['cooldownMinutes']],
    ['surface', { surface: 'chip' }, { surface: 'chip' }, ['surface']],
    ['pausedEverywhere', { pausedEverywhere: true }, { pausedEverywhere: true }, ['pausedEverywhere']],
    ['sites are added to the user’s', { sites: ['https://org.example/path'] }, { sites: ['https://org.example', 'https://mine.example'] }, ['sites']],
    ['sites locked: only the organisation’s', { sites: ['https://org.example'], locked: ['sites'] }, { sites: ['https://org.example'] }, ['sites']],
    ['disabledPrompts are added to the user’s', { disabledPrompts: ['neglect-rarely-alone'] }, { disabledPrompts: ['neglect-rarely-alone', 'act-on-disclosure'] }, ['disabledPrompts']],
    ['disabledPrompts locked', { disabledPrompts: ['neglect-rarely-alone'], locked: ['disabledPrompts'] }, { disabledPrompts: ['neglect-rarely-alone'] }, ['disabledPrompts']],
    ['localSets locked: the user’s sets are not used', { locked: ['localSets'] }, { localSets: [] }, ['localSets']],
  ])('%s', (_name, policy, changes, locked) => {
    const e = mergeSettings(mine, policy);
    expect(e.settings).toEqual({ ...mine, ...changes });
    expect([...e.locked].sort()).toEqual([...locked].sort());
    expect(e.policyProblems).toEqual([]);
  });

  it('fills defaults under a partial user object', () => {
    const e = mergeSettings({ maxPrompts: 2 } as Settings, {});
    expect(e.settings).toEqual({ ...DEFAULT_SETTINGS, maxPrompts: 2 });
  });

  it('does not mutate the user settings', () => {
    const before = JSON.stringify(mine);
    mergeSettings(mine, { sites: ['https://org.example'], maxPrompts: 1, locked: ['localSets'] });
    expect(JSON.stringify(mine)).toBe(before);
  });

  it('an invalid policy is reported with paths and not applied', () => {
    const e = mergeSettings(mine, { maxPrompts: 9, locked: ['everything'] });
    expect(e.settings).toEqual(mine);
    expect(e.locked).toEqual([]);
    expect(e.policyProblems.length).toBe(2);
    expect(e.policyProblems[0]).toMatch(/^policy maxPrompts: /);
    expect(e.policyProblems[1]).toMatch(/^policy locked\[0\]: /);
  });
});

describe('parsePolicy', () => {
  it('accepts prompt sets as objects and as JSON strings', () => {
    const r = parsePolicy({ promptSets: [set('obj'), JSON.stringify(set('str'))] });
    expect(r.problems).toEqual([]);
    expect(r.managedSets).toEqual([set('obj'), set('str')]);
  });

  it('drops bad entries one by one, each with its path, keeping the good ones', () => {
    const r = parsePolicy({
      maxPrompts: 2,
      promptSets: ['{not json', set('good'), { ...set('bad'), triggers: [{ id: 't', leadsTo: ['x'], any: [''] }] }, JSON.stringify({ ...set('bad2'), name: '' }), 42],
    });
    expect(r.policy.maxPrompts).toBe(2);
    expect(r.managedSets.map((s) => s.id)).toEqual(['good']);
    expect(r.problems[0]).toBe('policy promptSets[0]: is not valid JSON');
    expect(r.problems).toContain('policy promptSets[2].triggers[0].any[0]: must not be empty');
    expect(r.problems).toContain('policy promptSets[3].name: must not be empty');
    expect(r.problems.some((p) => p.startsWith('policy promptSets[4].'))).toBe(true);
  });

  it('nothing, null and {} are no policy', () => {
    for (const raw of [undefined, null, {}]) expect(parsePolicy(raw)).toEqual({ policy: {}, managedSets: [], problems: [] });
  });

  it('a policy that is not an object is a problem, not a crash', () => {
    for (const raw of ['x', 5, [1]]) {
      const r = parsePolicy(raw);
      expect(r.policy).toEqual({});
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('managed sets come through mergeSettings', () => {
    const e = mergeSettings(user(), { promptSets: [JSON.stringify(set('org'))] });
    expect(e.managedSets).toEqual([set('org')]);
  });
});

describe('a policy with one bad value', () => {
  it('keeps the good keys (and their locks) and reports the bad one with its path', async () => {
    const { mergeSettings, DEFAULT_SETTINGS } = await import('../../../core/settings/settings.ts');
    const eff = mergeSettings(DEFAULT_SETTINGS, { sites: ['https://lcs.example.gov.uk'], maxPrompts: 9, locked: ['surface'], surface: 'panel', bogus: 1 });
    expect(eff.settings.sites).toEqual(['https://lcs.example.gov.uk']);
    expect(eff.settings.surface).toBe('panel');
    expect(eff.settings.maxPrompts).toBe(DEFAULT_SETTINGS.maxPrompts);
    expect(eff.locked).toEqual(expect.arrayContaining(['sites', 'surface']));
    expect(eff.locked).not.toContain('maxPrompts');
    expect(eff.policyProblems.some((p) => p.startsWith('policy maxPrompts: '))).toBe(true);
    expect(eff.policyProblems.some((p) => p.startsWith('policy bogus: '))).toBe(true);
  });
});
