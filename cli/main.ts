/**
 * `practice-prompts match [--set FILE] [--max N] [--json]`  text on stdin → the prompts the page would show
 * `practice-prompts check-set [--advice] FILE`               validate a prompt set; problems with paths; exit 2 on any;
 *                                                           --advice lists stop-list phrases that act as one word
 * `practice-prompts library --json`                          the whole learning library, for review
 * Bad arguments or files: one line on stderr, exit 2. Never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import * as z from 'zod/mini';
import { compile, matchText, whyWords } from '../core/matcher/index.ts';
import { PromptSetSchema, LIMITS, type PromptSet } from '../core/schema/prompt-set.ts';
import { formatIssues } from '../core/settings/settings.ts';
import { crossCheckSet } from '../core/prompt-sets/io.ts';
import { stopListAdvice } from '../core/prompt-sets/advice.ts';
import * as lib from '../content/library/index.ts';
import { catalogue, catalogueIds, sectionOf } from '../content/library/catalogue.ts';
import defaultSetJson from '../content/prompt-sets/default.json';

interface IO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

class UsageError extends Error {}

const USAGE = `usage:
  practice-prompts match [--set FILE] [--max N] [--json] < note.txt
  practice-prompts check-set [--advice] FILE
  practice-prompts library --json`;

export async function main(argv: string[], io: IO): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (cmd === 'match') return await match(rest, io);
    if (cmd === 'check-set') return checkSet(rest, io);
    if (cmd === 'library') return library(rest, io);
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout.write(USAGE + '\n');
      return 0;
    }
    throw new UsageError(cmd ? `unknown command "${cmd}"` : 'no command given');
  } catch (e) {
    const msg = e instanceof UsageError || e instanceof SetError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    io.stderr.write(`practice-prompts: ${msg.split('\n')[0]}\n`);
    if (e instanceof UsageError) io.stderr.write(USAGE + '\n');
    return 2;
  }
}

class SetError extends Error {}

function parseFlags(args: string[], spec: Record<string, 'bool' | 'value'>): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option --${name}`);
      if (kind === 'bool') flags[name] = true;
      else {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags[name] = v;
      }
    } else positional.push(a);
  }
  return { flags, positional };
}

export function readSetFile(path: string): { set: PromptSet | null; problems: string[] } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new SetError(`cannot read ${path}`);
  }
  if (size > LIMITS.fileBytes) return { set: null, problems: [`(file): is larger than ${LIMITS.fileBytes / 1_000_000} MB`] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { set: null, problems: [`(file): is not valid JSON (${(e as Error).message.split('\n')[0]})`] };
  }
  const r = PromptSetSchema.safeParse(data);
  if (!r.success) return { set: null, problems: formatIssues(r.error.issues) };
  // the same cross-checks as importing in the options page (one home: core/prompt-sets/io.ts)
  const problems = crossCheckSet(data, new Set(catalogueIds), '');
  return { set: problems.length ? null : r.data, problems };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function match(args: string[], io: IO): Promise<number> {
  const { flags, positional } = parseFlags(args, { set: 'value', json: 'bool', max: 'value' });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}" (the note is read from stdin)`);
  const max = flags.max === undefined ? 3 : Number(flags.max);
  if (!Number.isInteger(max) || max < 1 || max > 20) throw new UsageError('--max must be a whole number from 1 to 20');
  const sets: PromptSet[] = [defaultSetJson as PromptSet];
  if (typeof flags.set === 'string') {
    const { set, problems } = readSetFile(flags.set);
    if (!set) throw new SetError(`${flags.set}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more; run check-set)` : ''}`);
    sets.push(set);
  }
  const text = await readAll(io.stdin);
  const prompts = matchText(compile(sets), text, {}, { maxPrompts: max });
  const cards = new Map<string, { section: string; title: string }>();
  for (const e of catalogue) cards.set(e.id, { section: e.section.title, title: e.card.title });
  for (const s of sets) for (const p of s.prompts ?? []) cards.set(p.id, { section: s.name, title: p.title });
  const out = prompts.map((p) => ({
    id: p.id,
    section: cards.get(p.id)?.section ?? '',
    title: cards.get(p.id)?.title ?? p.id,
    matched: whyWords(text, p.spans),
    gentle: p.gentle,
  }));
  if (flags.json) io.stdout.write(JSON.stringify({ prompts: out }) + '\n');
  else if (!out.length) io.stdout.write('No prompts.\n');
  else for (const p of out) io.stdout.write(`${p.section} — ${p.title} [${p.id}] — matched: ${p.matched.map((m) => `"${m}"`).join(', ')}${p.gentle ? ' (softened: noted as not a concern)' : ''}\n`);
  return 0;
}

function checkSet(args: string[], io: IO): number {
  const { flags, positional } = parseFlags(args, { advice: 'bool' });
  if (positional.length !== 1) throw new UsageError('check-set takes one FILE');
  const { set, problems } = readSetFile(positional[0]!);
  if (!set) {
    for (const p of problems) io.stdout.write(`${p}\n`);
    io.stderr.write(`practice-prompts: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${positional[0]}\n`);
    return 2;
  }
  io.stdout.write(`ok: "${set.name}" — ${set.triggers.length} triggers, ${(set.prompts ?? []).length} local prompts\n`);
  // advice, not problems: the set loads either way
  const advice = stopListAdvice(set);
  if (flags.advice) for (const a of advice) io.stdout.write(`advice: ${a}\n`);
  else if (advice.length) io.stdout.write(`advice: ${advice.length} stop-list phrase${advice.length === 1 ? '' : 's'} act${advice.length === 1 ? 's' : ''} as a single word once little words are skipped (--advice lists them)\n`);
  return 0;
}

function library(args: string[], io: IO): number {
  const { flags, positional } = parseFlags(args, { json: 'bool' });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (!flags.json) throw new UsageError('library needs --json');
  const data = {
    attribution: lib.attribution,
    sections: lib.sections,
    learningPoints: lib.learningPoints.map((l) => ({ ...l, sectionTitle: sectionOf(l.id)?.title ?? '' })),
    widerMessages: lib.widerMessages,
    enduringThemes: lib.enduringThemes,
    context: lib.contextPages,
    keyData: lib.keyData,
    references: lib.references,
  };
  io.stdout.write(JSON.stringify(data, null, 2) + '\n');
  return 0;
}

// keep zod/mini referenced for the type-only import above in some bundlers
void z;
