/** core/usage/counts.ts: daily counts, the 12-month roll-up, count files, merging, suppression, the report. */
import { describe, expect, it } from 'vitest';
import {
  COUNT_FILE_VERSION,
  MIN_CONTRIBUTORS,
  MIN_WORKERS,
  byMonth,
  cellKey,
  countEvent,
  emptyStore,
  CountStoreSchema,
  mergeCountFiles,
  mostOpened,
  neverShown,
  noisiestTriggers,
  readCountFile,
  rollUp,
  shownAs,
  teamReport,
  toCountFile,
  trendsByMonth,
  type Cell,
  type CountFile,
  type CountStore,
  type Counts,
} from '../../../../core/usage/counts.ts';

const DAY = 24 * 60 * 60 * 1000;
const cell = (trigger: string, point = 'lp-neglect', setVersion = '3'): Cell => ({ set: 'briefing', setVersion, trigger, point });
const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const worker = (i: number) => i.toString(16).padStart(32, '0');

function file(i: number, months: Record<string, { cell: Cell; counts: Counts }[]>, exported = at('2026-06-01')): CountFile {
  return {
    format: 'practice-prompts-counts',
    version: 1,
    worker: worker(i),
    exported,
    months: Object.fromEntries(Object.entries(months).map(([m, rows]) => [m, rows.map((r) => ({ ...r.cell, counts: r.counts }))])),
  };
}
const named = (f: CountFile, name = `w${f.worker.slice(-2)}.json`) => ({ name, text: JSON.stringify(f) });

describe('counting', () => {
  it('counts each event per day and cell; a reason is counted beside notRelevant', () => {
    let s = emptyStore();
    s = countEvent(s, cell('t1'), 'shown', at('2026-03-01'));
    s = countEvent(s, cell('t1'), 'shown', at('2026-03-01'));
    s = countEvent(s, cell('t1'), 'notRelevant', at('2026-03-01'), 'tooOften');
    s = countEvent(s, cell('t1'), 'notRelevant', at('2026-03-01'));
    s = countEvent(s, cell('t1'), 'opened', at('2026-03-02'));
    s = countEvent(s, cell('t2'), 'snoozed', at('2026-03-02'));
    expect(s.days['2026-03-01']).toEqual({ [cellKey(cell('t1'))]: { shown: 2, notRelevant: 2, tooOften: 1 } });
    expect(s.days['2026-03-02']).toEqual({ [cellKey(cell('t1'))]: { opened: 1 }, [cellKey(cell('t2'))]: { snoozed: 1 } });
    expect(CountStoreSchema.safeParse(s).success).toBe(true);
  });

  it('counts a prompt the second reading raised under its trigger id, as any other', () => {
    const s = countEvent(emptyStore(), cell('second-reading'), 'notRelevant', at('2026-03-01'), 'notThisChild');
    expect(s.days['2026-03-01']).toEqual({ [cellKey(cell('second-reading'))]: { notRelevant: 1, notThisChild: 1 } });
    const f = toCountFile(s, worker(1), at('2026-06-01'));
    expect(readCountFile(JSON.stringify(f))).toEqual({ ok: true, file: f });
  });

  it('a reason without notRelevant is not counted', () => {
    const s = countEvent(emptyStore(), cell('t1'), 'dismissed', at('2026-03-01'), 'tooOften');
    expect(s.days['2026-03-01']![cellKey(cell('t1'))]).toEqual({ dismissed: 1 });
  });

  it('a set version is a different cell (triggers get renamed)', () => {
    let s = countEvent(emptyStore(), cell('t1', 'lp', '3'), 'shown', at('2026-03-01'));
    s = countEvent(s, cell('t1', 'lp', '4'), 'shown', at('2026-03-01'));
    expect(Object.keys(s.days['2026-03-01']!)).toHaveLength(2);
  });

  it.each([
    ['text as a trigger id', { ...cell('x'), trigger: 'Child was left alone at home' }],
    ['an address as a set id', { ...cell('x'), set: 'https://lcs.example.gov.uk/person/1' }],
    ['a set version with spaces', cell('x', 'lp', 'v 1')],
  ])('does not count a cell with %s (and the store stays readable)', (_what, bad) => {
    const s = countEvent(countEvent(emptyStore(), cell('t1'), 'shown', at('2026-03-01')), bad, 'shown', at('2026-03-01'));
    expect(Object.keys(s.days['2026-03-01']!)).toEqual([cellKey(cell('t1'))]);
    expect(CountStoreSchema.safeParse(s).success).toBe(true);
    expect(CountStoreSchema.safeParse({ ...s, days: { '2026-03-02': { [cellKey(bad)]: { shown: 1 } } } }).success).toBe(false);
  });

  it('does not change the store it was given', () => {
    const s = emptyStore();
    countEvent(s, cell('t1'), 'shown', at('2026-03-01'));
    expect(s).toEqual(emptyStore());
  });
});

describe('the 12-month roll-up', () => {
  const now = at('2026-06-15');
  function store(): CountStore {
    let s = emptyStore();
    for (const d of ['2025-05-01', '2025-05-20', '2025-06-14', '2025-06-15', '2025-06-16', '2026-06-15'])
      s = countEvent(s, cell('t1'), 'shown', at(d));
    s = countEvent(s, cell('t2'), 'opened', at('2025-05-20'));
    return s;
  }

  it('days older than 365 days merge into their month; newer days stay days', () => {
    const r = rollUp(store(), now);
    expect(Object.keys(r.days).sort()).toEqual(['2025-06-15', '2025-06-16', '2026-06-15']);
    expect(r.months['2025-05']).toEqual({ [cellKey(cell('t1'))]: { shown: 2 }, [cellKey(cell('t2'))]: { opened: 1 } });
    expect(r.months['2025-06']).toEqual({ [cellKey(cell('t1'))]: { shown: 1 } });
  });

  it('loses nothing: monthly totals are the same before and after, and rolling twice changes nothing', () => {
    const before = byMonth(store());
    const once = rollUp(store(), now);
    expect(byMonth(once)).toEqual(before);
    expect(rollUp(once, now)).toEqual(once);
  });

  it('adds to a month already rolled up', () => {
    const once = rollUp(store(), now);
    const later = countEvent(once, cell('t1'), 'shown', at('2026-06-20'));
    const twice = rollUp(later, now + 2 * DAY); // 2025-06-16 is now too old
    expect(twice.months['2025-06']).toEqual({ [cellKey(cell('t1'))]: { shown: 3 } });
    expect(Object.keys(twice.days).sort()).toEqual(['2026-06-15', '2026-06-20']);
  });
});

describe('the count file', () => {
  it('an export holds months, ids and numbers only: no days, no addresses, no record ids, no text', () => {
    let s = emptyStore();
    s = countEvent(s, cell('t1'), 'shown', at('2026-03-01'));
    s = countEvent(s, cell('t1'), 'notRelevant', at('2026-03-09'), 'notThisChild');
    const f = toCountFile(s, worker(1), at('2026-06-01'));
    expect(f).toEqual({
      format: 'practice-prompts-counts',
      version: COUNT_FILE_VERSION,
      worker: worker(1),
      exported: at('2026-06-01'),
      months: { '2026-03': [{ ...cell('t1'), counts: { shown: 1, notRelevant: 1, notThisChild: 1 } }] },
    });
    const text = JSON.stringify(f);
    expect(text).not.toMatch(/https?:|2026-03-0\d/);
    expect(readCountFile(text)).toEqual({ ok: true, file: f });
  });

  it.each([
    ['not JSON', '{', /is not JSON/],
    ['another kind of file', JSON.stringify({ version: 2, sites: [] }), /not a Practice Prompts count file/],
    ['a newer version', JSON.stringify({ ...file(1, {}), version: COUNT_FILE_VERSION + 1 }), /newer version \(count file version 2; this one reads 1\)/],
    ['a negative count', JSON.stringify(file(1, { '2026-01': [{ cell: cell('t'), counts: { shown: -1 } }] })), /not a valid count file \(months\.2026-01\.0\.counts\.shown/],
    ['an unknown counter', JSON.stringify(file(1, { '2026-01': [{ cell: cell('t'), counts: { typed: 1 } as Counts }] })), /not a valid count file/],
    ['text where an id belongs', JSON.stringify(file(1, { '2026-01': [{ cell: { ...cell('t'), trigger: 'left alone at home' }, counts: { shown: 1 } }] })), /not a valid count file \(months\.2026-01\.0\.trigger/],
    ['a worker id that is not random hex', JSON.stringify({ ...file(1, {}), worker: 'jane.smith' }), /not a valid count file \(worker/],
    ['a day where a month belongs', JSON.stringify({ ...file(1, {}), months: { '2026-01-05': [] } }), /not a valid count file/],
  ])('refuses %s with a clear error', (_what, text, error) => {
    const r = readCountFile(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(error);
  });
});

describe('merging count files', () => {
  const row = (trigger: string, counts: Counts) => ({ cell: cell(trigger), counts });

  it('sums every worker’s counts per month and cell', () => {
    const m = mergeCountFiles([
      named(file(1, { '2026-01': [row('t1', { shown: 3, notRelevant: 1 })] })),
      named(file(2, { '2026-01': [row('t1', { shown: 4 })], '2026-02': [row('t2', { opened: 2 })] })),
    ]);
    expect(m.workers).toBe(2);
    expect(m.problems).toEqual([]);
    expect(m.months).toEqual({
      '2026-01': { [cellKey(cell('t1'))]: { shown: 7, notRelevant: 1 } },
      '2026-02': { [cellKey(cell('t2'))]: { opened: 2 } },
    });
  });

  it('bad and future-version files are named with a clear error, and lose nothing of the rest', () => {
    const good = [1, 2].map((i) => named(file(i, { '2026-01': [row('t1', { shown: 5 })] })));
    const m = mergeCountFiles([
      good[0]!,
      { name: 'broken.json', text: '{"format":' },
      { name: 'future.json', text: JSON.stringify({ ...file(9, {}), version: 2 }) },
      good[1]!,
    ]);
    expect(m.used).toEqual([good[0]!.name, good[1]!.name]);
    expect(m.workers).toBe(2);
    expect(m.months['2026-01']![cellKey(cell('t1'))]).toEqual({ shown: 10 });
    expect(m.problems.map((p) => p.name)).toEqual(['broken.json', 'future.json']);
    expect(m.problems[0]!.error).toMatch(/^broken\.json is not JSON/);
    expect(m.problems[1]!.error).toMatch(/^future\.json was written by a newer version/);
  });

  it('the same file twice is taken once', () => {
    const f = file(1, { '2026-01': [row('t1', { shown: 5 })] });
    const m = mergeCountFiles([named(f, 'a.json'), named(f, 'a (copy).json')]);
    expect(m.workers).toBe(1);
    expect(m.months['2026-01']![cellKey(cell('t1'))]).toEqual({ shown: 5 });
    expect(m.problems).toEqual([{ name: 'a (copy).json', error: 'a (copy).json is the same file as a.json (taken once)' }]);
  });

  it('two exports from one worker: the newer is taken (whatever the order), the older named', () => {
    const older = named(file(1, { '2026-01': [row('t1', { shown: 5 })] }, at('2026-02-01')), 'jan.json');
    const newer = named(file(1, { '2026-01': [row('t1', { shown: 6 })] }, at('2026-03-01')), 'feb.json');
    for (const order of [[older, newer], [newer, older]]) {
      const m = mergeCountFiles(order);
      expect(m.workers).toBe(1);
      expect(m.used).toEqual(['feb.json']);
      expect(m.months['2026-01']![cellKey(cell('t1'))]).toEqual({ shown: 6 });
      expect(m.problems).toEqual([{ name: 'jan.json', error: expect.stringMatching(/older export from the same worker as feb\.json/) }]);
    }
  });
});

describe('small-number suppression', () => {
  it('numbers under 5 are shown as "<5"', () => {
    expect([0, 1, 4, 5, 6, 120].map(shownAs)).toEqual(['<5', '<5', '<5', '5', '6', '120']);
  });

  const ten = (counts: (i: number) => Record<string, { cell: Cell; counts: Counts }[]>) =>
    mergeCountFiles(Array.from({ length: 10 }, (_, i) => named(file(i + 1, counts(i)))));

  it(`the report shows nothing until files from ${MIN_WORKERS} workers are in (duplicates do not count)`, () => {
    const f = (i: number) => named(file(i, { '2026-01': [{ cell: cell('t1'), counts: { shown: 100, notRelevant: 90 } }] }));
    const four = mergeCountFiles([f(1), f(2), f(3), f(4), f(4)]);
    const r = teamReport(four, ['lp-neglect']);
    expect(r).toEqual({ ready: false, workers: 4, needed: MIN_WORKERS, problems: [expect.objectContaining({ name: 'w04.json' })] });
    expect(JSON.stringify(r)).not.toMatch(/t1|lp-neglect|100/);
    expect(teamReport(mergeCountFiles([f(1), f(2), f(3), f(4), f(5)]), []).ready).toBe(true);
  });

  it('trend cells under 5 are "<5"; totals never name a worker', () => {
    const m = ten((i) => ({ '2026-01': [{ cell: cell('t1'), counts: { shown: 1, opened: i === 0 ? 3 : 0 } }] }));
    const r = teamReport(m, []);
    if (!r.ready) throw new Error('report not ready');
    expect(r.trends).toEqual([{ month: '2026-01', counts: { shown: '10', opened: '<5', reflected: '<5', dismissed: '<5', snoozed: '<5', notRelevant: '<5' } }]);
    expect(JSON.stringify(r)).not.toMatch(/0{20}/); // no worker id anywhere in the report
  });

  it('a trigger with fewer than 5 "not relevant" presses is not ranked (its share would give the number away)', () => {
    const m = ten(() => ({ '2026-01': [{ cell: cell('few'), counts: { shown: 1 } }] }));
    m.months['2026-01']![cellKey(cell('few'))]!.notRelevant = 4;
    expect(noisiestTriggers(m)).toEqual([]);
  });
});

describe('never singling out a worker', () => {
  // ten workers' files; "solo" is shown to (and dismissed by) only the first `k` of them, many times
  const team = (k: number) =>
    mergeCountFiles(
      Array.from({ length: 10 }, (_, i) =>
        named(
          file(i + 1, {
            '2026-01': [{ cell: cell('common'), counts: { shown: 10, opened: 1 } }, ...(i < k ? [{ cell: cell('solo'), counts: { shown: 40, notRelevant: 30, opened: 20 } }] : [])],
            ...(i < k ? { '2025-12': [{ cell: cell('solo'), counts: { shown: 40 } }] } : {}),
          }),
        ),
      ),
    );

  it('counts the workers behind each cell and month (the same file twice counts once)', () => {
    const f = (i: number) => named(file(i, { '2026-01': [{ cell: cell('t1'), counts: { shown: 1 } }] }));
    const m = mergeCountFiles([f(1), f(2), f(2)]);
    expect(m.contributors).toEqual({ cells: { [cellKey(cell('t1'))]: 2 }, months: { '2026-01': 2 } });
  });

  it(`a trigger that draws on fewer than ${MIN_CONTRIBUTORS} workers is not ranked, however large its numbers`, () => {
    const two = team(MIN_CONTRIBUTORS - 1);
    expect(noisiestTriggers(two)).toEqual([]);
    expect(mostOpened(two).map((t) => t.trigger)).toEqual(['common']);
    const three = team(MIN_CONTRIBUTORS);
    expect(noisiestTriggers(three).map((t) => t.trigger)).toEqual(['solo']);
    expect(mostOpened(three).map((t) => t.trigger)).toEqual(['solo', 'common']);
  });

  it(`a month that draws on fewer than ${MIN_CONTRIBUTORS} workers shows "<5" throughout`, () => {
    const [dec, jan] = trendsByMonth(team(1));
    expect(dec).toEqual({ month: '2025-12', counts: { shown: '<5', opened: '<5', reflected: '<5', dismissed: '<5', snoozed: '<5', notRelevant: '<5' } });
    expect(jan!.counts.shown).toBe('140');
    expect(trendsByMonth(team(MIN_CONTRIBUTORS))[0]!.counts.shown).toBe('120');
  });

  it('a point shown to one worker only is still not "never shown" (no number is given for it)', () => {
    expect(neverShown(team(1), ['lp-neglect', 'lp-other'])).toEqual(['lp-other']);
  });
});

describe('the report', () => {
  // ten workers; "noisy" is mostly not relevant, "useful" mostly opened, "rare" shown to one worker
  const files = Array.from({ length: 10 }, (_, i) =>
    named(
      file(i + 1, {
        '2026-01': [
          { cell: cell('noisy', 'lp-a'), counts: { shown: 4, notRelevant: 3, tooOften: 2, notThisChild: 1 } },
          { cell: cell('useful', 'lp-b'), counts: { shown: 4, opened: 3, notRelevant: 1 } },
          ...(i === 0 ? [{ cell: cell('rare', 'lp-c'), counts: { shown: 1, notRelevant: 1 } }] : []),
        ],
        '2026-02': [{ cell: cell('useful', 'lp-b'), counts: { shown: 2, opened: 2 } }],
      }),
    ),
  );
  const merged = mergeCountFiles(files);

  it('ranks the noisiest trigger first, by its "not relevant" share, with reasons', () => {
    const noisy = noisiestTriggers(merged);
    expect(noisy.map((t) => t.trigger)).toEqual(['noisy', 'useful']);
    expect(noisy[0]).toEqual({
      ...cell('noisy', 'lp-a'),
      shown: '40',
      notRelevant: '30',
      share: 0.75,
      reasons: { notThisChild: '10', alreadyConsidered: '<5', wrongLearningPoint: '<5', tooOften: '20' },
    });
    expect(noisy[1]!.share).toBeCloseTo(10 / 60);
  });

  it('ranks the prompts opened most; the one opened under 5 times is not ranked', () => {
    expect(mostOpened(merged)).toEqual([{ ...cell('useful', 'lp-b'), opened: '50' }]);
  });

  it('names the learning points never shown (out of those the set has)', () => {
    expect(neverShown(merged, ['lp-a', 'lp-b', 'lp-c', 'lp-d', 'lp-e', 'lp-d'])).toEqual(['lp-d', 'lp-e']);
  });

  it('trends by month, oldest first', () => {
    expect(trendsByMonth(merged).map((t) => [t.month, t.counts.shown, t.counts.opened])).toEqual([
      ['2026-01', '81', '30'],
      ['2026-02', '20', '20'],
    ]);
  });

  it('the whole report, once 5 workers are in', () => {
    const r = teamReport(merged, ['lp-a', 'lp-z']);
    expect(r.ready).toBe(true);
    if (!r.ready) return;
    expect(r.workers).toBe(10);
    expect(r.noisiest[0]!.trigger).toBe('noisy');
    expect(r.mostOpened[0]!.trigger).toBe('useful');
    expect(r.neverShown).toEqual(['lp-z']);
    expect(r.trends).toHaveLength(2);
  });
});
