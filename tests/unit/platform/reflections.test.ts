/** platform/reflections.ts against WXT's fake browser: local only, validated, delete deletes, import undo. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { deleteReflection, importReflections, loadReflections, saveReflection, undoImport, canUndoImport } from '../../../platform/reflections.ts';
import type { Reflection } from '../../../core/reflection/record.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

const r1: Reflection = { id: 'r-aaaa-000001', learningPointId: 'lp-a', date: '2026-03-04', activity: 'a', learned: 'CANARY-LEARNED', applies: '', differently: '', created: 1, updated: 1 };
const r2: Reflection = { ...r1, id: 'r-aaaa-000002', date: '2026-04-01', learned: 'second', created: 2, updated: 2 };

describe('reflections storage', () => {
  it('saves to storage.local, newest first, and never to sync', async () => {
    await saveReflection(r1);
    await saveReflection(r2);
    expect((await loadReflections()).reflections.map((r) => r.id)).toEqual([r2.id, r1.id]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('reflections'))).toContain('CANARY-LEARNED');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('edits replace by id; delete removes the entry from storage', async () => {
    await saveReflection(r1);
    await saveReflection({ ...r1, learned: 'edited', updated: 5 });
    expect((await loadReflections()).reflections).toEqual([{ ...r1, learned: 'edited', updated: 5 }]);
    await deleteReflection(r1.id);
    expect((await loadReflections()).reflections).toEqual([]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('edited');
  });

  it('refuses an invalid reflection and leaves storage as it was', async () => {
    await saveReflection(r1);
    await expect(saveReflection({ ...r1, id: 'r-aaaa-000003', date: 'yesterday' })).rejects.toThrow();
    expect((await loadReflections()).reflections).toEqual([r1]);
  });

  it('keeps unreadable stored entries aside instead of dropping them', async () => {
    await fakeBrowser.storage.local.set({ reflections: [r1, { junk: true }] });
    expect(await loadReflections()).toEqual({ reflections: [r1], unreadable: 1 });
    await saveReflection(r2);
    expect((await fakeBrowser.storage.local.get('reflections')).reflections).toContainEqual({ junk: true });
  });

  it('import is applied whole, and undo puts the list back', async () => {
    await saveReflection(r1);
    expect(await canUndoImport()).toBe(false);
    const p = await importReflections({ format: 'practice-prompts/reflections', version: 1, reflections: [r2, { ...r1, learned: 'from file' }] });
    expect(p.added).toEqual([r2]);
    expect((await loadReflections()).reflections.map((r) => r.learned)).toEqual(['second', 'from file']);
    expect(await undoImport()).toBe(true);
    expect((await loadReflections()).reflections).toEqual([r1]);
    expect(await canUndoImport()).toBe(false);
  });
});
