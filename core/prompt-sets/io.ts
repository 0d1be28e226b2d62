/**
 * Import and export of prompt sets. Pure: no DOM, no browser APIs, nothing leaves the machine.
 *
 *  - parseImport: text → a validated file, or EVERY problem found, each with its path
 *    (`triggers[3].any[0]: must not be empty`). Size is checked before JSON.parse.
 *  - previewImport: what applying a file would do to the settings (added / changed / removed),
 *    and the complete next settings, validated. Never mutates its inputs.
 *  - exportSet / exportAll: canonical JSON that round-trips exactly through parseImport.
 *
 * Two file shapes are accepted: one prompt set (format "practice-prompts/prompt-set"), or an
 * export bundle (format "practice-prompts/export") carrying several sets and, optionally, a
 * subset of the noise settings.
 */
import * as z from 'zod/mini';
import { READING_TRIGGER } from '../matcher/reading.ts';
import { CONCEPT_PREFIX, distinctGroups, LIMITS, migratePromptSet, PROMPT_SET_FORMAT, PROMPT_SET_VERSION, PromptSetSchema, type PromptSet } from '../schema/prompt-set.ts';
import { formatIssues, SettingsSchema, type LockableKey, type Settings } from '../settings/settings.ts';
import { describeJsonError } from './json-error.ts';
import { plainError } from '../schema/error-wording.ts';

export const EXPORT_FORMAT = 'practice-prompts/export';
export const EXPORT_VERSION = 1;

/** The settings an export bundle may carry (never counts, pauses or anything about notes). */
export const SETTINGS_SUBSET_KEYS = ['disabledPrompts', 'maxPrompts', 'cooldownMinutes', 'surface', 'sites'] as const;
export type SettingsSubsetKey = (typeof SETTINGS_SUBSET_KEYS)[number];

const shape = SettingsSchema.shape;
export const SettingsSubsetSchema = z.object({
  disabledPrompts: z.optional(shape.disabledPrompts),
  maxPrompts: z.optional(shape.maxPrompts),
  cooldownMinutes: z.optional(shape.cooldownMinutes),
  surface: z.optional(shape.surface),
  sites: z.optional(shape.sites),
});
export type SettingsSubset = z.infer<typeof SettingsSubsetSchema>;

export const ExportBundleSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** true: the local sets not in this file are removed on import (a full backup being restored). */
  replace: z.optional(z.boolean()),
  sets: z.array(PromptSetSchema).check(z.maxLength(LIMITS.sets, `must have at most ${LIMITS.sets} prompt sets`)),
  settings: z.optional(SettingsSubsetSchema),
});
export type ExportBundle = z.infer<typeof ExportBundleSchema>;

/** A parsed import: one prompt set, or an export bundle. Tell them apart by `format`. */
export type ExportFile = PromptSet | ExportBundle;

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

export function isBundle(file: ExportFile): file is ExportBundle {
  return file.format === EXPORT_FORMAT;
}

/** The prompt sets a file carries, in file order. */
export function setsOf(file: ExportFile): PromptSet[] {
  return isBundle(file) ? file.sets : [file];
}

/** UTF-8 length without allocating (the file limit is on bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Megabytes, as people say them (2_000_000 or 2 × 1024 × 1024 bytes: "2 MB"). */
export const megabytes = (bytes: number): string => `${bytes % 1_048_576 === 0 ? bytes / 1_048_576 : bytes / 1_000_000} MB`;

export const TOO_LARGE = `file is larger than ${megabytes(LIMITS.fileBytes)}`;

/**
 * Read an import. `knownIds` are the ids a trigger may lead to besides the set's own local prompts
 * (the library's learning points and wider messages).
 */
export function parseImport(text: string, knownIds: ReadonlySet<string>): ParseResult {
  if (typeof text !== 'string') return { ok: false, problems: ['the file is not text'] };
  // UTF-8 is never shorter than UTF-16 code units, so the cheap test first.
  if (text.length > LIMITS.fileBytes || utf8Length(text) > LIMITS.fileBytes) return { ok: false, problems: [TOO_LARGE] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Notepad's byte-order mark
  if (body.trim() === '') return { ok: false, problems: ['the file is empty'] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problems: [describeJsonError(body)] };
  }
  return checkImportValue(value, knownIds);
}

/** Validate an already-parsed value as an import (a prompt set or an export bundle). */
export function checkImportValue(value: unknown, knownIds: ReadonlySet<string>): ParseResult {
  if (value === null || typeof value !== 'object') {
    return { ok: false, problems: ['(file): must be a prompt set or an export bundle (an object), not ' + describe(value)] };
  }
  if (Array.isArray(value)) {
    return { ok: false, problems: ['(file): must be a prompt set or an export bundle (an object), not a list'] };
  }
  const o = value as Record<string, unknown>;
  const bundle = o.format === EXPORT_FORMAT || (o.format !== PROMPT_SET_FORMAT && 'sets' in o && !('triggers' in o));
  const problems: string[] = [];
  let file: ExportFile | null = null;
  if (bundle) {
    const r = ExportBundleSchema.safeParse(o, { error: plainError });
    if (r.success) file = r.data;
    else problems.push(...formatIssues(r.error.issues).map((p) => explainTopLevel(p, o, EXPORT_FORMAT, EXPORT_VERSION)));
    if (Array.isArray(o.sets)) {
      const seen = new Map<string, number>();
      o.sets.forEach((s, i) => {
        const sid = isObj(s) && typeof s.id === 'string' ? s.id : null;
        if (sid !== null) {
          const first = seen.get(sid);
          if (first !== undefined) problems.push(`sets[${i}].id: "${sid}" is already used by sets[${first}] in this file`);
          else seen.set(sid, i);
        }
        problems.push(...crossCheckSet(s, knownIds, `sets[${i}].`));
      });
    }
  } else {
    const r = PromptSetSchema.safeParse(o, { error: plainError });
    if (r.success) file = r.data;
    else problems.push(...formatIssues(r.error.issues).map((p) => explainTopLevel(p, o, PROMPT_SET_FORMAT, PROMPT_SET_VERSION)));
    problems.push(...crossCheckSet(o, knownIds, ''));
  }
  if (problems.length > 0 || !file) return { ok: false, problems: dedupe(problems) };
  // version 1 sets read as they always did, stamped as the current version
  return { ok: true, file: isBundle(file) ? { ...file, sets: file.sets.map(migratePromptSet) } : migratePromptSet(file) };
}

/**
 * Check one prompt set (e.g. from the editor): schema, cross-references, and ids already taken
 * by other sets (`takenSetIds`).
 */
export function checkSet(
  value: unknown,
  knownIds: ReadonlySet<string>,
  takenSetIds: ReadonlySet<string> = new Set(),
): { ok: true; set: PromptSet } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const r = PromptSetSchema.safeParse(value, { error: plainError });
  if (!r.success) problems.push(...formatIssues(r.error.issues));
  problems.push(...crossCheckSet(value, knownIds, ''));
  if (isObj(value) && typeof value.id === 'string' && takenSetIds.has(value.id)) {
    problems.push(`id: another prompt set already uses "${value.id}"`);
  }
  if (problems.length > 0 || !r.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, set: r.data };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return String(v);
  return typeof v;
}

/**
 * Remove repeats, and follow-on messages for an empty value ("must not be empty" says it all;
 * "must not be blank" or "must contain a letter" at the same path add nothing).
 */
function dedupe(lines: string[]): string[] {
  const unique = [...new Set(lines)];
  const empty = new Set(unique.filter((l) => l.endsWith(': must not be empty')).map((l) => l.slice(0, -': must not be empty'.length)));
  return unique.filter((l) => {
    if (l.endsWith(': must not be empty')) return true;
    const i = l.indexOf(': ');
    return i < 0 || !empty.has(l.slice(0, i));
  });
}

/** Friendlier words for a wrong or missing `format` / `version` at the top of the file. */
function explainTopLevel(line: string, o: Record<string, unknown>, format: string, version: number): string {
  if (line.startsWith('format: ')) {
    if (o.format === undefined) return `format: is missing (a prompt set says "format": "${PROMPT_SET_FORMAT}")`;
    return `format: must be "${PROMPT_SET_FORMAT}" (one prompt set) or "${EXPORT_FORMAT}" (an export), not ${JSON.stringify(o.format).slice(0, 80)}`;
  }
  if (line.startsWith('version: ') && typeof o.version === 'number' && o.version > version) {
    return `version: this file is from a newer version of Practice Prompts (version ${o.version}); this one reads version ${version} of "${format}"`;
  }
  return line;
}

/**
 * Cross-references inside one (possibly invalid) set, read defensively: duplicate trigger and
 * prompt ids, leadsTo ids that are neither known nor local, local prompt ids that hide a
 * learning point.
 */
export function crossCheckSet(raw: unknown, knownIds: ReadonlySet<string>, prefix: string): string[] {
  if (!isObj(raw)) return [];
  const out: string[] = [];
  const local = new Map<string, number>();
  const concepts = new Set(isObj(raw.concepts) ? Object.keys(raw.concepts) : []);
  const sensitive = new Set(Array.isArray(raw.sensitive) ? raw.sensitive.filter((x): x is string => typeof x === 'string') : []);
  if (Array.isArray(raw.prompts)) {
    raw.prompts.forEach((p, i) => {
      if (!isObj(p) || typeof p.id !== 'string' || p.id === '') return;
      const first = local.get(p.id);
      if (first !== undefined) out.push(`${prefix}prompts[${i}].id: "${p.id}" is already used by prompts[${first}]`);
      else local.set(p.id, i);
      if (knownIds.has(p.id)) out.push(`${prefix}prompts[${i}].id: "${p.id}" is the id of a built-in learning point; choose another id`);
    });
  }
  if (Array.isArray(raw.triggers)) {
    const seen = new Map<string, number>();
    raw.triggers.forEach((t, i) => {
      if (!isObj(t)) return;
      if (typeof t.id === 'string' && t.id !== '') {
        const first = seen.get(t.id);
        if (first !== undefined) out.push(`${prefix}triggers[${i}].id: "${t.id}" is already used by triggers[${first}]`);
        else seen.set(t.id, i);
      }
      if (Array.isArray(t.leadsTo)) {
        t.leadsTo.forEach((to, j) => {
          if (typeof to !== 'string' || to === '') return;
          if (!knownIds.has(to) && !local.has(to)) {
            out.push(`${prefix}triggers[${i}].leadsTo[${j}]: "${to.slice(0, LIMITS.idChars)}" is not a learning point or a prompt in this set`);
          }
        });
      }
      // concept references must name a concept of this set
      const lists: [string, unknown][] = [['any', t.any], ['not', t.not], ['ruledOutBy', t.ruledOutBy]];
      if (Array.isArray(t.all)) t.all.forEach((l, g) => lists.push([`all[${g}]`, l]));
      for (const [where, list] of lists) {
        if (!Array.isArray(list)) continue;
        list.forEach((p, k) => {
          if (typeof p === 'string' && p.startsWith(CONCEPT_PREFIX) && !concepts.has(p.slice(1))) {
            out.push(`${prefix}triggers[${i}].${where}[${k}]: "${p.slice(0, LIMITS.phraseChars)}" names no concept of this set (add it under "concepts")`);
          }
        });
      }
      // two signals for a sensitive prompt
      if (Array.isArray(t.leadsTo) && Array.isArray(t.any) && t.leadsTo.some((to) => sensitive.has(to as string))) {
        const all = Array.isArray(t.all) ? t.all.filter(Array.isArray) : [];
        if (distinctGroups({ any: t.any as string[], all: all as string[][] }) < 2) {
          out.push(
            `${prefix}triggers[${i}].all: leads to a sensitive prompt (${t.leadsTo.filter((to) => sensitive.has(to as string)).join(', ')}), which needs two independent signals: add an "all" list of other phrases`,
          );
        }
      }
    });
  }
  // a concept lists phrases; naming another concept inside it would be dropped when the set is compiled
  if (isObj(raw.concepts)) {
    for (const [name, list] of Object.entries(raw.concepts)) {
      if (!Array.isArray(list)) continue;
      list.forEach((p, k) => {
        if (typeof p === 'string' && p.startsWith(CONCEPT_PREFIX)) {
          out.push(`${prefix}concepts.${name.slice(0, LIMITS.idChars)}[${k}]: "${p.slice(0, LIMITS.phraseChars)}" names a concept inside a concept, which is not read: list that concept's phrases here instead`);
        }
      });
    }
  }
  // the second reading raises a prompt on the note's reading alone: one signal, so never a sensitive prompt
  const raise = isObj(raw.reading) && isObj(raw.reading.raise) ? raw.reading.raise : null;
  if (raise && Array.isArray(raw.triggers)) {
    raw.triggers.forEach((t, i) => {
      if (isObj(t) && t.id === READING_TRIGGER) {
        out.push(`${prefix}triggers[${i}].id: "${READING_TRIGGER}" is what a prompt the second reading raised reports; with reading.raise, choose another id`);
      }
    });
  }
  if (raise && isObj(raise.prompts)) {
    for (const [sec, p] of Object.entries(raise.prompts)) {
      if (typeof p === 'string' && sensitive.has(p)) {
        out.push(`${prefix}reading.raise.prompts.${sec.slice(0, LIMITS.idChars)}: "${p.slice(0, LIMITS.idChars)}" is a sensitive prompt, which needs two signals of the set's own phrases: the reading cannot raise it`);
      }
    }
  }
  for (const key of ['exclude', 'excludeNote'] as const) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    list.forEach((p, k) => {
      if (typeof p === 'string' && p.startsWith(CONCEPT_PREFIX) && !concepts.has(p.slice(1))) {
        out.push(`${prefix}${key}[${k}]: "${p.slice(0, LIMITS.phraseChars)}" names no concept of this set (add it under "concepts")`);
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Preview and apply.

export interface ImportOptions {
  /** Keys set by the organisation (Effective.locked): never changed by an import. */
  locked?: readonly LockableKey[];
  /** Ids a local set may not take: the built-in set and the organisation's sets. */
  reservedSetIds?: ReadonlySet<string>;
}

export interface ImportPreview {
  ok: true;
  /** Ids of sets new to this browser. */
  added: string[];
  /** Ids of sets replaced by a different version. */
  changed: string[];
  /** Ids of local sets removed (only for an export bundle with `replace: true`). */
  removed: string[];
  /** Ids of sets already present and identical. */
  unchanged: string[];
  /** Settings keys whose value the import changes. */
  settingsChanged: SettingsSubsetKey[];
  /** Plain-words notes about what was not applied (locked by the organisation). */
  skipped: string[];
  /** The complete settings to write, validated by SettingsSchema. */
  next: Settings;
}

export type PreviewResult = ImportPreview | { ok: false; problems: string[] };

/** Canonical form of a set: the schema's key order, unknown keys dropped. */
function canonicalSet(set: PromptSet): PromptSet {
  const r = PromptSetSchema.safeParse(set);
  return r.success ? r.data : set;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What applying `file` to `current` (the user's own settings) would do. Pure: neither argument
 * is mutated and `next` shares no objects with them.
 */
export function previewImport(current: Settings, file: ExportFile, options: ImportOptions = {}): PreviewResult {
  // Re-check the shape: callers may hand us anything, and a preview must never be built on garbage.
  const checked = isObj(file) && file.format === EXPORT_FORMAT ? ExportBundleSchema.safeParse(file, { error: plainError }) : PromptSetSchema.safeParse(file, { error: plainError });
  if (!checked.success) return { ok: false, problems: dedupe(formatIssues(checked.error.issues)) };
  const f = checked.data as ExportFile;
  const base = SettingsSchema.safeParse(current, { error: plainError });
  if (!base.success) return { ok: false, problems: formatIssues(base.error.issues).map((p) => `current settings ${p}`) };
  const cur = base.data; // a fresh copy
  const locked = new Set(options.locked ?? []);
  const reserved = options.reservedSetIds ?? new Set<string>();
  const incoming = setsOf(f);
  const replace = isBundle(f) && f.replace === true;
  const problems: string[] = [];

  if (locked.has('localSets') && (incoming.length > 0 || replace)) {
    problems.push('Your organisation manages prompt sets on this browser, so prompt sets cannot be imported.');
  }
  incoming.forEach((s, i) => {
    if (reserved.has(s.id)) {
      const where = isBundle(f) ? `sets[${i}].id` : 'id';
      problems.push(`${where}: "${s.id}" is a prompt set that comes with Practice Prompts or from your organisation; give the imported set another id`);
    }
  });

  const byId = new Map(incoming.map((s) => [s.id, s] as const));
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  const unchanged: string[] = [];
  // Sets with a known id are replaced in place and new ones appended; a full restore
  // (replace: true) leaves exactly the file's sets, in the file's order.
  const localSets: PromptSet[] = [];
  const present = new Set<string>();
  for (const s of cur.localSets) {
    const inc = byId.get(s.id);
    present.add(s.id);
    if (inc) {
      if (!replace) localSets.push(inc);
      (same(canonicalSet(s), inc) ? unchanged : changed).push(s.id);
    } else if (replace) {
      removed.push(s.id);
    } else {
      localSets.push(s);
    }
  }
  for (const s of incoming) {
    if (replace) localSets.push(s);
    if (!present.has(s.id)) {
      added.push(s.id);
      if (!replace) localSets.push(s);
    }
  }
  if (localSets.length > LIMITS.sets) {
    problems.push(`This import would leave ${localSets.length} local prompt sets; the most allowed is ${LIMITS.sets}. Delete some sets first.`);
  }

  const next: Record<string, unknown> = { ...cur, localSets };
  const settingsChanged: SettingsSubsetKey[] = [];
  const skipped: string[] = [];
  if (isBundle(f) && f.settings) {
    for (const k of SETTINGS_SUBSET_KEYS) {
      const v = f.settings[k];
      if (v === undefined) continue;
      if (locked.has(k)) {
        if (!same(v, cur[k])) skipped.push(`${k} is set by your organisation, so the value in the file was not used`);
        continue;
      }
      if (!same(v, cur[k])) settingsChanged.push(k);
      next[k] = v;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const r = SettingsSchema.safeParse(next, { error: plainError });
  if (!r.success) return { ok: false, problems: formatIssues(r.error.issues) };
  return { ok: true, added, changed, removed, unchanged, settingsChanged, skipped, next: r.data };
}

// ---------------------------------------------------------------------------------------------
// Export.

/** JSON as we write it everywhere: two-space indent and a final newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function exportSet(set: PromptSet): string {
  return canonicalJson(canonicalSet(set));
}

/**
 * Everything a user made: their local sets and their noise settings (sites, surface, limits,
 * switched-off prompts). Never counts, pauses or anything typed. `replace` (default true) makes
 * importing the file restore exactly these local sets.
 */
export function exportAll(settings: Settings, options: { replace?: boolean } = {}): string {
  const bundle: ExportBundle = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    replace: options.replace ?? true,
    sets: settings.localSets,
    settings: {
      disabledPrompts: settings.disabledPrompts,
      maxPrompts: settings.maxPrompts,
      cooldownMinutes: settings.cooldownMinutes,
      surface: settings.surface,
      sites: settings.sites,
    },
  };
  const r = ExportBundleSchema.safeParse(bundle);
  return canonicalJson(r.success ? r.data : bundle);
}

/** A friendly file name for a download. */
export function exportFileName(set: PromptSet | null): string {
  return set ? `${set.id}.prompt-set.json` : 'practice-prompts-export.json';
}
