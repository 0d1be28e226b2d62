/**
 * Settings: versioned, migrated, merged. Effective configuration = defaults < user < managed,
 * computed by one pure function. Nothing here holds typed text: only choices and derived counts.
 */
import * as z from 'zod/mini';
import { PromptSetSchema, type PromptSet, LIMITS, PROMPT_SET_VERSION } from '../schema/prompt-set.ts';
import { RecordPatternsSchema } from '../usage/record-schema.ts';
import type { RecordPattern } from '../usage/record.ts';

export const SETTINGS_VERSION = 2;

export const SurfaceSchema = z.enum(['chip', 'panel', 'both']);
export type Surface = z.infer<typeof SurfaceSchema>;

/** An origin such as "https://lcs.example.gov.uk" (no path). */
export const OriginSchema = z.string().check(
  z.maxLength(200),
  z.refine((s) => normaliseOrigin(s) === s, 'must be an origin like https://lcs.example.gov.uk'),
);

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Sites where prompts run (besides the demo and local test pages). */
  sites: z.array(OriginSchema).check(z.maxLength(500)),
  pausedEverywhere: z.boolean(),
  pausedSites: z.array(OriginSchema).check(z.maxLength(500)),
  surface: SurfaceSchema,
  maxPrompts: z.number().check(z.int(), z.gte(1), z.lte(5)),
  /** How long a dismissed prompt stays quiet on that page, in minutes. */
  cooldownMinutes: z.number().check(z.int(), z.gte(0), z.lte(24 * 60)),
  /** Learning points / local prompts switched off. */
  disabledPrompts: z.array(z.string().check(z.maxLength(LIMITS.idChars))).check(z.maxLength(1000)),
  localSets: z.array(PromptSetSchema).check(z.maxLength(LIMITS.sets)),
  /** "Not relevant" presses, kept only as local counts per prompt id. */
  notRelevant: z.record(z.string().check(z.maxLength(LIMITS.idChars)), z.number().check(z.int(), z.gte(0))),
  /**
   * How many days a prompt dismissed (or marked not relevant) on a record stays quiet on that record.
   * Optional, added within version 2: absent means DEFAULT_EXPIRY_DAYS (90, core/usage/keys.ts).
   */
  recordMemoryDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(730))),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  sites: [],
  pausedEverywhere: false,
  pausedSites: [],
  surface: 'chip',
  maxPrompts: 3,
  cooldownMinutes: 60,
  disabledPrompts: [],
  localSets: [],
  notRelevant: {},
}) as Settings;

/** Keys a policy may lock. */
export const LOCKABLE = ['sites', 'pausedEverywhere', 'surface', 'maxPrompts', 'cooldownMinutes', 'disabledPrompts', 'localSets'] as const;
export type LockableKey = (typeof LOCKABLE)[number];

export function normaliseOrigin(input: string): string | null {
  try {
    const u = new URL(input.includes('://') ? input : `https://${input}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Migrations. Version 1 (the first preview): { version: 1, sites: string[] (full URLs or hosts),
// maxPrompts, disabled: string[], surface?: 'inline' | 'sidebar' }. Unversioned objects are v1.

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Record<number, Migration> = {
  1: (old) => {
    const sites = Array.isArray(old.sites) ? old.sites.filter((s): s is string => typeof s === 'string') : [];
    const surface = old.surface === 'sidebar' ? 'panel' : 'chip';
    return {
      ...DEFAULT_SETTINGS,
      sites: [...new Set(sites.map(normaliseOrigin).filter((s): s is string => !!s))],
      maxPrompts: typeof old.maxPrompts === 'number' ? Math.min(5, Math.max(1, Math.round(old.maxPrompts))) : 3,
      disabledPrompts: Array.isArray(old.disabled) ? old.disabled.filter((s): s is string => typeof s === 'string') : [],
      surface,
    };
  },
};

/**
 * What this version read but could not use, and keeps unchanged for the newer version that wrote it.
 * Going back to older code (shipped under a higher version number) must lose nothing: the stored
 * value keeps its newer version, its unknown keys and its newer prompt sets (`settingsForStorage`),
 * and the newer code finds them all when it returns.
 *
 * The rule that makes this safe, for every future version: a key's meaning never changes. A new
 * meaning takes a new key (older code keeps it unread), and a prompt set whose meaning changes takes
 * a new format version (older code keeps it uncompiled).
 */
export interface Kept {
  /** The stored settings' version, when newer than this code's (`SETTINGS_VERSION`). */
  newerVersion: number | null;
  /** Stored keys this version does not know, or (in newer settings) could not read. */
  unreadKeys: string[];
  /** Local prompt sets this version cannot read (a newer format version): listed, never compiled. */
  newerSets: KeptSet[];
}
export interface KeptSet {
  id: string;
  name: string;
  /** The set's format version (or null when it has none we can read). */
  version: number | null;
}

export type LoadResult =
  | { ok: true; settings: Settings; migratedFrom: number | null; kept?: Kept }
  | { ok: false; settings: Settings; error: string; bad: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A stored local set of a newer format version than this code reads. */
function isNewerSet(v: unknown): boolean {
  return isObject(v) && typeof v.version === 'number' && v.version > PROMPT_SET_VERSION;
}
function keptSet(v: unknown): KeptSet {
  const o = isObject(v) ? v : {};
  const text = (x: unknown, fallback: string) => (typeof x === 'string' && x.trim() ? x.slice(0, LIMITS.titleChars) : fallback);
  return { id: text(o.id, '(no id)'), name: text(o.name, text(o.id, 'A prompt set')), version: typeof o.version === 'number' ? o.version : null };
}

/**
 * Settings written by a newer version: read what this version can, key by key (a key that does not
 * read keeps this version's default for now), and each local set on its own.
 */
function readNewer(value: Record<string, unknown>, from: number): { settings: Settings; kept: Kept } {
  const shape = SettingsSchema.shape as unknown as Record<string, z.ZodMiniType>;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const unreadKeys: string[] = [];
  const newerSets: KeptSet[] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'version') continue;
    if (key === 'localSets' && Array.isArray(raw)) {
      const sets: PromptSet[] = [];
      for (const s of raw) {
        const r = PromptSetSchema.safeParse(s);
        if (r.success && !sets.some((x) => x.id === r.data.id) && sets.length < LIMITS.sets) sets.push(r.data);
        else newerSets.push(keptSet(s));
      }
      out.localSets = sets;
      continue;
    }
    const schema = shape[key];
    const r = schema?.safeParse(raw);
    if (r?.success) out[key] = r.data;
    else unreadKeys.push(key);
  }
  const r = SettingsSchema.safeParse(out);
  // every key was checked on its own, so this holds; defaults if it ever does not
  return { settings: r.success ? r.data : { ...DEFAULT_SETTINGS }, kept: { newerVersion: from, unreadKeys, newerSets } };
}

/**
 * Read whatever is stored: migrate older versions; read what we can of a newer version (keeping the
 * rest, see `Kept`); fall back to defaults (keeping the bad value) when corrupt.
 */
export function loadSettings(stored: unknown): LoadResult {
  if (stored === undefined || stored === null) return { ok: true, settings: { ...DEFAULT_SETTINGS }, migratedFrom: null };
  if (!isObject(stored)) {
    return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: 'stored settings are not an object', bad: stored };
  }
  let value = stored;
  const from = typeof value.version === 'number' ? value.version : 1;
  if (from > SETTINGS_VERSION) {
    const { settings, kept } = readNewer(value, from);
    return { ok: true, settings, migratedFrom: null, kept };
  }
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const m = MIGRATIONS[v];
    if (!m) return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: `no migration from version ${v}`, bad: stored };
    value = m(value);
  }
  // Keys and prompt sets from a newer version that did not change the settings version: kept aside.
  const known = new Set(Object.keys(SettingsSchema.shape));
  const unreadKeys = Object.keys(value).filter((k) => !known.has(k));
  const newer = Array.isArray(value.localSets) ? value.localSets.filter(isNewerSet) : [];
  if (newer.length) value = { ...value, localSets: (value.localSets as unknown[]).filter((s) => !isNewerSet(s)) };
  // fill keys added within this version
  value = { ...DEFAULT_SETTINGS, ...value, version: SETTINGS_VERSION };
  const r = SettingsSchema.safeParse(value);
  if (!r.success) {
    return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: formatIssues(r.error.issues).join('; '), bad: stored };
  }
  const result: LoadResult = { ok: true, settings: r.data, migratedFrom: from === SETTINGS_VERSION ? null : from };
  if (unreadKeys.length || newer.length) result.kept = { newerVersion: null, unreadKeys, newerSets: newer.map(keptSet) };
  return result;
}

/**
 * The value to store for `next`, given what is stored now. When the stored value holds data this
 * version cannot read (`Kept`), that data is written back untouched, with the stored (newer) version
 * number: only the keys this version changed are replaced, and newer prompt sets stay in the list.
 * Otherwise `next` itself. Pure.
 */
export function settingsForStorage(next: Settings, stored: unknown): Settings | Record<string, unknown> {
  const r = loadSettings(stored);
  if (!r.ok || !isObject(stored)) return next;
  if (!r.kept) {
    // a local set written by a newer version may carry keys this version does not read (a new trigger
    // field): while the set is unchanged here, it is written back as stored, so nothing of it is lost
    const raw = Array.isArray(stored.localSets) ? stored.localSets : [];
    let changed = false;
    const localSets = next.localSets.map((s) => {
      const was = raw.find((x) => isObject(x) && x.id === s.id);
      if (was === undefined || sameJson(was, s)) return s;
      const p = PromptSetSchema.safeParse(was);
      if (!p.success || !sameJson(p.data, s)) return s;
      changed = true;
      return was as PromptSet;
    });
    return changed ? { ...next, localSets } : next;
  }
  const before = r.settings;
  const out: Record<string, unknown> = { ...stored };
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    if (key === 'version' || key === 'localSets') continue;
    if (!sameJson(next[key], before[key])) out[key] = next[key];
  }
  if (!sameJson(next.localSets, before.localSets)) {
    const raw = Array.isArray(stored.localSets) ? stored.localSets : [];
    const readable = new Map<string, unknown>();
    const unreadable: unknown[] = [];
    for (const s of raw) {
      const p = isNewerSet(s) ? null : PromptSetSchema.safeParse(s);
      if (p?.success) readable.set(p.data.id, s);
      else unreadable.push(s);
    }
    // this version's sets (as stored when unchanged, so a newer version's extra keys stay), then the kept ones
    const mine = next.localSets.map((s) => {
      const was = readable.get(s.id);
      const p = was === undefined ? null : PromptSetSchema.safeParse(was);
      return p?.success && sameJson(p.data, s) ? was : s;
    });
    const mineIds = new Set(next.localSets.map((s) => s.id));
    out.localSets = [...mine, ...unreadable.filter((s) => !(isObject(s) && typeof s.id === 'string' && mineIds.has(s.id)))];
  }
  out.version = Math.max(typeof stored.version === 'number' ? stored.version : 1, SETTINGS_VERSION);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Managed policy (storage.managed / Firefox policies.json "3rdparty").

const POLICY_SHAPE = {
  sites: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500))),
  /** Prompt sets as objects or as JSON strings (ADMX/registry can only carry strings). */
  promptSets: z.optional(z.array(z.union([z.string().check(z.maxLength(LIMITS.fileBytes)), z.unknown()])).check(z.maxLength(LIMITS.sets))),
  disabledPrompts: z.optional(z.array(z.string().check(z.maxLength(LIMITS.idChars))).check(z.maxLength(1000))),
  surface: z.optional(SurfaceSchema),
  maxPrompts: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  cooldownMinutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24 * 60))),
  pausedEverywhere: z.optional(z.boolean()),
  /** Open the welcome page on install even when installed by policy (true), or never (false). Not a setting: nothing to lock. */
  welcomeOnInstall: z.optional(z.boolean()),
  /** false: no usage counts are kept at all (core/usage/counts.ts). Absent or true: counts are kept, locally. Not a setting. */
  usageCounts: z.optional(z.boolean()),
  /** false: the worker cannot export their counts as a file. Absent or true: they can (opt-in, previewed). Not a setting. */
  usageExport: z.optional(z.boolean()),
  /** Where the record id is in a page address, per site (core/usage/record.ts); absent: the default patterns. */
  recordPatterns: z.optional(RecordPatternsSchema),
  /** Settings the user cannot change. Keys set above are locked too. */
  locked: z.optional(z.array(z.enum(LOCKABLE))),
};
export const PolicySchema = z.object(POLICY_SHAPE);
export type Policy = z.infer<typeof PolicySchema>;

export interface Effective {
  settings: Settings;
  /** Keys set by the organisation: shown as such and not editable. */
  locked: LockableKey[];
  /** Prompt sets from policy (validated); shown read-only. */
  managedSets: PromptSet[];
  /** Problems found in the policy (each with its path). Never fatal. */
  policyProblems: string[];
}

export function parsePolicy(raw: unknown): { policy: Policy; managedSets: PromptSet[]; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw as object).length === 0)) {
    return { policy: {}, managedSets: [], problems };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('policy: must be an object of settings');
    return { policy: {}, managedSets: [], problems };
  }
  // Each key on its own: one mistyped value must not drop (or unlock) the rest of the policy.
  const policy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const schema = (POLICY_SHAPE as Record<string, z.ZodMiniType>)[key];
    if (!schema) {
      problems.push(`policy ${key}: is not a setting Practice Prompts knows (ignored)`);
      continue;
    }
    const one = schema.safeParse(value);
    if (one.success) policy[key] = one.data;
    else {
      for (const iss of one.error.issues) {
        const sub = iss.path.length ? formatPath(iss.path) : '';
        problems.push(`policy ${key}${sub && !sub.startsWith('[') ? '.' : ''}${sub}: ${iss.message} (ignored)`);
      }
    }
  }
  const r = { data: policy as Policy };
  const managedSets: PromptSet[] = [];
  (r.data.promptSets ?? []).forEach((s, i) => {
    let value: unknown = s;
    if (typeof s === 'string') {
      try {
        value = JSON.parse(s);
      } catch {
        problems.push(`policy promptSets[${i}]: is not valid JSON`);
        return;
      }
    }
    const p = PromptSetSchema.safeParse(value);
    if (p.success) managedSets.push(p.data);
    else problems.push(...formatIssues(p.error.issues).map((m) => `policy promptSets[${i}].${m}`));
  });
  return { policy: r.data, managedSets, problems };
}

/** What a policy says about usage counts, their export and where record ids are (all on, default patterns, when it says nothing). */
export interface UsagePolicy {
  counts: boolean;
  export: boolean;
  recordPatterns: RecordPattern[];
}
export function usagePolicy(rawPolicy: unknown): UsagePolicy {
  const { policy } = parsePolicy(rawPolicy);
  const counts = policy.usageCounts !== false;
  return { counts, export: counts && policy.usageExport !== false, recordPatterns: policy.recordPatterns ?? [] };
}

/** defaults < user < managed. Pure. */
export function mergeSettings(user: Settings, rawPolicy: unknown): Effective {
  const { policy, managedSets, problems } = parsePolicy(rawPolicy);
  const s: Settings = { ...DEFAULT_SETTINGS, ...user };
  const locked = new Set<LockableKey>(policy.locked ?? []);
  if (policy.sites) {
    const origins = policy.sites.map(normaliseOrigin).filter((o): o is string => !!o);
    // managed sites are added to the user's own (the user cannot remove them)
    s.sites = [...new Set([...origins, ...(locked.has('sites') ? [] : user.sites)])];
    locked.add('sites');
  }
  if (policy.disabledPrompts) {
    s.disabledPrompts = [...new Set([...policy.disabledPrompts, ...(locked.has('disabledPrompts') ? [] : user.disabledPrompts)])];
    locked.add('disabledPrompts');
  }
  for (const k of ['surface', 'maxPrompts', 'cooldownMinutes', 'pausedEverywhere'] as const) {
    if (policy[k] !== undefined) {
      (s as Record<string, unknown>)[k] = policy[k];
      locked.add(k);
    }
  }
  if (locked.has('localSets')) s.localSets = [];
  return { settings: s, locked: [...locked], managedSets, policyProblems: problems };
}

/** Plain-words error lines with paths, e.g. `triggers[3].any[0]: must not be empty`. */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

/** Is `url` a page where prompts should run under these settings? */
export function siteState(url: string, s: Settings): 'demo' | 'on' | 'paused' | 'off' {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'off';
  }
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  const on = local || s.sites.includes(u.origin);
  if (!on) return 'off';
  if (s.pausedEverywhere || s.pausedSites.includes(u.origin)) return 'paused';
  return local ? 'demo' : 'on';
}
