/** An in-memory OptionsPlatform that records every call (for component tests). */
import { mergeSettings, SettingsSchema, formatIssues, DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings.ts';
import type { OptionsPlatform } from '../../../platform/options-platform.ts';
import type { Notice } from '../../../platform/settings-store.ts';

export interface FakePlatform extends OptionsPlatform {
  stored: Settings;
  policy: unknown;
  notice: Notice | null;
  last: Settings | null;
  calls: { writeSettings: Settings[]; saveLastImport: (Settings | null)[]; clearNotice: number };
}

export function fakePlatform(init: { settings?: Partial<Settings>; policy?: unknown; notice?: Notice | null; last?: Settings | null } = {}): FakePlatform {
  const listeners = new Set<() => void>();
  const clone = <T>(v: T): T => structuredClone(v);
  const p: FakePlatform = {
    stored: { ...DEFAULT_SETTINGS, ...init.settings },
    policy: init.policy ?? {},
    notice: init.notice ?? null,
    last: init.last ?? null,
    calls: { writeSettings: [], saveLastImport: [], clearNotice: 0 },
    readSettings: async () => clone(p.stored),
    readEffective: async () => mergeSettings(clone(p.stored), p.policy),
    writeSettings: async (s) => {
      p.calls.writeSettings.push(clone(s));
      const r = SettingsSchema.safeParse(s);
      if (!r.success) return formatIssues(r.error.issues);
      p.stored = clone(r.data);
      listeners.forEach((l) => l());
      return [];
    },
    readNotice: async () => p.notice,
    clearNotice: async () => {
      p.calls.clearNotice++;
      p.notice = null;
    },
    readLastImport: async () => (p.last ? clone(p.last) : null),
    saveLastImport: async (s) => {
      p.calls.saveLastImport.push(s ? clone(s) : null);
      p.last = s ? clone(s) : null;
    },
    onChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return p;
}
