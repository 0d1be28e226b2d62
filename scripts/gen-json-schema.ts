/**
 * Writes schema/prompt-set.schema.json from the zod schema (core/schema/prompt-set.ts).
 *   npx tsx scripts/gen-json-schema.ts          write the file
 *   npx tsx scripts/gen-json-schema.ts --check  exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptSetJsonSchemaText } from '../core/prompt-sets/json-schema.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'prompt-set.schema.json');
const text = promptSetJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('schema/prompt-set.schema.json is stale: run npx tsx scripts/gen-json-schema.ts');
    process.exit(1);
  }
  console.log('schema/prompt-set.schema.json is up to date');
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
