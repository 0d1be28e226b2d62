#!/usr/bin/env node
/**
 * npm run demo: build the extension, serve the demo page on 127.0.0.1 and open Chromium with the
 * extension loaded. Without a display it says so, types a sample note headless and writes screenshots.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../tests/fixtures/server.mjs';
import { findChromium, CHROMIUM_HELP } from './find-chromium.mjs';
import { launchChromium } from './browser-launch.mjs';

const ext = resolve('.output/chrome-mv3');
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
let exe = findChromium();
if (!exe && process.getuid?.() === 0) {
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
  exe = findChromium();
}
if (!exe) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
const { server, url } = await serve({ port: Number(process.env.PORT ?? 0) });
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await launchChromium({
  userDataDir: mkdtempSync(join(tmpdir(), 'pp-demo-')),
  extensionDir: ext,
  executablePath: exe,
  headless,
  noSandbox: process.getuid?.() === 0,
  viewport: { width: 1280, height: 800 },
});
// wait until the extension is up before opening the page, so its content script is there
if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 15000 }).catch(() => {});
// (the start-up tab is not given content scripts by Chromium: open a fresh one)
const first = context.pages()[0];
const page = await context.newPage();
await first?.close();
await page.goto(`${url}/demo.html`);
if (!headless) {
  console.log(`Demo open at ${url}/demo.html with Practice Prompts loaded. Type a case note (try "Concerns about neglect…"). Close the browser to finish.`);
  await new Promise((r) => context.on('close', r));
} else {
  console.log('No display found: running the demo headless and writing screenshots to reports/demo/.');
  mkdirSync('reports/demo', { recursive: true });
  await page.locator('#case-note').click();
  await page.keyboard.type('Home visit. Concerns about neglect: the baby’s nappy had not been changed and there was little food in the house. Mum said the bruise came from rough play. The child was not seen alone.', { delay: 5 });
  const cdp = await context.newCDPSession(page);
  // wait for conditions, not for time: the chip in the accessibility tree, then the expanded region
  const findAx = async (role, name, timeout = 10_000) => {
    for (const end = Date.now() + timeout; ; ) {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const hit = nodes.find((n) => !n.ignored && n.role?.value === role && name.test(n.name?.value ?? ''));
      if (hit || Date.now() > end) return hit;
      await new Promise((r) => setTimeout(r, 100)); // poll interval
    }
  };
  const chip = await findAx('button', /^Practice prompts:/);
  if (process.env.PP_DEBUG) console.log('host present:', await page.evaluate(() => !!document.querySelector('practice-prompts')));
  await page.screenshot({ path: 'reports/demo/demo-collapsed.png' });
  if (chip?.backendDOMNodeId) {
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: chip.backendDOMNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await findAx('region', /^Practice prompts$/, 5000);
  }
  await page.screenshot({ path: 'reports/demo/demo-expanded.png' });
  console.log(chip ? `Prompt shown: "${chip.name.value}". Screenshots: reports/demo/demo-collapsed.png, reports/demo/demo-expanded.png` : 'No prompt appeared (unexpected).');
  await context.close();
  if (!chip) process.exitCode = 1;
}
server.close();
