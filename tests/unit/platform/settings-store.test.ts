/** platform/settings-store.ts against WXT's fake browser: defaults, the settings migration, corrupt values, quiet. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../core/settings/settings.ts';
import {
  onPolicyChanged,
  onSettingsChanged,
  readCorruptNotice,
  readEffective,
  readQuiet,
  readSettings,
  setQuiet,
  updateSettings,
  writeSettings,
} from '../../../platform/settings-store.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

describe('settings store', () => {
  it('nothing stored → the defaults, and nothing written', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a version 1 value is migrated to the current version and written back', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, sites: ['https://lcs.example.gov.uk/cases/1'], maxPrompts: 9, disabled: ['x'], surface: 'sidebar' } });
    const s = await readSettings();
    expect(s).toMatchObject({ version: SETTINGS_VERSION, sites: ['https://lcs.example.gov.uk'], maxPrompts: 5, disabledPrompts: ['x'], surface: 'panel' });
    expect(await stored()).toEqual(s);
    expect(await readCorruptNotice()).toBeNull();
  });

  it('a corrupt value is kept aside with the reason, and the defaults are used', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: SETTINGS_VERSION, maxPrompts: 'lots' } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    const notice = await readCorruptNotice();
    expect(notice?.value).toEqual({ version: SETTINGS_VERSION, maxPrompts: 'lots' });
    expect(notice?.error).toMatch(/maxPrompts/);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('a value from a newer version is read as far as it can be, kept as it is, and copied once under its version', async () => {
    const newer = { version: SETTINGS_VERSION + 1, maxPrompts: 2, shiny: true };
    await fakeBrowser.storage.local.set({ settings: newer });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, maxPrompts: 2 });
    expect(await readCorruptNotice()).toBeNull();
    expect(await stored()).toEqual(newer);
    const aside = (await fakeBrowser.storage.local.get(`settings.v${SETTINGS_VERSION + 1}`))[`settings.v${SETTINGS_VERSION + 1}`] as { value: unknown };
    expect(aside.value).toEqual(newer);
  });

  it('writes only valid settings, whole', async () => {
    expect(await writeSettings({ ...DEFAULT_SETTINGS, maxPrompts: 0 })).not.toEqual([]);
    expect(await stored()).toBeUndefined();
    expect(await updateSettings((s) => ({ ...s, maxPrompts: 2 }))).toEqual([]);
    expect((await readSettings()).maxPrompts).toBe(2);
  });

  it('merges the policy from the managed area', async () => {
    await fakeBrowser.storage.managed.set({ maxPrompts: 1 });
    const eff = await readEffective();
    expect(eff.settings.maxPrompts).toBe(1);
    expect(eff.locked).toContain('maxPrompts');
  });

  it('tells listeners about settings and policy changes, and stops when asked', async () => {
    const onSettings = vi.fn();
    const onPolicy = vi.fn();
    const offS = onSettingsChanged(onSettings);
    const offP = onPolicyChanged(onPolicy);
    await updateSettings((s) => ({ ...s, maxPrompts: 4 }));
    await fakeBrowser.storage.local.set({ recent: ['a'] });
    await fakeBrowser.storage.managed.set({ maxPrompts: 1 });
    expect(onSettings).toHaveBeenCalledTimes(1);
    expect(onPolicy).toHaveBeenCalledTimes(1);
    offS();
    offP();
    await updateSettings((s) => ({ ...s, maxPrompts: 5 }));
    await fakeBrowser.storage.managed.set({ maxPrompts: 2 });
    expect(onSettings).toHaveBeenCalledTimes(1);
    expect(onPolicy).toHaveBeenCalledTimes(1);
  });
});

describe('quiet (snoozed) prompts', () => {
  it('keeps only live snoozes with numeric times', async () => {
    await fakeBrowser.storage.local.set({ quiet: { old: 5, live: 2000, bad: 'x' } });
    expect(await readQuiet(1000)).toEqual({ live: 2000 });
    await setQuiet('new', Date.now() + 60_000);
    expect(Object.keys(await readQuiet())).toEqual(['new']);
  });
});
