/**
 * Settings in extension storage. `local` only (sync quotas are too small for prompt sets).
 * Corrupt values are kept aside under `settingsCorrupt`, never silently discarded.
 */
import { browser } from 'wxt/browser';
import { loadSettings, mergeSettings, type Effective, type Settings, SettingsSchema, formatIssues } from '../core/settings/settings.ts';

export const KEYS = { settings: 'settings', corrupt: 'settingsCorrupt', quiet: 'quiet', lastImport: 'lastImport' } as const;

export interface Notice {
  at: number;
  error: string;
  value: unknown;
}

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get([KEYS.settings]);
  const r = loadSettings(got[KEYS.settings]);
  if (!r.ok) {
    const notice: Notice = { at: Date.now(), error: r.error, value: r.bad };
    await browser.storage.local.set({ [KEYS.corrupt]: notice, [KEYS.settings]: r.settings });
  } else if (r.migratedFrom !== null) {
    await browser.storage.local.set({ [KEYS.settings]: r.settings });
  }
  return r.settings;
}

/** Validate, then write whole: nothing saved half-way. Returns problems (empty when saved). */
export async function writeSettings(next: Settings): Promise<string[]> {
  const r = SettingsSchema.safeParse(next);
  if (!r.success) return formatIssues(r.error.issues);
  await browser.storage.local.set({ [KEYS.settings]: r.data });
  return [];
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
  const got = await browser.storage.local.get([KEYS.quiet]);
  const q = (got[KEYS.quiet] ?? {}) as Record<string, number>;
  const live: Record<string, number> = {};
  for (const [k, v] of Object.entries(q)) if (typeof v === 'number' && v > now) live[k] = v;
  return live;
}

export async function setQuiet(id: string, until: number): Promise<void> {
  const q = await readQuiet();
  q[id] = until;
  await browser.storage.local.set({ [KEYS.quiet]: q });
}

export async function readCorruptNotice(): Promise<Notice | null> {
  const got = await browser.storage.local.get([KEYS.corrupt]);
  return (got[KEYS.corrupt] as Notice | undefined) ?? null;
}
