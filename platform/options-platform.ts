/** What the options page needs from the browser, as a small interface (tests pass a fake). */
import { browser } from 'wxt/browser';
import type { Effective, Settings } from '../core/settings/settings.ts';
import { readCorruptNotice, readEffective, readSettings, writeSettings, KEYS, type Notice } from './settings-store.ts';

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
  clearNotice: () => browser.storage.local.remove(KEYS.corrupt),
  readLastImport: async () => ((await browser.storage.local.get(KEYS.lastImport))[KEYS.lastImport] as Settings | undefined) ?? null,
  saveLastImport: async (s) => {
    if (s) await browser.storage.local.set({ [KEYS.lastImport]: s });
    else await browser.storage.local.remove(KEYS.lastImport);
  },
  onChange: (cb) => {
    const l = () => cb();
    browser.storage.onChanged.addListener(l);
    return () => browser.storage.onChanged.removeListener(l);
  },
};
