import { test, expect, waitForAx, axNodes, clickAx, contentScriptWorld, useLocalSets } from './fixtures.ts';
import { waitForNoAx, CHIP } from './never-in-the-way.ts';
import { RAISING_NOTE, RAISING_SET } from './pages.ts';

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

test('paused everywhere: the content script loads, starts nothing and touches no DOM (the same page prompts when not paused)', async ({ context, sw, site, extensionId }) => {
  // not paused: this page prompts, and the probe sees the content script's listeners on it
  const live = await context.newPage();
  await live.goto(`${site}/demo.html`);
  const liveWorld = await contentScriptWorld(live, extensionId);
  await live.locator('#case-note').click();
  await live.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(live, 'button', CHIP);
  expect(await liveWorld.windowListeners()).toEqual(expect.arrayContaining(['focusin', 'input']));
  await liveWorld.detach();

  // pause everywhere, as the popup does: the open page's prompts go
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:pause-everywhere', paused: true }));
  await popup.close();
  await waitForNoAx(live, 'button', CHIP);
  expect(await sw.evaluate(async () => ((await chrome.storage.local.get(null)) as Record<string, { pausedEverywhere?: boolean }>).settings?.pausedEverywhere)).toBe(true);

  // the same page, loaded while paused, with a record of every DOM change once it is parsed
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __mutations: string[] };
    w.__mutations = [];
    const seen = new MutationObserver((records) => {
      for (const r of records) w.__mutations.push(`${r.type} on ${(r.target as Element).nodeName}`);
    });
    // from the parsed document on (the content script runs later still, at document_idle)
    document.addEventListener('DOMContentLoaded', () => seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true }));
  });
  await page.goto(`${site}/demo.html`);
  // the content script did load and run here (so the silence below is its choice)...
  const world = await contentScriptWorld(page, extensionId);
  // ...and was told "paused" (asked again from its own world: its own question went first, so it has its answer)
  expect(await world.evaluate<string>("chrome.runtime.sendMessage({ type: 'cs:hello' }).then((c) => c.state)")).toBe('paused');
  // so it started nothing: no listener on the page, hence nothing can read what is typed
  expect(await world.windowListeners()).toEqual([]);
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE, { delay: 1 });
  expect(await world.windowListeners()).toEqual([]);
  await world.detach();
  expect(await page.evaluate(() => document.querySelector('practice-prompts'))).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations)).toEqual([]);
  expect(await page.locator('#case-note').inputValue()).toBe(NOTE);
  expect((await axNodes(page)).filter((x) => /^Practice prompts/.test(x.name))).toEqual([]);
});

test('after an extension update the old content script goes quiet, throwing nothing into the page', async ({ demo, context }) => {
  const errors: string[] = [];
  demo.on('pageerror', (e) => errors.push(String(e)));
  demo.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await demo.locator('#case-note').click();
  await demo.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts:/);
  await expect(demo.locator('practice-prompts')).toHaveCount(1);
  const sw = context.serviceWorkers()[0]!;
  const updated = context.waitForEvent('serviceworker', { predicate: (w) => w !== sw });
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker goes away mid-call
  await updated; // the new version is running
  // the practitioner rewrites the note: the old script's next report to the background (the prompts
  // change) tells it it is orphaned, and it goes quiet, taking its element with it
  const AFTER = 'Rewritten after the update: strategy meeting held today.';
  await demo.keyboard.press('Control+a');
  await demo.keyboard.type(AFTER, { delay: 1 });
  await expect(demo.locator('practice-prompts')).toHaveCount(0);
  expect(errors.filter((e) => /practice|extension|invalidated/i.test(e))).toEqual([]);
  expect(await demo.locator('#case-note').inputValue()).toBe(AFTER);
});

test('a prompt the second reading raised shows on the page, saying the note as a whole reads like its section, with the words', async ({ context, sw, site }) => {
  await useLocalSets(sw, [RAISING_SET]);
  const page = await context.newPage();
  await page.goto(`${site}/demo.html`);
  const note = page.locator('#case-note');
  await note.click();
  await page.keyboard.type(RAISING_NOTE, { delay: 1 });
  await clickAx(page, 'button', CHIP);
  await waitForAx(page, 'heading', /^Talk through home conditions$/);
  const texts = (await axNodes(page)).map((n) => n.name);
  expect(texts).toContain('Why this prompt: your note as a whole reads like this section, with words such as');
  expect(texts).toEqual(expect.arrayContaining(['grubby', 'grubby kitchen']));
  expect(await note.inputValue()).toBe(RAISING_NOTE); // the practitioner's text is untouched
});
