/** Opening learning points and remembering recent ones (ids only). */
import { browser } from 'wxt/browser';

const RECENT = 'recent';

export async function openLearningPoint(id: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/library.html#lp/${encodeURIComponent(id)}`) });
}

export async function readRecent(): Promise<string[]> {
  const got = await browser.storage.local.get(RECENT);
  const v = got[RECENT];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 5) : [];
}

export async function pushRecent(id: string): Promise<void> {
  const list = [id, ...(await readRecent()).filter((x) => x !== id)].slice(0, 5);
  await browser.storage.local.set({ [RECENT]: list });
}
