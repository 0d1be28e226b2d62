/**
 * Every storage item the extension keeps, declared once: its key, its type, its fallback (what a read
 * gives when nothing is stored, or when what is stored is not of that type) and its storage version
 * (WXT's `storage.defineItem` `version`/`migrations`: bump the version and add a migration when an
 * item's stored shape changes). Nothing else names a storage key.
 *
 * Settings are the exception that proves the rule: their schema version lives inside the value
 * (`version`, core/settings/settings.ts), because the same migrations must also run on imported files,
 * so the settings store (settings-store.ts) reads the raw value and migrates and validates it itself.
 *
 * Only derived facts are stored: settings, prompt ids and times. Never text from a page.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { Settings } from '../core/settings/settings.ts';

export interface StoredItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  /** The stored value, or the fallback when nothing (or something not of this type) is stored. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called with the new value (or the fallback) whenever it changes, in any extension context. */
  watch(cb: (value: T) => void): () => void;
}

export interface StoredItemOptions<T> {
  fallback: T;
  /** Tells a stored value of this type from a corrupt one. */
  valid: (v: unknown) => v is T;
  /** The stored shape's version (≥ 1); with a migration from each older version. */
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

export function defineStoredItem<T>(key: StorageItemKey, o: StoredItemOptions<T>): StoredItem<T> {
  const item = storage.defineItem<unknown>(key, { fallback: null, version: o.version, ...(o.migrations ? { migrations: o.migrations } : {}) });
  const read = (v: unknown): T => (v !== null && v !== undefined && o.valid(v) ? v : o.fallback);
  return {
    key,
    fallback: o.fallback,
    getValue: async () => read(await item.getValue()),
    setValue: (v) => item.setValue(v),
    removeValue: () => item.removeValue(),
    watch: (cb) => item.watch((v) => cb(read(v))),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isAnything = (v: unknown): v is unknown => v !== undefined;

/** The user's settings, raw: settings-store.ts migrates and validates them (their version is inside). */
export const settingsItem = defineStoredItem<unknown>('local:settings', { fallback: null, valid: isAnything, version: 1 });

/** Settings that could not be read, kept aside (never silently discarded) for the options page to show. */
export interface Notice {
  at: number;
  error: string;
  value: unknown;
}
export const corruptSettingsItem = defineStoredItem<Notice | null>('local:settingsCorrupt', {
  fallback: null,
  valid: (v): v is Notice => isRecord(v) && typeof v.at === 'number' && typeof v.error === 'string',
  version: 1,
});

/**
 * Settings written by a newer settings version, copied as first met by this (older) version: a safety
 * copy under a key named after that version (`settings.v3`), written once and never overwritten by an
 * older version. (The live value keeps the newer data too; see settings-store.ts.)
 */
export interface NewerSettings {
  at: number;
  value: unknown;
}
export function newerSettingsItem(version: number): StoredItem<NewerSettings | null> {
  return defineStoredItem<NewerSettings | null>(`local:settings.v${version}`, {
    fallback: null,
    valid: (v): v is NewerSettings => isRecord(v) && typeof v.at === 'number' && 'value' in v,
    version: 1,
  });
}

/** The settings as they were before the last import, for "undo import". */
export const lastImportItem = defineStoredItem<Settings | null>('local:lastImport', {
  fallback: null,
  valid: (v): v is Settings => isRecord(v) && typeof v.version === 'number',
  version: 1,
});

/** Snoozed prompts: prompt id → time (ms) until which it stays quiet. */
export const quietItem = defineStoredItem<Record<string, number>>('local:quiet', {
  fallback: {},
  valid: (v): v is Record<string, number> => isRecord(v),
  version: 1,
});

/** Learning points opened lately (ids only, newest first). */
export const recentItem = defineStoredItem<string[]>('local:recent', { fallback: [], valid: isStringList, version: 1 });

/**
 * The prompt ids on show in one tab (all its frames), kept by the background for the popup and the side
 * panel. Session storage: gone when the browser closes.
 */
export function tabPromptsItem(tabId: number): StoredItem<string[]> {
  return defineStoredItem<string[]>(`session:tab:${tabId}`, { fallback: [], valid: isStringList, version: 1 });
}
