import { test, expect, waitForAx, axNodes } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;
const NOTE = 'Concerns about neglect at home. She made a disclosure to her teacher.';

test('keyboard shortcut (the browser command) opens the prompts with focus; Escape returns focus and caret to the field', async ({ demo, sw }) => {
  const note = demo.locator('#case-note');
  await note.click();
  await demo.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts: \d+ prompts?$/);
  await note.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 12)); // the practitioner selects a word
  // what the command does: the background tells the page to toggle
  await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'bg:toggle' });
  });
  await waitForAx(demo, 'region', /^Practice prompts$/);
  expect(await demo.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('practice-prompts');
  await demo.keyboard.press('Escape');
  await expect.poll(() => demo.evaluate(() => document.activeElement?.id)).toBe('case-note');
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([5, 12]);
  expect(await note.inputValue()).toBe(NOTE);
  expect((await axNodes(demo)).some((n) => n.role === 'region' && n.name === 'Practice prompts')).toBe(false);
});

test('paused everywhere: nothing runs and no DOM is touched', async ({ context, sw, site }) => {
  await sw.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), version: 2, sites: [], pausedEverywhere: true, pausedSites: [], surface: 'chip', maxPrompts: 3, cooldownMinutes: 60, disabledPrompts: [], localSets: [], notRelevant: {} } });
  });
  const page = await context.newPage();
  await page.goto(`${site}/demo.html`);
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE, { delay: 1 });
  await page.waitForTimeout(1200);
  expect(await page.evaluate(() => document.querySelector('practice-prompts'))).toBeNull();
  expect(await page.locator('#case-note').inputValue()).toBe(NOTE);
});

test('after an extension update the old content script goes quiet, throwing nothing into the page', async ({ demo, context }) => {
  const errors: string[] = [];
  demo.on('pageerror', (e) => errors.push(String(e)));
  demo.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await demo.locator('#case-note').click();
  await demo.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts:/);
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker goes away mid-call
  await demo.waitForTimeout(1500);
  await demo.keyboard.type(' More typing after the update: neglect, disclosure, strategy meeting.', { delay: 1 });
  await demo.waitForTimeout(800);
  expect(errors.filter((e) => /practice|extension|invalidated/i.test(e))).toEqual([]);
  expect(await demo.locator('#case-note').inputValue()).toBe(NOTE + ' More typing after the update: neglect, disclosure, strategy meeting.');
});
