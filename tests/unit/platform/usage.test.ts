/** platform/usage.ts against WXT's fake browser: the per-install secret and the per-record memory. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHmac } from 'node:crypto';
import { countUsage, expireRecordMemory, exportCounts, forgetCounts, forgetRecords, installSecret, quietOn, recordKeyForUrl, rememberQuiet } from '../../../platform/usage.ts';
import { recordMemoryItem, usageCountsItem, usageSecretItem } from '../../../platform/storage-items.ts';
import { readCountFile } from '../../../core/usage/counts.ts';
import { DAY_MS } from '../../../core/usage/keys.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

const O = 'https://lcs.example.gov.uk';
const everything = async () => ({
  local: await fakeBrowser.storage.local.get(null),
  sync: await fakeBrowser.storage.sync.get(null),
  session: await fakeBrowser.storage.session.get(null),
});

describe('the per-install secret', () => {
  it('is 32 random bytes, made once, kept in local storage only (never sync)', async () => {
    const s = await installSecret();
    expect(s).toHaveLength(32);
    expect(await installSecret()).toEqual(s);
    const all = await everything();
    expect(all.local).toEqual({ usageSecret: Buffer.from(s).toString('hex') });
    expect(all.sync).toEqual({});
    expect(all.session).toEqual({});
  });

  it('calls at the same moment make one secret', async () => {
    const [a, b, c] = await Promise.all([installSecret(), installSecret(), installSecret()]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('another install (profile) makes another secret', async () => {
    const a = await installSecret();
    fakeBrowser.reset();
    expect(await installSecret()).not.toEqual(a);
  });

  it('a corrupt stored secret is replaced by a new one', async () => {
    await fakeBrowser.storage.local.set({ usageSecret: 'short' });
    const s = await installSecret();
    expect(s).toHaveLength(32);
    expect(await usageSecretItem.getValue()).toBe(Buffer.from(s).toString('hex'));
  });
});

describe('record keys for page addresses', () => {
  it('is the HMAC of origin and id under this install’s secret; null where no record shows', async () => {
    const key = await recordKeyForUrl(`${O}/person/12345`);
    const secret = Buffer.from((await usageSecretItem.getValue())!, 'hex');
    expect(key).toBe(createHmac('sha256', secret).update(`${O}\n12345`).digest('hex'));
    expect(await recordKeyForUrl(`${O}/#/person/12345`)).toBe(key);
    expect(await recordKeyForUrl(`${O}/person/99`)).not.toBe(key);
    expect(await recordKeyForUrl(`${O}/people`)).toBeNull();
  });

  it('uses a manager’s patterns', async () => {
    expect(await recordKeyForUrl(`${O}/subject/7`)).toBeNull();
    expect(await recordKeyForUrl(`${O}/subject/7`, [{ origin: O, segments: ['subject'] }])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the per-record memory', () => {
  const now = Date.UTC(2026, 5, 1);

  it('dismissed on record A: quiet on A, not on B; storage holds keys, never the record id or address', async () => {
    const a = (await recordKeyForUrl(`${O}/person/424242`))!;
    const b = (await recordKeyForUrl(`${O}/person/515151`))!;
    await rememberQuiet(a, 'neglect-rarely-alone', now);
    expect(await quietOn(a, now + 1)).toEqual(['neglect-rarely-alone']);
    expect(await quietOn(b, now + 1)).toEqual([]);
    const stored = JSON.stringify(await everything());
    expect(stored).not.toMatch(/424242|515151|lcs\.example|person/);
    expect(await recordMemoryItem.getValue()).toEqual({ [a]: { 'neglect-rarely-alone': now } });
  });

  it('writes at the same moment are all kept', async () => {
    const k = 'c'.repeat(64);
    await Promise.all(['p1', 'p2', 'p3', 'p4'].map((p) => rememberQuiet(k, p, now)));
    expect(await quietOn(k, now)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('expires after 90 days by default, or the configured number of days', async () => {
    const k = 'd'.repeat(64);
    await rememberQuiet(k, 'p', now);
    expect(await quietOn(k, now + 89 * DAY_MS)).toEqual(['p']);
    expect(await quietOn(k, now + 90 * DAY_MS)).toEqual([]);
    expect(await quietOn(k, now + 8 * DAY_MS, 7)).toEqual([]);
    await expireRecordMemory(now + 10 * DAY_MS, 7);
    expect(await recordMemoryItem.getValue()).toEqual({});
  });

  it('expireRecordMemory keeps what is still fresh', async () => {
    await rememberQuiet('e'.repeat(64), 'old', now);
    await rememberQuiet('f'.repeat(64), 'new', now + 50 * DAY_MS);
    await expireRecordMemory(now + 100 * DAY_MS);
    expect(await recordMemoryItem.getValue()).toEqual({ ['f'.repeat(64)]: { new: now + 50 * DAY_MS } });
  });

  it('a corrupt memory reads as empty', async () => {
    await fakeBrowser.storage.local.set({ recordMemory: { '12345': { p: 1 } } });
    expect(await recordMemoryItem.getValue()).toEqual({});
  });

  it('"forget everything" empties the memory and makes a new secret, so old keys match nothing', async () => {
    const before = (await recordKeyForUrl(`${O}/person/1`))!;
    await rememberQuiet(before, 'p', now);
    await forgetRecords();
    expect(await everything()).toEqual({ local: {}, sync: {}, session: {} });
    expect(await quietOn(before, now)).toEqual([]);
    expect(await recordKeyForUrl(`${O}/person/1`)).not.toBe(before);
  });
});

describe('usage counts', () => {
  const cell = { set: 'briefing', setVersion: '3', trigger: 'alone-at-home', point: 'neglect-rarely-alone' };
  const now = Date.UTC(2026, 5, 1, 12);

  it('counts events per day, with reasons, all writes kept', async () => {
    await Promise.all([
      countUsage(cell, 'shown', undefined, now),
      countUsage(cell, 'shown', undefined, now),
      countUsage(cell, 'notRelevant', 'alreadyConsidered', now),
    ]);
    const s = await usageCountsItem.getValue();
    expect(Object.values(s.days['2026-06-01']!)).toEqual([{ shown: 2, notRelevant: 1, alreadyConsidered: 1 }]);
  });

  it('rolls up days older than 12 months as it counts', async () => {
    await countUsage(cell, 'shown', undefined, now - 400 * DAY_MS);
    await countUsage(cell, 'opened', undefined, now);
    const s = await usageCountsItem.getValue();
    expect(Object.keys(s.days)).toEqual(['2026-06-01']);
    expect(Object.keys(s.months)).toEqual(['2025-04']);
  });

  it('the export is a valid count file of months and ids, one worker id kept across exports, no secret in it', async () => {
    const secret = Buffer.from(await installSecret()).toString('hex');
    await countUsage(cell, 'shown', undefined, now);
    const a = await exportCounts(now);
    const b = await exportCounts(now + 1);
    expect(a.worker).toMatch(/^[0-9a-f]{32}$/);
    expect(b.worker).toBe(a.worker);
    expect(a.months).toEqual({ '2026-06': [{ ...cell, counts: { shown: 1 } }] });
    const text = JSON.stringify(a);
    expect(readCountFile(text).ok).toBe(true);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('2026-06-01');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('a corrupt count store reads as empty; forgetCounts empties it', async () => {
    await fakeBrowser.storage.local.set({ usageCounts: { version: 1, days: { x: 1 }, months: {} } });
    expect(await usageCountsItem.getValue()).toEqual({ version: 1, days: {}, months: {} });
    await countUsage(cell, 'shown', undefined, now);
    await forgetCounts();
    expect(await usageCountsItem.getValue()).toEqual({ version: 1, days: {}, months: {} });
  });
});
