/**
 * Source-level privacy facts that docs/dpia.md relies on, checked over every product file (core/,
 * content/, dom/, platform/, components/, entrypoints/): nothing is kept in `storage.sync`, in web
 * storage, IndexedDB or cookies; every stored item is declared in platform/storage-items.ts in the
 * `local:` or `session:` area; and the only console output is the one warning listed here (it names a
 * policy site, never page text). The runtime proof is tests/e2e/privacy.spec.ts (a canary typed into a
 * page, then every storage area, message and log searched for it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRODUCT = ['core', 'content', 'dom', 'platform', 'components', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

/** What a source file does that the DPIA says product code does not (comments stripped first). */
function findings(code: string): string[] {
  const src = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const rules: [RegExp, string][] = [
    [/\bstorage\s*\.\s*sync\b/, 'uses storage.sync'],
    [/['"`]sync:/, 'declares a sync: storage item'],
    [/\b(localStorage|sessionStorage|indexedDB)\b/, 'uses web storage or IndexedDB'],
    [/\bdocument\s*\.\s*cookie\b/, 'uses cookies'],
    [/\bstorage\s*\.\s*defineItem\b/, 'defines a storage item outside platform/storage-items.ts'],
  ];
  for (const [re, what] of rules) if (re.test(src)) out.push(what);
  for (const m of src.matchAll(/\bconsole\s*\.\s*(\w+)\s*\(/g)) out.push(`console.${m[1]}`);
  return out;
}

/** The console output product code may make: file → the calls it may contain. */
const CONSOLE_ALLOWED: Record<string, string[]> = {
  // a site set by policy that the browser has not granted: the origin from the policy, no page text
  'entrypoints/background.ts': ['console.warn'],
};

describe('product code', () => {
  const files = PRODUCT.flatMap(sources);

  it('is found', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain(join('platform', 'storage-items.ts'));
  });

  it('uses no sync storage, web storage, IndexedDB or cookies, and logs only what is listed', () => {
    const problems: string[] = [];
    for (const f of files) {
      const key = f.replaceAll('\\', '/');
      let got = findings(readFileSync(f, 'utf8'));
      if (key === 'platform/storage-items.ts') got = got.filter((g) => g !== 'defines a storage item outside platform/storage-items.ts');
      const allowed = CONSOLE_ALLOWED[key] ?? [];
      got = got.filter((g) => !allowed.includes(g));
      for (const g of got) problems.push(`${key}: ${g}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares every stored item in the local or session area', () => {
    const src = readFileSync('platform/storage-items.ts', 'utf8');
    const keys = [...src.matchAll(/defineStoredItem(?:<[^(]*>)?\(\s*[`'"]([^`'"]+)[`'"]/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const k of keys) expect(k, k).toMatch(/^(local|session):/);
  });
});

describe('the scan can fail', () => {
  it('finds each thing it looks for', () => {
    expect(findings("await browser.storage.sync.set({ a: 1 });")).toContain('uses storage.sync');
    expect(findings("defineStoredItem('sync:notes', o);")).toContain('declares a sync: storage item');
    expect(findings('localStorage.setItem("x", text);')).toContain('uses web storage or IndexedDB');
    expect(findings('indexedDB.open("db");')).toContain('uses web storage or IndexedDB');
    expect(findings('document.cookie = "a=b";')).toContain('uses cookies');
    expect(findings("storage.defineItem('local:x');")).toContain('defines a storage item outside platform/storage-items.ts');
    expect(findings('console.log(note);')).toEqual(['console.log']);
    // comments and ordinary words do not count
    expect(findings('// console.log(x)\n/* storage.sync */ const synced = 1; const url = "https://x";')).toEqual([]);
  });
});
