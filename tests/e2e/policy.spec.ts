/**
 * Sites switched on by policy (issue 15): the managed build, force-installed as an IT admin would,
 * runs the prompts on a site the policy lists with no click, and on no other site.
 *
 * Its own browser launch (not the fixtures' context): a Chromium policy file in
 * /etc/chromium/policies/managed/ (Debian's Chromium reads it; root only), with the extension's
 * `3rdparty` policy, and the fixture pages served as http://lcs.council.test:PORT (mapped to
 * 127.0.0.1 by --host-resolver-rules). The managed build is made from the built store build
 * (.output/chrome-mv3) by the same code as `npm run build:managed`, with a throwaway key generated
 * here, so the extension id is known before the browser starts and no other run's policy applies.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Server } from 'node:http';
// @ts-expect-error plain ESM helper without types
import { serve } from '../fixtures/server.mjs';
// @ts-expect-error plain ESM helper without types
import { makeManagedBuild, resolveConfig, publicKeyFromPem, extensionIdFromPublicKey } from '../../scripts/managed-build.mjs';
import { launchChromium } from '../../scripts/browser-launch.mjs';
import { expect, waitForAx, axNodes } from './fixtures.ts';
import { CHIP } from './never-in-the-way.ts';

declare const chrome: typeof import('wxt/browser').browser;

const test = base;
const POLICY_DIR = process.env.PP_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const STORE_BUILD = resolve(process.env.PP_EXTENSION_DIR ?? '.output/chrome-mv3');
const NOTE = 'Concerns about neglect. She made a disclosure to her teacher and the strategy meeting agreed NFA.';
const LISTED = 'lcs.council.test';
const UNLISTED = 'unlisted.council.test';
const HOSTS = { [LISTED]: '127.0.0.1', [UNLISTED]: '127.0.0.1' };

const isRoot = process.getuid?.() === 0;
const SKIP_REASON = `policy e2e skipped: it writes a Chromium policy file into ${POLICY_DIR}, which needs root (running as uid ${process.getuid?.()}). CI runs it as root.`;
if (!isRoot) console.log(SKIP_REASON);

test.describe.configure({ mode: 'serial' });
test.skip(!isRoot, SKIP_REASON);

let server: Server;
let port = 0;
let extDir = '';
let extensionId = '';
let policyFile = '';
let createdPolicyDir: string | undefined; // the first directory we made on the way to POLICY_DIR, if any
const listedOrigin = () => `http://${LISTED}:${port}`;
const unlistedOrigin = () => `http://${UNLISTED}:${port}`;

test.beforeAll(async () => {
  const served = (await serve()) as { server: Server; url: string };
  server = served.server;
  port = Number(new URL(served.url).port);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = publicKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string) as string;
  extensionId = extensionIdFromPublicKey(publicKey) as string;
  extDir = mkdtempSync(join(tmpdir(), 'pp-managed-'));
  // the council's managed build: only lcs.council.test (any port) as a host permission
  const manifest = makeManagedBuild({ srcDir: STORE_BUILD, outDir: extDir, config: resolveConfig({ hosts: [`http://${LISTED}`], publicKey }), browser: 'chrome' }) as {
    host_permissions: string[];
    key: string;
  };
  expect(manifest.host_permissions).toEqual([`http://${LISTED}/*`]);
  createdPolicyDir ??= mkdirSync(POLICY_DIR, { recursive: true });
  policyFile = join(POLICY_DIR, `practice-prompts-e2e-${process.pid}-${randomBytes(4).toString('hex')}.json`);
});

test.afterAll(async () => {
  removePolicy();
  // the directories we made, if they are still empty (deepest first; never one we did not make)
  for (let dir = POLICY_DIR; createdPolicyDir && dir.length >= createdPolicyDir.length; dir = dirname(dir)) {
    if (!existsSync(dir) || readdirSync(dir).length) break;
    rmdirSync(dir);
  }
  if (extDir) rmSync(extDir, { recursive: true, force: true });
  server?.close();
});

function writePolicy(sites: string[]): void {
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: { sites } } } }), { mode: 0o644 });
}
function removePolicy(): void {
  if (policyFile) rmSync(policyFile, { force: true });
}

async function launch(): Promise<{ context: BrowserContext; sw: Worker; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'pp-policy-'));
  const context = await launchChromium({ userDataDir: profile, extensionDir: extDir, hosts: HOSTS });
  const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? (await context.waitForEvent('serviceworker'));
  // the id comes from the manifest key: the one the policy names
  expect(new URL(sw.url()).host).toBe(extensionId);
  return { context, sw, profile };
}

const managedSites = (sw: Worker) =>
  sw.evaluate(async () => ((await chrome.storage.managed.get(null)) as { sites?: string[] }).sites ?? []);
const registeredMatches = (sw: Worker) =>
  sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));

/** Type the note into the demo page's case-note field (a click into the page's own field: the practitioner's, not ours). */
async function typeNote(page: Page): Promise<void> {
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE, { delay: 1 });
  await expect(page.locator('#case-note')).toHaveValue(NOTE);
}

/** Execution contexts of any extension in the page's main frame (a content script makes one). */
async function extensionWorlds(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string } }) => origins.push(e.context.origin));
  await cdp.send('Runtime.enable'); // reports every context that already exists
  await cdp.detach();
  return origins.filter((o) => o.startsWith('chrome-extension://'));
}

/** No prompt and no content script on this page, after the whole note was typed. */
async function expectNothing(page: Page): Promise<void> {
  await typeNote(page);
  expect(await extensionWorlds(page)).toEqual([]);
  expect((await axNodes(page)).filter((n) => /^Practice prompts/.test(n.name)).map((n) => n.name)).toEqual([]);
}

test('a site listed by policy shows prompts with no click; a site the policy lists but the build does not carry shows none and is reported', async () => {
  writePolicy([listedOrigin(), unlistedOrigin()]);
  const { context, sw, profile } = await launch();
  try {
    // the policy reached the extension (3rdparty policy applies to this unpacked build: its id comes from its key)
    await expect.poll(() => managedSites(sw), { timeout: 20_000, message: 'storage.managed holds the policy sites' }).toEqual([listedOrigin(), unlistedOrigin()]);
    // the background registered the listed site only: the build holds no permission for the other
    await expect.poll(() => registeredMatches(sw), { timeout: 20_000 }).toEqual([`${listedOrigin()}/*`]);
    expect(await sw.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), listedOrigin())).toBe(true);

    const page = await context.newPage();
    await page.goto(`${listedOrigin()}/demo.html`);
    await typeNote(page);
    const chip = await waitForAx(page, 'button', CHIP, 10_000);
    expect(Number(CHIP.exec(chip.name)![1])).toBeGreaterThan(0);

    // the same page under a host the build does not carry: nothing (the page above proves it could)
    const other = await context.newPage();
    await other.goto(`${unlistedOrigin()}/demo.html`);
    await expectNothing(other);

    // ...and the options page says so plainly
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: "Problems in your organisation's policy" })).toBeVisible();
    await expect(options.getByText(`no access to ${unlistedOrigin()} in this build`)).toBeVisible();
    await expect(options.getByText(`no access to ${listedOrigin()}`)).toHaveCount(0);
  } finally {
    removePolicy();
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('with no policy the same page shows nothing; when the policy arrives (browser running) it prompts, still with no click', async () => {
  removePolicy();
  const { context, sw, profile } = await launch();
  try {
    expect(await managedSites(sw)).toEqual([]);
    // this build, in this browser, does prompt (its demo page on 127.0.0.1)
    const demo = await context.newPage();
    await demo.goto(`http://127.0.0.1:${port}/demo.html`);
    await typeNote(demo);
    await waitForAx(demo, 'button', CHIP, 10_000);
    await demo.close();

    // the council's site with no policy: nothing registered, nothing injected, no prompt
    expect(await registeredMatches(sw)).toEqual([]);
    const page = await context.newPage();
    await page.goto(`${listedOrigin()}/demo.html`);
    await expectNothing(page);

    // IT adds the policy; Chromium reloads it (as chrome://policy's "Reload policies" does)
    writePolicy([listedOrigin()]);
    const policyPage = await context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.locator('#reload-policies').click();
    await expect.poll(() => managedSites(sw), { timeout: 20_000, message: 'storage.managed holds the new policy' }).toEqual([listedOrigin()]);
    await expect.poll(() => registeredMatches(sw), { timeout: 20_000 }).toEqual([`${listedOrigin()}/*`]);
    await policyPage.close();

    // the same page, reloaded: prompts, with no click on anything of ours
    await page.reload();
    await typeNote(page);
    await waitForAx(page, 'button', CHIP, 10_000);
  } finally {
    removePolicy();
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
