// @vitest-environment happy-dom
/**
 * The options page's usage parts: the team report (merging, ranking, suppression, per-file errors,
 * tuning links), the count-file export preview, "Your prompt use" (own counts, forget everything) and
 * the tuning routes into the set editor and the test bench.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, waitFor, cleanup, within } from '@testing-library/preact';
import { TeamReport } from '../../../components/options/usage/TeamReport.tsx';
import { CountFilePreview, countFileText } from '../../../components/options/usage/CountFilePreview.tsx';
import { YourUse } from '../../../components/options/usage/YourUse.tsx';
import { tuneHash, tuneRouteOf } from '../../../components/options/usage/tune-route.ts';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import { builtInSet, titleOf } from '../../../components/options/catalogue.ts';
import { byMonth, cellKey, countEvent, emptyStore, toCountFile, type Buckets, type CountFile } from '../../../core/usage/counts.ts';
import type { UsagePlatform } from '../../../platform/usage-ui.ts';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import { NOISY, QUIETER, SET, EXPORTED, teamFiles } from '../../fixtures/count-files.ts';
import { fakePlatform } from './fake-platform.ts';
import axe from 'axe-core';

afterEach(() => {
  cleanup();
  location.hash = '';
});

const files = (list: { name: string; text: string }[]) => list.map((f) => new File([f.text], f.name, { type: 'application/json' }));

function choose(label: string | RegExp, chosen: File[]) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: chosen, configurable: true });
  fireEvent.change(input);
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => within(row).getAllByRole(/^(cell|rowheader)$/).map((c) => c.textContent ?? '');

describe('team report', () => {
  const renderReport = () => render(<TeamReport sets={[builtInSet]} titleOf={(id) => titleOf(id)} />);

  it('ten workers: the noisy trigger is ranked first, small cells show "<5", links tune that trigger', async () => {
    renderReport();
    choose('Count files', files(teamFiles(10)));
    const noisy = await screen.findByRole('table', { name: 'Noisiest triggers, noisiest first' });
    const rows = rowsOf(noisy);
    expect(rows).toHaveLength(2);
    const first = cells(rows[0]!);
    expect(first[1]).toContain(NOISY.trigger);
    expect(first.slice(3, 6)).toEqual(['30', '20', '67%']);
    // reasons: "too often" 10, "not about this child" from one worker only
    expect(first[6]).toBe('<5');
    expect(first[9]).toBe('10');
    expect(cells(rows[1]!)[1]).toContain(QUIETER.trigger);
    expect(within(rows[0]!).getByRole('link', { name: `Edit trigger ${NOISY.trigger}` }).getAttribute('href')).toBe(`#edit/briefing/${NOISY.trigger}`);
    expect(within(rows[0]!).getByRole('link', { name: `Test trigger ${NOISY.trigger}` }).getAttribute('href')).toBe(`#bench/briefing/${NOISY.trigger}`);
    // the chart says the same in words
    expect(screen.getByRole('img', { name: /Noisiest triggers/ }).textContent).toContain(`${NOISY.trigger} → ${titleOf(NOISY.point)}: 67%`);

    const opened = rowsOf(screen.getByRole('table', { name: 'Prompts opened most, most first' }));
    expect(cells(opened[0]!)).toEqual(['1', titleOf(QUIETER.point), `${QUIETER.trigger} (${builtInSet.name})`, '20']);
    expect(cells(opened[1]!)[3]).toBe('10');

    const trends = rowsOf(screen.getByRole('table', { name: 'Trends by month' }));
    expect(trends.map(cells)).toEqual([
      ['2026-04', '<5', '<5', '<5', '<5', '<5', '<5'],
      ['2026-05', '90', '30', '<5', '10', '<5', '30'],
    ]);
    const never = within(screen.getByRole('list', { name: 'Learning points never shown' })).getAllByRole('listitem');
    expect(never.length).toBeGreaterThan(10);
    expect(never.some((li) => li.textContent!.includes(`(${NOISY.point})`))).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('four workers: nothing but an explanation; a fifth file brings the report', async () => {
    renderReport();
    const ten = teamFiles(10);
    choose('Count files', files(ten.slice(0, 4)));
    expect(await screen.findByText(/Nothing is shown yet: the files come from 4 workers, and a team report needs files from at least 5/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByText(NOISY.trigger, { exact: false })).toBeNull();
    choose('Count files', files(ten.slice(4, 5)));
    expect(await screen.findByRole('table', { name: 'Noisiest triggers, noisiest first' })).toBeTruthy();
  });

  it('bad, duplicate, older and newer-version files are each named with their error; the rest still make the report', async () => {
    renderReport();
    const ten = teamFiles(5);
    const older = { ...(JSON.parse(ten[0]!.text) as CountFile), exported: EXPORTED - 1000 };
    const newer = { ...(JSON.parse(ten[1]!.text) as CountFile), version: 2 };
    choose('Count files', [
      ...files(ten),
      ...files([
        { name: 'copy.json', text: ten[2]!.text },
        { name: 'old.json', text: JSON.stringify(older) },
        { name: 'future.json', text: JSON.stringify(newer) },
        { name: 'notes.json', text: 'Child seen alone' },
        { name: 'settings.json', text: '{"format":"practice-prompts/prompt-set"}' },
      ]),
    ]);
    const list = await screen.findByRole('list', { name: 'Files not used' });
    const errs = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(errs).toEqual([
      `copy.json is the same file as ${ten[2]!.name} (taken once)`,
      `old.json is an older export from the same worker as ${ten[0]!.name} (the newer one is taken)`,
      'future.json was written by a newer version (count file version 2; this one reads 1): update Practice Prompts to read it',
      'notes.json is not JSON: not a count file',
      'settings.json is not a Practice Prompts count file',
    ]);
    expect(screen.getByText('5 files were not used (the others are in the report):')).toBeTruthy();
    expect(screen.getByText('A report from 5 workers’ files.', { exact: false })).toBeTruthy();
    expect(cells(rowsOf(screen.getByRole('table', { name: 'Noisiest triggers, noisiest first' }))[0]!)[3]).toBe('15');
  });

  it('a folder: only its .json files are read, the others are named as skipped', async () => {
    renderReport();
    const inFolder = files(teamFiles(5)).map((f) => {
      Object.defineProperty(f, 'webkitRelativePath', { value: `team/${f.name}` });
      return f;
    });
    const readme = new File(['hello'], 'README.txt');
    Object.defineProperty(readme, 'webkitRelativePath', { value: 'team/README.txt' });
    choose('Or a folder of count files', [...inFolder, readme]);
    expect(await screen.findByRole('table', { name: 'Noisiest triggers, noisiest first' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Files not used' })).getByText('team/README.txt was skipped: not a .json file')).toBeTruthy();
    expect(screen.getByLabelText('Or a folder of count files').hasAttribute('webkitdirectory')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the files' }));
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
  });
});

describe('count file export', () => {
  const store = () => {
    let s = emptyStore();
    s = countEvent(s, { set: SET.id, setVersion: SET.version, trigger: NOISY.trigger, point: NOISY.point }, 'shown', Date.UTC(2026, 4, 2));
    s = countEvent(s, { set: SET.id, setVersion: SET.version, trigger: NOISY.trigger, point: NOISY.point }, 'notRelevant', Date.UTC(2026, 4, 2), 'tooOften');
    return s;
  };
  const file = toCountFile(store(), 'a'.repeat(32), Date.UTC(2026, 5, 1));

  it('nothing is made until asked; the preview shows the exact text, format and version; Save saves exactly that', async () => {
    const saved: { name: string; text: string }[] = [];
    let made = 0;
    render(
      <CountFilePreview
        makeFile={async () => {
          made++;
          return file;
        }}
        download={(name, text) => saved.push({ name, text })}
        now={() => Date.UTC(2026, 5, 1)}
      />,
    );
    expect(made).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Preview my count file' }));
    const preview = await screen.findByRole('region', { name: 'Preview: practice-prompts-counts-2026-06-01.json' });
    expect(within(preview).getByText('practice-prompts-counts, version 1')).toBeTruthy();
    expect(within(preview).getByText(/No text you typed, no page addresses, no record ids/)).toBeTruthy();
    const shown = within(preview).getByRole('region', { name: 'The exact text of the file' }).textContent;
    expect(shown).toBe(countFileText(file));
    expect(JSON.parse(shown!)).toEqual(file);
    expect(saved).toEqual([]);
    fireEvent.click(within(preview).getByRole('button', { name: 'Save count file' }));
    expect(saved).toEqual([{ name: 'practice-prompts-counts-2026-06-01.json', text: shown }]);
    expect(await screen.findByText('Saved practice-prompts-counts-2026-06-01.json.')).toBeTruthy();
  });

  it('Cancel saves nothing', async () => {
    const saved: string[] = [];
    render(<CountFilePreview makeFile={async () => file} download={(n) => saved.push(n)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview my count file' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Nothing was saved.')).toBeTruthy();
    expect(saved).toEqual([]);
  });
});

function fakeUsage(months: Buckets, records = 2): UsagePlatform & { forgotten: number; exported: number } {
  const listeners = new Set<() => void>();
  const u = {
    forgotten: 0,
    exported: 0,
    readCounts: async () => structuredClone(months),
    readRecordCount: async () => records,
    exportCounts: async () => {
      u.exported++;
      return toCountFile({ version: 1 as const, days: {}, months }, 'b'.repeat(32), Date.UTC(2026, 5, 1));
    },
    forgetEverything: async () => {
      u.forgotten++;
      months = {};
      records = 0;
      listeners.forEach((l) => l());
    },
    onChange: (cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return u;
}

describe('your prompt use', () => {
  const c = { set: SET.id, setVersion: SET.version, trigger: NOISY.trigger, point: NOISY.point };
  const own = (): Buckets => {
    let s = emptyStore();
    for (const e of ['shown', 'shown', 'shown', 'opened', 'snoozed'] as const) s = countEvent(s, c, e, Date.UTC(2026, 3, 2));
    s = countEvent(s, c, 'notRelevant', Date.UTC(2026, 4, 2), 'notThisChild');
    s = countEvent(s, c, 'notRelevant', Date.UTC(2026, 4, 3));
    return byMonth(s);
  };

  it('shows the worker their own counts (no suppression: they are theirs) and their reasons', async () => {
    render(<YourUse usage={fakeUsage(own())} download={() => {}} titleOf={(id) => titleOf(id)} />);
    const table = await screen.findByRole('table', { name: 'Your counts per trigger and learning point' });
    expect(rowsOf(table).map(cells)).toEqual([[NOISY.trigger, titleOf(NOISY.point), 'briefing (2)', '3', '1', '0', '0', '1', '2']]);
    const reasons = screen.getByRole('table', { name: 'Reasons you gave for “not relevant”' });
    expect(rowsOf(reasons).map(cells)).toEqual([[NOISY.trigger, titleOf(NOISY.point), '1', '0', '0', '0', '1']]);
    expect(screen.getByText('Prompts are kept quiet on 2 records.')).toBeTruthy();
    expect(screen.getByText(/Never stored: anything you type, page addresses, record ids or names/)).toBeTruthy();
  });

  it('"Forget everything" asks first, then forgets, announces it and shows nothing left', async () => {
    const u = fakeUsage(own());
    render(<YourUse usage={u} download={() => {}} titleOf={(id) => id} />);
    await screen.findByRole('table', { name: 'Your counts per trigger and learning point' });
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    const ask = screen.getByRole('group', { name: /Forget all your counts/ });
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Yes, forget everything' })));
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep everything' }));
    expect(u.forgotten).toBe(0);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Nothing was forgotten.')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Forget everything' })));

    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, forget everything' }));
    await waitFor(() => expect(u.forgotten).toBe(1));
    expect(await screen.findByText('Everything was forgotten: your counts, and every record where a prompt was kept quiet.')).toBeTruthy();
    expect(await screen.findByText(/No counts yet/)).toBeTruthy();
    expect(screen.getByText('No records have prompts kept quiet on them.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('with export switched off by policy there is no way to export', async () => {
    const u = fakeUsage(own());
    render(<YourUse usage={u} download={() => {}} titleOf={(id) => id} exportAllowed={false} />);
    expect(await screen.findByText('Your organisation has switched off exporting counts.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Preview my count file' })).toBeNull();
    expect(u.exported).toBe(0);
  });

  it('with export or counting switched off in the organisation’s policy there is no way to export', async () => {
    for (const policy of [{ counts: true, export: false }, { counts: false, export: true }]) {
      const u = { ...fakeUsage(own()), readPolicy: async () => policy };
      render(<YourUse usage={u} download={() => {}} titleOf={(id) => id} />);
      expect(await screen.findByText('Your organisation has switched off exporting counts.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Preview my count file' })).toBeNull();
      expect(!!screen.queryByText(/switched counting off/)).toBe(!policy.counts);
      cleanup();
    }
  });

  it('the export preview holds the worker’s counts and nothing else', async () => {
    const u = fakeUsage(own());
    render(<YourUse usage={u} download={() => {}} titleOf={(id) => id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Preview my count file' }));
    const text = (await screen.findByRole('region', { name: 'The exact text of the file' })).textContent!;
    const f = JSON.parse(text) as CountFile;
    expect(Object.keys(f).sort()).toEqual(['exported', 'format', 'months', 'version', 'worker']);
    expect(f.months['2026-05']).toEqual([{ ...c, counts: { notRelevant: 2, notThisChild: 1 } }]);
    expect(cellKey(c)).toBeTruthy();
  });
});

describe('tuning routes', () => {
  it('round-trip any id', () => {
    expect(tuneRouteOf(tuneHash('edit', 'my-set', 'a.b_c'))).toEqual({ to: 'edit', set: 'my-set', trigger: 'a.b_c' });
    expect(tuneRouteOf(tuneHash('bench', 'x/y', 'z'))).toEqual({ to: 'bench', set: 'x/y', trigger: 'z' });
    expect(tuneRouteOf('#lp/abc')).toBeNull();
    expect(tuneRouteOf('#edit/%E0%A4%A/x')).toBeNull();
  });

  const local: PromptSet = {
    format: 'practice-prompts/prompt-set',
    version: 2,
    id: 'mine',
    name: 'My set',
    triggers: [
      { id: 'first', leadsTo: ['neglect-rarely-alone'], any: ['zebra'] },
      { id: 'second', leadsTo: ['neglect-rarely-alone'], any: ['giraffe'] },
    ],
  };

  it('#bench/<set>/<trigger> fills the test bench with that trigger’s phrases, and it fires', async () => {
    location.hash = tuneHash('bench', 'briefing', NOISY.trigger);
    render(<OptionsApp platform={fakePlatform()} download={() => {}} />);
    const area = (await screen.findByLabelText('Sample text')) as HTMLTextAreaElement;
    await waitFor(() => expect(area.value).toBe('sexualised. sexually inappropriate. harmful sexual.'));
    expect(document.activeElement).toBe(area);
    expect(screen.getByText(`The test bench below is filled with the phrases of trigger ${NOISY.trigger} from “${builtInSet.name}”.`)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Prompts that would appear' })).getByText(titleOf(NOISY.point))).toBeTruthy();
  });

  it('#edit/<set>/<trigger> opens the editor on a local set with that trigger focused', async () => {
    location.hash = tuneHash('edit', 'mine', 'second');
    render(<OptionsApp platform={fakePlatform({ settings: { localSets: [local] } })} download={() => {}} />);
    expect(await screen.findByRole('button', { name: 'Save prompt set' })).toBeTruthy();
    const ids = screen.getAllByLabelText('Trigger id') as HTMLInputElement[];
    await waitFor(() => expect(document.activeElement).toBe(ids[1]));
    expect(ids[1]!.value).toBe('second');
    // a later link opens the bench on the other trigger
    location.hash = tuneHash('bench', 'mine', 'first');
    fireEvent(window, new HashChangeEvent('hashchange'));
    await waitFor(() => expect((screen.getByLabelText('Sample text') as HTMLTextAreaElement).value).toBe('zebra.'));
  });

  it('#edit on the built-in set explains why it cannot be edited, and links to the bench', async () => {
    location.hash = tuneHash('edit', 'briefing', NOISY.trigger);
    render(<OptionsApp platform={fakePlatform()} download={() => {}} />);
    const h = await screen.findByRole('heading', { name: `Tuning trigger ${NOISY.trigger}` });
    await waitFor(() => expect(document.activeElement).toBe(h));
    expect(screen.getByText(/which is built in, so it cannot be edited here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'try it in the test bench' }).getAttribute('href')).toBe(`#bench/briefing/${NOISY.trigger}`);
    expect(screen.queryByRole('button', { name: 'Save prompt set' })).toBeNull();
  });

  it('a trigger not on this browser is said so', async () => {
    location.hash = tuneHash('bench', 'elsewhere', 'gone');
    render(<OptionsApp platform={fakePlatform()} download={() => {}} />);
    expect(await screen.findByText(/There is no trigger gone in a prompt set “elsewhere” on this browser/)).toBeTruthy();
  });
});

describe('accessibility (axe-core)', () => {
  it('no violations with own counts, the export preview, the team report and a tuning notice showing', async () => {
    location.hash = tuneHash('edit', 'briefing', NOISY.trigger);
    let s = emptyStore();
    const c = { set: SET.id, setVersion: SET.version, trigger: NOISY.trigger, point: NOISY.point };
    s = countEvent(s, c, 'shown', Date.UTC(2026, 4, 2));
    s = countEvent(s, c, 'notRelevant', Date.UTC(2026, 4, 2), 'tooOften');
    render(<OptionsApp platform={fakePlatform()} download={() => {}} usage={fakeUsage(byMonth(s))} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Preview my count file' }));
    await screen.findByRole('region', { name: 'The exact text of the file' });
    choose('Count files', files([...teamFiles(10), { name: 'bad.json', text: '{' }]));
    await screen.findByRole('table', { name: 'Noisiest triggers, noisiest first' });
    await screen.findByRole('list', { name: 'Files not used' });
    const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
