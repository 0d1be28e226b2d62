/** The policy keys for learning from use: counting and the export switched off, record patterns. */
import { describe, expect, it } from 'vitest';
import { loadSettings, mergeSettings, parsePolicy, usagePolicy, DEFAULT_SETTINGS } from '../../../core/settings/settings.ts';

describe('usage policy', () => {
  it('with no policy: counts kept, export allowed, the default record patterns', () => {
    expect(usagePolicy(undefined)).toEqual({ counts: true, export: true, recordPatterns: [] });
    expect(usagePolicy({})).toEqual({ counts: true, export: true, recordPatterns: [] });
  });

  it('switches counting off (and with it the export), or the export alone', () => {
    expect(usagePolicy({ usageCounts: false })).toMatchObject({ counts: false, export: false });
    expect(usagePolicy({ usageCounts: false, usageExport: true })).toMatchObject({ counts: false, export: false });
    expect(usagePolicy({ usageExport: false })).toMatchObject({ counts: true, export: false });
    expect(usagePolicy({ usageCounts: true, usageExport: true })).toMatchObject({ counts: true, export: true });
  });

  it('a mistyped value is a problem, named, and leaves the default (never switches anything by accident)', () => {
    const r = parsePolicy({ usageCounts: 'no', recordPatterns: [{ origin: 'not an origin' }] });
    expect(r.problems.some((p) => p.startsWith('policy usageCounts'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('policy recordPatterns'))).toBe(true);
    expect(usagePolicy({ usageCounts: 'no' })).toMatchObject({ counts: true });
  });

  it('carries the organisation’s record patterns', () => {
    const patterns = [{ origin: 'https://lcs.example.gov.uk', segments: ['subject'], params: ['sid'] }];
    expect(usagePolicy({ recordPatterns: patterns }).recordPatterns).toEqual(patterns);
    expect(parsePolicy({ recordPatterns: patterns }).problems).toEqual([]);
  });

  it('the policy keys are not settings: the merged settings are unchanged by them', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, { usageCounts: false, usageExport: false }).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the record memory expiry setting', () => {
  it('is optional (absent: 90 days), and read when stored', () => {
    expect(loadSettings({ ...DEFAULT_SETTINGS }).settings.recordMemoryDays).toBeUndefined();
    expect(loadSettings({ ...DEFAULT_SETTINGS, recordMemoryDays: 30 }).settings.recordMemoryDays).toBe(30);
    expect(loadSettings({ ...DEFAULT_SETTINGS, recordMemoryDays: 0 }).ok).toBe(false);
  });
});
