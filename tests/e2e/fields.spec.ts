/**
 * Plain fields and awkward pages: inputs, contenteditable, a same-origin srcdoc iframe, an open
 * shadow root, a single-page app, a strict CSP, a hostile page, a huge note and a huge, churning form.
 * Each time: prompts appear (or, for secrets and codes, never do), and the practitioner's field is
 * exactly as they left it.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForAx, recordReports } from './fixtures.ts';
import { neverInTheWay, expectNoPromptFor, chipCount, promptCountFor, waitForNoAx, warmUp, ourErrors, ourSubtree, expectChipInCorner, CHIP, NOTE } from './never-in-the-way.ts';

let ours: string[] = [];
test.beforeEach(async ({ page, sw }) => {
  await warmUp(sw);
  ours = ourErrors(page);
});
test.afterEach(() => expect(ours, 'errors or warnings from the extension').toEqual([]));

const frameOf = (selector: string) => async (page: Page) => (await page.locator(selector).elementHandle())!.contentFrame().then((f) => f!);

test('text input', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/inputs.html`);
  await neverInTheWay(page, { selector: '#summary' });
});

test('search input', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/inputs.html`);
  await neverInTheWay(page, { selector: '#search' });
});

test('password, one-time-code and spellcheck=false inputs never produce a prompt', async ({ page, site, sw, requests: _r }) => {
  const reports = await recordReports(sw);
  await page.goto(`${site}/fields/inputs.html`);
  // alive on this page: an ordinary field prompts, and the background has heard so
  await page.locator('#summary').click();
  await page.keyboard.type('Concerns about neglect.');
  const before = await chipCount(page);
  await expect.poll(async () => (await reports()).at(-1)?.length).toBe(before);
  const heardBefore = (await reports()).length;
  for (const id of ['#password', '#otc', '#reference']) {
    await page.locator(id).click();
    await page.keyboard.type(NOTE);
    expect(await page.locator(id).inputValue()).toBe(NOTE);
  }
  // back in the ordinary field, one more sentence (one input event): one more prompt. The content
  // script handles events in order, so when it shows this one it has handled every focus and
  // keystroke above.
  await page.locator('#summary').click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' She made a disclosure to her teacher.');
  await waitForAx(page, 'button', new RegExp(`^Practice prompts: ${before + 1} prompts$`));
  // and what the page reported in between is that one change alone: had a secret field been read,
  // taking it as the current field would have reported its prompts (or an empty list) first
  await expect.poll(async () => (await reports()).at(-1)?.length).toBe(before + 1);
  expect((await reports()).slice(heardBefore).map((ids) => ids.length)).toEqual([before + 1]);
  expect(await page.locator('#summary').inputValue()).toBe('Concerns about neglect. She made a disclosure to her teacher.');
});

test('contenteditable', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/contenteditable.html`);
  await neverInTheWay(page, { selector: '#case-note', rich: true });
});

test('same-origin iframe (srcdoc) with a contenteditable body', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/iframe-srcdoc.html`);
  await neverInTheWay(page, { selector: 'body', rich: true, frame: frameOf('#note-frame') });
});

test('textarea in an open shadow root', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/shadow.html`);
  await neverInTheWay(page, { selector: 'case-note-field textarea' });
});

test('single-page app: the textarea that replaces the first one after a route change', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/spa.html`);
  // (#note-referral arrives 1 s after load; the click waits for it)
  await expectNoPromptFor(page, page.locator('#note-referral'), 'Booked a meeting room for the review.');
  await page.locator('#to-visit').click();
  await expect(page.locator('#note-referral')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?route=visit');
  await neverInTheWay(page, { selector: '#note-visit' });
});

test('strict CSP page: prompts appear, styled and in a corner', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/csp/strict.html`);
  // the CSP is in force: the external script ran, the inline one did not
  expect(await page.evaluate(() => [(window as unknown as Record<string, unknown>).cspScriptRan, (window as unknown as Record<string, unknown>).inlineScriptRan])).toEqual([true, undefined]);
  await neverInTheWay(page, { selector: '#case-note', onChip: expectChipInCorner });
});

test('hostile page: broken built-ins, CSS attacks and removal of our element', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/hostile.html`);
  await neverInTheWay(page, {
    selector: '#case-note',
    onChip: expectChipInCorner, // global CSS attacks did not hide or move it
    // the page removes our element as soon as it appears; the note's last keystroke brings it back
    beforeLastKey: async () => {
      await page.waitForFunction(() => window.__removed === true);
      await waitForNoAx(page, 'button', CHIP);
    },
  });
  expect(await page.evaluate(() => window.__removed)).toBe(true); // the page did remove us once
  const errors = await page.evaluate(() => window.__errors!.slice());
  expect(errors.filter((e) => /chrome-extension:|practice.?prompts/i.test(e))).toEqual([]);
});

test('the page removes our element: the chip comes back on the next keystroke', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/contenteditable.html`);
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE);
  const n = await chipCount(page, undefined, undefined, promptCountFor(NOTE));
  expect(await page.evaluate(() => document.querySelectorAll('practice-prompts').length)).toBe(1);
  await page.evaluate(() => document.querySelector('practice-prompts')!.remove());
  await waitForNoAx(page, 'button', CHIP);
  await page.keyboard.type(' ');
  await waitForAx(page, 'button', new RegExp(`^Practice prompts: ${n} prompts?$`), 3000);
  expect(await page.evaluate(() => window.getEditorText!())).toBe(NOTE + ' ');
});

test('50,000-character note: typing at the end prompts and leaves the note intact', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/big.html`);
  const prefill = await page.evaluate(() => (window as unknown as { prefill: string }).prefill);
  expect(prefill.length).toBe(50_000);
  await neverInTheWay(page, { selector: '#case-note', before: prefill });
});

test('5,000 inputs with DOM churn every 50 ms', async ({ page, site, requests: _r }) => {
  await page.goto(`${site}/fields/many-fields.html`);
  const churns = await page.evaluate(() => (window as unknown as { churns: number }).churns);
  await neverInTheWay(page, { selector: '#f-2500', ax: ourSubtree });
  expect(await page.evaluate(() => (window as unknown as { churns: number }).churns)).toBeGreaterThan(churns);
  expect(await page.locator('input').count()).toBe(5000);
  // only the field typed in was read; others stay empty
  expect(await page.locator('#f-2499').inputValue()).toBe('');
});

test('cold start on a page that repaints constantly: prompts appear', async ({ page, site }) => {
  // Right after browser start Chrome can take seconds to answer chrome.storage.managed.get (with a
  // page repainting every 50 ms it did not answer within 40 s): the background no longer waits on it
  // (platform/settings-store.ts readPolicy). No warmUp here, on purpose.
  await page.goto(`${site}/fields/many-fields.html`);
  await page.locator('#f-2500').click();
  await page.keyboard.type(NOTE);
  await chipCount(page, 10_000, ourSubtree);
});

