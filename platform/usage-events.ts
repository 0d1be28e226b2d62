/**
 * The background's side of learning from use (issue 19): what the typed messages become.
 *
 * - Per-record memory: the record is read from the TAB's address (the sender's, never from the page's
 *   text or from anything the page sends), turned at once into its keyed hash (platform/usage.ts), and
 *   only the ids of the prompts quiet on it go back to the page.
 * - Counts: per prompt set (id and version), trigger and learning point, by day (core/usage/counts.ts),
 *   unless the organisation's policy switches counting off (`usageCounts: false`).
 *
 * A set's version is a hash of its content: triggers get renamed and rewritten, and counts from one
 * version must not be read as another's.
 */
import type { PromptAction } from './messages.ts';
import type { PageSets } from './page-sets.ts';
import { readPolicy } from './settings-store.ts';
import { countUsage, expireRecordMemory, quietOn, recordKeyForUrl, rememberQuiet } from './usage.ts';
import { usagePolicy, type Settings } from '../core/settings/settings.ts';
import { REASONS, type NotRelevantReason, type UsageEvent } from '../core/usage/counts.ts';
import { DEFAULT_EXPIRY_DAYS } from '../core/usage/keys.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';

/** The counter each choice on a prompt adds to. */
export const USAGE_EVENT_OF: Readonly<Record<PromptAction, UsageEvent>> = Object.freeze({
  dismiss: 'dismissed',
  'snooze-hour': 'snoozed',
  'snooze-today': 'snoozed',
  'not-relevant': 'notRelevant',
});

/** A reason code as sent, or undefined when it is not one of the codes (nothing else is kept). */
export function cleanReason(r: unknown): NotRelevantReason | undefined {
  return typeof r === 'string' && (REASONS as readonly string[]).includes(r) ? (r as NotRelevantReason) : undefined;
}

const daysOf = (s: Settings) => s.recordMemoryDays ?? DEFAULT_EXPIRY_DAYS;

/** The key of the record the tab's address shows (the organisation's patterns, or the default), or null. */
async function keyFor(url: string): Promise<string | null> {
  if (!url) return null;
  return recordKeyForUrl(url, usagePolicy(await readPolicy()).recordPatterns).catch(() => null);
}

/** The prompt ids quiet on the record this address shows now (none when it shows no record). */
export async function quietOnRecordNow(url: string, settings: Settings): Promise<string[]> {
  const key = await keyFor(url);
  return key ? quietOn(key, Date.now(), daysOf(settings)) : [];
}

/** Keeps a prompt quiet on the record this address shows (nothing when it shows none). */
export async function recordFor(url: string, settings: Settings, promptId: string): Promise<void> {
  const key = await keyFor(url);
  if (key) await rememberQuiet(key, promptId, Date.now(), daysOf(settings));
}

/** Drops what is past the expiry from the stored memory (on start-up: what is only filtered when read is gone from disk too). */
export function expireRecordsNow(settings: Settings): Promise<void> {
  return expireRecordMemory(Date.now(), daysOf(settings));
}

const versions = new WeakMap<PromptSet, Promise<string>>();
/** A set's version: the first 16 hex digits of the SHA-256 of its content. */
export function setVersion(set: PromptSet): Promise<string> {
  let v = versions.get(set);
  if (!v) {
    v = globalThis.crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(JSON.stringify(set)))
      .then((d) => Array.from(new Uint8Array(d).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join(''));
    versions.set(set, v);
  }
  return v;
}

/** Whether the organisation lets counts be kept (they are, unless its policy says `usageCounts: false`). */
export async function countingOn(): Promise<boolean> {
  return usagePolicy(await readPolicy()).counts;
}

/**
 * Counts one event for each prompt given, once per trigger that fired for it ("setId/triggerId", as
 * the page reported): a cell is a trigger and learning point in one version of one set. Nothing is
 * counted when policy switches counting off, or for a trigger whose set is not (or no longer) in use.
 */
export async function countFor(
  event: UsageEvent,
  prompts: readonly { id: string; triggers: readonly string[] }[],
  sets: () => Promise<PageSets>,
  reason?: NotRelevantReason,
): Promise<void> {
  if (!prompts.some((p) => p.triggers.length) || !(await countingOn())) return;
  const p = await sets();
  const all = [p.builtIn, ...p.others];
  for (const { id, triggers } of prompts) {
    for (const q of new Set(triggers)) {
      const [setId, trigger] = q.split('/');
      const set = all.find((s) => s.id === setId);
      if (!set || !trigger) continue;
      await countUsage({ set: set.id, setVersion: await setVersion(set), trigger, point: id }, event, reason);
    }
  }
}
