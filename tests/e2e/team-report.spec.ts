/**
 * The team report, end to end in Chromium: a worker sees their own counts and exports them (previewed,
 * then saved); a manager imports that file with nine colleagues' files on the options page and, through
 * the accessibility tree, sees the noisy trigger ranked first, small cells as "<5", and a link that
 * opens the test bench on that trigger. With four workers' files nothing is shown but an explanation.
 * "Forget everything" empties the counts and the per-record memory in storage.
 *
 * The count files are made in the test the way a worker's browser makes them (tests/fixtures/count-files.ts,
 * from core/usage/counts.ts).
 */
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { NOISY, QUIETER, countFileText, countStore } from '../fixtures/count-files.ts';

declare const chrome: typeof import('wxt/browser').browser;

const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const files = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => json(`worker-${from + k + 1}.json`, countFileText(from + k)));

const rows = (table: Locator) => table.getByRole('row');
async function rowText(row: Locator): Promise<string[]> {
  return row.getByRole('cell').or(row.getByRole('rowheader')).allInnerTexts();
}

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1, name: /settings and prompt sets/i })).toBeVisible();
}

test('a worker exports their counts; with nine colleagues’ files the report ranks the noisy trigger first', async ({ context, extensionId, sw }) => {
  // what this worker's browser recorded (as the background keeps it: daily counts, ids and numbers)
  const store = countStore(0);
  await sw.evaluate(async (usageCounts) => chrome.storage.local.set({ usageCounts }), store);
  const page = await context.newPage();
  await openOptions(page, extensionId);

  // the worker's own counts, unsuppressed: they are theirs
  const own = page.getByRole('table', { name: 'Your counts per trigger and learning point' });
  const ownNoisy = rows(own).filter({ has: page.getByRole('rowheader', { name: NOISY.trigger }) });
  await expect(ownNoisy).toHaveCount(1);
  expect((await rowText(ownNoisy)).slice(3)).toEqual(['3', '0', '0', '0', '0', '2']);

  // export: nothing is saved until the preview is confirmed, and what is saved is what was shown
  await page.getByRole('button', { name: 'Preview my count file' }).click();
  const preview = page.getByRole('region', { name: /^Preview: practice-prompts-counts-\d{4}-\d{2}-\d{2}\.json$/ });
  await expect(preview.getByText('practice-prompts-counts, version 1')).toBeVisible();
  await expect(preview.getByText(/no page addresses, no record ids/)).toBeVisible();
  const shown = await preview.getByRole('region', { name: 'The exact text of the file' }).innerText();
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save count file' }).click();
  const saved = await download;
  const text = Buffer.concat(await (await saved.createReadStream()).toArray()).toString('utf8');
  expect(text.trim()).toBe(shown.trim());
  const file = JSON.parse(text) as { format: string; worker: string; months: Record<string, unknown[]> };
  expect(Object.keys(file).sort()).toEqual(['exported', 'format', 'months', 'version', 'worker']);
  expect(Object.keys(file.months)).toEqual(['2026-04', '2026-05']);
  await expect(page.getByText(`Saved ${saved.suggestedFilename()}.`)).toBeVisible();

  // the manager: this worker's file and nine colleagues'
  const manager = await context.newPage();
  await openOptions(manager, extensionId);
  await manager.getByLabel('Count files', { exact: true }).setInputFiles([json(saved.suggestedFilename(), text), ...files(1, 10)]);
  await expect(manager.getByText('A report from 10 workers’ files.', { exact: false })).toBeVisible();
  const noisy = manager.getByRole('table', { name: 'Noisiest triggers, noisiest first' });
  const ranked = rows(noisy);
  await expect(ranked).toHaveCount(3); // a header row and two ranked triggers
  const first = await rowText(ranked.nth(1));
  expect(first[0]).toBe('1');
  expect(first[1]).toContain(NOISY.trigger);
  expect(first.slice(3, 6)).toEqual(['30', '20', '67%']);
  // "not about this child" came from one worker only: a small cell
  expect(first[6]).toBe('<5');
  expect((await rowText(ranked.nth(2)))[1]).toContain(QUIETER.trigger);
  // the chart carries the same ranking in words
  await expect(manager.getByRole('img', { name: /^Noisiest triggers/ })).toBeVisible();
  // a month drawn from one worker shows "<5" throughout
  const april = rows(manager.getByRole('table', { name: 'Trends by month' })).filter({ has: manager.getByRole('rowheader', { name: '2026-04' }) });
  expect((await rowText(april)).slice(1)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5']);

  // tune on the spot: the test bench opens on that trigger and it fires
  await ranked.nth(1).getByRole('link', { name: `Test trigger ${NOISY.trigger}` }).click();
  await expect(manager.getByRole('heading', { name: `Tuning trigger ${NOISY.trigger}` })).toBeVisible();
  await expect(manager.getByLabel('Sample text')).toBeFocused();
  await expect(manager.getByLabel('Sample text')).toHaveValue(/sexualised/);
  await expect(manager.getByRole('list', { name: 'Prompts that would appear' }).getByRole('listitem').first()).toBeVisible();
});

test('with four workers’ files the report shows nothing but an explanation', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await page.getByLabel('Count files', { exact: true }).setInputFiles(files(0, 4));
  await expect(page.getByText(/Nothing is shown yet: the files come from 4 workers, and a team report needs files from at least 5/)).toBeVisible();
  const team = page.getByRole('region', { name: 'Team report' });
  await expect(team.getByRole('table')).toHaveCount(0);
  await expect(team.getByRole('img')).toHaveCount(0);
  await expect(team.getByText(NOISY.trigger)).toHaveCount(0);
  // a fifth brings it
  await page.getByLabel('Count files', { exact: true }).setInputFiles(files(4, 5));
  await expect(team.getByRole('table', { name: 'Noisiest triggers, noisiest first' })).toBeVisible();
});

test('"Forget everything" asks, then empties the counts and the per-record memory', async ({ context, extensionId, sw }) => {
  await sw.evaluate(
    async ([usageCounts, key]) => chrome.storage.local.set({ usageCounts, recordMemory: { [key]: { 'neglect-rarely-alone': Date.now() } }, usageSecret: 'ab'.repeat(32) }),
    [countStore(0), 'cd'.repeat(32)] as const,
  );
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await expect(page.getByText('Prompts are kept quiet on 1 record.')).toBeVisible();
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await expect(page.getByRole('button', { name: 'Yes, forget everything' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Everything was forgotten' })).toBeVisible();
  await expect(page.getByText('No records have prompts kept quiet on them.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your counts per trigger and learning point' })).toHaveCount(0);
  await expect
    .poll(() => sw.evaluate(async () => Object.keys(await chrome.storage.local.get(['usageCounts', 'recordMemory', 'usageSecret']))))
    .toEqual([]);
});

test('a policy that switches export off leaves no way to export', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const managed = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome?.storage?.managed;
    if (managed) managed.get = () => Promise.resolve({ usageExport: false });
  });
  await openOptions(page, extensionId);
  await expect(page.getByText('Your organisation has switched off exporting counts.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview my count file' })).toHaveCount(0);
});
