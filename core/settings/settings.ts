/**
 * Settings: versioned, migrated, merged. Effective configuration = defaults < user < managed,
 * computed by one pure function. Nothing here holds typed text: only choices and derived counts.
 */
import * as z from 'zod/mini';
import { PromptSetSchema, type PromptSet, LIMITS } from '../schema/prompt-set.ts';

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

export type LoadResult =
  | { ok: true; settings: Settings; migratedFrom: number | null }
  | { ok: false; settings: Settings; error: string; bad: unknown };

/** Read whatever is stored: migrate older versions, and fall back to defaults (keeping the bad value) when corrupt. */
export function loadSettings(stored: unknown): LoadResult {
  if (stored === undefined || stored === null) return { ok: true, settings: { ...DEFAULT_SETTINGS }, migratedFrom: null };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: 'stored settings are not an object', bad: stored };
  }
  let value = stored as Record<string, unknown>;
  const from = typeof value.version === 'number' ? value.version : 1;
  if (from > SETTINGS_VERSION) {
    return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: `stored settings are from a newer version (${from})`, bad: stored };
  }
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const m = MIGRATIONS[v];
    if (!m) return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: `no migration from version ${v}`, bad: stored };
    value = m(value);
  }
  // fill keys added within this version
  value = { ...DEFAULT_SETTINGS, ...value, version: SETTINGS_VERSION };
  const r = SettingsSchema.safeParse(value);
  if (!r.success) {
    return { ok: false, settings: { ...DEFAULT_SETTINGS }, error: formatIssues(r.error.issues).join('; '), bad: stored };
  }
  return { ok: true, settings: r.data, migratedFrom: from === SETTINGS_VERSION ? null : from };
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
