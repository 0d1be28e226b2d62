/**
 * Playwright fixtures: the BUILT extension (.output/chrome-mv3) in Chromium, fixture pages on
 * 127.0.0.1, and a record of every request, so each test can assert nothing left the machine.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { serve } from '../fixtures/server.mjs';
import { launchChromium } from '../../scripts/browser-launch.mjs';
import { SETTINGS_VERSION } from '../../core/settings/settings.ts';

declare const chrome: typeof import('wxt/browser').browser;

export const EXT_DIR = resolve(process.env.PP_EXTENSION_DIR ?? '.output/chrome-mv3');

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  sw: Worker;
  requests: string[];
  demo: Page;
}
interface WorkerFixtures {
  site: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  site: [
    async ({}, use) => {
      const { server, url } = await serve({
        headers: { '/csp/': { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'" } },
      });
      await use(url);
      server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-e2e-'));
    const context = await launchChromium({ userDataDir: dir, extensionDir: EXT_DIR });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  sw: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  requests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (r) => seen.push(r.url()));
    await use(seen);
    const foreign = seen.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|chrome-extension:\/\/|data:|about:|blob:)/.test(u));
    if (foreign.length) throw new Error(`requests left the machine: ${foreign.join(', ')}`);
  },
  demo: async ({ context, site, requests: _r }, use) => {
    const page = await context.newPage();
    await page.goto(`${site}/demo.html`);
    await use(page);
  },
});
export const expect = test.expect;

/** Read the accessibility tree (it reaches into our closed shadow root, as a screen reader does). */
export async function axNodes(page: Page): Promise<{ role: string; name: string; expanded?: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored?: boolean; properties?: { name: string; value: { value: unknown } }[] }[] };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({
      role: String(n.role?.value ?? ''),
      name: String(n.name?.value ?? ''),
      expanded: n.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined,
    }));
}

/** Wait until the accessibility tree holds a node matching role and name. */
export async function waitForAx(page: Page, role: string, name: RegExp, timeout = 5000) {
  let hit: Awaited<ReturnType<typeof axNodes>>[number] | undefined;
  await expect
    .poll(async () => (hit = (await axNodes(page)).find((n) => n.role === role && name.test(n.name))) !== undefined, {
      timeout,
      intervals: [100],
      message: `a ${role} named ${name} in the accessibility tree`,
    })
    .toBe(true);
  return hit!;
}

/** Click a node of our closed shadow root by its accessible name (CDP: pierce the shadow DOM). */
export async function clickAx(page: Page, role: string, name: RegExp): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // wait for the control to be in the tree (a click before may still be re-rendering the list)
  type AX = { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number; ignored?: boolean };
  let n: AX | undefined;
  for (const until = Date.now() + 8000; ; ) {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AX[] };
    n = nodes.find((x) => !x.ignored && x.role?.value === role && name.test(String(x.name?.value ?? '')));
    if (n?.backendDOMNodeId || Date.now() > until) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  if (!n?.backendDOMNodeId) throw new Error(`no ${role} named ${name}`);
  // the list scrolls inside its own box: bring the control into view first, as a person would
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: n.backendDOMNodeId }).catch(() => {});
  // click where the control is once it has stopped moving (scrolling can move the dock): the same box
  // in two frames running
  const box = async () => ((await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendDOMNodeId })) as { model: { content: number[] } }).model.content.join();
  let was = await box();
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const now = await box();
    if (now === was) break;
    was = now;
  }
  const [x1, y1, , , x3, y3] = was.split(',').map(Number) as [number, number, number, number, number, number];
  await cdp.detach();
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/**
 * The content script's own (isolated) world in a page's main frame, reached over CDP. Finding it, with
 * the script's load guard set, proves the content script loaded and ran on that page: a check of
 * "nothing appears" starts here, so it fails when the content script never loaded. No hook in the
 * product: the world is what Chromium made for the extension.
 */
export interface ContentScriptWorld {
  /** Evaluate in the content script's world (its `chrome.*` is the content script's). */
  evaluate<T>(expression: string): Promise<T>;
  /** Event listeners the content script has put on the page's window (type names). */
  windowListeners(): Promise<string[]>;
  detach(): Promise<void>;
}

export async function contentScriptWorld(page: Page, extensionId: string, timeout = 8000): Promise<ContentScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; frameId?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { frameId?: string } } }) =>
    worlds.push({ id: e.context.id, origin: e.context.origin, frameId: e.context.auxData?.frameId }),
  );
  cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => {
    const i = worlds.findIndex((w) => w.id === e.executionContextId);
    if (i >= 0) worlds.splice(i, 1);
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const evaluate = async <T,>(contextId: number, expression: string): Promise<T> => {
    const r = (await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  let id: number | undefined;
  await expect
    .poll(
      async () => {
        const w = worlds.find((x) => x.origin === `chrome-extension://${extensionId}` && x.frameId === frameTree.frame.id);
        // the entrypoint's load guard: set synchronously in main(), before its first message
        if (w && (await evaluate<boolean>(w.id, "globalThis[Symbol.for('practice-prompts.loaded')] === true").catch(() => false))) id = w.id;
        return id !== undefined;
      },
      { timeout, message: 'the content script loaded and ran in this page' },
    )
    .toBe(true);
  return {
    evaluate: (expression) => evaluate(id!, expression),
    async windowListeners() {
      const { result } = (await cdp.send('Runtime.evaluate', { contextId: id!, expression: 'window' })) as { result: { objectId: string } };
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as { listeners: { type: string }[] };
      return listeners.map((l) => l.type);
    },
    detach: () => cdp.detach(),
  };
}

/**
 * From now on, record what the content scripts report to the background (`cs:prompts`: the ids
 * shown, sent whenever they change). Returns a reader of those reports, oldest first.
 */
export async function recordReports(sw: Worker): Promise<() => Promise<string[][]>> {
  const key = `__reports${Date.now()}`;
  await sw.evaluate((k) => {
    const g = globalThis as unknown as Record<string, string[][]>;
    g[k] = [];
    chrome.runtime.onMessage.addListener((m: unknown) => {
      const msg = m as { type?: string; ids?: string[] };
      if (msg?.type === 'cs:prompts') g[k]!.push(msg.ids ?? []);
      return undefined;
    });
  }, key);
  return () => sw.evaluate((k) => (globalThis as unknown as Record<string, string[][]>)[k]!, key);
}

/** Give the user these local prompt sets, as the options page would (the settings stored by the background's worker). */
export async function useLocalSets(sw: Worker, sets: readonly unknown[]): Promise<void> {
  await sw.evaluate(
    async ({ sets, version }) => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const cur = ((await c.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await c.storage.local.set({ settings: { ...cur, version, localSets: sets } });
    },
    { sets, version: SETTINGS_VERSION },
  );
}
