/**
 * Settings in extension storage. `local` only (sync quotas are too small for prompt sets).
 * Corrupt values are kept aside (`corruptSettingsItem`), never silently discarded. Settings written by
 * a newer version (after going back to older code) are read as far as this version can, and what it
 * cannot read is written back untouched with every change (`settingsForStorage`); the newer value as
 * first met is also copied once to a key named after its version (`newerSettingsItem`), which no older
 * version overwrites. The items themselves are declared in storage-items.ts.
 */
import { browser } from 'wxt/browser';
import {
  loadSettings,
  mergeSettings,
  settingsForStorage,
  type Effective,
  type Kept,
  type Settings,
  SettingsSchema,
  formatIssues,
} from '../core/settings/settings.ts';
import { corruptSettingsItem, newerSettingsItem, quietItem, settingsItem, type Notice } from './storage-items.ts';

export type { Notice } from './storage-items.ts';

export async function readSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const r = loadSettings(stored);
  if (r.ok && r.kept?.newerVersion) {
    const aside = newerSettingsItem(r.kept.newerVersion);
    if ((await aside.getValue()) === null) await aside.setValue({ at: Date.now(), value: stored });
  }
  if (!r.ok) {
    const notice: Notice = { at: Date.now(), error: r.error, value: r.bad };
    await corruptSettingsItem.setValue(notice);
    await settingsItem.setValue(r.settings);
  } else if (r.migratedFrom !== null) {
    await settingsItem.setValue(r.settings);
  }
  return r.settings;
}

/** Validate, then write whole: nothing saved half-way. Returns problems (empty when saved). */
export async function writeSettings(next: Settings): Promise<string[]> {
  const r = SettingsSchema.safeParse(next);
  if (!r.success) return formatIssues(r.error.issues);
  await settingsItem.setValue(settingsForStorage(r.data, await settingsItem.getValue()));
  return [];
}

/** What the stored settings hold that this version cannot read and keeps unchanged (null: nothing). */
export async function readKept(): Promise<Kept | null> {
  const r = loadSettings(await settingsItem.getValue());
  return r.ok && r.kept ? r.kept : null;
}

export async function updateSettings(fn: (s: Settings) => Settings): Promise<string[]> {
  return writeSettings(fn(await readSettings()));
}

let lastPolicy: unknown = undefined;
/**
 * The organisation's policy. Firefox throws when no policy exists; Chrome returns {}. Right after
 * browser start Chrome can take seconds to answer: after `waitMs` we go on with the last policy we
 * read (or none) rather than keep a page waiting, and pick the answer up when it comes.
 */
export async function readPolicy(waitMs = 400): Promise<unknown> {
  const read = browser.storage.managed.get(null).then(
    (p) => (lastPolicy = p),
    () => (lastPolicy = {}),
  );
  if (lastPolicy !== undefined && waitMs === 0) return lastPolicy;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<unknown>((r) => (timer = setTimeout(() => r(lastPolicy ?? {}), waitMs)));
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readEffective(): Promise<Effective> {
  const [user, policy] = await Promise.all([readSettings(), readPolicy()]);
  return mergeSettings(user, policy);
}

export async function readQuiet(now = Date.now()): Promise<Record<string, number>> {
  const q = await quietItem.getValue();
  const live: Record<string, number> = {};
  for (const [k, v] of Object.entries(q)) if (typeof v === 'number' && v > now) live[k] = v;
  return live;
}

export async function setQuiet(id: string, until: number): Promise<void> {
  const q = await readQuiet();
  q[id] = until;
  await quietItem.setValue(q);
}

export async function readCorruptNotice(): Promise<Notice | null> {
  return corruptSettingsItem.getValue();
}

/** Called when the user's settings change (in any extension context). */
export function onSettingsChanged(cb: () => void): () => void {
  return settingsItem.watch(() => cb());
}

/** Called when the organisation's policy changes (the managed storage area). */
export function onPolicyChanged(cb: () => void): () => void {
  const l = (_changes: unknown, area: string) => {
    if (area === 'managed') cb();
  };
  browser.storage.onChanged.addListener(l);
  return () => browser.storage.onChanged.removeListener(l);
}
