/** What the options page needs from the browser, as a small interface (tests pass a fake). */
import { browser } from 'wxt/browser';
import { normaliseOrigin, parsePolicy, type Effective, type Kept, type Settings } from '../core/settings/settings.ts';
import { onPolicyChanged, onSettingsChanged, readCorruptNotice, readEffective, readKept, readPolicy, readSettings, writeSettings, type Notice } from './settings-store.ts';
import { noAccessProblem, sitesWithoutAccess } from './sites.ts';
import { corruptSettingsItem, lastImportItem } from './storage-items.ts';

export interface OptionsPlatform {
  readSettings(): Promise<Settings>;
  readEffective(): Promise<Effective>;
  writeSettings(s: Settings): Promise<string[]>;
  readNotice(): Promise<Notice | null>;
  clearNotice(): Promise<void>;
  /** What the stored settings hold from a newer version, kept unchanged (null: nothing). */
  readKept?(): Promise<Kept | null>;
  readLastImport(): Promise<Settings | null>;
  saveLastImport(s: Settings | null): Promise<void>;
  onChange(cb: () => void): () => void;
  /** Ask the browser for access to one site (its own permission prompt). Must be called from a click. */
  requestSiteAccess?(origin: string): Promise<boolean>;
}

export const optionsPlatform: OptionsPlatform = {
  requestSiteAccess: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false),
  readSettings,
  readEffective: readEffectiveWithAccess,
  writeSettings,
  readNotice: readCorruptNotice,
  clearNotice: () => corruptSettingsItem.removeValue(),
  readKept,
  readLastImport: () => lastImportItem.getValue(),
  saveLastImport: async (s) => {
    if (s) await lastImportItem.setValue(s);
    else await lastImportItem.removeValue();
  },
  onChange: (cb) => {
    const offs = [onSettingsChanged(cb), onPolicyChanged(cb), corruptSettingsItem.watch(() => cb()), lastImportItem.watch(() => cb())];
    return () => offs.forEach((off) => off());
  },
};

/** The effective settings, with each policy site this build cannot reach listed as a policy problem. */
async function readEffectiveWithAccess(): Promise<Effective> {
  const eff = await readEffective();
  const policySites = (parsePolicy(await readPolicy(0)).policy.sites ?? []).map(normaliseOrigin).filter((o): o is string => !!o);
  const missing = await sitesWithoutAccess(policySites);
  return missing.length ? { ...eff, policyProblems: [...eff.policyProblems, ...missing.map(noAccessProblem)] } : eff;
}
