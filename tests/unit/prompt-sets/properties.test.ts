import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseImport, previewImport, exportSet, exportAll, setsOf, checkSet, isBundle, type ExportFile } from '../../../core/prompt-sets/io.ts';
import { PromptSetSchema, type PromptSet } from '../../../core/schema/prompt-set.ts';
import { SettingsSchema, type Settings } from '../../../core/settings/settings.ts';
import { applyImport, type ImportPlatform } from '../../../components/options/import-actions.ts';
import { KNOWN, promptSetArb, validSet, settingsWith, deepFreeze } from './fixtures.ts';

/** Every set in an accepted file is valid on its own terms. */
function assertValidFile(file: ExportFile) {
  for (const s of setsOf(file)) {
    expect(PromptSetSchema.safeParse(s).success).toBe(true);
    expect(checkSet(s, KNOWN)).toEqual({ ok: true, set: s });
  }
}

const CURRENT = deepFreeze(settingsWith({ localSets: [validSet({ id: 'a' }), validSet({ id: 'b', name: 'B' })], maxPrompts: 4, sites: ['https://lcs.example.gov.uk'] }));
const CURRENT_JSON = JSON.stringify(CURRENT);

function checkNeverChangesCurrent(file: ExportFile) {
  const p = previewImport(CURRENT, file);
  expect(JSON.stringify(CURRENT)).toBe(CURRENT_JSON);
  if (p.ok) expect(SettingsSchema.safeParse(p.next).success).toBe(true);
}

// --- mutations of a valid file -----------------------------------------------------------------

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
function mutate(root: unknown, path: Path, value: unknown, del: boolean): unknown {
  if (path.length === 0) return del ? undefined : value;
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (del) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const structuralMutation = (base: unknown) =>
  fc
    .tuple(fc.constantFrom(...paths(base)), fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom('', ' ', '\u202e', 'http://x', -1, 1e9, null, [], {})), fc.boolean())
    .map(([p, v, del]) => mutate(base, p, v, del));
const textMutation = (text: string) =>
  fc
    .tuple(fc.nat(text.length), fc.nat(8), fc.string({ maxLength: 4 }))
    .map(([i, cut, ins]) => text.slice(0, i) + ins + text.slice(Math.min(text.length, i + cut)));

const BASE = validSet();
const BASE_TEXT = exportSet(BASE);
const BUNDLE_TEXT = exportAll(settingsWith({ localSets: [validSet({ id: 'x' }), validSet({ id: 'y' })], maxPrompts: 2 }));

describe('property: export → import', () => {
  it('random valid sets round-trip exactly (object and text)', () => {
    fc.assert(
      fc.property(promptSetArb, (set) => {
        const text = exportSet(set);
        const r = parseImport(text, KNOWN);
        if (!r.ok) throw new Error(r.problems.join('\n'));
        expect(r.file).toEqual(set);
        expect(exportSet(r.file as PromptSet)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('random bundles of valid sets round-trip, and applying them gives exactly those sets', () => {
    fc.assert(
      fc.property(fc.uniqueArray(promptSetArb, { selector: (s) => s.id, maxLength: 4 }), fc.integer({ min: 1, max: 5 }), (sets, maxPrompts) => {
        const s = settingsWith({ localSets: sets, maxPrompts });
        const text = exportAll(s);
        const r = parseImport(text, KNOWN);
        if (!r.ok) throw new Error(r.problems.join('\n'));
        expect(isBundle(r.file) && r.file.sets).toEqual(sets);
        const p = previewImport(CURRENT, r.file);
        expect(p.ok).toBe(true);
        if (p.ok) {
          expect(p.next.localSets).toEqual(sets);
          expect(p.next.maxPrompts).toBe(maxPrompts);
        }
        expect(JSON.stringify(CURRENT)).toBe(CURRENT_JSON);
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: garbage never gets in', () => {
  it('fc.anything as JSON: never ok with an invalid set, never changes current', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const text = JSON.stringify(v) ?? String(v);
        const r = parseImport(text, KNOWN);
        if (r.ok) {
          assertValidFile(r.file);
          checkNeverChangesCurrent(r.file);
        } else expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('random strings: never throws, never ok unless valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const r = parseImport(text, KNOWN);
        if (r.ok) assertValidFile(r.file);
        else expect(r.problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('structural mutations of a valid set or bundle: accepted only when still valid; current untouched', () => {
    const bundleObj = JSON.parse(BUNDLE_TEXT);
    fc.assert(
      fc.property(fc.oneof(structuralMutation(BASE), structuralMutation(bundleObj)), (mutated) => {
        const r = parseImport(JSON.stringify(mutated) ?? 'undefined', KNOWN);
        if (r.ok) {
          assertValidFile(r.file);
          checkNeverChangesCurrent(r.file);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('text mutations of a valid file: accepted only when still valid', () => {
    fc.assert(
      fc.property(fc.oneof(textMutation(BASE_TEXT), textMutation(BUNDLE_TEXT)), (text) => {
        const r = parseImport(text, KNOWN);
        if (r.ok) {
          assertValidFile(r.file);
          checkNeverChangesCurrent(r.file);
        } else expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('previewImport never mutates its inputs, even for odd files', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        const file = deepFreeze(structuredClone({ format: 'practice-prompts/export', version: 1, sets: [v] })) as unknown as ExportFile;
        const before = JSON.stringify(file);
        const p = previewImport(CURRENT, file);
        expect(JSON.stringify(CURRENT)).toBe(CURRENT_JSON);
        expect(JSON.stringify(file)).toBe(before);
        if (p.ok) expect(SettingsSchema.safeParse(p.next).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// --- the fuzz run: 10,000 imports through the real apply path ------------------------------------

class FakeStore implements ImportPlatform {
  writes = 0;
  constructor(
    public settings: Settings,
    public last: Settings | null,
    private failWrite: 'no' | 'problems' | 'throw',
  ) {}
  readSettings = async () => structuredClone(this.settings);
  writeSettings = async (s: Settings) => {
    this.writes++;
    if (this.failWrite === 'throw') throw new Error('disk full');
    if (this.failWrite === 'problems') return ['storage said no'];
    const r = SettingsSchema.safeParse(s);
    if (!r.success) return ['invalid'];
    this.settings = structuredClone(r.data);
    return [];
  };
  readLastImport = async () => (this.last ? structuredClone(this.last) : null);
  saveLastImport = async (s: Settings | null) => {
    this.last = s ? structuredClone(s) : null;
  };
}

describe('fuzz: 10,000 generated imports', () => {
  it('no throw, no partial write: the store holds either the old settings or a whole valid new one', async () => {
    const bundleObj = JSON.parse(BUNDLE_TEXT);
    const input = fc.oneof(
      { weight: 3, arbitrary: textMutation(BASE_TEXT) },
      { weight: 3, arbitrary: structuralMutation(BASE).map((v) => JSON.stringify(v) ?? '') },
      { weight: 2, arbitrary: structuralMutation(bundleObj).map((v) => JSON.stringify(v) ?? '') },
      { weight: 1, arbitrary: fc.constant(BASE_TEXT) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom('no' as const, 'no' as const, 'problems' as const, 'throw' as const), async (text, failWrite) => {
        const oldLast = settingsWith({ maxPrompts: 1 });
        const store = new FakeStore(structuredClone(CURRENT) as Settings, oldLast, failWrite);
        const before = JSON.stringify(store.settings);
        const r = parseImport(text, KNOWN);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          return; // the page never gets as far as writing
        }
        accepted++;
        const out = await applyImport(store, r.file, null, {});
        expect(store.writes).toBeLessThanOrEqual(1);
        if (out.applied) {
          expect(SettingsSchema.safeParse(store.settings).success).toBe(true);
          expect(JSON.stringify(store.last)).toBe(before); // undo restores exactly
        } else {
          expect(JSON.stringify(store.settings)).toBe(before);
          expect(store.last).toEqual(oldLast);
          expect(out.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);
});
