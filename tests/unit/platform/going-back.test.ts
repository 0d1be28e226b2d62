/**
 * Going back loses nothing. Browsers never install a lower version, so a council goes back by shipping
 * older code under a higher version number. Settings and local prompt sets written by the newer version
 * must survive the older code reading them and writing a change, and be whole when the newer code returns.
 * Here this code plays the older version against values a (hypothetical) newer version wrote.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, loadSettings } from '../../../core/settings/settings.ts';
import { PROMPT_SET_VERSION, type PromptSet } from '../../../core/schema/prompt-set.ts';
import { readKept, readSettings, readEffective, readCorruptNotice, updateSettings } from '../../../platform/settings-store.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;

const mine = (id: string, name = `Set ${id}`): PromptSet => ({
  format: 'practice-prompts/prompt-set',
  version: PROMPT_SET_VERSION,
  id,
  name,
  triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone'], any: ['neglect'] }],
});
/** A prompt set in a format this version does not know (a new trigger language, say). */
const fromTheFuture = {
  format: 'practice-prompts/prompt-set',
  version: PROMPT_SET_VERSION + 1,
  id: 'future-set',
  name: 'Escalation (new language)',
  triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone'], when: { near: ['neglect', 'home'], within: 4 } }],
};

describe('older code reading what a newer settings version wrote', () => {
  const newer = {
    version: SETTINGS_VERSION + 1,
    sites: ['https://lcs.example.gov.uk'],
    pausedEverywhere: false,
    pausedSites: [],
    surface: 'both',
    maxPrompts: 4,
    cooldownMinutes: 30,
    disabledPrompts: ['act-on-disclosure'],
    localSets: [mine('local-a'), fromTheFuture, { ...mine('local-b'), colour: 'teal' }],
    notRelevant: { 'act-on-disclosure': 2 },
    // keys only the newer version knows
    quietHours: { from: '18:00', to: '08:00' },
    surfaceTheme: 'high-contrast',
  };

  it('reads what it can, keeps the rest, and after a change the newer code finds everything', async () => {
    await fakeBrowser.storage.local.set({ settings: structuredClone(newer) });

    // older code reads: its own keys and sets, no reset, no corrupt notice
    const read = await readSettings();
    expect(read).toMatchObject({ sites: newer.sites, surface: 'both', maxPrompts: 4, cooldownMinutes: 30, disabledPrompts: ['act-on-disclosure'] });
    expect(read.localSets.map((s) => s.id)).toEqual(['local-a', 'local-b']);
    expect(await readCorruptNotice()).toBeNull();
    expect(await stored()).toEqual(newer); // reading writes nothing over it
    expect(await readKept()).toEqual({
      newerVersion: SETTINGS_VERSION + 1,
      unreadKeys: ['quietHours', 'surfaceTheme'],
      newerSets: [{ id: 'future-set', name: 'Escalation (new language)', version: PROMPT_SET_VERSION + 1 }],
    });
    // the newer set is not compiled or used
    expect((await readEffective()).settings.localSets.map((s) => s.id)).not.toContain('future-set');

    // older code writes changes: a setting, and its own sets (one edited, one added)
    expect(await updateSettings((s) => ({ ...s, maxPrompts: 2 }))).toEqual([]);
    expect(
      await updateSettings((s) => ({ ...s, localSets: [mine('local-a', 'Renamed on the old version'), ...s.localSets.slice(1), mine('local-c')] })),
    ).toEqual([]);

    // the newer code reads again: its version, its keys, its set, and the change made meanwhile
    const back = await stored();
    expect(back).toEqual({
      ...newer,
      maxPrompts: 2,
      localSets: [mine('local-a', 'Renamed on the old version'), { ...mine('local-b'), colour: 'teal' }, mine('local-c'), fromTheFuture],
    });
    // and a safety copy of the newer value as first met, under its version, untouched by the writes
    const key = `settings.v${SETTINGS_VERSION + 1}`;
    expect(((await fakeBrowser.storage.local.get(key))[key] as { value: unknown }).value).toEqual(newer);
  });

  it('a newer key this version knows but cannot read keeps its stored value unless changed here', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...newer, surface: 'sidebar-v3' } });
    expect((await readSettings()).surface).toBe('chip'); // the default, for now
    await updateSettings((s) => ({ ...s, cooldownMinutes: 5 }));
    expect(await stored()).toMatchObject({ surface: 'sidebar-v3', cooldownMinutes: 5, version: SETTINGS_VERSION + 1 });
  });
});

describe('a prompt set of a newer format version inside settings of this version', () => {
  it('is kept unchanged, listed, not compiled, and survives every write', async () => {
    const value = { ...DEFAULT_SETTINGS, localSets: [fromTheFuture, mine('mine')], futureKey: 1 };
    await fakeBrowser.storage.local.set({ settings: structuredClone(value) });
    const read = await readSettings();
    expect(read.localSets.map((s) => s.id)).toEqual(['mine']);
    expect(await readCorruptNotice()).toBeNull();
    expect((await readKept())?.newerSets.map((s) => s.id)).toEqual(['future-set']);

    await updateSettings((s) => ({ ...s, localSets: [] })); // the user deletes their own set
    await updateSettings((s) => ({ ...s, surface: 'panel' }));
    expect(await stored()).toEqual({ ...value, surface: 'panel', localSets: [fromTheFuture] });
    // read again, as a newer version would: the set is whole
    expect(loadSettings(await stored())).toMatchObject({ ok: true, kept: { newerSets: [{ id: 'future-set' }] } });
  });

  it('a set of this format version with a field this version does not read keeps it through every write while unchanged', async () => {
    // a newer version added a trigger field (as `ruledOutBy` was added within version 2) and the worker's set uses it
    const withNewField = { ...mine('mine'), triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone'], any: ['neglect'], laterField: ['coeliac'] }] };
    const value = { ...DEFAULT_SETTINGS, localSets: [withNewField, mine('other')] };
    await fakeBrowser.storage.local.set({ settings: structuredClone(value) });
    // this version reads the set without the field...
    expect((await readSettings()).localSets[0]!.triggers[0]).not.toHaveProperty('laterField');
    // ...and a change elsewhere writes the set back as it was stored
    await updateSettings((s) => ({ ...s, surface: 'panel' }));
    expect((await stored()).localSets).toEqual([withNewField, mine('other')]);
    // deleting the other set still keeps this one whole
    await updateSettings((s) => ({ ...s, localSets: s.localSets.filter((x) => x.id === 'mine') }));
    expect((await stored()).localSets).toEqual([withNewField]);
    // changing the set itself here is the worker's choice: it is written as this version understands it
    await updateSettings((s) => ({ ...s, localSets: s.localSets.map((x) => ({ ...x, name: 'Renamed' })) }));
    expect(((await stored()).localSets as PromptSet[])[0]!.triggers[0]).not.toHaveProperty('laterField');
  });

  it('settings with nothing kept are written exactly as given (no extra keys)', async () => {
    await updateSettings((s) => ({ ...s, maxPrompts: 1 }));
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, maxPrompts: 1 });
    expect(await readKept()).toBeNull();
  });
});
