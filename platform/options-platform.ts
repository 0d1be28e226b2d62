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
}

export const optionsPlatform: OptionsPlatform = {
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
