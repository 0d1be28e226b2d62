#!/usr/bin/env node
/**
 * npm run screenshots: the store screenshots, made from the demo by the built extension in a headless
 * Chromium, at the Chrome Web Store's size (1280×800, also accepted by addons.mozilla.org). Writes
 * docs/store/screenshots/NN-name.png (gitignored: this script is their source; run it for a release).
 * Every shot waits for a condition (the chip in the accessibility tree, a result in the list), never
 * for a fixed time, and the script fails if any shot is missing or the wrong size.
 *
 *   node scripts/screenshots.mjs [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../tests/fixtures/server.mjs';
import { launchChromium } from './browser-launch.mjs';

const WIDTH = 1280;
const HEIGHT = 800;
const OUT = resolve('docs/store/screenshots');
const NOTE =
  'Home visit. Concerns about neglect: the baby’s nappy had not been changed and there was little food in the house. Mum said the bruise came from rough play. The child was not seen alone.';

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const { server, url } = await serve({});
const profile = mkdtempSync(join(tmpdir(), 'pp-shots-'));
const context = await launchChromium({
  userDataDir: profile,
  extensionDir: resolve('.output/chrome-mv3'),
  headless: true,
  noSandbox: process.getuid?.() === 0,
  viewport: { width: WIDTH, height: HEIGHT },
  deviceScaleFactor: 1,
  colorScheme: 'light',
  reducedMotion: 'reduce',
});
const written = [];
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(sw.url()).host;
  const shot = async (page, name) => {
    const path = join(OUT, name);
    await page.screenshot({ path });
    written.push(path);
  };

  // 1–2. the demo case note: the chip, then the prompts expanded
  const page = await context.newPage();
  for (const p of context.pages()) if (p !== page) await p.close(); // the start-up tab gets no content scripts
  await page.goto(`${url}/demo.html`);
  await page.locator('#case-note').click();
  await page.keyboard.type(NOTE, { delay: 2 });
  const cdp = await context.newCDPSession(page);
  const findAx = async (role, name, timeout = 10_000) => {
    for (const end = Date.now() + timeout; ; ) {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const hit = nodes.find((n) => !n.ignored && n.role?.value === role && name.test(n.name?.value ?? ''));
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no ${role} named ${name} within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 100)); // poll interval while waiting for the condition
    }
  };
  const chip = await findAx('button', /^Practice prompts: \d+ prompts?$/);
  await shot(page, '01-prompt-chip.png');
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: chip.backendDOMNodeId });
  const [x1, y1, , , x3, y3] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  await findAx('region', /^Practice prompts$/, 5000);
  await shot(page, '02-prompts-expanded.png');

  // 3. the toolbar popup's search (the popup page, centred on a plain background as the store shows it)
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.addStyleTag({ content: 'html { background: #e9edf2; min-height: 100%; } body { margin: 48px auto; box-shadow: 0 4px 24px rgba(0,0,0,.18); border-radius: 8px; }' });
  const box = popup.getByRole('combobox', { name: 'Search learning points' });
  await box.fill('ABE');
  await popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first().waitFor();
  await shot(popup, '03-popup-search.png');

  // 4. the learning library
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${id}/library.html`);
  await lib.locator('h1').first().waitFor();
  await shot(lib, '04-library.png');

  // 5. settings and prompt sets
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.locator('h1').first().waitFor();
  await options.getByText('Loading…').waitFor({ state: 'detached' }).catch(() => {});
  await shot(options, '05-options.png');
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

/** Width and height from a PNG's IHDR chunk. */
const size = (path) => {
  const b = readFileSync(path);
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
};
let bad = 0;
for (const p of written) {
  const { w, h } = size(p);
  const ok = w === WIDTH && h === HEIGHT;
  if (!ok) bad++;
  console.log(`${ok ? '✓' : '✗'} ${p.slice(process.cwd().length + 1)} ${w}×${h}`);
}
if (written.length !== 5 || bad) {
  console.error(`expected 5 screenshots of ${WIDTH}×${HEIGHT}`);
  process.exit(1);
}
