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
 * Only derived facts are stored: settings, prompt ids and times. Never text from a page. (The one
 * exception is the worker's own reflections, written on the extension's reflection page: local only.)
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { Settings } from '../core/settings/settings.ts';
import { isRecordMemory, type RecordMemory } from '../core/usage/keys.ts';
import { CountStoreSchema, emptyStore, type CountStore } from '../core/usage/counts.ts';

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
 * What is on show in one tab (all its frames), kept by the background for the popup and the side
 * panel: the prompt ids, and per id the set-qualified trigger ids ("setId/triggerId") that fired.
 * Session storage: gone when the browser closes. Ids only, never text.
 */
export interface TabPrompts {
  ids: string[];
  triggers: Record<string, string[]>;
}
const isTriggerMap = (v: unknown): v is Record<string, string[]> => isRecord(v) && Object.values(v).every(isStringList);
export function tabPromptsItem(tabId: number): StoredItem<TabPrompts> {
  return defineStoredItem<TabPrompts>(`session:tab:${tabId}`, {
    fallback: { ids: [], triggers: {} },
    valid: (v): v is TabPrompts => isRecord(v) && isStringList(v.ids) && isTriggerMap(v.triggers),
    // Earlier releases stored the ids alone; session storage is emptied when the extension updates,
    // so no such value can meet this code (and one would read as the fallback): no migration needed.
    version: 1,
  });
}

/** The prompts seen today (any tab), ids only, with the local day they were seen on ("2026-12-07"). */
export interface SeenToday {
  day: string;
  ids: string[];
}
/** The local day, as "2026-12-07": the seen-today list's key. */
export function dayKey(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
export const seenTodayItem = defineStoredItem<SeenToday>('local:seenToday', {
  fallback: { day: '', ids: [] },
  valid: (v): v is SeenToday => isRecord(v) && typeof v.day === 'string' && isStringList(v.ids),
  version: 1,
});

/**
 * The worker's reflections (core/reflection/record.ts): local only, never sync, never sent. Written
 * whole, so a save or an import replaces the list in one step. See platform/reflections.ts.
 */
export const reflectionsItem = defineStoredItem<unknown[]>('local:reflections', { fallback: [], valid: (v): v is unknown[] => Array.isArray(v), version: 1 });

/** The reflections as they were before the last import, for "undo import" (null: nothing to undo). */
export const reflectionsBeforeImportItem = defineStoredItem<unknown[] | null>('local:reflectionsBeforeImport', {
  fallback: null,
  valid: (v): v is unknown[] => Array.isArray(v),
  version: 1,
});

/**
 * The per-install secret for record keys (core/usage/keys.ts), 32 random bytes in hex. Local storage
 * only: never synced, never in an export. See platform/usage.ts.
 */
export const usageSecretItem = defineStoredItem<string | null>('local:usageSecret', {
  fallback: null,
  valid: (v): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  version: 1,
});

/** Prompts quiet on a record: record key (a keyed hash, never the record id) → prompt id → when (ms). */
export const recordMemoryItem = defineStoredItem<RecordMemory>('local:recordMemory', { fallback: {}, valid: isRecordMemory, version: 1 });

/** Usage counts (core/usage/counts.ts): numbers per day and prompt-set cell, never text, addresses or record ids. */
export const usageCountsItem = defineStoredItem<CountStore>('local:usageCounts', {
  fallback: emptyStore(),
  valid: (v): v is CountStore => CountStoreSchema.safeParse(v).success,
  version: 1,
});

/** A random id put on count exports so that a manager counts one worker's two exports once. Not a name. */
export const usageWorkerItem = defineStoredItem<string | null>('local:usageWorker', {
  fallback: null,
  valid: (v): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v),
  version: 1,
});
