/**
 * The compiled index as one flat byte buffer: compile once (at build time for the built-in set, in
 * the background for local and policy sets), then load in a page without compiling. Loading makes
 * typed-array views over the buffer (no copying, no hashing of surface forms) and parses one small
 * JSON header (triggers and phrase texts).
 *
 * A buffer carries the engine version and the hash of the sets it was compiled from; one that does
 * not match what the caller expects is rejected whole (`CompactError`), never half-used, and the
 * caller compiles afresh.
 *
 * Layout: "PPIX" | u32 engine version | u32 header length | header (UTF-8 JSON) | padding to 4 |
 * each typed array in `ARRAYS` order, each starting on a 4-byte boundary.
 */
import type { CompiledIndex, CompiledTrigger } from './compile.ts';
import { lookupTable, type CompiledReading } from './reading.ts';

/** Bump whenever the compiled layout or the compiler's output for the same sets changes. */
export const ENGINE_VERSION = 12;

const MAGIC = 0x58495050; // "PPIX" little-endian

type ArrayName =
  | 'table'
  | 'entryStart'
  | 'entryClass'
  | 'entryLo'
  | 'entryHi'
  | 'formFlags'
  | 'formWordStart'
  | 'formWordData'
  | 'firstStart'
  | 'firstData'
  | 'secondStart'
  | 'secondData'
  | 'pairHead'
  | 'pairNext'
  | 'pairStart'
  | 'pairSplit'
  | 'pairData'
  | 'phraseAnchor'
  | 'phraseWordStart'
  | 'phraseWordData'
  | 'refStart'
  | 'refTrigger'
  | 'refGroup'
  | 'noteFrom'
  | 'noteTo'
  | 'pairBits';

const ARRAYS: readonly ArrayName[] = [
  'table',
  'entryStart',
  'entryClass',
  'entryLo',
  'entryHi',
  'formFlags',
  'formWordStart',
  'formWordData',
  'firstStart',
  'firstData',
  'secondStart',
  'secondData',
  'pairHead',
  'pairNext',
  'pairStart',
  'pairSplit',
  'pairData',
  'phraseAnchor',
  'phraseWordStart',
  'phraseWordData',
  'refStart',
  'refTrigger',
  'refGroup',
  'noteFrom',
  'noteTo',
  'pairBits',
];

/**
 * Element types other than four-byte integers: one byte for flags, anchor positions and group
 * numbers; ids and offsets take two bytes when every value fits (the compiler chooses per array,
 * `narrowIds`) and the header records each array's width.
 */
const BYTES: Partial<Record<ArrayName, Uint8ArrayConstructor | Int8ArrayConstructor>> = {
  formFlags: Uint8Array,
  phraseAnchor: Uint8Array,
  refGroup: Int8Array,
};

type JsonTrigger = Omit<CompiledTrigger, 'context'> & {
  context: { effect: 'boost' | 'require'; fieldPhrases: number[]; pagePhrases: number[]; urls: readonly string[] } | null;
};

interface Header {
  setHash: string;
  /** False in a page's form: the phrase texts stay where the set was compiled (a page shows the note's own words). */
  texts: boolean;
  size: number;
  mask: number;
  lengths: number[];
  /** Bytes per element of each array (1, 2 or 4). */
  widths: number[];
  phraseText: readonly string[];
  triggers: JsonTrigger[];
  readings: JsonReading[];
}

/**
 * A compiled second reading as the header carries it; its keys and weights follow the index's arrays
 * (each reading's keys, then its weights, each Int32 on a 4-byte boundary): a page makes views, no parsing.
 */
interface JsonReading {
  set: number;
  setId: string;
  sections: string[];
  prompts: [string, number][];
  hold: number;
  holdCorroborated: number;
  /** null: the reading raises nothing (Infinity in CompiledReading). */
  raiseAt: number | null;
  raisePrompt: (string | null)[];
  triggerSections: number[];
  quiet: number[][];
  minWords: number;
  maxChars: number;
  scale: number;
  bias: number[];
  skip: number[];
  features: number;
}

export class CompactError extends Error {}

/** A stable hash (64-bit FNV-1a, hex) of the sets an index is compiled from, with the engine version. */
export function setsHash(sets: unknown): string {
  const text = `${ENGINE_VERSION}\u0000${JSON.stringify(sets)}`;
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * `texts: false` leaves the phrase texts out: the form pages load (their matches carry '' as the
 * phrase, which a page never shows; the "why" is the note's own words).
 */
export function encodeIndex(index: CompiledIndex, setHash: string, { texts = true }: { texts?: boolean } = {}): Uint8Array {
  const header: Header = {
    setHash,
    texts,
    size: index.size,
    mask: index.mask,
    lengths: ARRAYS.map((n) => index[n].length),
    widths: ARRAYS.map((n) => index[n].BYTES_PER_ELEMENT),
    phraseText: texts ? index.phraseText : [],
    triggers: index.triggers.map((t) => ({
      ...t,
      context: t.context ? { effect: t.context.effect, fieldPhrases: [...t.context.fieldPhrases], pagePhrases: [...t.context.pagePhrases], urls: t.context.urls } : null,
    })),
    readings: index.readings.map((r) => ({
      set: r.set,
      setId: r.setId,
      sections: [...r.sections],
      prompts: [...r.promptSection],
      hold: r.hold,
      holdCorroborated: r.holdCorroborated,
      raiseAt: Number.isFinite(r.raiseAt) ? r.raiseAt : null,
      raisePrompt: [...r.raisePrompt],
      triggerSections: [...r.triggerSections],
      quiet: r.quiet.map((q) => [...q]),
      minWords: r.minWords,
      maxChars: r.maxChars,
      scale: r.scale,
      bias: [...r.bias],
      skip: [...r.skip],
      features: r.keys.length,
    })),
  };
  const tail = index.readings.flatMap((r) => [r.keys, r.weights]);
  const json = new TextEncoder().encode(JSON.stringify(header));
  let offset = align(12 + json.length);
  const offsets: number[] = [];
  for (const n of ARRAYS) {
    offsets.push(offset);
    offset = align(offset + index[n].byteLength);
  }
  for (const a of tail) {
    offsets.push(offset);
    offset += a.byteLength;
  }
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, ENGINE_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  ARRAYS.forEach((n, i) => {
    const a = index[n];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[i]!);
  });
  tail.forEach((a, i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[ARRAYS.length + i]!));
  return out;
}

/**
 * Views over `bytes` (which must start on a 4-byte boundary of its buffer, as a fetched or decoded
 * ArrayBuffer does). Throws CompactError when the buffer is not a compact index of this engine
 * version, or (with `expectHash`) was compiled from other sets.
 */
export function decodeIndex(bytes: Uint8Array, expectHash?: string): CompiledIndex {
  if (bytes.byteLength < 12 || bytes.byteOffset % 4 !== 0) throw new CompactError('not a compact index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new CompactError('not a compact index');
  const version = view.getUint32(4, true);
  if (version !== ENGINE_VERSION) throw new CompactError(`compiled by engine version ${version}, this is ${ENGINE_VERSION}`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.byteLength) throw new CompactError('truncated header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  } catch {
    throw new CompactError('unreadable header');
  }
  if (expectHash !== undefined && header.setHash !== expectHash) throw new CompactError('compiled from other prompt sets');
  if (!Array.isArray(header.lengths) || header.lengths.length !== ARRAYS.length) throw new CompactError('bad header');
  let offset = align(12 + jsonLength);
  if (!Array.isArray(header.widths) || header.widths.length !== ARRAYS.length) throw new CompactError('bad header');
  const arrays = {} as Record<ArrayName, Int32Array | Uint16Array | Uint8Array | Int8Array>;
  ARRAYS.forEach((n, i) => {
    const len = header.lengths[i]!;
    const Type = BYTES[n] ?? (header.widths[i] === 2 ? Uint16Array : Int32Array);
    const bytesPer = Type.BYTES_PER_ELEMENT;
    if (header.widths[i] !== bytesPer) throw new CompactError('bad header');
    if (!Number.isInteger(len) || len < 0 || offset + len * bytesPer > bytes.byteLength) throw new CompactError('truncated arrays');
    arrays[n] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, len);
    offset = align(offset + len * bytesPer);
  });
  const triggers: CompiledTrigger[] = header.triggers.map((t) => ({
    ...t,
    context: t.context ? { effect: t.context.effect, fieldPhrases: new Set(t.context.fieldPhrases), pagePhrases: new Set(t.context.pagePhrases), urls: t.context.urls } : null,
  }));
  if (!Array.isArray(header.readings)) throw new CompactError('bad header');
  const int32s = (len: number): Int32Array => {
    if (!Number.isInteger(len) || len < 0 || offset + len * 4 > bytes.byteLength) throw new CompactError('truncated arrays');
    const a = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, len);
    offset += len * 4;
    return a;
  };
  const readings: CompiledReading[] = header.readings.map((r) => {
    const unit = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
    const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
    if (
      !Array.isArray(r.sections) ||
      !Array.isArray(r.bias) ||
      r.bias.length !== r.sections.length ||
      !r.bias.every(Number.isInteger) ||
      !Array.isArray(r.prompts) ||
      !r.prompts.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]) && e[1] >= 0 && e[1] < r.sections.length) ||
      !Array.isArray(r.skip) ||
      !r.skip.every(Number.isInteger) ||
      !unit(r.hold) ||
      !unit(r.holdCorroborated) ||
      !(r.raiseAt === null || (unit(r.raiseAt) && r.raiseAt > 0)) ||
      !Array.isArray(r.raisePrompt) ||
      r.raisePrompt.length !== r.sections.length ||
      !r.raisePrompt.every((p, s) => p === null || (typeof p === 'string' && r.prompts.some(([id, sec]) => id === p && sec === s))) ||
      !Array.isArray(r.triggerSections) ||
      r.triggerSections.length !== triggers.length ||
      !r.triggerSections.every(Number.isInteger) ||
      !Array.isArray(r.quiet) ||
      !r.quiet.every((q) => Array.isArray(q) && q.length > 0 && q.every(Number.isInteger)) ||
      !count(r.minWords) ||
      !count(r.maxChars) ||
      !(typeof r.scale === 'number' && r.scale > 0) ||
      !count(r.set) ||
      typeof r.setId !== 'string' ||
      !/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(r.setId)
    )
      throw new CompactError('bad header');
    const keys = int32s(r.features);
    const weights = int32s(r.features * r.sections.length);
    const skip = Int32Array.from(r.skip);
    return {
      set: r.set,
      setId: r.setId,
      sections: r.sections,
      promptSection: new Map(r.prompts),
      hold: r.hold,
      holdCorroborated: r.holdCorroborated,
      raiseAt: r.raiseAt ?? Infinity,
      raisePrompt: r.raisePrompt,
      triggerSections: Int32Array.from(r.triggerSections),
      quiet: r.quiet.map((q) => Int32Array.from(q)),
      minWords: r.minWords,
      maxChars: r.maxChars,
      keys,
      weights,
      bias: Int32Array.from(r.bias),
      scale: r.scale,
      skip,
      ...lookupTable(keys, skip),
    };
  });
  return {
    size: header.size,
    mask: header.mask,
    phraseText: header.phraseText,
    triggers,
    readings,
    ...(arrays as unknown as Pick<CompiledIndex, ArrayName>),
  };
}

const align = (n: number) => (n + 3) & ~3;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 for extension messaging, which carries JSON only (Chrome). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      s += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]! + (i + 1 < end ? B64[((b & 15) << 2) | (c >> 6)]! : '=') + (i + 2 < end ? B64[c & 63]! : '=');
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Decodes into a fresh, 4-byte-aligned buffer. */
export function fromBase64(text: string): Uint8Array {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const n = (text.length / 4) * 3 - pad;
  if (text.length % 4 !== 0) throw new CompactError('bad base64');
  const out = new Uint8Array(n);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = B64_INDEX[text.charCodeAt(i)]!;
    const b = B64_INDEX[text.charCodeAt(i + 1)]!;
    const c = B64_INDEX[text.charCodeAt(i + 2)]!;
    const d = B64_INDEX[text.charCodeAt(i + 3)]!;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < n) out[o++] = v >> 16;
    if (o < n) out[o++] = (v >> 8) & 255;
    if (o < n) out[o++] = v & 255;
  }
  return out;
}
