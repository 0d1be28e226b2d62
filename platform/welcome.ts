/**
 * The first-run welcome page: opened once, on a user's own install.
 *
 * Not when the extension was installed by policy (`installType` "admin": IT deployed it, and a tab
 * nobody asked for on every machine is noise), unless the policy's `welcomeOnInstall` asks for it;
 * and never in a test or developer profile. The switch for those is the install type the browser
 * itself reports: our launchers (scripts/browser-launch.mjs, tests/e2e/fixtures.ts,
 * tests/firefox/run.mjs) load the extension unpacked (`--load-extension`, a temporary add-on), which
 * the browser reports as "development". A store or policy install is never "development", so this
 * switch cannot turn the welcome off for a real user. The page is always at /welcome.html (linked
 * from the popup) for anyone who wants it again.
 */
import { browser } from 'wxt/browser';
import { readPolicy } from './settings-store.ts';
import { parsePolicy } from '../core/settings/settings.ts';

export const WELCOME_PATH = '/welcome.html' as const;

export interface WelcomeFacts {
  /** runtime.onInstalled's reason. */
  reason: string;
  /** management.getSelf().installType ("normal", "admin", "development", "sideload", "other"); undefined if unknown. */
  installType: string | undefined;
  /** The policy's `welcomeOnInstall`, if set. */
  policyAsks: boolean | undefined;
}

/** Whether to open the welcome page (pure: the rules above). */
export function welcomeWanted({ reason, installType, policyAsks }: WelcomeFacts): boolean {
  if (reason !== 'install') return false;
  if (installType === 'development') return false; // test and developer profiles (unpacked / temporary)
  if (policyAsks !== undefined) return policyAsks; // the organisation decides, either way
  return installType !== 'admin';
}

/** On runtime.onInstalled: open the welcome page in a new tab when wanted. */
export async function welcomeOnInstalled(details: { reason: string }): Promise<boolean> {
  if (details.reason !== 'install') return false;
  const self = await browser.management?.getSelf?.().catch(() => undefined);
  const installType = self?.installType;
  if (installType === 'development') return false;
  // right after an install by policy, the policy can take seconds to arrive
  const policyAsks = parsePolicy(await readPolicy(installType === 'admin' ? 10_000 : 2_000)).policy.welcomeOnInstall;
  if (!welcomeWanted({ reason: details.reason, installType, policyAsks })) return false;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  return true;
}
