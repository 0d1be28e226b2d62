import { test, expect } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;

test('the real side panel lists the current tab’s prompts', async ({ context, extensionId, sw, demo }) => {
  await demo.locator('#case-note').click();
  await demo.keyboard.type('Concerns about neglect. The family are moving to another area and the case will be transferred by email.', { delay: 1 });
  const tabKey = async () => sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).find((k) => k.startsWith('tab:')));
  await expect.poll(tabKey, { timeout: 5000 }).toBeTruthy();
  const tabId = Number((await tabKey())!.slice(4));

  // open the browser's side panel for the demo tab, with a user gesture (CDP), from an extension page
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/library.html`);
  const cdp = await context.newCDPSession(ext);
  await cdp.send('Runtime.evaluate', { expression: `chrome.sidePanel.open({ tabId: ${tabId} })`, awaitPromise: true, userGesture: true });
  await demo.bringToFront();
  const panelText = async () =>
    ext.evaluate(() => {
      const views = (chrome.extension.getViews() as unknown as globalThis.Window[]).filter((w) => w.location.pathname.endsWith('/sidepanel.html'));
      return views.map((w) => w.document.body.innerText).join('\n');
    });
  await expect.poll(panelText, { timeout: 10000 }).toContain('Prompts for this page');
  await expect.poll(panelText, { timeout: 10000 }).toMatch(/Normalisation of neglect in areas of high deprivation and poverty|Information sharing and effective communication/);
  expect(await demo.locator('#case-note').inputValue()).toContain('transferred by email');
});
