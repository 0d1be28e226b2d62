/** What the options page needs from the browser, as a small interface (tests pass a fake). */
import { browser } from 'wxt/browser';
import type { Effective, Settings } from '../core/settings/settings.ts';
import { onPolicyChanged, onSettingsChanged, readCorruptNotice, readEffective, readSettings, writeSettings, type Notice } from './settings-store.ts';
import { corruptSettingsItem, lastImportItem } from './storage-items.ts';

export interface OptionsPlatform {
  readSettings(): Promise<Settings>;
  readEffective(): Promise<Effective>;
  writeSettings(s: Settings): Promise<string[]>;
  readNotice(): Promise<Notice | null>;
  clearNotice(): Promise<void>;
  readLastImport(): Promise<Settings | null>;
  saveLastImport(s: Settings | null): Promise<void>;
  onChange(cb: () => void): () => void;
  /** Ask the browser for access to one site (its own permission prompt). Must be called from a click. */
  requestSiteAccess?(origin: string): Promise<boolean>;
}

export const optionsPlatform: OptionsPlatform = {
  requestSiteAccess: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false),
  readSettings,
  readEffective,
  writeSettings,
  readNotice: readCorruptNotice,
  clearNotice: () => corruptSettingsItem.removeValue(),
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
