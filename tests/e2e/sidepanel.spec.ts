import { test, expect } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;

test('the real side panel follows the current tab’s prompts live, without polling or reloading', async ({ context, extensionId, sw, demo }) => {
  // the demo tab, before anything is typed (so the panel opens with no prompts)
  await demo.bringToFront();
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  expect(tabId).toBeDefined();

  // open the browser's side panel for the demo tab, with a user gesture (CDP), from an extension page
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/library.html`);
  const cdp = await context.newCDPSession(ext);
  await cdp.send('Runtime.evaluate', { expression: `chrome.sidePanel.open({ tabId: ${tabId} })`, awaitPromise: true, userGesture: true });
  await demo.bringToFront();
  // the side panel's document, reached from an extension page (extension CSP: no eval, so one function per read)
  type PanelWindow = globalThis.Window & { __ppMark?: number };
  /** The "Prompts for this page" part only (the search box below lists every section title in its filter). */
  const panelText = () =>
    ext.evaluate(() =>
      (chrome.extension.getViews() as unknown as PanelWindow[])
        .filter((w) => w.location.pathname.endsWith('/sidepanel.html'))
        .map((w) => (w.document.querySelector('section[aria-labelledby="h-tab"]') as HTMLElement | null)?.innerText ?? '')
        .join('\n'),
    );
  const cardSections = () =>
    ext.evaluate(() =>
      (chrome.extension.getViews() as unknown as PanelWindow[])
        .filter((w) => w.location.pathname.endsWith('/sidepanel.html'))
        .flatMap((w) => [...w.document.querySelectorAll('article.card .sec')].map((e) => e.textContent ?? '')),
    );
  /** Mark the panel's document (mark = true) or read the mark: a reload would lose it. */
  const panelMark = (mark: boolean) =>
    ext.evaluate(
      (m) =>
        (chrome.extension.getViews() as unknown as PanelWindow[])
          .filter((w) => w.location.pathname.endsWith('/sidepanel.html'))
          .map((w) => (m ? (w.__ppMark = 1) : w.__ppMark)),
      mark,
    );
  await expect.poll(panelText, { timeout: 10000 }).toContain('No prompts for this page right now.');
  expect(await cardSections()).toEqual([]);
  // the panel has its own name (not the popup's)
  expect(
    await ext.evaluate(() =>
      (chrome.extension.getViews() as unknown as globalThis.Window[]).filter((w) => w.location.pathname.endsWith('/sidepanel.html')).map((w) => w.document.querySelector('main')?.className),
    ),
  ).toEqual(['panel']);
  expect(await panelMark(true)).toEqual([1]);

  await demo.locator('#case-note').click();
  await demo.keyboard.type('Concerns about neglect. The family are moving to another area and the case will be transferred by email.', { delay: 1 });
  await expect.poll(cardSections, { timeout: 10000 }).toEqual(
    expect.arrayContaining([expect.stringMatching(/^(Normalisation of neglect in areas of high deprivation and poverty|Information sharing and effective communication)$/)]),
  );
  expect(await panelText()).not.toContain('No prompts for this page right now.');
  expect(await panelMark(false)).toEqual([1]);
  expect(await demo.locator('#case-note').inputValue()).toContain('transferred by email');

  // and back: the prompts go when the note is cleared
  await demo.locator('#case-note').fill('');
  await expect.poll(panelText, { timeout: 10000 }).toContain('No prompts for this page right now.');
  expect(await cardSections()).toEqual([]);
  expect(await panelMark(false)).toEqual([1]);
});
