/** Opening learning points (in the library page or the browser's side panel) and remembering recent ones (ids only). */
import { browser } from 'wxt/browser';
import { libraryUrl, reflectUrl } from './links.ts';
import { recentItem } from './storage-items.ts';

export { libraryUrl, reflectUrl };

export type OpenWhere = 'library' | 'panel';

/** Open the browser's side panel (Chrome) or sidebar (Firefox) for a tab. False when it cannot. */
async function openPanel(tabId: number): Promise<boolean> {
  try {
    if (browser.sidePanel?.open) {
      await browser.sidePanel.open({ tabId });
      return true;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return true;
    }
  } catch {
    // no user gesture or no panel support: fall back to the library page
  }
  return false;
}

/**
 * Open a learning point: in the side panel for `tabId` when asked and possible, otherwise in a new tab of
 * the library page, scrolled to its deep link. An id that is not a prompt id (it may come from a page)
 * opens the library at the top.
 */
export async function openLearningPoint(id: string, where: OpenWhere = 'library', tabId?: number): Promise<void> {
  if (where === 'panel' && tabId !== undefined && (await openPanel(tabId))) return;
  await browser.tabs.create({ url: libraryUrl(id) });
}

/**
 * Open the reflection page for a learning point in a new tab, never in the case tab. With `openerTabId`
 * (the case tab), closing the reflection brings the browser back to the case tab.
 */
export async function openReflection(id: string, openerTabId?: number): Promise<void> {
  await browser.tabs.create({ url: reflectUrl(id), ...(openerTabId !== undefined ? { openerTabId } : {}) });
}

const MAX_RECENT = 5;

export async function readRecent(): Promise<string[]> {
  return (await recentItem.getValue()).slice(0, MAX_RECENT);
}

export async function pushRecent(id: string): Promise<void> {
  await recentItem.setValue([id, ...(await readRecent()).filter((x) => x !== id)].slice(0, MAX_RECENT));
}
