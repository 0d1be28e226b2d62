/**
 * WCAG 2.2 AA, proven in the real browser on every extension page in every state (tests/e2e/pages.ts,
 * the prompt surface included through its test page): axe-core with the WCAG 2.0/2.1/2.2 A and AA
 * tags (light and dark), then what axe cannot see (a11y-checks.ts): keyboard-only journey, target size,
 * reflow at 320 CSS px, text spacing, 200% zoom, forced colours and reduced motion.
 */
import { readdirSync } from 'node:fs';
import { test, expect, EXT_DIR } from './fixtures.ts';
import { NOT_PAGES, PAGES, type ExtensionPageState } from './pages.ts';
import { applyTextSpacing, clippedText, horizontalScroll, invisibleInForcedColors, keyboardWalk, motion, runAxe, smallTargets, zoom } from './a11y-checks.ts';
import type { BrowserContext, Page } from '@playwright/test';

async function open(context: BrowserContext, extensionId: string, s: ExtensionPageState): Promise<Page> {
  const page = await context.newPage();
  await s.init?.(page);
  await page.goto(`chrome-extension://${extensionId}/${s.path}`);
  await expect(s.ready(page)).toBeVisible();
  await s.setup?.(page);
  return page;
}

test('every built extension page is in the accessibility list (tests/e2e/pages.ts)', () => {
  const built = readdirSync(EXT_DIR).filter((f) => f.endsWith('.html'));
  expect(built.length).toBeGreaterThan(3);
  const listed = new Set(PAGES.map((p) => p.path.replace(/[?#].*$/, '')));
  expect(built.filter((f) => !listed.has(f) && !NOT_PAGES.includes(f))).toEqual([]);
});

for (const s of PAGES) {
  test(`a11y: ${s.name}`, async ({ context, extensionId }) => {
    const page = await open(context, extensionId, s);
    const cdp = await context.newCDPSession(page);

    await test.step('axe: WCAG 2.0/2.1/2.2 A and AA, light and dark', async () => {
      expect.soft(await runAxe(page), 'axe violations (light)').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect.soft(await runAxe(page), 'axe violations (dark)').toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await test.step('keyboard only: order, no trap, visible focus, not obscured', async () => {
      const { problems, reached } = await keyboardWalk(page);
      expect.soft(reached.length, 'Tab reached something').toBeGreaterThan(0);
      expect.soft(problems, `keyboard journey (reached: ${reached.join(' → ')})`).toEqual([]);
    });

    await test.step('targets at least 24×24 CSS px', async () => {
      const small = await smallTargets(page);
      const allowed = s.smallTargetsAllowed ?? [];
      const excepted = (t: string) => allowed.some((a) => a.target.test(t));
      expect.soft(small.filter((t) => !excepted(t.target)).map((t) => `${t.target}: ${t.size}`), 'targets smaller than 24×24').toEqual([]);
      // a known exception must still meet WCAG 2.5.8 by spacing, and still be needed
      expect.soft(small.filter((t) => excepted(t.target) && !t.spaced).map((t) => `${t.target}: ${t.size}`), 'small targets too close to others (WCAG 2.5.8 spacing)').toEqual([]);
      for (const a of allowed) expect.soft(small.some((t) => a.target.test(t.target)), `known exception ${a.target} no longer applies: remove it`).toBe(true);
    });

    await test.step('forced colours: every control keeps a border or text', async () => {
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
      expect.soft(await invisibleInForcedColors(page), 'controls invisible in forced colours').toEqual([]);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'none' }] });
    });

    await test.step('reduced motion: no animation or transition over 0.01 s', async () => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect.soft(await motion(page), 'motion with prefers-reduced-motion: reduce').toEqual([]);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    });

    await test.step('reflow at 320 CSS px: no sideways scrolling, no text cut off', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await expect.poll(() => page.evaluate(() => innerWidth)).toBe(320);
      expect.soft(await horizontalScroll(page), 'reflow at 320 px').toEqual([]);
      expect.soft(await clippedText(page), 'text cut off at 320 px').toEqual([]);
    });

    await test.step('200% zoom (1280×800 at 2×): no sideways scrolling, no text cut off', async () => {
      await zoom(cdp, 1280, 800, 2);
      await expect.poll(() => page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([640, 2]);
      expect.soft(await horizontalScroll(page), 'sideways scrolling at 200%').toEqual([]);
      expect.soft(await clippedText(page), 'text cut off at 200%').toEqual([]);
      await cdp.send('Emulation.clearDeviceMetricsOverride');
    });

    await test.step('text spacing (WCAG 1.4.12): nothing cut off, still reflows', async () => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const before = await clippedText(page);
      expect.soft(before, 'text cut off before the text-spacing overrides').toEqual([]);
      await applyTextSpacing(page);
      // the overrides took effect (so the check below can fail)
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1, p, button') ?? document.body).letterSpacing)).not.toBe('normal');
      expect.soft(await clippedText(page), 'text cut off with the text-spacing overrides').toEqual([]);
      await page.setViewportSize({ width: 320, height: 640 });
      expect.soft(await horizontalScroll(page), 'reflow at 320 px with the text-spacing overrides').toEqual([]);
    });
    await cdp.detach();
  });
}

test('the toolbar popup keeps its 400 px (only the popup opened as a tab reflows)', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await sw.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const popupWidth = () =>
    page.evaluate(() => {
      const views = (globalThis as unknown as { chrome: { extension: { getViews(o: { type: string }): Window[] } } }).chrome.extension.getViews({ type: 'popup' });
      return views[0]?.document.readyState === 'complete' ? views[0].innerWidth : 0;
    });
  await expect.poll(popupWidth).toBeGreaterThanOrEqual(400);
  expect(await page.evaluate(() => (globalThis as unknown as { chrome: { extension: { getViews(o: { type: string }): Window[] } } }).chrome.extension.getViews({ type: 'popup' })[0]?.document.documentElement.classList.contains('in-tab'))).toBe(false);
});
