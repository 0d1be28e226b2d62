/**
 * Per-record memory, on the extension's side: the per-install secret and the store of prompts quiet
 * on a record (core/usage/keys.ts has the rules, core/usage/record.ts reads the record from an address).
 *
 * The secret is 32 random bytes made on first use and kept in local storage only: never synced, never
 * exported (no export reads it). Whoever holds the whole profile holds the secret, and record ids are
 * small numbers, so such a person could test guesses; without the secret, a stored key says nothing.
 *
 * Call these from ONE context (the background): the content script sends the page address and gets
 * the quiet prompt ids back. Writes within a context are queued, so none is lost; two contexts making
 * the secret at the same moment could each make one, which is why only the background should.
 */
import { recordMemoryItem, usageCountsItem, usageSecretItem, usageWorkerItem } from './storage-items.ts';
import { recogniseRecord, type RecordPattern } from '../core/usage/record.ts';
import { countEvent, rollUp, toCountFile, type Cell, type CountFile, type NotRelevantReason, type UsageEvent } from '../core/usage/counts.ts';
import { DEFAULT_EXPIRY_DAYS, SECRET_BYTES, expireMemory, quietOnRecord, recordKey, rememberOnRecord } from '../core/usage/keys.ts';

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!, (x) => parseInt(x, 16));

let queue: Promise<unknown> = Promise.resolve();
/** Runs `job` after every earlier one in this context (a failed job does not stop the next). */
function queued<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** This install's secret, made (and stored) on first use. */
export function installSecret(): Promise<Uint8Array<ArrayBuffer>> {
  return queued(async () => {
    const stored = await usageSecretItem.getValue();
    if (stored) return fromHex(stored);
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
    await usageSecretItem.setValue(toHex(bytes));
    return bytes;
  });
}

/** The key of the record this address shows, or null when it shows none. The record id goes no further. */
export async function recordKeyForUrl(url: string, patterns: readonly RecordPattern[] = []): Promise<string | null> {
  const rec = recogniseRecord(url, patterns);
  return rec ? recordKey(await installSecret(), rec.origin, rec.id) : null;
}

/** Keeps a prompt quiet on a record (after "dismiss" or "not relevant" there). */
export function rememberQuiet(key: string, promptId: string, now = Date.now(), days = DEFAULT_EXPIRY_DAYS): Promise<void> {
  return queued(async () => recordMemoryItem.setValue(rememberOnRecord(await recordMemoryItem.getValue(), key, promptId, now, days)));
}

/** The prompts quiet on a record now. */
export async function quietOn(key: string, now = Date.now(), days = DEFAULT_EXPIRY_DAYS): Promise<string[]> {
  return quietOnRecord(await recordMemoryItem.getValue(), key, now, days);
}

/** Drops what is older than the expiry (e.g. on start-up, or when the setting changes). */
export function expireRecordMemory(now = Date.now(), days = DEFAULT_EXPIRY_DAYS): Promise<void> {
  return queued(async () => {
    const memory = await recordMemoryItem.getValue();
    const kept = expireMemory(memory, now, days);
    if (JSON.stringify(kept) !== JSON.stringify(memory)) await recordMemoryItem.setValue(kept);
  });
}

/** "Forget everything": the memory, and the secret too (so even a copy of old keys matches nothing new). */
export function forgetRecords(): Promise<void> {
  return queued(async () => {
    await recordMemoryItem.removeValue();
    await usageSecretItem.removeValue();
  });
}

// ---- Counts --------------------------------------------------------------------------------------

/** Counts one event (and its reason, with "not relevant"); days past 12 months are rolled up as it goes. */
export function countUsage(cell: Cell, event: UsageEvent, reason?: NotRelevantReason, now = Date.now()): Promise<void> {
  return queued(async () => usageCountsItem.setValue(rollUp(countEvent(await usageCountsItem.getValue(), cell, event, now, reason), now)));
}

/** The worker's count file, for them to preview and save (months only; a random worker id, made once). */
export function exportCounts(now = Date.now()): Promise<CountFile> {
  return queued(async () => {
    let worker = await usageWorkerItem.getValue();
    if (!worker) {
      worker = toHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
      await usageWorkerItem.setValue(worker);
    }
    return toCountFile(rollUp(await usageCountsItem.getValue(), now), worker, now);
  });
}

/** Forgets the counts (the worker id stays, so a later export still counts once). */
export function forgetCounts(): Promise<void> {
  return queued(() => usageCountsItem.removeValue());
}
