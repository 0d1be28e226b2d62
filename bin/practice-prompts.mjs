#!/usr/bin/env node
// Practice Prompts command line: runs the TypeScript CLI through tsx (no build step, nothing fetched).
import { register } from 'tsx/esm/api';

register();
process.stdout.on('error', () => process.exit(0));
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
