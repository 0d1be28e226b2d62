/** core/usage/keys.ts: record keys (HMAC) and the per-record memory's expiry. */
import { describe, expect, it, vi } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  DAY_MS,
  MAX_RECORDS,
  expireMemory,
  isRecordMemory,
  quietOnRecord,
  recordKey,
  rememberOnRecord,
  type RecordMemory,
} from '../../../../core/usage/keys.ts';

const secretA = new Uint8Array(32).fill(1);
const secretB = new Uint8Array(32).fill(2);
const O = 'https://lcs.example.gov.uk';

describe('recordKey', () => {
  it('is HMAC-SHA-256(secret, origin \\n id) in hex (checked against node:crypto)', async () => {
    const want = createHmac('sha256', Buffer.from(secretA)).update(`${O}\n12345`).digest('hex');
    expect(await recordKey(secretA, O, '12345')).toBe(want);
    expect(want).toMatch(/^[0-9a-f]{64}$/);
  });
  it('the same record gives the same key', async () => {
    expect(await recordKey(secretA, O, '12345')).toBe(await recordKey(secretA, O, '12345'));
  });
  it('different installs (secrets) give different keys for the same record', async () => {
    expect(await recordKey(secretA, O, '12345')).not.toBe(await recordKey(secretB, O, '12345'));
  });
  it('different records, and the same id on another site, give different keys', async () => {
    const k = await recordKey(secretA, O, '12345');
    expect(await recordKey(secretA, O, '12346')).not.toBe(k);
    expect(await recordKey(secretA, 'https://other.example.org', '12345')).not.toBe(k);
  });
  it('the separator keeps origin and id apart: an origin with a newline is refused', async () => {
    await expect(recordKey(secretA, 'https://a.example\n1', '2')).rejects.toThrow(/not an origin/);
  });
  it('the key holds neither the id nor the origin', async () => {
    const k = await recordKey(secretA, O, '987654321');
    expect(k).not.toContain('987654321');
    expect(k).not.toContain('example');
  });
  it('refuses a short secret', async () => {
    await expect(recordKey(new Uint8Array(16), O, '1')).rejects.toThrow(/at least 32 bytes/);
  });
  it('takes WebCrypto as a parameter', async () => {
    const importKey = vi.fn(globalThis.crypto.subtle.importKey.bind(globalThis.crypto.subtle));
    const sign = vi.fn(globalThis.crypto.subtle.sign.bind(globalThis.crypto.subtle));
    const k = await recordKey(secretA, O, '1', { importKey, sign } as unknown as SubtleCrypto);
    expect(sign).toHaveBeenCalledOnce();
    expect(k).toBe(await recordKey(secretA, O, '1'));
  });
});

describe('the per-record memory', () => {
  const kA = 'a'.repeat(64);
  const kB = 'b'.repeat(64);
  const now = Date.UTC(2026, 5, 1);

  it('a prompt silenced on record A is quiet on A and not on B', () => {
    const m = rememberOnRecord({}, kA, 'p1', now);
    expect(quietOnRecord(m, kA, now + 1000)).toEqual(['p1']);
    expect(quietOnRecord(m, kB, now + 1000)).toEqual([]);
  });

  it('expiry: the default is 90 days', () => {
    const m = rememberOnRecord({}, kA, 'p1', now);
    expect(quietOnRecord(m, kA, now + 90 * DAY_MS - 1)).toEqual(['p1']);
    expect(quietOnRecord(m, kA, now + 90 * DAY_MS)).toEqual([]);
  });

  it('expiry: a configured number of days, applied when read', () => {
    const m = rememberOnRecord({}, kA, 'p1', now);
    expect(quietOnRecord(m, kA, now + 8 * DAY_MS, 7)).toEqual([]);
    expect(quietOnRecord(m, kA, now + 8 * DAY_MS, 30)).toEqual(['p1']);
  });

  it('expireMemory drops old entries, and records left empty', () => {
    const m: RecordMemory = { [kA]: { old: now - 91 * DAY_MS, fresh: now - DAY_MS }, [kB]: { old: now - 100 * DAY_MS } };
    expect(expireMemory(m, now)).toEqual({ [kA]: { fresh: now - DAY_MS } });
    expect(expireMemory(m, now, 365)).toEqual(m);
    expect(expireMemory(m, now, 0)).toEqual({});
    // pure: the input is untouched
    expect(Object.keys(m[kA]!)).toEqual(['old', 'fresh']);
  });

  it('remembering again refreshes the time; remembering expires old entries', () => {
    let m = rememberOnRecord({}, kA, 'p1', now);
    m = rememberOnRecord(m, kB, 'p2', now + 89 * DAY_MS);
    m = rememberOnRecord(m, kA, 'p1', now + 89 * DAY_MS);
    expect(m[kA]).toEqual({ p1: now + 89 * DAY_MS });
    m = rememberOnRecord(m, kB, 'p3', now + 200 * DAY_MS);
    expect(m).toEqual({ [kB]: { p3: now + 200 * DAY_MS } });
  });

  it('keeps at most MAX_RECORDS records, dropping the oldest', () => {
    let m: RecordMemory = {};
    for (let i = 0; i < MAX_RECORDS; i++) m[i.toString(16).padStart(64, '0')] = { p: now + i };
    m = rememberOnRecord(m, kA, 'p', now + MAX_RECORDS);
    expect(Object.keys(m)).toHaveLength(MAX_RECORDS);
    expect(m['0'.repeat(64)]).toBeUndefined();
    expect(m[kA]).toEqual({ p: now + MAX_RECORDS });
  });

  it('isRecordMemory tells a stored memory from a corrupt one', () => {
    expect(isRecordMemory({})).toBe(true);
    expect(isRecordMemory({ [kA]: { p: 1 } })).toBe(true);
    expect(isRecordMemory({ '12345': { p: 1 } })).toBe(false); // a key that is not a hash (a raw id) is refused
    expect(isRecordMemory({ [kA]: { p: 'x' } })).toBe(false);
    expect(isRecordMemory({ [kA]: [] })).toBe(false);
    expect(isRecordMemory([])).toBe(false);
    expect(isRecordMemory(null)).toBe(false);
  });
});
