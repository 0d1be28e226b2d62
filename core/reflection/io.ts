/**
 * Reflections to and from a JSON file, to move them to another machine. Pure. Follows the prompt-set
 * import (core/prompt-sets/io.ts): size checked before JSON.parse, every problem reported with its path
 * in plain words, a preview of what an import would do, and the next list computed whole so that the
 * caller writes it in one step (atomic) after keeping the old list for undo.
 */
import { plainError } from '../schema/error-wording.ts';
import { formatIssues } from '../settings/settings.ts';
import { describeJsonError } from '../prompt-sets/json-error.ts';
import { megabytes, utf8Length } from '../prompt-sets/io.ts';
import * as z from 'zod/mini';
import { ReflectionListSchema, sortReflections, type Reflection } from './record.ts';

export const REFLECTIONS_FORMAT = 'practice-prompts/reflections';
export const REFLECTIONS_VERSION = 1;
/** Reflections are longer than prompt sets: 4 MB. */
export const REFLECTIONS_FILE_BYTES = 4 * 1024 * 1024;

export const ReflectionsFileSchema = z.strictObject({
  format: z.literal(REFLECTIONS_FORMAT),
  version: z.literal(REFLECTIONS_VERSION),
  reflections: ReflectionListSchema,
});
export type ReflectionsFile = z.infer<typeof ReflectionsFileSchema>;

/** Canonical JSON (two-space indent, sorted newest first, trailing newline): round-trips through parseReflections. */
export function exportReflectionsJson(list: readonly Reflection[]): string {
  const file: ReflectionsFile = { format: REFLECTIONS_FORMAT, version: REFLECTIONS_VERSION, reflections: sortReflections(list) };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ParseReflectionsResult = { ok: true; file: ReflectionsFile } | { ok: false; problems: string[] };

export function parseReflections(text: string): ParseReflectionsResult {
  if (typeof text !== 'string') return { ok: false, problems: ['the file is not text'] };
  if (text.length > REFLECTIONS_FILE_BYTES || utf8Length(text) > REFLECTIONS_FILE_BYTES) return { ok: false, problems: [`file is larger than ${megabytes(REFLECTIONS_FILE_BYTES)}`] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: ['the file is empty'] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problems: [describeJsonError(body)] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: ['(file): must be a reflections export (an object with "format", "version" and "reflections")'] };
  }
  const o = value as Record<string, unknown>;
  if (o.format !== REFLECTIONS_FORMAT) {
    return { ok: false, problems: [o.format === undefined ? `format: is missing (a reflections export says "format": "${REFLECTIONS_FORMAT}")` : `format: must be "${REFLECTIONS_FORMAT}", not ${JSON.stringify(o.format).slice(0, 80)}`] };
  }
  if (typeof o.version === 'number' && o.version > REFLECTIONS_VERSION) {
    return { ok: false, problems: [`version: this file is from a newer version of Practice Prompts (version ${o.version}); this one reads version ${REFLECTIONS_VERSION}`] };
  }
  const r = ReflectionsFileSchema.safeParse(o, { error: plainError });
  const problems = r.success ? [] : formatIssues(r.error.issues);
  if (Array.isArray(o.reflections)) {
    const seen = new Map<string, number>();
    o.reflections.forEach((x, i) => {
      const id = x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null;
      if (id === null) return;
      const first = seen.get(id);
      if (first !== undefined) problems.push(`reflections[${i}].id: "${id}" is already used by reflections[${first}] in this file`);
      else seen.set(id, i);
    });
  }
  if (!r.success || problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, file: r.data };
}

export interface ImportPreview {
  /** In the file, not here. */
  added: Reflection[];
  /** Here and in the file, different: the file's copy replaces this one. */
  changed: Reflection[];
  /** Here and in the file, the same. */
  unchanged: number;
  /** Kept: here, not in the file (an import never deletes). */
  kept: number;
  /** The whole list after the import. */
  next: Reflection[];
}

const same = (a: Reflection, b: Reflection): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What importing `file` into `current` would do. Never mutates its inputs. */
export function previewReflectionsImport(current: readonly Reflection[], file: ReflectionsFile): ImportPreview {
  const here = new Map(current.map((r) => [r.id, r]));
  const incoming = new Set(file.reflections.map((r) => r.id));
  const added: Reflection[] = [];
  const changed: Reflection[] = [];
  let unchanged = 0;
  for (const r of file.reflections) {
    const old = here.get(r.id);
    if (!old) added.push(r);
    else if (same(old, r)) unchanged++;
    else changed.push(r);
  }
  const next = sortReflections([...current.filter((r) => !incoming.has(r.id)), ...file.reflections]);
  return { added, changed, unchanged, kept: current.filter((r) => !incoming.has(r.id)).length, next };
}

export function describePreview(p: ImportPreview): string {
  const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(p.added.length, 'new reflection')}, ${p.changed.length} replacing an older copy, ${p.unchanged} already here; ${n(p.kept, 'reflection')} here not in the file stay as they are.`;
}
