import { test, expect, waitForAx, clickAx, axNodes } from './fixtures.ts';
import { expectNoPromptFor } from './never-in-the-way.ts';

const TYPED = 'Strategy meeting held today. Concerns about neglect: the home was cold and there was no food. She made a disclosure to her teacher.';

test('typing in a case note shows a quiet prompt, read through the accessibility tree, and changes nothing typed', async ({ demo, context, extensionId }) => {
  const note = demo.locator('#case-note');
  await note.click();
  await demo.keyboard.type(TYPED, { delay: 2 });

  const chip = await waitForAx(demo, 'button', /^Practice prompts: \d+ prompts?$/);
  expect(chip.expanded).toBe(false);
  const n = Number(/(\d+)/.exec(chip.name)![1]);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(3);

  await clickAx(demo, 'button', /^Practice prompts:/);
  await waitForAx(demo, 'region', /^Practice prompts$/);
  const tree = await axNodes(demo);
  // each prompt is listed under its briefing section title, exactly as the briefing writes it
  const headings = tree.filter((x) => x.role === 'heading').map((x) => x.name);
  expect(headings).toContain('Normalisation of neglect in areas of high deprivation and poverty');

  // focus, value and caret are untouched by our UI
  expect(await note.inputValue()).toBe(TYPED);
  expect(await demo.evaluate(() => document.activeElement?.id)).toBe('case-note');
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([TYPED.length, TYPED.length]);

  const opened = context.waitForEvent('page');
  await clickAx(demo, 'link', /^Open learning point/);
  const lib = await opened;
  await lib.waitForLoadState();
  expect(lib.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/library.html#lp/[a-z0-9-]+$`));
  const id = decodeURIComponent(new URL(lib.url()).hash.slice(1));
  await expect(lib.locator(`[id="${id}"]`)).toBeFocused();
  expect(await note.inputValue()).toBe(TYPED);
});

test('no prompt on administrative text (after the same field has shown one for a control text)', async ({ demo }) => {
  await expectNoPromptFor(demo, demo.locator('#case-note'), 'Booked a meeting room for the training day. Please update your email signature.');
});
