/**
 * Sites switched on: host permission (asked for by the popup, with the browser's own prompt) plus a
 * dynamically registered content script. Nothing is injected anywhere else.
 */
import { browser } from 'wxt/browser';
import { sendToBackground } from './messages.ts';

export type SiteAction = 'on' | 'off' | 'pause' | 'resume';

/**
 * A practitioner's choice for one site. Turning it on asks the browser for access to that site alone
 * (its own prompt; must run from a click). Returns an error in plain words, or null.
 */
export async function changeSite(origin: string, action: SiteAction): Promise<string | null> {
  if (action === 'on') {
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
    if (!granted) return 'Access to this site was not granted, so prompts stay off here.';
  }
  const r = await sendToBackground({ type: 'ui:site', origin, action });
  return r.ok ? null : (r.error ?? 'Could not change this site.');
}

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
