import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, axNodes, clickAx, waitForAx } from './fixtures.ts';
import { explainTrigger, type SetForWhy } from '../../core/prompt-sets/trigger-why.ts';
import defaultSet from '../../content/prompt-sets/default.json' with { type: 'json' };
import { AXE_SOURCE, WCAG_TAGS } from './a11y-checks.ts';

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

/** Open Chrome's real side panel for the active tab (a user gesture over CDP, from an extension page); returns that page. */
async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/library.html`);
  const cdp = await context.newCDPSession(ext);
  await cdp.send('Runtime.evaluate', { expression: `chrome.sidePanel.open({ tabId: ${tabId} })`, awaitPromise: true, userGesture: true });
  await expect
    .poll(() => ext.evaluate(() => (chrome.extension.getViews() as unknown as globalThis.Window[]).filter((w) => w.location.pathname.endsWith('/sidepanel.html')).length), { timeout: 10000 })
    .toBe(1);
  return ext;
}

/**
 * axe (WCAG tags) on the real side panel's document. The panel is a page target Playwright does not
 * attach to: attach over the browser's CDP session and evaluate there (CDP is not bound by the page's CSP).
 */
async function axePanel(context: BrowserContext): Promise<string[]> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const panel = targetInfos.find((t) => t.type === 'page' && t.url.endsWith('/sidepanel.html'));
  if (!panel) throw new Error('no side panel target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false })) as { sessionId: string };
  type Reply = { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
  let next = 0;
  const pending = new Map<number, (m: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as Reply;
    if (e.sessionId === sessionId && m.id !== undefined) pending.get(m.id)?.(m);
  });
  const evaluate = (expression: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result?.result?.value)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
    });
  await evaluate(AXE_SOURCE);
  const found = (await evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })` +
      '.then((r) => r.violations.map((v) => v.id + ": " + JSON.stringify(v.nodes.map((n) => n.target))))',
  )) as string[] | undefined;
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  await cdp.detach();
  if (!Array.isArray(found)) throw new Error('axe did not run in the side panel');
  return found;
}

interface PanelCard {
  title: string;
  why: { trigger: string; phrases: string[]; text: string }[];
}

test('the side panel shows the dock’s prompts live, says why from the prompt set, and a dismiss there leaves the dock too', async ({ context, extensionId, sw, demo }) => {
  await demo.bringToFront();
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const ext = await openPanel(context, extensionId, tabId!);
  await demo.bringToFront();
  /** The panel's cards: titles and the why (each trigger's qualified id, its quoted phrases, its text). */
  const panelCards = () =>
    ext.evaluate(() =>
      (chrome.extension.getViews() as unknown as globalThis.Window[])
        .filter((w) => w.location.pathname.endsWith('/sidepanel.html'))
        .flatMap((w) =>
          [...w.document.querySelectorAll('article.card')].map((a) => ({
            title: a.querySelector('h2')?.textContent ?? '',
            why: [...a.querySelectorAll('.why li[data-trigger]')].map((li) => ({
              trigger: li.getAttribute('data-trigger') ?? '',
              phrases: [...li.querySelectorAll('q')].map((q) => q.textContent ?? ''),
              text: li.textContent ?? '',
            })),
          })),
        ),
    ) as Promise<PanelCard[]>;
  const panelHtml = () =>
    ext.evaluate(() =>
      (chrome.extension.getViews() as unknown as globalThis.Window[])
        .filter((w) => w.location.pathname.endsWith('/sidepanel.html'))
        .map((w) => w.document.documentElement.outerHTML)
        .join(''),
    );
  /** The dock's prompt titles (its expanded list: one "Dismiss: <title>" button per prompt, read as a screen reader does). */
  const dockTitles = async () =>
    (await axNodes(demo))
      .filter((n) => n.role === 'button' && n.name.startsWith('Dismiss: '))
      .map((n) => n.name.slice('Dismiss: '.length))
      .sort();
  const panelTitles = async () => (await panelCards()).map((c) => c.title).sort();

  // a word no prompt set has: it must never reach the panel
  const CANARY = 'Quokkaventure';
  const note = demo.locator('#case-note');
  await note.click();
  await demo.keyboard.type(`Concerns about neglect. ${CANARY} said the family are moving to another area and the case will be transferred by email.`, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts: [2-9] prompts$/, 10000);
  await clickAx(demo, 'button', /^Practice prompts: \d+ prompts?$/);
  await waitForAx(demo, 'region', /^Practice prompts$/);
  // the same prompts in both, live
  await expect.poll(async () => JSON.stringify(await panelTitles()), { timeout: 10000 }).toBe(JSON.stringify(await dockTitles()));
  const titles = await dockTitles();
  expect(titles.length).toBeGreaterThanOrEqual(2);

  // why, from the prompt set: each card names the set-qualified triggers that fired and shows their phrases as the set writes them
  const set = defaultSet as unknown as SetForWhy;
  const cards = await panelCards();
  for (const c of cards) {
    expect(c.why.length, c.title).toBeGreaterThan(0);
    for (const w of c.why) {
      expect(w.trigger).toMatch(/^briefing\/[a-z0-9-]+$/);
      const expected = explainTrigger([set], w.trigger)!;
      expect(w.phrases).toEqual(expected.lists.flatMap((l) => l.phrases));
      expect(w.text).toContain(`The trigger ${expected.triggerId} in “${set.name}” looks for`);
    }
  }
  // the neglect prompt fired through a trigger that looks for "neglect"
  expect(cards.some((c) => c.why.some((w) => w.phrases.includes('neglect')))).toBe(true);
  // never the note's words
  expect(await panelHtml()).not.toContain(CANARY);
  expect(await panelHtml()).not.toContain('transferred by email');

  // with cards and the why on show, the real panel is axe clean
  expect(await axePanel(context)).toEqual([]);

  // seen today: the prompts, by title from the catalogue (stored as ids only)
  const seen = await sw.evaluate(async () => ((await chrome.storage.local.get('seenToday')) as { seenToday?: { ids: string[] } }).seenToday?.ids ?? []);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(seen)).not.toContain(CANARY);

  // dismiss one in the panel: it goes from the panel and from the dock; the other stays in both
  const [gone, ...kept] = titles;
  await ext.evaluate((t) => {
    const w = (chrome.extension.getViews() as unknown as globalThis.Window[]).find((v) => v.location.pathname.endsWith('/sidepanel.html'))!;
    (w.document.querySelector(`button[aria-label="Dismiss: ${t}"]`) as HTMLButtonElement).click();
  }, gone!);
  await expect.poll(dockTitles, { timeout: 10000 }).toEqual(kept);
  await expect.poll(panelTitles, { timeout: 10000 }).toEqual(kept);
  // the practitioner's note is untouched
  expect(await note.inputValue()).toContain('transferred by email');
});
