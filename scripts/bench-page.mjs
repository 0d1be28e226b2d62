/**
 * Page-level figures for `npm run bench:browser`, each measured with and without the extension in the
 * same run (issue #14):
 *  - main-thread time a page load costs (CDP TaskDuration after load, focus in the note and a 3 s wait);
 *  - JS heap per tab after a forced garbage collection (V8 heap, and ArrayBuffer backing stores, which
 *    V8 keeps outside its heap: the compact index lives in one);
 *  - first prompt: from the end of the debounce window to the prompt's button in the accessibility
 *    tree, cold (typing starts the moment the page has loaded) and warm (the index already loaded),
 *    polling the tree every 10 ms.
 */

/** The controller's debounce (dom/controller.ts `debounceMs`, default 150). */
export const DEBOUNCE_MS = 150;
const PROMPT_BUTTON = /^Practice prompts: \d+ prompts?/;
const TRIGGER_TEXT = 'She told her teacher that her stepdad hurt her and nobody did anything. ';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

async function metrics(cdp) {
  return Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  // backingStorageSize: ArrayBuffer memory outside the V8 heap (Chromium ≥ 130); 0 if not reported
  return { used: u.usedSize, backing: u.backingStorageSize ?? 0 };
}

/** Is the prompt's button in the accessibility tree (it lives in a closed shadow root)? */
async function promptInTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.some((n) => !n.ignored && n.role?.value === 'button' && PROMPT_BUTTON.test(n.name?.value ?? ''));
}

/** One fresh tab: load, focus the note, wait 3 s; main-thread time and heap. */
async function loadOnce(ctx, url) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#case-note').focus();
  await page.waitForTimeout(3000); // the measure itself: what the page costs in its first 3 s
  const m = await metrics(cdp);
  const h = await heap(cdp);
  await page.close();
  return { task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000, heap: h.used, backing: h.backing };
}

/** Median of `runs` fresh tabs. */
export async function pageLoad(ctx, url, runs = 3) {
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(await loadOnce(ctx, url));
  const pick = (k) => median(xs.map((x) => x[k]));
  return { task: pick('task'), script: pick('script'), heap: pick('heap'), backing: pick('backing') };
}

/**
 * Time from the end of the debounce window (last keystroke + DEBOUNCE_MS) to the prompt in the
 * accessibility tree. `warm`: focus first and wait until the index is loaded (a first prompt on
 * other text proves it), then clear and type.
 */
async function firstPromptOnce(ctx, url, warm) {
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await ctx.newCDPSession(page);
  const field = page.locator('#case-note');
  if (warm) {
    await field.focus();
    await page.keyboard.type('Neglect at home. ');
    const t0 = Date.now();
    while (!(await promptInTree(cdp))) {
      if (Date.now() - t0 > 10_000) throw new Error('no prompt while warming up');
      await new Promise((r) => setTimeout(r, 10));
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    while (await promptInTree(cdp)) {
      if (Date.now() - t0 > 15_000) throw new Error('the prompt did not go when the note was cleared');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  await field.focus();
  // insertText: the whole sentence as one input event, so "the last keystroke" is one instant
  await page.keyboard.insertText(TRIGGER_TEXT);
  const typedAt = Date.now();
  let seenAt = 0;
  while (!seenAt) {
    if (await promptInTree(cdp)) seenAt = Date.now();
    else if (Date.now() - typedAt > 10_000) break;
    else await new Promise((r) => setTimeout(r, 10));
  }
  await page.close();
  // a prompt can come sooner than the debounce (focus and the index arriving both scan at once): 0 then
  return seenAt ? Math.max(0, seenAt - typedAt - DEBOUNCE_MS) : NaN;
}

export async function firstPrompt(ctx, url, runs = 10) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    cold.push(await firstPromptOnce(ctx, url, false));
    warm.push(await firstPromptOnce(ctx, url, true));
  }
  const ok = (xs) => xs.filter((x) => !Number.isNaN(x));
  return {
    cold: { p50: median(ok(cold)), p95: p95(ok(cold)), missing: cold.length - ok(cold).length },
    warm: { p50: median(ok(warm)), p95: p95(ok(warm)), missing: warm.length - ok(warm).length },
  };
}

/** Without the extension the prompt never appears: prove the probe can fail, and the baseline. */
export async function noPromptWithout(ctx, url) {
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await ctx.newCDPSession(page);
  await page.locator('#case-note').focus();
  await page.keyboard.insertText(TRIGGER_TEXT);
  await page.waitForTimeout(1000); // a baseline check in a benchmark, not a test
  const seen = await promptInTree(cdp);
  await page.close();
  return !seen;
}
