/**
 * The reflective log's storage: `storage.local` only (never `sync`, never a message), through the
 * versioned items in storage-items.ts. Each reflection is validated on the way in and on the way out;
 * one that cannot be read is kept aside in the stored list (never silently dropped) and reported.
 */
import { ReflectionSchema, sortReflections, upsertReflection, type Reflection } from '../core/reflection/record.ts';
import { previewReflectionsImport, type ImportPreview, type ReflectionsFile } from '../core/reflection/io.ts';
import { reflectionsBeforeImportItem, reflectionsItem } from './storage-items.ts';

export interface StoredReflections {
  reflections: Reflection[];
  /** How many stored entries could not be read (kept in storage, not shown). */
  unreadable: number;
}

function read(raw: readonly unknown[]): { ok: Reflection[]; bad: unknown[] } {
  const ok: Reflection[] = [];
  const bad: unknown[] = [];
  for (const x of raw) {
    const r = ReflectionSchema.safeParse(x);
    if (r.success) ok.push(r.data);
    else bad.push(x);
  }
  return { ok, bad };
}

export async function loadReflections(): Promise<StoredReflections> {
  const { ok, bad } = read(await reflectionsItem.getValue());
  return { reflections: sortReflections(ok), unreadable: bad.length };
}

/** Write `list` (validated), keeping any unreadable entries that were stored. */
async function writeAll(list: readonly Reflection[]): Promise<void> {
  const { bad } = read(await reflectionsItem.getValue());
  await reflectionsItem.setValue([...sortReflections(list.map((r) => ReflectionSchema.parse(r))), ...bad]);
}

export async function saveReflection(r: Reflection): Promise<Reflection[]> {
  const valid = ReflectionSchema.parse(r);
  const { reflections } = await loadReflections();
  const next = upsertReflection(reflections, valid);
  await writeAll(next);
  return next;
}

export async function getReflection(id: string): Promise<Reflection | undefined> {
  return (await loadReflections()).reflections.find((r) => r.id === id);
}

/** Deleting deletes: the entry is gone from storage (no bin, no copy). */
export async function deleteReflection(id: string): Promise<Reflection[]> {
  const { reflections } = await loadReflections();
  const next = reflections.filter((r) => r.id !== id);
  await writeAll(next);
  return next;
}

/** Apply an import in one write, after keeping the list as it was for undo. */
export async function importReflections(file: ReflectionsFile): Promise<ImportPreview> {
  const { reflections } = await loadReflections();
  const preview = previewReflectionsImport(reflections, file);
  await reflectionsBeforeImportItem.setValue(await reflectionsItem.getValue());
  await writeAll(preview.next);
  return preview;
}

export async function canUndoImport(): Promise<boolean> {
  return (await reflectionsBeforeImportItem.getValue()) !== null;
}

/** Put back the list as it was before the last import. */
export async function undoImport(): Promise<boolean> {
  const before = await reflectionsBeforeImportItem.getValue();
  if (before === null) return false;
  await reflectionsItem.setValue(before);
  await reflectionsBeforeImportItem.setValue(null);
  return true;
}

export function watchReflections(cb: () => void): () => void {
  return reflectionsItem.watch(() => cb());
}
