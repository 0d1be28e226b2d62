import { test, expect } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;

test('popup: cursor in the search box, type, arrow, Enter opens the right deep link', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const box = popup.getByRole('combobox', { name: 'Search learning points' });
  await expect(box).toBeFocused();
  await popup.keyboard.type('neglct'); // a typo
  const options = popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(1);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(popup.locator('mark').first()).toBeVisible();
  await popup.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', 'opt-1');
  const title = (await options.nth(1).locator('.title').textContent())!;
  const opened = context.waitForEvent('page');
  await popup.keyboard.press('Enter').catch(() => {}); // the popup closes itself after opening
  const lib = await opened;
  await lib.waitForLoadState();
  expect(lib.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/library.html#lp/[a-z0-9-]+$`));
  const id = decodeURIComponent(new URL(lib.url()).hash.slice(1));
  await expect(lib.locator(`[id="${id}"] h3`).first()).toHaveText(title);
});

test('popup: acronyms and Esc', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('combobox', { name: 'Search learning points' })).toBeFocused();
  await popup.keyboard.type('ABE');
  await expect(popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first()).toContainText(/ABE/);
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('combobox', { name: 'Search learning points' })).toHaveValue('');
});

test('popup: the empty box shows the current tab’s prompts', async ({ context, extensionId, sw, demo }) => {
  await demo.locator('#case-note').click();
  await demo.keyboard.type('Strategy meeting: she made a disclosure but the outcome was no further action.', { delay: 1 });
  // the background knows the tab's prompt ids (derived facts only)
  const tabKey = async () => sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).find((k) => k.startsWith('tab:')));
  await expect.poll(tabKey, { timeout: 5000 }).toBeTruthy();
  const tabId = Number((await tabKey())!.slice(4));
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  // the tab's prompts arrive after the first paint (messaging loads after it): wait for them, no reload
  await expect(popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first()).toBeVisible({ timeout: 8000 });
  await expect(popup.locator('.group').first()).toHaveText('On this page');
});

test('popup: the empty box offers example searches that work, by keyboard', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const box = popup.getByRole('combobox', { name: 'Search learning points' });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('placeholder', 'e.g. neglect, ABE, escalation, not brought');
  const examples = popup.getByRole('group', { name: 'Try a search' }).getByRole('button');
  await expect(examples).toHaveText(['seen alone', 'no further action', 'county lines']);
  // keyboard only: Tab to the first example, Enter runs it, focus returns to the box
  const first = examples.first();
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) await popup.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(box).toHaveValue('seen alone');
  await expect(box).toBeFocused();
  const options = popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option');
  await expect(options.first().locator('.title')).toHaveText('Trust, and time alone with the child');
  await expect(options.first()).toContainText('Learning point');
  await expect(popup.getByRole('group', { name: 'Try a search' })).toHaveCount(0);
  // each example's first result is the one the ranking table expects
  for (const [q, title] of [
    ['no further action', 'Explaining decisions, and how to challenge them'],
    ['county lines', 'Streetwise is not the same as safe'],
  ]) {
    await popup.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await examples.filter({ hasText: q }).click();
    await expect(options.first().locator('.title')).toHaveText(title!);
  }
});

test('popup: a theme result opens the library at its anchor', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // keys pressed before the box has focus go nowhere: wait for it, as a person would see the cursor
  const box = popup.getByRole('combobox', { name: 'Search learning points' });
  await expect(box).toBeFocused();
  await popup.keyboard.type('losing sight of the child');
  await expect(box).toHaveValue('losing sight of the child');
  const first = popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first();
  await expect(first).toContainText('Theme');
  await expect(first.locator('.title')).toHaveText('Losing sight of the child');
  const opened = context.waitForEvent('page');
  await popup.keyboard.press('Enter').catch(() => {});
  const lib = await opened;
  await lib.waitForLoadState();
  expect(lib.url()).toBe(`chrome-extension://${extensionId}/library.html#theme/losing-sight-of-the-child`);
  await expect(lib.locator('[id="theme/losing-sight-of-the-child"]')).toBeFocused();
});
