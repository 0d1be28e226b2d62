/**
 * What the options page's "Your prompt use" section needs from storage: the worker's own counts, the
 * count file to preview and save, and "forget everything". Built on platform/usage.ts and the storage
 * items; the component gets it as a small interface (tests pass a fake).
 */
import { byMonth, type Buckets } from '../core/usage/counts.ts';
import type { CountFile } from '../core/usage/counts.ts';
import { exportCounts, forgetCounts, forgetRecords, quietOn } from './usage.ts';
import { recordMemoryItem, usageCountsItem, usageSecretItem } from './storage-items.ts';
import { recogniseRecord, type RecordPattern } from '../core/usage/record.ts';
import { recordKey } from '../core/usage/keys.ts';
import { onPolicyChanged, readPolicy } from './settings-store.ts';
import { usagePolicy } from '../core/settings/settings.ts';

export interface UsagePlatform {
  /** The worker's own counts, summed per month (month → cell key → counts). */
  readCounts(): Promise<Buckets>;
  /** How many records have prompts kept quiet on them (keys only; never the record ids). */
  readRecordCount(): Promise<number>;
  /** The count file as it would be saved (months only, a random worker id, no text). */
  exportCounts(): Promise<CountFile>;
  /** Forgets the per-record memory (and its secret) and every count. */
  forgetEverything(): Promise<void>;
  /** What the organisation's policy allows: keeping counts, and exporting them (both on when it says nothing). */
  readPolicy?(): Promise<{ counts: boolean; export: boolean }>;
  /** The organisation's record patterns (none: the default patterns apply). */
  readRecordPatterns?(): Promise<RecordPattern[]>;
  /**
   * The prompt ids quiet now on the record this address shows (none when it shows no record). Read-only:
   * it never makes the secret (no secret yet means nothing is quiet anywhere), and neither the key nor the
   * record id leaves this function.
   */
  quietOnAddress?(url: string, days: number): Promise<string[]>;
  /** Called whenever the counts, the memory or the policy change, in any context. */
  onChange(cb: () => void): () => void;
}

export const usagePlatform: UsagePlatform = {
  readCounts: async () => byMonth(await usageCountsItem.getValue()),
  readRecordCount: async () => Object.keys(await recordMemoryItem.getValue()).length,
  exportCounts: () => exportCounts(),
  forgetEverything: async () => {
    await forgetRecords();
    await forgetCounts();
  },
  readPolicy: async () => {
    const p = usagePolicy(await readPolicy());
    return { counts: p.counts, export: p.export };
  },
  readRecordPatterns: async () => usagePolicy(await readPolicy()).recordPatterns,
  quietOnAddress: async (url, days) => {
    const stored = await usageSecretItem.getValue();
    if (!stored) return [];
    const rec = recogniseRecord(url, usagePolicy(await readPolicy()).recordPatterns);
    if (!rec) return [];
    const secret = Uint8Array.from(stored.match(/../g)!, (x) => parseInt(x, 16));
    return quietOn(await recordKey(secret, rec.origin, rec.id), Date.now(), days);
  },
  onChange: (cb) => {
    const offs = [usageCountsItem.watch(() => cb()), recordMemoryItem.watch(() => cb()), onPolicyChanged(cb)];
    return () => offs.forEach((off) => off());
  },
};
