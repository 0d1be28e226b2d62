/**
 * Record keys and the per-record memory, as pure functions.
 *
 * A record key is HMAC-SHA-256(per-install secret, origin + "\n" + record id), in hex. The stored keys
 * cannot be turned back into record ids without the secret. Honestly, though: record ids are small
 * numbers, so someone holding the whole profile (secret included) could try every id in turn. That is
 * why the secret stays in local storage only — never synced, never in an export.
 *
 * The memory maps a record key to the prompts quiet on that record and when each was silenced (`at`,
 * ms). Expiry is applied when read, against the current setting (default 90 days), so changing the
 * setting changes what is remembered without rewriting anything.
 */

export const SECRET_BYTES = 32;
export const DEFAULT_EXPIRY_DAYS = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The most records remembered; the oldest go first beyond it. */
export const MAX_RECORDS = 5000;

type Subtle = Pick<SubtleCrypto, 'importKey' | 'sign'>;

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** The record key (64 hex digits). `subtle` is WebCrypto's (Node 20 and browsers have it on globalThis). */
export async function recordKey(secret: Uint8Array<ArrayBuffer>, origin: string, id: string, subtle: Subtle = globalThis.crypto.subtle): Promise<string> {
  if (secret.length < SECRET_BYTES) throw new Error(`record key: the secret must be at least ${SECRET_BYTES} bytes`);
  // An origin never holds a newline; refusing one keeps "origin \n id" unambiguous.
  if (origin.includes('\n')) throw new Error('record key: not an origin');
  const key = await subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await subtle.sign('HMAC', key, new TextEncoder().encode(`${origin}\n${id}`)));
}

/** record key → prompt id → when it was silenced on that record (ms). */
export type RecordMemory = Record<string, Record<string, number>>;

const KEY_SHAPE = /^[0-9a-f]{64}$/;

/** Tells a stored memory from a corrupt one. */
export function isRecordMemory(v: unknown): v is RecordMemory {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(
    ([k, prompts]) =>
      KEY_SHAPE.test(k) &&
      typeof prompts === 'object' &&
      prompts !== null &&
      !Array.isArray(prompts) &&
      Object.values(prompts).every((at) => typeof at === 'number' && Number.isFinite(at)),
  );
}

const alive = (at: number, now: number, days: number) => at + days * DAY_MS > now;

/** The memory without what is older than `days` days (records left with nothing are dropped too). */
export function expireMemory(memory: RecordMemory, now: number, days: number = DEFAULT_EXPIRY_DAYS): RecordMemory {
  const out: RecordMemory = {};
  for (const [key, prompts] of Object.entries(memory)) {
    const kept = Object.fromEntries(Object.entries(prompts).filter(([, at]) => alive(at, now, days)));
    if (Object.keys(kept).length) out[key] = kept;
  }
  return out;
}

/** The memory with this prompt silenced on this record now (expired entries dropped, at most MAX_RECORDS). */
export function rememberOnRecord(memory: RecordMemory, key: string, promptId: string, now: number, days: number = DEFAULT_EXPIRY_DAYS): RecordMemory {
  const out = expireMemory(memory, now, days);
  out[key] = { ...out[key], [promptId]: now };
  const keys = Object.keys(out);
  if (keys.length > MAX_RECORDS) {
    const newest = (k: string) => Math.max(...Object.values(out[k]!));
    for (const k of keys.sort((a, b) => newest(a) - newest(b)).slice(0, keys.length - MAX_RECORDS)) delete out[k];
  }
  return out;
}

/** The prompts quiet on this record now. */
export function quietOnRecord(memory: RecordMemory, key: string, now: number, days: number = DEFAULT_EXPIRY_DAYS): string[] {
  return Object.entries(memory[key] ?? {})
    .filter(([, at]) => alive(at, now, days))
    .map(([id]) => id)
    .sort();
}
