// @vitest-environment happy-dom
/**
 * Issue 19, the record rule on the options page: the "keep a record's quiet prompts for N days"
 * control saves `recordMemoryDays`, and the test bench says whether a page address shows a record
 * and which of its prompts are quiet on that record (read-only: nothing is made or written).
 */
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { render, screen, fireEvent, waitFor, cleanup, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import type { UsagePlatform } from '../../../platform/usage-ui.ts';
import { usagePlatform } from '../../../platform/usage-ui.ts';
import { installSecret, recordKeyForUrl, rememberQuiet } from '../../../platform/usage.ts';
import { recordMemoryItem, usageSecretItem } from '../../../platform/storage-items.ts';
import { DAY_MS } from '../../../core/usage/keys.ts';
import { fakePlatform } from './fake-platform.ts';

afterEach(cleanup);

const LP = 'neglect-rarely-alone';
const local: PromptSet = {
  format: 'practice-prompts/prompt-set',
  version: 2,
  id: 'mine',
  name: 'Mine',
  triggers: [{ id: 'neglect', leadsTo: [LP], any: ['neglect'] }],
};

/** A usage platform whose record 12345 (any site) has LP quiet on it; it records every address asked about. */
function fakeUsage(patterns: UsagePlatform extends { readRecordPatterns?(): Promise<infer P> } ? P : never = []) {
  const asked: { url: string; days: number }[] = [];
  const u: UsagePlatform & { asked: typeof asked } = {
    asked,
    readCounts: async () => ({}),
    readRecordCount: async () => 1,
    exportCounts: async () => {
      throw new Error('not used');
    },
    forgetEverything: async () => undefined,
    readRecordPatterns: async () => patterns,
    quietOnAddress: async (url, days) => {
      asked.push({ url, days });
      return url.includes('/person/12345') ? [LP] : [];
    },
    onChange: () => () => undefined,
  };
  return u;
}

const days = () => screen.findByLabelText(/Keep a record's quiet prompts for/) as Promise<HTMLInputElement>;
const address = () => screen.getByLabelText(/Page address/) as HTMLInputElement;
const typeIn = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('options: how long a record keeps its quiet prompts', () => {
  it('shows the default of 90 days (1 to 365) and saves a new value to recordMemoryDays', async () => {
    const p = fakePlatform();
    render(<OptionsApp platform={p} />);
    const input = await days();
    expect(input.value).toBe('90');
    expect(input.min).toBe('1');
    expect(input.max).toBe('365');
    fireEvent.change(input, { target: { value: '30' } });
    await waitFor(() => expect(p.stored.recordMemoryDays).toBe(30));
    expect(p.calls.writeSettings.at(-1)?.recordMemoryDays).toBe(30);
    await waitFor(async () => expect((await days()).value).toBe('30'));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Saved.');
  });

  it('refuses a value outside 1 to 365 and writes nothing', async () => {
    const p = fakePlatform({ settings: { recordMemoryDays: 45 } });
    render(<OptionsApp platform={p} />);
    const input = await days();
    expect(input.value).toBe('45');
    for (const bad of ['0', '366', '2.5']) {
      fireEvent.change(input, { target: { value: bad } });
      expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('from 1 to 365'));
    }
    expect(p.calls.writeSettings).toHaveLength(0);
    expect(p.stored.recordMemoryDays).toBe(45);
  });
});

describe('options: the test bench shows the record rule', () => {
  const setup = (u = fakeUsage(), settings = {}) => {
    const p = fakePlatform({ settings: { localSets: [local], ...settings } });
    render(<OptionsApp platform={p} usage={u} />);
    return u;
  };
  const note = () => screen.getByLabelText(/Page address/).closest('section')!.querySelector('.bench-record')!;

  it('recognises /person/12345 and names the bench prompts quiet on that record, for the configured days', async () => {
    const u = setup(fakeUsage(), { recordMemoryDays: 30 });
    await screen.findByRole('heading', { name: 'Test bench' });
    typeIn(screen.getByLabelText('Sample text'), 'There is neglect here.');
    typeIn(address(), 'https://lcs.example.gov.uk/person/12345');
    await waitFor(() => expect(note().textContent).toContain('This address shows record 12345 on https://lcs.example.gov.uk'));
    expect(note().textContent).toContain('the standard record patterns');
    expect(note().textContent).toContain('stays quiet on it for 30 days');
    const quiet = await screen.findByRole('list', { name: 'Prompts quiet on this record' });
    expect(within(quiet).getAllByRole('listitem')).toHaveLength(1);
    expect(u.asked.at(-1)).toEqual({ url: 'https://lcs.example.gov.uk/person/12345', days: 30 });
  });

  it('recognises ?personId=9; a record with nothing quiet says so', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Test bench' });
    typeIn(screen.getByLabelText('Sample text'), 'There is neglect here.');
    typeIn(address(), 'https://lcs.example.gov.uk/view?personId=9');
    await waitFor(() => expect(note().textContent).toContain('This address shows record 9'));
    await waitFor(() => expect(note().textContent).toContain('None of the prompts above is quiet on this record now.'));
    expect(screen.queryByRole('list', { name: 'Prompts quiet on this record' })).toBeNull();
  });

  it('does not recognise /search?q=x, and never asks about it', async () => {
    const u = setup();
    await screen.findByRole('heading', { name: 'Test bench' });
    typeIn(address(), 'https://lcs.example.gov.uk/search?q=x');
    await waitFor(() => expect(note().textContent).toContain('does not show a record'));
    expect(u.asked).toEqual([]);
  });

  it("uses the organisation's patterns when there are some", async () => {
    setup(fakeUsage([{ segments: ['kind'] }]));
    await screen.findByRole('heading', { name: 'Test bench' });
    typeIn(address(), 'https://lcs.example.gov.uk/person/12345');
    await waitFor(() => expect(note().textContent).toContain('does not show a record'));
    typeIn(address(), 'https://lcs.example.gov.uk/kind/77');
    await waitFor(() => expect(note().textContent).toContain("This address shows record 77 on https://lcs.example.gov.uk (your organisation's record patterns"));
  });

  it('says nothing about records while the address is empty', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Test bench' });
    expect(note().textContent).toBe('');
  });
});

describe('usagePlatform.quietOnAddress (read-only)', () => {
  beforeEach(() => fakeBrowser.reset());
  const A = 'https://lcs.example.gov.uk/person/12345';

  it('makes no secret and writes nothing when there is none yet', async () => {
    expect(await usagePlatform.quietOnAddress!(A, 90)).toEqual([]);
    expect(await usageSecretItem.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('finds what is quiet on that record only, within the days given', async () => {
    await installSecret();
    const key = (await recordKeyForUrl(A))!;
    await rememberQuiet(key, LP, Date.now() - 10 * DAY_MS);
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(await usagePlatform.quietOnAddress!(A, 90)).toEqual([LP]);
    expect(await usagePlatform.quietOnAddress!('https://lcs.example.gov.uk/person/999', 90)).toEqual([]);
    expect(await usagePlatform.quietOnAddress!(A, 5)).toEqual([]);
    expect(await usagePlatform.quietOnAddress!('https://lcs.example.gov.uk/search?q=x', 90)).toEqual([]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    expect(Object.keys(await recordMemoryItem.getValue())).toEqual([key]);
  });
});
