/**
 * Playwright fixtures: the BUILT extension (.output/chrome-mv3) in Chromium, fixture pages on
 * 127.0.0.1, and a record of every request, so each test can assert nothing left the machine.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { serve } from '../fixtures/server.mjs';
// @ts-expect-error plain ESM helper without types
import { findChromium, CHROMIUM_HELP } from '../../scripts/find-chromium.mjs';

export const EXT_DIR = resolve(process.env.PP_EXTENSION_DIR ?? '.output/chrome-mv3');

export const CHROMIUM_ARGS = (ext: string) => [
  `--disable-extensions-except=${ext}`,
  `--load-extension=${ext}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

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
    const exe = findChromium();
    if (!exe) throw new Error(CHROMIUM_HELP);
    const dir = mkdtempSync(join(tmpdir(), 'pp-e2e-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: exe, headless: true, args: CHROMIUM_ARGS(EXT_DIR) });
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
  const end = Date.now() + timeout;
  for (;;) {
    const hit = (await axNodes(page)).find((n) => n.role === role && name.test(n.name));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no ${role} named ${name} in the accessibility tree`);
    await page.waitForTimeout(100);
  }
}

/** Click a node of our closed shadow root by its accessible name (CDP: pierce the shadow DOM). */
export async function clickAx(page: Page, role: string, name: RegExp): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number; ignored?: boolean }[] };
  const n = nodes.find((x) => !x.ignored && x.role?.value === role && name.test(String(x.name?.value ?? '')));
  if (!n?.backendDOMNodeId) throw new Error(`no ${role} named ${name}`);
  // the list scrolls inside its own box: bring the control into view first, as a person would
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: n.backendDOMNodeId }).catch(() => {});
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendDOMNodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await cdp.detach();
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}
