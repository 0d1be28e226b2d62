/** platform/storage-items.ts against WXT's fake browser: fallbacks, corrupt values, versions, watching. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  corruptSettingsItem,
  defineStoredItem,
  lastImportItem,
  quietItem,
  recentItem,
  seenTodayItem,
  settingsItem,
  tabPromptsItem,
} from '../../../platform/storage-items.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

describe('storage items: keys', () => {
  it('each item has its own key, in the area it belongs to', () => {
    const keys = [settingsItem, corruptSettingsItem, lastImportItem, quietItem, recentItem, tabPromptsItem(7)].map((i) => i.key);
    expect(keys).toEqual(['local:settings', 'local:settingsCorrupt', 'local:lastImport', 'local:quiet', 'local:recent', 'session:tab:7']);
  });

  it('values land under the plain browser key (what earlier versions wrote, and the e2e tests read)', async () => {
    await recentItem.setValue(['a']);
    await tabPromptsItem(7).setValue({ ids: ['b'], triggers: { b: ['briefing/t'] } });
    expect(await fakeBrowser.storage.local.get('recent')).toEqual({ recent: ['a'] });
    expect(await fakeBrowser.storage.session.get('tab:7')).toEqual({ 'tab:7': { ids: ['b'], triggers: { b: ['briefing/t'] } } });
    // version 1 with no migrations: no metadata key is written
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['recent']);
  });
});

describe('storage items: fallback and corrupt values', () => {
  it('nothing stored → the fallback', async () => {
    expect(await recentItem.getValue()).toEqual([]);
    expect(await quietItem.getValue()).toEqual({});
    expect(await corruptSettingsItem.getValue()).toBeNull();
    expect(await lastImportItem.getValue()).toBeNull();
    expect(await tabPromptsItem(1).getValue()).toEqual({ ids: [], triggers: {} });
    expect(await seenTodayItem.getValue()).toEqual({ day: '', ids: [] });
    expect(await settingsItem.getValue()).toBeNull();
  });

  it('a value of the wrong type → the fallback, not the corrupt value', async () => {
    await fakeBrowser.storage.local.set({ recent: 'not-a-list', quiet: [1, 2], settingsCorrupt: { at: 'x' }, lastImport: 42 });
    await fakeBrowser.storage.session.set({ 'tab:3': [1, 'a'], 'tab:4': ['a'], 'tab:5': { ids: ['a'], triggers: { a: [1] } } });
    await fakeBrowser.storage.local.set({ seenToday: { day: 1, ids: ['a'] } });
    expect(await recentItem.getValue()).toEqual([]);
    expect(await quietItem.getValue()).toEqual({});
    expect(await corruptSettingsItem.getValue()).toBeNull();
    expect(await lastImportItem.getValue()).toBeNull();
    expect(await tabPromptsItem(3).getValue()).toEqual({ ids: [], triggers: {} });
    // the ids alone (as earlier releases stored them), or trigger ids that are not strings
    expect(await tabPromptsItem(4).getValue()).toEqual({ ids: [], triggers: {} });
    expect(await tabPromptsItem(5).getValue()).toEqual({ ids: [], triggers: {} });
    expect(await seenTodayItem.getValue()).toEqual({ day: '', ids: [] });
  });

  it('a good value round-trips', async () => {
    await quietItem.setValue({ 'neglect-rarely-alone': 123 });
    expect(await quietItem.getValue()).toEqual({ 'neglect-rarely-alone': 123 });
    await quietItem.removeValue();
    expect(await quietItem.getValue()).toEqual({});
  });

  it('settings are kept raw (the settings store migrates and validates them)', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await settingsItem.getValue()).toBe('garbage');
  });
});

describe('storage items: versions', () => {
  it('an item at a new version migrates what an older version stored, once, and records the version', async () => {
    await fakeBrowser.storage.local.set({ probe: 'a,b' });
    const migrate = vi.fn((old: unknown) => String(old).split(','));
    const probe = defineStoredItem<string[]>('local:probe', { fallback: [], valid: isStringList, version: 2, migrations: { 2: migrate } });
    expect(await probe.getValue()).toEqual(['a', 'b']);
    expect(await fakeBrowser.storage.local.get('probe$')).toEqual({ probe$: { v: 2 } });
    // defined again (another context, a later start): already at v2, nothing runs
    const again = defineStoredItem<string[]>('local:probe', { fallback: [], valid: isStringList, version: 2, migrations: { 2: migrate } });
    expect(await again.getValue()).toEqual(['a', 'b']);
    expect(migrate).toHaveBeenCalledTimes(1);
  });

  it('a migration that yields a corrupt value reads as the fallback', async () => {
    await fakeBrowser.storage.local.set({ probe: 5 });
    const probe = defineStoredItem<string[]>('local:probe', { fallback: ['x'], valid: isStringList, version: 2, migrations: { 2: (old) => old } });
    expect(await probe.getValue()).toEqual(['x']);
  });
});

describe('storage items: watch', () => {
  it('calls back with each new value, and with the fallback when removed or corrupt', async () => {
    const item = tabPromptsItem(9);
    const seen: string[][] = [];
    const off = item.watch((v) => seen.push(v.ids));
    await item.setValue({ ids: ['a'], triggers: { a: ['briefing/t'] } });
    await fakeBrowser.storage.session.set({ 'tab:9': 'bad' });
    await item.removeValue();
    await tabPromptsItem(10).setValue({ ids: ['other tab'], triggers: {} });
    off();
    await item.setValue({ ids: ['after'], triggers: {} });
    expect(seen).toEqual([['a'], [], []]);
  });
});
