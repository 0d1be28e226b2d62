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

/** Sites this extension holds no host permission for (in the order given). */
export async function sitesWithoutAccess(origins: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const o of origins) {
    const ok = await browser.permissions.contains({ origins: [originPattern(o)] }).catch(() => false);
    if (!ok) missing.push(o);
  }
  return missing;
}

/**
 * The problem line for a site the policy lists but this build cannot reach. Browsers grant no optional
 * host permission by policy: the site needs the managed build (its host permissions) or a click on
 * "On for this site" by each user.
 */
export const noAccessProblem = (origin: string) =>
  `policy sites: no access to ${origin} in this build, so prompts do not run there until someone switches the site on from the toolbar button. To switch it on for everyone, deploy the managed build with this site (docs/deployment.md).`;
