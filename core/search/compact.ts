/**
 * A compact form of a MiniSearch index that loads without rebuilding it. MiniSearch's own `loadJSON`
 * inserts every term into a new radix tree (walking and splitting it) and turns every posting list from
 * an object into maps: tens of thousands of small objects before the first search. Here:
 * - the radix tree is written as it is (nested arrays, in its own order), and a node's Map is made the
 *   first time a search reads the node (a search walks about a tenth of the tree);
 * - every term's postings (field → document → term frequency) sit in one string, and a term's are
 *   decoded the first time a search reads them (a search reads a few dozen terms of thousands).
 * Loaded, the index is the one that was written, Map orders included: it serialises to the same JSON
 * and every search scores exactly as on the index it came from (tests/unit/core/search/compact.test.ts).
 *
 * This reads and writes MiniSearch's private fields. Its version is pinned (package.json), and the test
 * above fails if another version lays them out differently.
 */
import MiniSearch, { type Options } from 'minisearch';

/** A term's data: field id → (short document id → term frequency). */
type Postings = Map<number, Map<number, number>>;
/** A radix-tree node: edge label → child node, or '' → the term's postings. */
type Tree = Map<string, Tree | Postings>;

/** The private fields of MiniSearch 7 that hold an index. */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _index: { _tree: Tree; _prefix: string; _size: number | undefined };
}

/**
 * Format 1 (JSON). `tree`: `[label, child, label, child, …]`, where the child of the label '' is the
 * offset of the term's postings in `postings`. There, a term's postings are its fields separated by
 * spaces and ended by ';', each field `field,doc,freq,doc,freq…` in base 36.
 */
interface Compact {
  format: 1;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** short id, id, short id, id, … */
  documentIds: unknown[];
  fieldLength: [number, number[]][];
  storedFields: [number, Record<string, unknown> | undefined][];
  tree: unknown[];
  postings: string;
}

const LEAF = '';
const COMMA = 44;
const SPACE = 32;
const END = 59; // ';'

function internals(ms: unknown): Internals {
  const i = ms as Internals;
  if (!(i._index?._tree instanceof Map) || !(i._documentIds instanceof Map) || !(i._storedFields instanceof Map)) {
    throw new Error('compact index: this MiniSearch version keeps its index differently');
  }
  return i;
}

/** The index in compact form (a JSON text), for `loadCompact`. */
export function compactIndex<T>(ms: MiniSearch<T>): string {
  const i = internals(ms);
  if (i._index._prefix !== '') throw new Error('compact index: not a whole index');
  let postings = '';
  const num = (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`compact index: ${n} is not a count`);
    return n.toString(36);
  };
  const leaf = (p: Postings): number => {
    const at = postings.length;
    postings += [...p].map(([field, docs]) => [field, ...[...docs].flat()].map(num).join(',')).join(' ') + ';';
    return at;
  };
  const node = (t: Tree): unknown[] => [...t].flatMap(([label, child]) => [label, label === LEAF ? leaf(child as Postings) : node(child as Tree)]);
  const tree = node(i._index._tree);
  const out: Compact = {
    format: 1,
    documentCount: i._documentCount,
    nextId: i._nextId,
    dirtCount: i._dirtCount,
    fieldIds: i._fieldIds,
    averageFieldLength: i._avgFieldLength,
    documentIds: [...i._documentIds].flat(),
    fieldLength: [...i._fieldLength],
    storedFields: [...i._storedFields],
    tree,
    postings,
  };
  return JSON.stringify(out);
}

/** Decode a term's postings from the shared string (see `Compact`). */
function decode(s: string, at: number): Postings {
  const p: Postings = new Map();
  if (s.charCodeAt(at) === END) return p; // a term with no fields left
  let field = -1;
  let doc = -1;
  let docs = new Map<number, number>();
  let n = 0;
  for (let k = at; ; k++) {
    const c = s.charCodeAt(k);
    if (c === COMMA || c === SPACE || c === END) {
      if (field < 0) field = n;
      else if (doc < 0) doc = n;
      else {
        docs.set(doc, n);
        doc = -1;
      }
      n = 0;
      if (c !== COMMA) {
        p.set(field, docs);
        if (c === END) return p;
        field = -1;
        docs = new Map();
      }
    } else n = n * 36 + (c <= 57 ? c - 48 : c - 87);
  }
}

/**
 * A radix-tree node or a term's postings, built the first time anything reads it: a search walks a
 * tenth of the tree and decodes a few dozen terms' postings, so most of the index is never built. It
 * stands in for the Map MiniSearch keeps there (every Map method, delegated to the Map it builds)
 * without being one: thousands of plain objects cost less to make than Maps or Map subclasses.
 */
class Lazy {
  private map: Map<unknown, unknown> | undefined;
  constructor(
    /** A node's `[label, child, …]`, or the offset of a term's postings in `src`. */
    private readonly data: unknown[] | number,
    private readonly src: string,
  ) {}
  private get m(): Map<unknown, unknown> {
    return (this.map ??= typeof this.data === 'number' ? decode(this.src, this.data) : treeOf(this.data, this.src));
  }
  get size(): number {
    return this.m.size;
  }
  get(key: unknown) {
    return this.m.get(key);
  }
  has(key: unknown): boolean {
    return this.m.has(key);
  }
  set(key: unknown, value: unknown): this {
    this.m.set(key, value);
    return this;
  }
  delete(key: unknown): boolean {
    return this.m.delete(key);
  }
  clear(): void {
    this.m.clear();
  }
  forEach(cb: (value: unknown, key: unknown, map: unknown) => void, thisArg?: unknown): void {
    this.m.forEach((v, k) => cb.call(thisArg, v, k, this));
  }
  keys() {
    return this.m.keys();
  }
  values() {
    return this.m.values();
  }
  entries() {
    return this.m.entries();
  }
  [Symbol.iterator]() {
    return this.m[Symbol.iterator]();
  }
  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** A node's children (each built when first read). */
function treeOf(a: unknown[], src: string): Tree {
  const t: Tree = new Map();
  for (let k = 0; k < a.length; k += 2) t.set(a[k] as string, new Lazy(a[k + 1] as unknown[] | number, src) as unknown as Tree | Postings);
  return t;
}

/** Load an index written by `compactIndex` (the text, or the text parsed), with the options it was built with. */
export function loadCompact<T>(source: string | object, options: Options<T>): MiniSearch<T> {
  const c = (typeof source === 'string' ? JSON.parse(source) : source) as Compact;
  if (c?.format !== 1) throw new Error('compact index: unknown format');
  const ms = new MiniSearch<T>(options);
  const i = internals(ms);
  i._documentCount = c.documentCount;
  i._nextId = c.nextId;
  i._dirtCount = c.dirtCount;
  i._fieldIds = c.fieldIds;
  i._avgFieldLength = c.averageFieldLength;
  for (let k = 0; k < c.documentIds.length; k += 2) {
    const short = c.documentIds[k] as number;
    const id = c.documentIds[k + 1];
    i._documentIds.set(short, id);
    i._idToShortId.set(id, short);
  }
  i._fieldLength = new Map(c.fieldLength);
  i._storedFields = new Map(c.storedFields);
  i._index._tree = treeOf(c.tree, c.postings);
  i._index._size = undefined;
  return ms;
}
