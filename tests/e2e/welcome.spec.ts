/**
 * The first-run welcome page (entrypoints/welcome/): its try-it box shows the prompts a typed note
 * brings up, with their section and why, from the sets the page would use (the user's own included),
 * with no site switched on; a benign note shows none. And a test profile never gets the welcome tab.
 */
import { test, expect, useLocalSets } from './fixtures.ts';
import { GOOD_SET, RAISING_NOTE, RAISING_SET, SAMPLE_NOTE } from './pages.ts';

declare const chrome: typeof import('wxt/browser').browser;

const BENIGN = 'Team meeting moved to Thursday. Please book the room and send your timesheets by Friday.';

test('welcome: typing a note shows its prompts with section and why; a benign note shows none', async ({ context, extensionId, requests }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Practice Prompts' })).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toHaveText('Type a note to see its prompts.'); // the engine has loaded

  // keyboard only: Tab to the box and type, as a person would
  const box = page.getByLabel('Sample note');
  for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type(SAMPLE_NOTE);
  const list = page.getByRole('list', { name: 'Prompts for this note' });
  const neglect = list.getByRole('article', { name: 'Neglect rarely comes alone' });
  await expect(neglect).toBeVisible();
  await expect(neglect).toContainText('Normalisation of neglect in areas of high deprivation and poverty'); // its briefing section
  await expect(neglect.getByText(/^Why this prompt: you wrote/)).toContainText('no food');
  await expect(status).toHaveText(/^\d prompts? for this note\.$/);
  const shown = await list.getByRole('listitem').count();
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(shown).toBeLessThanOrEqual(3); // the default most shown at once

  // a benign note: nothing (the box above proved a prompt can appear)
  await box.fill(BENIGN);
  await expect(status).toHaveText('No prompts for this note.');
  await expect(list).toHaveCount(0);
  expect(requests.filter((u) => !u.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
});

test('welcome: the try-it box uses the user’s own prompt sets, as the page does', async ({ context, extensionId, sw }) => {
  await useLocalSets(sw, [GOOD_SET]);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('status')).toHaveText('Type a note to see its prompts.');
  await page.getByLabel('Sample note').fill('We met at the zebra crossing outside school.');
  const local = page.getByRole('list', { name: 'Prompts for this note' }).getByRole('article', { name: 'Use the local neglect tool' });
  await expect(local).toContainText('Our neglect procedure'); // a local prompt's section is its set's name
  await expect(local).toContainText('zebra crossing');
});

test('welcome: a prompt the second reading raised says the note as a whole reads like its section, quoting the words', async ({ context, extensionId, sw }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('status')).toHaveText('Type a note to see its prompts.');
  const list = page.getByRole('list', { name: 'Prompts for this note' });
  // without the set, the note raises nothing of it (the check below can fail)
  await page.getByLabel('Sample note').fill(RAISING_NOTE);
  await expect(page.getByRole('status')).toHaveText(/prompts? for this note\.$/);
  await expect(list.getByRole('article', { name: 'Talk through home conditions' })).toHaveCount(0);
  await useLocalSets(sw, [RAISING_SET]);
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('Type a note to see its prompts.');
  await page.getByLabel('Sample note').fill(RAISING_NOTE);
  const raised = list.getByRole('article', { name: 'Talk through home conditions' });
  await expect(raised.getByText(/^Why this prompt:/)).toHaveText('Why this prompt: your note as a whole reads like this section, with words such as grubby, grubby kitchen');
});

test('a test profile never opens the welcome page (the launcher loads the extension unpacked)', async ({ context, sw }) => {
  // the switch: the browser reports an unpacked load as "development" (platform/welcome.ts)
  expect(await sw.evaluate(async () => (await chrome.management.getSelf()).installType)).toBe('development');
  // the install has been handled (the background registered its sites after onInstalled), and no welcome tab opened
  const page = await context.newPage();
  await page.goto('about:blank');
  expect(context.pages().map((p) => p.url()).filter((u) => u.includes('welcome.html'))).toEqual([]);
  expect(await sw.evaluate(async () => (await chrome.tabs.query({})).filter((t) => (t.url ?? t.pendingUrl ?? '').includes('welcome.html')).length)).toBe(0);
});
