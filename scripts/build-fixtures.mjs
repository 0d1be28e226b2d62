#!/usr/bin/env node
/**
 * Builds the real-editor fixtures for the e2e suite: bundles one small entry per editor
 * (tests/fixtures/editors/src/<name>.js) into tests/fixtures/editors/.build/ (gitignored) and copies
 * TinyMCE's self-hosted assets (themes, models, icons, skins) beside it, so no fixture page loads
 * anything from a CDN. Skips in a few milliseconds when the inputs (entries, this script, the
 * installed editor versions) have not changed since the last build.
 *
 * esbuild is not a direct dependency: it comes with vite/tsx, which this project always installs.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const editors = join(root, 'tests/fixtures/editors');
const src = join(editors, 'src');
const out = join(editors, '.build');
const stampFile = join(out, '.stamp');

const ENTRIES = ['tinymce', 'ckeditor5', 'quill', 'tiptap', 'lexical'];
const PACKAGES = ['tinymce', 'ckeditor5', 'quill', '@tiptap/core', '@tiptap/starter-kit', 'lexical', '@lexical/plain-text', '@lexical/rich-text', '@lexical/history', 'esbuild'];
const TINYMCE_ASSETS = ['themes', 'models', 'icons', 'skins'];

/** An installed package's folder (some, like @tiptap/core, do not export their package.json). */
function pkgDir(name) {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules', name);
    if (dirname(dir) === dir) throw new Error(`editor fixtures: ${name} is not installed (npm install)`);
  }
}

function inputsHash() {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const f of readdirSync(src).sort()) h.update(f).update(readFileSync(join(src, f)));
  for (const p of PACKAGES) h.update(`${p}@${JSON.parse(readFileSync(join(pkgDir(p), 'package.json'), 'utf8')).version}`);
  return h.digest('hex');
}

const outputs = [...ENTRIES.map((e) => join(out, `${e}.js`)), join(out, 'ckeditor5.css'), join(out, 'quill.css'), ...TINYMCE_ASSETS.map((a) => join(out, 'tinymce', a))];
const hash = inputsHash();
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && outputs.every((f) => existsSync(f))) {
  console.log('editor fixtures up to date');
  process.exit(0);
}

const t0 = Date.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const { build } = await import('esbuild');
await build({
  entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, join(src, `${e}.js`)])),
  outdir: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.svg': 'dataurl', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.png': 'dataurl' },
});

const tiny = pkgDir('tinymce');
for (const a of TINYMCE_ASSETS) cpSync(join(tiny, a), join(out, 'tinymce', a), { recursive: true, filter: (f) => !f.endsWith('.d.ts') && !f.endsWith('.ts') });

const missing = outputs.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`editor fixtures: missing after build: ${missing.join(', ')}`);
  process.exit(1);
}
writeFileSync(stampFile, hash);
console.log(`editor fixtures built in ${Date.now() - t0} ms`);
