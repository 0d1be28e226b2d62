/** platform/navigation.ts against WXT's fake browser: where a learning point opens, and recent ids. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { libraryUrl, openLearningPoint, pushRecent, readRecent } from '../../../platform/navigation.ts';

const fake = fakeBrowser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } };

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  delete fake.sidePanel;
});

const openedUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.startsWith('chrome-extension://'));

describe('openLearningPoint', () => {
  it('opens the library at the learning point’s deep link', async () => {
    await openLearningPoint('neglect-rarely-alone');
    expect(await openedUrls()).toEqual([`chrome-extension://${fakeBrowser.runtime.id}/library.html#lp/neglect-rarely-alone`]);
  });

  it('an id that is not a prompt id opens the library at the top', async () => {
    await openLearningPoint('"><img src=x>');
    expect(await openedUrls()).toEqual([libraryUrl()]);
    expect(libraryUrl()).toBe(`chrome-extension://${fakeBrowser.runtime.id}/library.html`);
  });

  it('"panel" opens the side panel for the tab, and no library tab', async () => {
    const open = vi.fn(async () => {});
    fake.sidePanel = { open };
    await openLearningPoint('neglect-rarely-alone', 'panel', 5);
    expect(open).toHaveBeenCalledWith({ tabId: 5 });
    expect(await openedUrls()).toEqual([]);
  });

  it('"panel" falls back to the library when the panel cannot open (no user gesture)', async () => {
    fake.sidePanel = { open: vi.fn(async () => Promise.reject(new Error('needs a user gesture'))) };
    await openLearningPoint('neglect-rarely-alone', 'panel', 5);
    expect(await openedUrls()).toEqual([libraryUrl('neglect-rarely-alone')]);
  });

  it('writes nothing to storage', async () => {
    fake.sidePanel = { open: vi.fn(async () => {}) };
    await openLearningPoint('neglect-rarely-alone', 'panel', 5);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('recent learning points', () => {
  it('newest first, no repeats, at most five', async () => {
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f']) await pushRecent(id);
    expect(await readRecent()).toEqual(['f', 'e', 'd', 'a', 'c']);
  });

  it('a corrupt stored list reads as empty', async () => {
    await fakeBrowser.storage.local.set({ recent: { not: 'a list' } });
    expect(await readRecent()).toEqual([]);
    await pushRecent('a');
    expect(await readRecent()).toEqual(['a']);
  });
});
