/**
 * Counts, never text: what happened to each prompt, as numbers, and the team report built from many
 * workers' count files.
 *
 * A cell is one trigger and learning point in one version of one prompt set (keyed by set id and
 * version, because triggers get renamed). Its counters: shown, opened, reflected, dismissed, snoozed,
 * notRelevant, and the optional reasons given with "not relevant". Cells are sparse: a counter left
 * out is 0.
 *
 * Kept locally as daily counts (UTC days); days older than ROLLUP_DAYS are merged into their month.
 * An export carries months only, with no page addresses, no record ids and no text: ids from the
 * prompt set and numbers. A team report needs files from MIN_WORKERS workers before it shows anything,
 * and shows every number under SMALL as "<5". A ranked row, or a month of the trends, that draws on
 * fewer than MIN_CONTRIBUTORS workers is left out (or shown as "<5"), so that none describes one worker.
 */
import * as z from 'zod/mini';

export const EVENTS = ['shown', 'opened', 'reflected', 'dismissed', 'snoozed', 'notRelevant'] as const;
export type UsageEvent = (typeof EVENTS)[number];
export const REASONS = ['notThisChild', 'alreadyConsidered', 'wrongLearningPoint', 'tooOften'] as const;
export type NotRelevantReason = (typeof REASONS)[number];
export const COUNTERS = [...EVENTS, ...REASONS] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Partial<Record<Counter, number>>;

export const ROLLUP_DAYS = 365;
export const COUNT_FILE_FORMAT = 'practice-prompts-counts';
export const COUNT_FILE_VERSION = 1;
export const MIN_WORKERS = 5;
export const SMALL = 5;
/** A ranked row or a month must draw on this many workers' files, so that none describes one worker. */
export const MIN_CONTRIBUTORS = 3;

/** Which cell: ids from a prompt set, never text. */
export interface Cell {
  set: string;
  setVersion: string;
  trigger: string;
  point: string;
}

/** A cell's key in the maps below: the four ids as a JSON array (ids may hold any character). */
export const cellKey = (c: Cell): string => JSON.stringify([c.set, c.setVersion, c.trigger, c.point]);
export function cellOf(key: string): Cell {
  const [set, setVersion, trigger, point] = JSON.parse(key) as string[];
  return { set: set!, setVersion: setVersion!, trigger: trigger!, point: point! };
}

/** period ("YYYY-MM-DD" or "YYYY-MM") → cell key → counts. */
export type Buckets = Record<string, Record<string, Counts>>;
export interface CountStore {
  version: 1;
  days: Buckets;
  months: Buckets;
}
export const emptyStore = (): CountStore => ({ version: 1, days: {}, months: {} });

/** Prompt-set ids (as the prompt-set schema has them), and a set version (a number, date or hash): never free text. */
const ID_SHAPE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const VERSION_SHAPE = /^[A-Za-z0-9._:-]+$/;
const Id = z.string().check(z.maxLength(80), z.regex(ID_SHAPE));
const SetVersion = z.string().check(z.maxLength(64), z.regex(VERSION_SHAPE));
/** Whether these are ids a cell can hold. */
export function isCell(c: Cell): boolean {
  return (
    [c.set, c.trigger, c.point].every((id) => typeof id === 'string' && id.length <= 80 && ID_SHAPE.test(id)) &&
    typeof c.setVersion === 'string' &&
    c.setVersion.length <= 64 &&
    VERSION_SHAPE.test(c.setVersion)
  );
}
function isCellKey(key: string): boolean {
  try {
    const a: unknown = JSON.parse(key);
    return Array.isArray(a) && a.length === 4 && isCell({ set: a[0], setVersion: a[1], trigger: a[2], point: a[3] });
  } catch {
    return false;
  }
}
const Count = z.number().check(z.int(), z.gte(0));
const CountsSchema = z.partialRecord(z.enum(COUNTERS), Count);
const BucketsSchema = (period: RegExp) => z.record(z.string().check(z.regex(period)), z.record(z.string().check(z.maxLength(400), z.refine(isCellKey)), CountsSchema));
export const CountStoreSchema = z.object({
  version: z.literal(1),
  days: BucketsSchema(/^\d{4}-\d{2}-\d{2}$/),
  months: BucketsSchema(/^\d{4}-\d{2}$/),
});

const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

function add(into: Counts, from: Counts): Counts {
  for (const [k, n] of Object.entries(from) as [Counter, number][]) if (n) into[k] = (into[k] ?? 0) + n;
  return into;
}

/**
 * The store with one event counted today (and a reason, with notRelevant, when one was given). A cell
 * whose ids are not ids is not counted (the store is returned as it was), so one bad call can never
 * make the whole store unreadable.
 */
export function countEvent(store: CountStore, cell: Cell, event: UsageEvent, now: number, reason?: NotRelevantReason): CountStore {
  if (!isCell(cell) || !EVENTS.includes(event)) return store;
  const day = dayOf(now);
  const key = cellKey(cell);
  const counts: Counts = { ...store.days[day]?.[key] };
  add(counts, { [event]: 1, ...(event === 'notRelevant' && reason ? { [reason]: 1 } : {}) });
  return { ...store, days: { ...store.days, [day]: { ...store.days[day], [key]: counts } } };
}

function mergeBucket(into: Record<string, Counts>, from: Record<string, Counts>): Record<string, Counts> {
  for (const [key, c] of Object.entries(from)) into[key] = add({ ...into[key] }, c);
  return into;
}

/** Days older than ROLLUP_DAYS merged into their months (a month may then hold both kinds). */
export function rollUp(store: CountStore, now: number): CountStore {
  const cutoff = dayOf(now - ROLLUP_DAYS * 24 * 60 * 60 * 1000);
  const days: Buckets = {};
  const months: Buckets = { ...store.months };
  for (const [day, cells] of Object.entries(store.days)) {
    if (day >= cutoff) {
      days[day] = cells;
      continue;
    }
    const month = day.slice(0, 7);
    months[month] = mergeBucket({ ...months[month] }, cells);
  }
  return { version: 1, days, months };
}

/** Every day and month bucket summed per month. */
export function byMonth(store: CountStore): Buckets {
  const out: Buckets = {};
  for (const [month, cells] of Object.entries(store.months)) out[month] = mergeBucket({ ...out[month] }, cells);
  for (const [day, cells] of Object.entries(store.days)) out[day.slice(0, 7)] = mergeBucket({ ...out[day.slice(0, 7)] }, cells);
  return out;
}

// ---- The count file ------------------------------------------------------------------------------

const RowSchema = z.object({ set: Id, setVersion: SetVersion, trigger: Id, point: Id, counts: CountsSchema });
export const CountFileSchema = z.object({
  format: z.literal(COUNT_FILE_FORMAT),
  version: z.literal(COUNT_FILE_VERSION),
  /** A random id per install, so that two exports from one worker count once. Not a person's name. */
  worker: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  /** When exported (ms). */
  exported: Count,
  months: z.record(z.string().check(z.regex(/^\d{4}-\d{2}$/)), z.array(RowSchema).check(z.maxLength(100_000))),
});
export type CountFile = z.infer<typeof CountFileSchema>;

/** The export: months only, sorted, ids and numbers only. */
export function toCountFile(store: CountStore, worker: string, now: number): CountFile {
  const months: CountFile['months'] = {};
  const all = byMonth(store);
  for (const month of Object.keys(all).sort()) {
    months[month] = Object.keys(all[month]!)
      .sort()
      .map((key) => ({ ...cellOf(key), counts: all[month]![key]! }));
  }
  return { format: COUNT_FILE_FORMAT, version: COUNT_FILE_VERSION, worker, exported: now, months };
}

export interface ImportProblem {
  name: string;
  error: string;
}
export interface Merged {
  /** month → cell key → counts, over every worker. */
  months: Buckets;
  /** How many different workers' files went in. */
  workers: number;
  /** How many workers' files count towards each cell (over all months) and each month. */
  contributors: { cells: Record<string, number>; months: Record<string, number> };
  /** Files taken, by name. */
  used: string[];
  /** Files not taken and why: unreadable, not a count file, a newer version, the same file twice, an older export. */
  problems: ImportProblem[];
}

/** Reads one file's text; a clear error otherwise. */
export function readCountFile(text: string): { ok: true; file: CountFile } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'is not JSON: not a count file' };
  }
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || o.format !== COUNT_FILE_FORMAT) return { ok: false, error: 'is not a Practice Prompts count file' };
  if (typeof o.version === 'number' && o.version > COUNT_FILE_VERSION)
    return { ok: false, error: `was written by a newer version (count file version ${o.version}; this one reads ${COUNT_FILE_VERSION}): update Practice Prompts to read it` };
  const r = CountFileSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0]!;
    return { ok: false, error: `is not a valid count file (${first.path.join('.') || 'file'}: ${first.message})` };
  }
  return { ok: true, file: r.data };
}

/**
 * Many files merged. A bad, foreign or newer-version file is named with its error and the rest still
 * merge; the same file twice is taken once; of two exports from one worker the newer is taken (counts
 * are cumulative) and the older named.
 */
export function mergeCountFiles(files: readonly { name: string; text: string }[]): Merged {
  const problems: ImportProblem[] = [];
  const newest = new Map<string, { name: string; file: CountFile }>();
  for (const { name, text } of files) {
    const r = readCountFile(text);
    if (!r.ok) {
      problems.push({ name, error: `${name} ${r.error}` });
      continue;
    }
    const had = newest.get(r.file.worker);
    if (!had) newest.set(r.file.worker, { name, file: r.file });
    else if (had.file.exported === r.file.exported) problems.push({ name, error: `${name} is the same file as ${had.name} (taken once)` });
    else {
      const [older, newer] = had.file.exported < r.file.exported ? [had, { name, file: r.file }] : [{ name, file: r.file }, had];
      newest.set(r.file.worker, newer);
      problems.push({ name: older.name, error: `${older.name} is an older export from the same worker as ${newer.name} (the newer one is taken)` });
    }
  }
  const months: Buckets = {};
  const contributors: Merged['contributors'] = { cells: {}, months: {} };
  for (const { file } of newest.values()) {
    const cells = new Set<string>();
    for (const [month, rows] of Object.entries(file.months)) {
      const bucket = (months[month] ??= {});
      for (const { counts, ...cell } of rows) {
        const key = cellKey(cell);
        bucket[key] = add({ ...bucket[key] }, counts);
        cells.add(key);
      }
      if (rows.length) contributors.months[month] = (contributors.months[month] ?? 0) + 1;
    }
    for (const key of cells) contributors.cells[key] = (contributors.cells[key] ?? 0) + 1;
  }
  return { months, workers: newest.size, contributors, used: [...newest.values()].map((v) => v.name), problems };
}

// ---- The team report -----------------------------------------------------------------------------

/** A number as a report shows it: under SMALL → "<5". */
export const shownAs = (n: number): string => (n < SMALL ? `<${SMALL}` : String(n));

type Source = Pick<Merged, 'months' | 'contributors'>;

/** Each cell's totals over all months (only cells that draw on MIN_CONTRIBUTORS workers, when `rankable`). */
function totals(merged: Source, rankable: boolean): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const cells of Object.values(merged.months))
    for (const [key, c] of Object.entries(cells))
      if (!rankable || (merged.contributors.cells[key] ?? 0) >= MIN_CONTRIBUTORS) out.set(key, add({ ...out.get(key) }, c));
  return out;
}

export interface NoisyTrigger extends Cell {
  shown: string;
  notRelevant: string;
  /** notRelevant / shown, 0–1. */
  share: number;
  reasons: Record<NotRelevantReason, string>;
}
/**
 * Triggers by their "not relevant" share, highest first. Only cells with at least SMALL showings and
 * SMALL "not relevant" presses are ranked: a share of a small number would give the number away.
 */
export function noisiestTriggers(merged: Source, limit = 10): NoisyTrigger[] {
  return [...totals(merged, true)]
    .filter(([, c]) => (c.shown ?? 0) >= SMALL && (c.notRelevant ?? 0) >= SMALL)
    .map(([key, c]) => ({
      ...cellOf(key),
      shown: shownAs(c.shown!),
      notRelevant: shownAs(c.notRelevant!),
      share: Math.min(1, c.notRelevant! / c.shown!),
      reasons: Object.fromEntries(REASONS.map((r) => [r, shownAs(c[r] ?? 0)])) as Record<NotRelevantReason, string>,
      _n: c.notRelevant!,
    }))
    .sort((a, b) => b.share - a.share || b._n - a._n || a.trigger.localeCompare(b.trigger))
    .slice(0, limit)
    .map(({ _n, ...t }) => t);
}

export interface OpenedPrompt extends Cell {
  opened: string;
}
/** Prompts by times opened, most first; those opened fewer than SMALL times are not ranked. */
export function mostOpened(merged: Source, limit = 10): OpenedPrompt[] {
  return [...totals(merged, true)]
    .filter(([, c]) => (c.opened ?? 0) >= SMALL)
    .sort(([ka, a], [kb, b]) => b.opened! - a.opened! || ka.localeCompare(kb))
    .slice(0, limit)
    .map(([key, c]) => ({ ...cellOf(key), opened: shownAs(c.opened!) }));
}

/** The learning points (of those the set has) never shown to anyone on the team. */
export function neverShown(merged: Source, points: readonly string[]): string[] {
  const shown = new Set<string>();
  for (const [key, c] of totals(merged, false)) if (c.shown) shown.add(cellOf(key).point);
  return [...new Set(points)].filter((p) => !shown.has(p)).sort();
}

export interface MonthTrend {
  month: string;
  counts: Record<UsageEvent, string>;
}
/** Each month's totals, oldest first (a month that draws on fewer than MIN_CONTRIBUTORS workers shows "<5" throughout). */
export function trendsByMonth(merged: Source): MonthTrend[] {
  return Object.keys(merged.months)
    .sort()
    .map((month) => {
      const few = (merged.contributors.months[month] ?? 0) < MIN_CONTRIBUTORS;
      const sum = Object.values(merged.months[month]!).reduce<Counts>((acc, c) => add(acc, c), {});
      return { month, counts: Object.fromEntries(EVENTS.map((e) => [e, few ? shownAs(0) : shownAs(sum[e] ?? 0)])) as Record<UsageEvent, string> };
    });
}

export type TeamReport =
  | { ready: false; workers: number; needed: number; problems: ImportProblem[] }
  | {
      ready: true;
      workers: number;
      problems: ImportProblem[];
      noisiest: NoisyTrigger[];
      mostOpened: OpenedPrompt[];
      neverShown: string[];
      trends: MonthTrend[];
    };

/** The whole report; nothing but the count of files until MIN_WORKERS workers' files are in. */
export function teamReport(merged: Merged, points: readonly string[]): TeamReport {
  if (merged.workers < MIN_WORKERS) return { ready: false, workers: merged.workers, needed: MIN_WORKERS, problems: merged.problems };
  return {
    ready: true,
    workers: merged.workers,
    problems: merged.problems,
    noisiest: noisiestTriggers(merged),
    mostOpened: mostOpened(merged),
    neverShown: neverShown(merged, points),
    trends: trendsByMonth(merged),
  };
}
