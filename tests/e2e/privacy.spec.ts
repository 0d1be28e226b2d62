/**
 * Privacy guarantees, each a test that can fail:
 *  1. no request leaves the machine during a full session (page requests, extension pages, and the
 *     browser's own net log);
 *  2. nothing typed is kept or passed on: a canary typed into the page appears in no storage area,
 *     no extension page's localStorage/IndexedDB, no message that reached the background, no log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForAx, clickAx, EXT_DIR } from './fixtures.ts';
import { launchChromium } from '../../scripts/browser-launch.mjs';

/** An extension page has rendered its app (its scripts have run their start-up: reads, and any writes). */
async function rendered(ext: Page): Promise<void> {
  await ext.waitForLoadState('load');
  await expect(ext.locator('#app > *').first()).toBeAttached();
}

const CANARY = 'Zqxj7731canary';
const NOTE = `Concerns about neglect at home. ${CANARY} made a disclosure to her teacher; strategy meeting agreed NFA.`;

declare const chrome: typeof import('wxt/browser').browser;

test('a canary typed into the page is never stored, logged or sent to the background', async ({ context, sw, extensionId, site }) => {
  const logs: string[] = [];
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __seen: string[] };
    g.__seen = [];
    chrome.runtime.onMessage.addListener((m: unknown) => {
      g.__seen.push(JSON.stringify(m));
      return undefined;
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${site}/demo.html`);
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE, { delay: 1 });
  await page.locator('#strategy-outcome').click();
  await page.keyboard.type(`${CANARY} strategy meeting outcome: no further action despite her disclosure to school`, { delay: 1 });
  await waitForAx(page, 'button', /^Practice prompts: \d+ prompts?$/);
  await clickAx(page, 'button', /^Practice prompts:/);
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __written: boolean };
    g.__written = false;
    chrome.storage.onChanged.addListener((_c, area) => void (area === 'local' && (g.__written = true)));
  });
  await clickAx(page, 'button', /^Snooze 1 hour/);
  // the snooze reached the background and was written
  await expect
    .poll(() => sw.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen.some((m) => m.includes('"cs:feedback"'))))
    .toBe(true);
  await expect.poll(() => sw.evaluate(() => (globalThis as unknown as { __written: boolean }).__written)).toBe(true);

  // visit every extension page
  for (const p of ['popup.html', 'options.html', 'library.html', 'sidepanel.html']) {
    const ext = await context.newPage();
    ext.on('console', (m) => logs.push(m.text()));
    await ext.goto(`chrome-extension://${extensionId}/${p}`);
    await rendered(ext);
    const local = await ext.evaluate(async () => {
      const ls = JSON.stringify({ ...localStorage });
      const dbs = 'databases' in indexedDB ? await indexedDB.databases() : [];
      return { ls, dbs: dbs.map((d) => d.name) };
    });
    expect(local.ls).not.toContain(CANARY);
    expect(local.dbs).toEqual([]);
    await ext.close();
  }

  const dump = await sw.evaluate(async () => {
    const areas: Record<string, unknown> = {
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
    };
    // Chrome's managed area can take a long time to answer (no policy in a test profile): bounded
    areas.managed = await Promise.race([
      chrome.storage.managed.get(null).catch(() => 'unavailable'),
      new Promise((r) => setTimeout(() => r('no answer within 2 s'), 2000)),
    ]);
    return { areas, seen: (globalThis as unknown as { __seen: string[] }).__seen };
  });
  const all = JSON.stringify(dump.areas);
  expect(all).not.toContain(CANARY);
  expect(all.toLowerCase()).not.toContain('disclosure to her teacher');
  // the background did hear from the page: only ids and choices
  expect(dump.seen.some((m) => m.includes('"cs:prompts"'))).toBe(true);
  expect(dump.seen.some((m) => m.includes('"cs:feedback"'))).toBe(true);
  for (const m of dump.seen) {
    expect(m).not.toContain(CANARY);
    expect(m.toLowerCase()).not.toContain('neglect at home');
  }
  expect(logs.join('\n')).not.toContain(CANARY);
  // typed text intact
  expect(await page.locator('#case-note').inputValue()).toBe(NOTE);
});

test('the browser itself sends nothing off the machine during a full session (net log)', async ({ site }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const ctx = await launchChromium({
    userDataDir: join(dir, 'profile'),
    extensionDir: EXT_DIR,
    extraArgs: [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default'],
  });
  try {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    const page = await ctx.newPage();
    await page.goto(`${site}/demo.html`);
    await page.locator('#case-note').click();
    await page.keyboard.type('Concerns about neglect; the family moved and the case was transferred by email.', { delay: 1 });
    await waitForAx(page, 'button', /^Practice prompts:/);
    for (const p of ['popup.html', 'options.html', 'library.html', 'sidepanel.html']) {
      const ext = await ctx.newPage();
      await ext.goto(`chrome-extension://${id}/${p}`);
      await rendered(ext);
      await ext.close();
    }
  } finally {
    await ctx.close();
  }
  const raw = readFileSync(netlog, 'utf8').trim();
  const log = JSON.parse(raw.endsWith('}') ? raw : raw.replace(/,\s*$/, '') + ']}') as {
    events: { params?: { url?: string; initiator?: string } }[];
  };
  rmSync(dir, { recursive: true, force: true });
  // every request the extension or the page started: only loopback and the extension itself
  const ours = log.events
    .filter((e) => e.params?.url && e.params.initiator && /^(chrome-extension:\/\/|http:\/\/127\.0\.0\.1)/.test(e.params.initiator))
    .map((e) => e.params!.url!);
  expect(ours.length).toBeGreaterThan(0);
  const foreign = ours.filter((u) => !/^(http:\/\/127\.0\.0\.1(:\d+)?\/|chrome-extension:\/\/|data:|blob:)/.test(u));
  expect(foreign, `requests from our pages or extension: ${foreign.join(', ')}`).toEqual([]);
  // Chromium's own background lookups (accounts, updates, autofill) are refused by the host-resolver
  // rule before any packet is sent: they never carry page content, and none comes from us.
  const browserOwn = log.events.filter((e) => e.params?.url && !e.params.initiator && !/^(http:\/\/127\.0\.0\.1|chrome|data|blob|about)/.test(e.params.url));
  for (const e of browserOwn) expect(e.params!.url!).toMatch(/^https?:\/\/([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)\//);
});
