/**
 * The reflection page in the built extension: `reflect.html#lp/<id>` opens pre-filled with the learning
 * point, a keyboard-only reflection is saved, survives a reload, and lives in storage.local only — no
 * trace of it in storage.sync. The identifying-details warning is announced (politely) and never blocks.
 * axe-core finds no violations. The `requests` fixture fails the test if any request leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { runAxe } from './a11y-checks.ts';

declare const chrome: typeof import('wxt/browser').browser;

const points = JSON.parse(readFileSync(new URL('../../content/library/learning-points/daily-life.json', import.meta.url), 'utf8')) as { id: string; title: string; questions: string[] }[];
const lp = points[0]!;
const other = (JSON.parse(readFileSync(new URL('../../content/library/learning-points/escalation.json', import.meta.url), 'utf8')) as { id: string; title: string }[])[0]!;
const CANARY = 'CANARYREFLECTION';

test('keyboard only: open reflect.html#lp/<id>, write, save, reload; stored locally, never synced', async ({ context, extensionId, sw, requests: _r }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflect.html#lp/${lp.id}`);

  // pre-filled: the learning point, its questions, today's date, the privacy reminder
  await expect(page.getByRole('heading', { level: 2, name: lp.title })).toBeVisible();
  for (const q of lp.questions) await expect(page.getByText(q, { exact: true })).toBeVisible();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.getByLabel('Date of the activity')).toHaveValue(today);
  await expect(page.getByText('Do not include names or identifying details')).toBeVisible();
  expect(await runAxe(page)).toEqual([]);

  // the page opens ready to write
  const learned = page.getByLabel('What I learned');
  await expect(learned).toBeFocused();
  await page.keyboard.type(`${CANARY} I spoke with Jade Okafor`);
  const warning = page.locator('#identifying-warning');
  await expect(warning).toHaveAttribute('aria-live', 'polite');
  await expect(warning).toContainText('a person’s full name');
  expect(await runAxe(page)).toEqual([]);
  for (let i = 0; i < 'Jade Okafor'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('the child alone, away from home.');
  await expect(warning).toHaveText('');

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('How it applies to my practice')).toBeFocused();
  await page.keyboard.type('Seeing children alone is part of every visit.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('What I will do differently')).toBeFocused();
  await page.keyboard.type('Plan time alone before the visit.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Discussed with')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save reflection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved on this computer only');

  await page.reload();
  const saved = page.getByRole('region', { name: 'Your reflections on this learning point' });
  await expect(saved).toContainText(`${CANARY} I spoke with the child alone, away from home.`);
  await expect(saved).toContainText('1 reflection, 0 discussed');

  const local = await sw.evaluate(() => chrome.storage.local.get('reflections'));
  expect(JSON.stringify(local)).toContain(CANARY);
  const sync = await sw.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify(sync)).not.toContain(CANARY);
  expect(JSON.stringify(sync)).not.toContain(lp.id);
});

test('an unknown learning point says so', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflect.html#lp/no-such-point`);
  await expect(page.getByRole('alert')).toContainText('The library has no learning point “no-such-point”');
});

test('the log: filter, mark discussed, export CPD text, edit, delete; axe-clean', async ({ context, extensionId, sw, requests: _r }) => {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const base = { activity: 'Met it while recording.', applies: '', differently: '', created: 1, updated: 1 };
  await sw.evaluate(
    (list) => chrome.storage.local.set({ reflections: list }),
    [
      { ...base, id: 'r-test-000001', learningPointId: lp.id, date: today, learned: 'ALPHA learned' },
      { ...base, id: 'r-test-000002', learningPointId: other.id, date: '2020-06-01', learned: 'BETA learned' },
    ],
  );
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflections.html`);
  const list = page.getByRole('list', { name: 'Reflections' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect(await runAxe(page)).toEqual([]);

  await page.getByLabel('Section').selectOption('escalation');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('BETA learned');
  await page.getByLabel('Section').selectOption('');
  await page.getByLabel('From').fill('2021-01-01');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('ALPHA learned');
  await page.getByLabel('From').fill('');
  await page.getByLabel('Search').fill('beta');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Search').fill('');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  const alpha = list.getByRole('listitem').filter({ hasText: 'ALPHA learned' });
  await alpha.getByLabel('With').selectOption('peer');
  await alpha.getByLabel('On').fill('2026-03-10');
  await alpha.getByRole('button', { name: 'Mark discussed' }).click();
  await expect(alpha).toContainText('With a social work peer, on 10 March 2026');
  await expect(page.locator('.counts')).toContainText('1 reflection, 1 discussed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CPD text (one entry per piece)' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const cpd = await readFile((await download.path())!, 'utf8');
  expect(cpd.match(/^CPD entry \d of 2$/gm)).toHaveLength(2);
  expect(cpd).toContain('Peer reflection: discussed with a social work peer, on 10 March 2026.');

  await alpha.getByRole('link', { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/reflect\.html#r\/r-test-000001$/);
  await expect(page.getByLabel('What I learned')).toHaveValue('ALPHA learned');
  await expect(page.getByLabel('Discussed with')).toHaveValue('peer');
  await page.goBack();

  const beta = list.getByRole('listitem').filter({ hasText: 'BETA learned' });
  await beta.getByRole('button', { name: /^Delete/ }).click();
  await beta.getByRole('button', { name: 'Delete for good' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain('BETA');
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.sync.get(null)))).not.toContain('ALPHA');
});

test('"Reflect on this" in the library opens the reflection page on that learning point', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html#lp/${lp.id}`);
  await expect(page.locator('main article').first()).toBeVisible();
  const link = page.getByRole('link', { name: `Reflect on this: ${lp.title}`, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/reflect\\.html#lp/${lp.id}$`));
  await expect(page.getByRole('heading', { level: 2, name: lp.title })).toBeVisible();
  await expect(page.getByLabel('What I learned')).toBeFocused();
});
