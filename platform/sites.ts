/**
 * Sites switched on: host permission (asked for by the popup, with the browser's own prompt) plus a
 * dynamically registered content script. Nothing is injected anywhere else.
 */
import { browser } from 'wxt/browser';

const SCRIPT_ID = 'practice-prompts-sites';
export const CONTENT_SCRIPT_FILE = 'content-scripts/prompts.js';

export const originPattern = (origin: string) => `${origin}/*`;

/** Register the content script for exactly the sites that are on and permitted. */
export async function syncSiteScripts(origins: readonly string[]): Promise<string[]> {
  const permitted: string[] = [];
  for (const o of origins) {
    try {
      if (await browser.permissions.contains({ origins: [originPattern(o)] })) permitted.push(o);
    } catch {
      // invalid pattern: skip
    }
  }
  try {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } catch {
    // not registered yet
  }
  if (permitted.length) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: permitted.map(originPattern),
        js: [CONTENT_SCRIPT_FILE],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      } as Parameters<typeof browser.scripting.registerContentScripts>[0][number],
    ]);
  }
  return permitted;
}
