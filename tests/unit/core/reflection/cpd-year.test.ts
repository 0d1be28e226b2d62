/** The CPD registration year: 1 December – 30 November, and the counts against the minimum. */
import { describe, expect, it } from 'vitest';
import { cpdCounts, cpdYear, cpdYearOf, describeCounts, isIsoDate, localIsoDate, longDate } from '../../../../core/reflection/cpd-year.ts';

describe('cpdYearOf: boundaries', () => {
  it.each([
    ['2025-11-30', 2025],
    ['2025-12-01', 2026],
    ['2025-12-31', 2026],
    ['2026-01-01', 2026],
    ['2026-11-30', 2026],
    ['2026-12-01', 2027],
    ['2024-02-29', 2024],
  ])('%s is in the year ending 30 November %i', (date, endYear) => {
    expect(cpdYearOf(date)).toEqual({ endYear, start: `${endYear - 1}-12-01`, end: `${endYear}-11-30` });
  });

  it.each(['2025-02-29', '2025-13-01', '2025-11-31', '25-11-30', '2025-1-1', ''])('rejects %j', (bad) => {
    expect(isIsoDate(bad)).toBe(false);
    expect(() => cpdYearOf(bad)).toThrow(RangeError);
  });
});

describe('cpdCounts', () => {
  const year = cpdYear(2026);
  const items = [
    { date: '2025-11-30', discussion: { role: 'peer', date: '2025-11-30' } }, // the year before
    { date: '2025-12-01' },
    { date: '2026-06-15', discussion: { role: 'supervisor', date: '2026-07-01' } },
    { date: '2026-11-30' },
    { date: '2026-12-01', discussion: { role: 'peer', date: '2026-12-02' } }, // the year after
  ];
  it('counts only pieces dated inside the year, first and last day included', () => {
    expect(cpdCounts(items, year)).toEqual({ year, pieces: 3, discussed: 1 });
    expect(cpdCounts([], year)).toEqual({ year, pieces: 0, discussed: 0 });
  });
  it('says what there is and what is asked for, without urging', () => {
    const text = describeCounts(cpdCounts(items, year));
    expect(text).toBe(
      'Registration year 1 December 2025 to 30 November 2026: 3 reflections, 1 discussed with a peer or in supervision. Social Work England asks for at least 2 pieces of CPD a year, at least 1 of them discussed with a peer.',
    );
    expect(describeCounts(cpdCounts([{ date: '2026-01-01' }], year))).toContain(': 1 reflection, 0 discussed');
    expect(text).not.toMatch(/must|should|only|still need|hurry|overdue/i);
  });
});

describe('dates', () => {
  it('localIsoDate uses the local calendar day; longDate spells it out', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(longDate('2026-03-04')).toBe('4 March 2026');
  });
});
