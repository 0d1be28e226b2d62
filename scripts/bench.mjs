#!/usr/bin/env node
// npm run bench: bundles bench/run.ts the way the extension's code is bundled (ESM, minified, one
// module graph: no per-access module getters), then runs it with plain Node.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  outfile: '.tmp/bench.mjs',
  loader: { '.json': 'json' },
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['.tmp/bench.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
