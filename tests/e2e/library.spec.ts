/**
 * The learning library page in the built extension: every section and article renders, deep links focus
 * their article (on load and after a hash change), axe-core finds no violations, and print is readable.
 * The `requests` fixture fails the test if any request leaves the machine.
 *
 * axe route: the extension page's CSP (script-src 'self') blocks page.addScriptTag's inline <script>, so
 * the test tries it and, when it is refused, evaluates axe.min.js through page.evaluate (DevTools protocol
 * evaluation is not subject to the page's CSP). Either way axe runs in the real extension page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const require = createRequire(import.meta.url);
// Read as data (Node's ESM loader would want import attributes for JSON modules).
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(new URL(`../../content/library/${rel}`, import.meta.url), 'utf8')) as T;
const sections = readJson<{ id: string; title: string }[]>('sections.json');
const widerMessages = readJson<{ id: string }[]>('wider-messages.json');
const learningPoints = ['neglect', 'daily-life', 'behaviour', 'disclosure', 'abe', 'older', 'engaging', 'info', 'escalation'].flatMap((f) => readJson<{ id: string }[]>(`learning-points/${f}.json`));
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const meta = readJson<{ date: string }>('meta.json');
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function openLibrary(context: import('@playwright/test').BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html${hash}`);
  await expect(page.locator('main article').first()).toBeVisible();
  return page;
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0 && r.top >= -1;
  });
}

test('renders all ten section headings under their exact titles, and 40 + 7 articles', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId);
  await expect(page).toHaveTitle(/learning library/);
  expect(sections).toHaveLength(10);
  for (const s of sections) {
    await expect(page.getByRole('heading', { level: 2, name: s.title, exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: s.title, exact: true })).toBeVisible();
  }
  await expect(page.locator('article[id^="lp/"]')).toHaveCount(47);
  expect(learningPoints.length + widerMessages.length).toBe(47);
  await expect(page.locator('section[id="section/system"] article')).toHaveCount(7);
  // attribution
  const attribution = page.locator('.attribution');
  await expect(attribution).toContainText('Triennial analysis of serious case reviews (SCRs) 2022');
  await expect(attribution).toContainText(/Research in Practice,? 2022/);
  await expect(attribution).toContainText('Steve Flood and Julie Wilkinson');
  await expect(attribution).toContainText(/Dickens et al\.,? 2022a/);
  await expect(attribution.locator('a[href="https://scr.researchinpractice.org.uk"]')).toBeVisible();
  // key data: six tables, six accessible charts
  await expect(page.locator('#key-data table')).toHaveCount(6);
  await expect(page.locator('#key-data svg[role="img"]')).toHaveCount(6);
  await expect(page.getByRole('img', { name: /Table 3: Categories of serious harm/ })).toBeVisible();
});

test('a deep link focuses its article and scrolls it into view; a later hash change focuses another', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId, '#lp/sexualised-behaviour-red-flag');
  const first = page.locator('[id="lp/sexualised-behaviour-red-flag"]');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  expect(await inViewport(page, '[id="lp/sexualised-behaviour-red-flag"]')).toBe(true);

  await page.evaluate(() => {
    location.hash = '#lp/manageable-workloads';
  });
  const second = page.locator('[id="lp/manageable-workloads"]');
  await expect(second).toBeFocused();
  await expect(second).toBeInViewport();

  // and back up the page, to the first learning point
  await page.evaluate(() => {
    location.hash = '#lp/neglect-rarely-alone';
  });
  await expect(page.locator('[id="lp/neglect-rarely-alone"]')).toBeFocused();
  await expect(page.locator('[id="lp/neglect-rarely-alone"]')).toBeInViewport();
});

test('keyboard: skip link and contents links move focus into the page', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the library' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const nav = page.getByRole('navigation', { name: 'Contents' });
  await nav.getByRole('link', { name: 'Professional disagreement and escalation of concerns', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[id="section/escalation"]')).toBeFocused();
  await expect(page.locator('[id="h-escalation"]')).toBeInViewport();
  // the next Tab stop is inside that section
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('section/escalation');
});

test('axe-core finds no accessibility violations on the library page', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId);
  let route = 'addScriptTag';
  try {
    await page.addScriptTag({ path: AXE_PATH });
    if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe not defined after addScriptTag');
  } catch {
    // The extension CSP refuses inline scripts: evaluate the same source through the DevTools protocol.
    route = 'evaluate';
    await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  }
  test.info().annotations.push({ type: 'axe route', description: route });
  const runAxe = () =>
    page.evaluate(async () => {
      type Result = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations', 'passes'] });
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })),
        passes: r.passes.map((p) => p.id),
      };
    });
  const light = await runAxe();
  expect(light.violations).toEqual([]);
  // axe really ran, including the rules that matter most here
  for (const rule of ['svg-img-alt', 'color-contrast', 'heading-order', 'landmark-one-main', 'aria-valid-attr-value', 'link-name', 'list'])
    expect(light.passes, rule).toContain(rule);
  // and in dark mode (the page follows prefers-color-scheme)
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await runAxe();
  expect(dark.violations).toEqual([]);
  // and on a narrow screen, where the wide tables scroll (their scroll regions must be keyboard-reachable)
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  const narrow = await runAxe();
  expect(narrow.violations).toEqual([]);
  expect(narrow.passes).toContain('scrollable-region-focusable');
});

test('print: the contents nav and charts are hidden; articles, tables and attribution are visible', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  await expect(page.locator('.chart').first()).toBeHidden();
  await expect(page.locator('.skip')).toBeHidden();
  await expect(page.locator('[id="lp/neglect-rarely-alone"]')).toBeVisible();
  await expect(page.locator('[id="lp/manageable-workloads"]')).toBeVisible();
  await expect(page.locator('#key-data table').first()).toBeVisible();
  await expect(page.locator('.attribution')).toBeVisible();
  const style = await page.locator('[id="lp/neglect-rarely-alone"]').evaluate((el) => {
    const s = getComputedStyle(el);
    return { breakInside: s.breakInside, color: getComputedStyle(document.body).color, bg: getComputedStyle(document.body).backgroundColor };
  });
  expect(style.breakInside).toBe('avoid');
  expect(style.color).toBe('rgb(0, 0, 0)');
  expect(style.bg).toBe('rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
});

test('the page says its version and content date; printed, every copy says when it was printed and from which version', async ({ context, extensionId, requests: _r }) => {
  const page = await openLibrary(context, extensionId);
  // WXT takes the manifest version from package.json
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const contentDate = longDate(new Date(`${meta.date}T12:00:00`));
  await expect(page.locator('#edition')).toHaveText(`Practice Prompts version ${version}; library content of ${contentDate}.`);
  await expect(page.locator('.print-stamp').first()).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const stamp = new RegExp(`^Printed on ${longDate(new Date())} from Practice Prompts version ${version.replace(/\./g, '\\.')} \\(library content of ${contentDate}\\)`);
  await expect(page.locator('header .print-stamp')).toBeVisible();
  await expect(page.locator('header .print-stamp')).toHaveText(stamp);
  await expect(page.locator('footer .print-stamp')).toHaveText(stamp);
  // the running page footer (Chromium's page margin boxes) carries the same line
  const rule = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sh) => [...sh.cssRules].map((r) => r.cssText)).find((t) => t.includes('@bottom-center')) ?? '',
  );
  expect(rule).toContain('Printed on');
  expect(rule).toContain(`version ${version}`);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-stamp').first()).toBeHidden();
});
