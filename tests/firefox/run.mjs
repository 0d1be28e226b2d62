#!/usr/bin/env node
/**
 * End-to-end checks of the BUILT Firefox add-on (.output/firefox-mv3) in Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver, no Playwright). Recipe and background:
 * docs/firefox.md and /work/shared/docs/BROWSER-TESTING.md ("Firefox, end to end").
 *
 *   npx wxt build -b firefox && node tests/firefox/run.mjs
 *
 * Every check is recorded pass/fail with its own timeout; one failing does not stop the others.
 * Writes reports/firefox.json = { passed, failed, tests: [{ name, ok, error?, note? }] } and exits 1
 * if anything failed. Everything stays on loopback: fixture pages come from a node:http server on
 * 127.0.0.1, all other traffic goes to a dead proxy, and MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 makes
 * Firefox crash on any non-local connect (a crash shows up here as a browser disconnect = failure).
 *
 * Env: FIREFOX_PATH (default: scripts/find-chromium.mjs#findFirefox), PP_FIREFOX_EXTENSION_DIR
 * (default .output/firefox-mv3), PP_FIREFOX_ONLY (comma-separated check numbers, for debugging).
 */
import puppeteer from 'puppeteer-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../fixtures/server.mjs';
import { findFirefox, FIREFOX_HELP } from '../../scripts/find-chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXT_DIR = resolve(ROOT, process.env.PP_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
const REPORT = join(ROOT, 'reports/firefox.json');
const FIXTURES = join(ROOT, 'tests/fixtures');

const GECKO_ID = 'practice-prompts@practice-prompts.example';
/** Pinned internal UUID, so extension pages have a known address. */
const UUID = '3f0c2a8e-5b7d-4e61-9a4c-7d2b1e6f9c05';
const EXT_ORIGIN = `moz-extension://${UUID}`;
const HOST_TAG = 'practice-prompts';

const TYPED = 'Concerns about neglect: the home was cold. She made a disclosure to her teacher.';
const NEGLECT_SECTION = 'Normalisation of neglect in areas of high deprivation and poverty';
const CHIP_NAME = /^Practice prompts: (\d+) prompts?$/;
const LOCAL_SET = {
  format: 'practice-prompts/prompt-set',
  version: 1,
  id: 'local-test',
  name: 'Local test',
  triggers: [{ id: 't1', leadsTo: ['neglect-rarely-alone'], any: ['zebra crossing'] }],
};
/** Anything else is a request that left (or tried to leave) the machine. */
const LOCAL_URL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|moz-extension:\/\/|data:|about:|blob:)/;

/** Loopback-only prefs (checked with tcpdump: 0 packets off loopback). */
const PREFS = {
  'services.settings.server': 'data:,#remote-settings-dummy/v1', // honoured with MOZ_DISABLE_NONLOCAL_CONNECTIONS
  'network.proxy.type': 1, // manual proxy: a dead one for everything but loopback
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': 'localhost,127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.trr.mode': 5, // DNS over HTTPS off
  'network.dns.native_https_query': false,
  'network.dns.use_https_rr_as_altsvc': false,
  'network.dns.echconfig.enabled': false,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
};

// ---------------------------------------------------------------- small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Call fn until it returns something truthy (errors count as "not yet"); throws `what` on timeout. */
async function poll(fn, what, timeout = 5000, every = 100) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (/Connection closed|Target closed/i.test(e?.message ?? '')) throw e; // the browser is gone: no point waiting
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await sleep(every);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  promise.catch(() => {}); // the loser of the race must not become an unhandled rejection
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const show = (v) => JSON.stringify(v);

/**
 * Open an extension page in a tab. Firefox sends no load events for moz-extension:// pages over
 * BiDi, so page.goto never resolves: start it, don't await it, and poll location/readyState.
 */
async function openExtensionPage(page, path, timeout = 8000) {
  const url = `${EXT_ORIGIN}/${path}`;
  page.goto(url).catch(() => {});
  await poll(
    () => page.evaluate((u) => location.href.startsWith(u) && document.readyState === 'complete', url),
    `${url} to load`,
    timeout,
  );
}

// ------------------------------------------------ our closed shadow root, reached over BiDi

/**
 * Our host element and its CLOSED shadow root. Page script cannot reach the root, but the host's
 * BiDi remote value carries it (value.shadowRoot, mode "closed"), and browsingContext.locateNodes
 * with that root as a start node searches inside it.
 */
async function ourShadow(page) {
  const host = await page.$(HOST_TAG);
  if (!host) return null;
  const root = host.remoteValue().value?.shadowRoot;
  assert(root?.sharedId, `<${HOST_TAG}> has no shadow root in its BiDi remote value: ${show(host.remoteValue().value)}`);
  assert(root.value?.mode === 'closed', `expected a closed shadow root, got mode ${root.value?.mode}`);
  return { host, root };
}

/** browsingContext.locateNodes inside `start` (a node remote value). */
function locateIn(page, start, locator) {
  return page.mainFrame().browsingContext.locateNodes(locator, [{ sharedId: start.sharedId }]);
}

/** A puppeteer ElementHandle for a located node (so .click(), .evaluate() work on it). */
function handleFor(host, node) {
  return host.constructor.from(node, host.realm);
}

const textOf = (handle) => handle.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

/**
 * Wait for the collapsed chip: a button in our shadow root whose text is "Practice prompts: N
 * prompt(s)", whose accessible name is the same (the accessibility contract), aria-expanded=false.
 */
async function waitForChip(page, timeout = 6000) {
  return poll(
    async () => {
      const shadow = await ourShadow(page);
      if (!shadow) return null;
      for (const node of await locateIn(page, shadow.root, { type: 'accessibility', value: { role: 'button' } })) {
        const handle = handleFor(shadow.host, node);
        const text = await textOf(handle);
        const m = CHIP_NAME.exec(text);
        if (!m) continue;
        const byName = await locateIn(page, shadow.root, { type: 'accessibility', value: { role: 'button', name: text } });
        assert(byName.length === 1, `chip text is "${text}" but no button has that accessible name`);
        assert(node.value?.attributes?.['aria-expanded'] === 'false', `collapsed chip should have aria-expanded=false, has ${node.value?.attributes?.['aria-expanded']}`);
        return { ...shadow, handle, text, count: Number(m[1]) };
      }
      return null;
    },
    `the prompt chip (a button named "Practice prompts: N prompts") in <${HOST_TAG}>'s closed shadow root`,
    timeout,
  );
}

/** Click the chip, wait for the region named "Practice prompts", return its heading texts. */
async function expandAndReadHeadings(page, chip) {
  await chip.handle.click();
  const region = await poll(
    async () => (await locateIn(page, chip.root, { type: 'accessibility', value: { role: 'region', name: 'Practice prompts' } }))[0],
    'the expanded region named "Practice prompts"',
  );
  const headings = await locateIn(page, region, { type: 'accessibility', value: { role: 'heading' } });
  return Promise.all(headings.map((h) => textOf(handleFor(chip.host, h))));
}

/** A contenteditable's text as the practitioner sees it (Firefox may store typed spaces as NBSP). */
const editableText = (s) => s.replace(/\u00a0/g, ' ').replace(/\n+$/, '');

// ---------------------------------------------------------------- the checks

const checks = [];
const check = (name, fn, timeout = 20_000) => checks.push({ name, fn, timeout });

check('1. textarea: typing shows the chip; expanding lists the neglect section; value and focus untouched', async ({ newPage, site }) => {
  const page = await newPage();
  await page.goto(`${site}/demo.html`);
  await page.click('#case-note');
  await page.keyboard.type(TYPED);
  const chip = await waitForChip(page);
  assert(chip.count >= 1 && chip.count <= 3, `expected 1-3 prompts, chip says "${chip.text}"`);
  const headings = await expandAndReadHeadings(page, chip);
  assert(headings.includes(NEGLECT_SECTION), `region headings ${show(headings)} do not include "${NEGLECT_SECTION}"`);
  const state = await page.evaluate(() => {
    const ta = document.querySelector('#case-note');
    return { value: ta.value, active: document.activeElement?.id ?? null, sel: [ta.selectionStart, ta.selectionEnd] };
  });
  assert(state.value === TYPED, `textarea value changed: ${show(state.value)}`);
  assert(state.active === 'case-note', `focus left the textarea (activeElement id ${show(state.active)})`);
  assert(state.sel[0] === TYPED.length && state.sel[1] === TYPED.length, `caret moved: selection ${show(state.sel)}`);
});

check('2. contenteditable: typing shows the chip; the text is unchanged', async ({ newPage, site }) => {
  const page = await newPage();
  await page.goto(`${site}/firefox/contenteditable.html`);
  await page.click('#note');
  await page.keyboard.type(TYPED);
  const chip = await waitForChip(page);
  const headings = await expandAndReadHeadings(page, chip);
  assert(headings.includes(NEGLECT_SECTION), `region headings ${show(headings)} do not include "${NEGLECT_SECTION}"`);
  const state = await page.evaluate(() => ({ text: document.querySelector('#note').innerText, active: document.activeElement?.id ?? null }));
  assert(editableText(state.text) === TYPED, `contenteditable text changed: ${show(state.text)}`);
  assert(state.active === 'note', `focus left the contenteditable (activeElement id ${show(state.active)})`);
});

/**
 * Built rich-editor fixtures (tests/fixtures/editors, bundled by scripts/build-fixtures.mjs into
 * editors/.build): [page, bundle, where to click]. Each page exposes window.editorReady and
 * window.getEditorText() (the editor's own view of its text).
 */
const EDITORS = [
  ['quill.html', 'quill.js', '.ql-editor'],
  ['tiptap.html', 'tiptap.js', '.ProseMirror'],
  ['lexical.html', 'lexical.js', '[contenteditable="true"]'],
  ['ckeditor5.html', 'ckeditor5.js', '.ck-editor__editable'],
];
const built = ([f, js]) => existsSync(join(FIXTURES, 'editors', f)) && existsSync(join(FIXTURES, 'editors/.build', js));
const editorPage = EDITORS.find(built);
/** TinyMCE keeps its editable body in a same-origin iframe: the case check 3b reduces to. */
const TINYMCE = ['tinymce.html', 'tinymce.js', 'iframe.tox-edit-area__iframe'];

const editorCheck = ([file, , selector]) => async ({ newPage, site }) => {
  const page = await newPage();
  await page.goto(`${site}/editors/${file}`);
  await poll(() => page.evaluate(() => window.editorReady === true), `the ${file} editor to be ready`, 8000);
  await page.click(selector);
  await page.keyboard.type(TYPED);
  const chip = await waitForChip(page);
  const headings = await expandAndReadHeadings(page, chip);
  assert(headings.includes(NEGLECT_SECTION), `region headings ${show(headings)} do not include "${NEGLECT_SECTION}"`);
  const state = await page.evaluate((sel) => ({ text: window.getEditorText(), focused: !!document.activeElement?.closest(sel) }), selector);
  assert(editableText(state.text) === TYPED, `editor text changed: ${show(state.text)}`);
  assert(state.focused, 'focus left the editor');
};

if (editorPage) check(`3. rich editor (editors/${editorPage[0]}): typing shows the chip; the editor's own text is unchanged`, editorCheck(editorPage));

check(`${editorPage ? '3b' : '3'}. editor in a same-origin iframe (srcdoc, contenteditable body): chip in the top page; text unchanged`, async ({ newPage, site }) => {
  const page = await newPage();
  await page.goto(`${site}/firefox/iframe-editor.html`);
  await poll(() => page.evaluate(() => document.querySelector('#editor').contentDocument?.body?.isContentEditable), 'the iframe editor body');
  await page.click('#editor');
  await poll(() => page.evaluate(() => document.querySelector('#editor').contentDocument.activeElement?.id === 'note'), 'focus in the iframe editor');
  await page.keyboard.type(TYPED);
  const chip = await waitForChip(page);
  const headings = await expandAndReadHeadings(page, chip);
  assert(headings.includes(NEGLECT_SECTION), `region headings ${show(headings)} do not include "${NEGLECT_SECTION}"`);
  const text = await page.evaluate(() => document.querySelector('#editor').contentDocument.body.innerText);
  assert(editableText(text) === TYPED, `iframe editor text changed: ${show(text)}`);
});

if (built(TINYMCE)) check(`3c. rich editor in an iframe (editors/${TINYMCE[0]}): typing shows the chip; the editor's own text is unchanged`, editorCheck(TINYMCE));

/** The open tab whose document is at `url` (puppeteer's Target.url() lags for moz-extension pages). */
async function tabAt(browser, url) {
  for (const p of await browser.pages()) {
    const href = await withTimeout(p.evaluate(() => location.href), 1000, 'location').catch(() => '');
    if (href === url) return p;
  }
  return null;
}

check('4. popup: search "ABE", Enter opens library.html#lp/abe-trained-workforce', async ({ newPage, browser, track }) => {
  const page = await newPage();
  await openExtensionPage(page, 'popup.html');
  await poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox'), 'the search box (role=combobox) to have focus (autofocus)');
  await page.keyboard.type('ABE');
  const first = await poll(
    () => page.evaluate(() => document.querySelector('[role="listbox"] [role="option"]')?.textContent ?? ''),
    'a first search result in the listbox',
  );
  assert(/\bABE\b|best evidence/i.test(first), `first result does not mention ABE / best evidence: ${show(first)}`);
  const want = `${EXT_ORIGIN}/library.html#lp/abe-trained-workforce`;
  await page.keyboard.press('Enter');
  const lib = await poll(() => tabAt(browser, want), `a tab at ${want}`, 8000, 200).catch(async (e) => {
    const urls = await Promise.all((await browser.pages()).map((p) => withTimeout(p.evaluate(() => location.href), 1000, 'location').catch(() => '?')));
    throw new Error(`${e.message}; open tabs: ${show(urls)}`);
  });
  track(lib);
  // the learning point is the focus target in the library (as the Chromium suite checks)
  await poll(
    () => lib.evaluate(() => document.readyState === 'complete' && document.activeElement?.id === decodeURIComponent(location.hash.slice(1))),
    'the library to focus the learning point lp/abe-trained-workforce',
    6000,
  );
});

/** A button (or other element) in an extension page, by its exact visible text, as an ElementHandle. */
async function byText(page, selector, text) {
  const h = await page.evaluateHandle((sel, t) => [...document.querySelectorAll(sel)].find((b) => b.textContent.trim() === t) ?? null, selector, text);
  const el = h.asElement();
  if (!el) throw new Error(`no ${selector} with text ${show(text)}`);
  return el;
}

check('5. options: import a prompt set (paste, check, apply) and see it saved', async (ctx) => {
  const page = await ctx.newPage();
  await openExtensionPage(page, 'options.html');
  await poll(() => page.evaluate(() => !!document.querySelector('h1') && !/Loading…/.test(document.body.innerText)), 'the options page to render');
  const hasImportUi = await page.evaluate(() => [...document.querySelectorAll('label')].some((l) => /paste JSON/i.test(l.textContent)));
  if (hasImportUi) {
    // paste the set (set the value and fire `input`, as a paste does), then Check, preview, Apply
    await page.evaluate((json) => {
      const label = [...document.querySelectorAll('label')].find((l) => /paste JSON/i.test(l.textContent));
      const ta = document.getElementById(label.htmlFor);
      ta.focus();
      ta.value = json;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, JSON.stringify(LOCAL_SET, null, 2));
    await poll(() => page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Check pasted JSON' && !b.disabled)), 'the "Check pasted JSON" button to be enabled');
    await (await byText(page, 'button', 'Check pasted JSON')).click();
    const preview = await poll(
      () => page.evaluate(() => document.querySelector('ul[aria-label="Prompt sets added"]')?.textContent || [...document.querySelectorAll('[role="alert"]')].map((a) => `ALERT ${a.textContent}`).join(' ')),
      'the import preview ("Prompt sets added") or a problem list',
    );
    assert(/Local test \(local-test\)/.test(preview), `import preview does not list the set: ${show(preview)}`);
    await (await byText(page, 'button', 'Apply import')).click();
    const status = await poll(
      () => page.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).find((t) => /^Imported:/.test(t))),
      'the "Imported: …" status',
    );
    assert(/1 added/.test(status), `unexpected import status ${show(status)}`);
    await poll(() => page.evaluate(() => /Local test/.test(document.querySelector('section[aria-labelledby="h-sets"]')?.textContent ?? '')), 'the set listed under "Prompt sets"');
  } else {
    // FALLBACK (no import UI in this build): write the set through browser.storage.local.
    ctx.note('import UI not found in this build: set written via browser.storage.local instead');
    await page.evaluate(async (set) => {
      const cur = (await browser.storage.local.get('settings')).settings ?? {};
      await browser.storage.local.set({ settings: { ...cur, localSets: [set] } });
    }, LOCAL_SET);
  }
  const saved = await page.evaluate(async () => ((await browser.storage.local.get('settings')).settings?.localSets ?? []).map((s) => s.id));
  assert(saved.includes('local-test'), `browser.storage.local settings.localSets ids: ${show(saved)}`);
  // and the page uses it: the test bench (same engine as the content script) matches its phrase
  await poll(() => page.evaluate(() => !!document.querySelector('section[aria-labelledby="h-bench"] textarea')), 'the test bench');
  await page.click('section[aria-labelledby="h-bench"] textarea');
  await page.keyboard.type('We talked about the zebra crossing.');
  const bench = await poll(
    () => page.evaluate(() => document.querySelector('[aria-label="Prompts that would appear"]')?.textContent ?? ''),
    'the test bench to show a prompt for "zebra crossing"',
  );
  assert(/zebra crossing/.test(bench), `test bench result does not come from the imported set: ${show(bench)}`);
});

check('7. storage.managed with no policy: outcome recorded; options page still renders without errors', async (ctx) => {
  const page = await ctx.newPage();
  await openExtensionPage(page, 'options.html');
  const outcome = await page.evaluate(() =>
    browser.storage.managed.get(null).then(
      (v) => `ok ${JSON.stringify(v)}`,
      (e) => `threw: ${e?.message ?? e}`,
    ),
  );
  ctx.note(`storage.managed.get(null) with no policy: ${outcome}`);
  const view = await poll(
    () => page.evaluate(() => (document.querySelector('h1') ? { h1: document.querySelector('h1').textContent, loading: /Loading…/.test(document.body.innerText), alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent) } : null)),
    'the options page to render its heading',
  );
  assert(/settings and prompt sets/i.test(view.h1), `unexpected options heading ${show(view.h1)}`);
  assert(!view.loading, 'options page stuck on "Loading…"');
  assert(view.alerts.length === 0, `options page shows alerts: ${show(view.alerts)}`);
  assert(ctx.pageErrors().length === 0, `page errors: ${show(ctx.pageErrors())}`);
});

check('8. welcome: the try-it box shows a prompt with its section and why; a benign note shows none', async (ctx) => {
  const page = await ctx.newPage();
  await openExtensionPage(page, 'welcome.html');
  const status = () => page.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');
  await poll(async () => (await status()) === 'Type a note to see its prompts.', 'the try-it box to load its prompts');
  await page.click('#try-note');
  await page.keyboard.type('Home visit. Mum said there is no food in the house and the children were not seen alone.');
  const shown = await poll(
    () =>
      page.evaluate(() =>
        [...document.querySelectorAll('ol[aria-label="Prompts for this note"] article')].map((a) => ({
          title: a.querySelector('h3')?.textContent ?? '',
          section: a.querySelector('.try-section')?.textContent ?? '',
          why: a.querySelector('.try-why')?.textContent ?? '',
        })),
      ).then((list) => (list.length ? list : null)),
    'a prompt in the try-it box',
  );
  const neglect = shown.find((x) => x.title === 'Neglect rarely comes alone');
  assert(neglect, `try-it prompts ${show(shown)} do not include "Neglect rarely comes alone"`);
  assert(neglect.section === NEGLECT_SECTION, `its section is ${show(neglect.section)}, expected ${show(NEGLECT_SECTION)}`);
  assert(/^Why this prompt: you wrote .*no food/.test(neglect.why), `its why is ${show(neglect.why)}`);
  assert(shown.length <= 3, `more than 3 prompts: ${show(shown)}`);
  // a benign note (replace the text, as a paste does): nothing
  await page.evaluate(() => {
    const ta = document.getElementById('try-note');
    ta.value = 'Team meeting moved to Thursday. Please book the room and send your timesheets by Friday.';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await poll(async () => (await status()) === 'No prompts for this note.', '"No prompts for this note." for a benign note');
  const left = await page.evaluate(() => document.querySelectorAll('ol[aria-label="Prompts for this note"] li').length);
  assert(left === 0, `${left} prompts still shown for a benign note`);
  assert(ctx.pageErrors().length === 0, `page errors: ${show(ctx.pageErrors())}`);
  ctx.note(`${shown.length} prompts: ${shown.map((x) => x.title).join('; ')}`);
});

/**
 * The sidebar (Firefox's sidebar_action, the same page as Chrome's side panel). WebDriver BiDi does not
 * list the sidebar as a browsing context, so it cannot be driven as a page: it is opened by a real click
 * (BiDi input, which Firefox treats as user input, as sidebarAction.open() requires) on a button put into
 * an extension page, and read from that page through browser.extension.getViews({ type: 'sidebar' }).
 */
const SIDEBAR_CANARY = 'Quokkaventure';
const DEFAULT_SET = JSON.parse(readFileSync(join(ROOT, 'content/prompt-sets/default.json'), 'utf8'));

check('9. sidebar: shows this tab’s prompts live as the note is typed, the dock’s prompts, why each appeared (from the set, never the note); its search works', async ({ newPage, site, note }) => {
  const demo = await newPage();
  await demo.goto(`${site}/demo.html`);
  const ext = await newPage();
  await openExtensionPage(ext, 'library.html');
  await ext.bringToFront();
  await ext.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'pp-test-open-sidebar';
    b.textContent = 'Open the sidebar (test)';
    b.style.cssText = 'position:fixed;top:0;left:0;z-index:99999;width:200px;height:40px';
    b.addEventListener('click', () => {
      window.__sidebar = 'opening';
      browser.sidebarAction.open().then(
        () => (window.__sidebar = 'opened'),
        (e) => (window.__sidebar = `refused: ${e?.message ?? e}`),
      );
    });
    document.body.append(b);
  });
  await ext.click('#pp-test-open-sidebar');
  const opened = await poll(() => ext.evaluate(() => (window.__sidebar === 'opening' ? null : window.__sidebar)), 'sidebarAction.open() to settle');
  assert(opened === 'opened', `browser.sidebarAction.open() from a real click: ${opened}`);
  /**
   * Run fn in the extension page, where its parameter `w` defaults to the sidebar's window (the extension's
   * CSP has no eval: each function is evaluated as written, and finds the view itself).
   */
  const sidebar = (fn) => ext.evaluate(fn);
  const views = await poll(() => ext.evaluate(() => browser.extension.getViews({ type: 'sidebar' }).length), 'a sidebar view in browser.extension.getViews({ type: "sidebar" })', 8000);
  assert(views === 1, `getViews({ type: 'sidebar' }) lists ${views} views, expected 1`);
  await poll(() => sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => w.location.pathname === '/sidepanel.html' && w.document.readyState === 'complete'), 'the sidebar document (sidepanel.html) in getViews({ type: "sidebar" })', 8000);
  const status = () => sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => w.document.querySelector('section[aria-labelledby="h-tab"] [role="status"]')?.textContent ?? '');

  // this tab: the demo page, with nothing typed yet
  await demo.bringToFront();
  await poll(async () => /^No prompts/.test(await status()), 'the sidebar to say there are no prompts for this page yet', 8000);
  await sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => (w.__ppMark = 1));

  await demo.click('#case-note');
  await demo.keyboard.type(`Concerns about neglect. ${SIDEBAR_CANARY} said the family are moving to another area and the case will be transferred by email.`);
  const chip = await waitForChip(demo, 8000);
  const readCards = () =>
    sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) =>
      [...w.document.querySelectorAll('article.card')].map((a) => ({
        id: (a.querySelector('h2')?.id ?? '').replace(/^c-/, ''),
        title: a.querySelector('h2')?.textContent ?? '',
        section: a.querySelector('.sec')?.textContent ?? '',
        why: [...a.querySelectorAll('.why li[data-trigger]')].map((li) => ({ trigger: li.getAttribute('data-trigger'), phrases: [...li.querySelectorAll('q')].map((q) => q.textContent) })),
      })),
    );
  const cards = await poll(async () => {
    const c = await readCards();
    return c.length === chip.count ? c : null;
  }, `the sidebar to show as many prompt cards as the dock's chip (${chip.count})`, 8000);
  // the same prompts as the dock (its "Dismiss: <title>" buttons, in its closed shadow root)
  await chip.handle.click();
  const dock = await poll(async () => {
    const nodes = await locateIn(demo, chip.root, { type: 'css', value: 'button[aria-label^="Dismiss: "]' });
    return nodes.length ? nodes.map((n) => n.value.attributes['aria-label'].slice('Dismiss: '.length)).sort() : null;
  }, 'the dock’s prompts (its Dismiss buttons)');
  assert(show(cards.map((c) => c.title).sort()) === show(dock), `sidebar prompts ${show(cards.map((c) => c.title))} differ from the dock's ${show(dock)}`);
  assert(cards.some((c) => c.section === NEGLECT_SECTION), `no sidebar card in "${NEGLECT_SECTION}": ${show(cards.map((c) => c.section))}`);
  // why each appeared: triggers of the built-in set that lead to that prompt, and their phrases
  for (const c of cards) {
    assert(c.why.length > 0, `card ${show(c.title)} says nothing about why it appeared`);
    for (const w of c.why) {
      const t = DEFAULT_SET.triggers.find((x) => `${DEFAULT_SET.id}/${x.id}` === w.trigger);
      assert(t, `card ${show(c.title)}: ${show(w.trigger)} is not a trigger of the built-in set`);
      assert(t.leadsTo.includes(c.id), `card ${show(c.title)}: trigger ${t.id} does not lead to ${c.id}`);
      assert(w.phrases.length > 0, `card ${show(c.title)}: trigger ${t.id} is shown without its phrases`);
    }
  }
  assert(cards.some((c) => c.why.some((w) => w.phrases.includes('neglect'))), `no card explains itself by the phrase "neglect": ${show(cards)}`);
  const html = await sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => w.document.documentElement.outerHTML);
  assert(!html.includes(SIDEBAR_CANARY) && !html.includes('transferred by email'), 'the note’s own words reached the sidebar');
  assert((await sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => w.__ppMark)) === 1, 'the sidebar reloaded to show the prompts (expected a live update of the same document)');

  // its search: a phrase query ranks the learning point that covers it first
  await sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => {
    const q = w.document.getElementById('q');
    q.focus();
    q.value = 'not brought';
    q.dispatchEvent(new w.InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  });
  const first = await poll(() => sidebar((w = browser.extension.getViews({ type: 'sidebar' })[0]) => w.document.querySelector('#results [role="option"] .title')?.textContent ?? ''), 'a first search result in the sidebar', 8000);
  assert(first === 'Trust, and time alone with the child', `sidebar search "not brought": first result ${show(first)}`);

  // and live the other way: clearing the note empties the sidebar
  await demo.evaluate(() => {
    const ta = document.querySelector('#case-note');
    ta.value = '';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  });
  await poll(async () => /^No prompts/.test(await status()), 'the sidebar to empty when the note is cleared', 8000);
  note(`${cards.length} prompts in the sidebar and the dock: ${cards.map((c) => c.title).join('; ')}`);
});

/** The open tab whose address matches `re` (puppeteer's Target.url() lags for moz-extension pages). */
async function tabMatching(browser, re) {
  for (const p of await browser.pages()) {
    const href = await withTimeout(p.evaluate(() => location.href), 1000, 'location').catch(() => '');
    if (re.test(href)) return { page: p, href };
  }
  return null;
}

check('10. reflect: "Reflect on this" on an in-page prompt opens reflect.html pre-filled; it saves; the log shows it', async (ctx) => {
  const page = await ctx.newPage();
  await page.goto(`${ctx.site}/demo.html`);
  await page.click('#case-note');
  await page.keyboard.type(TYPED);
  const chip = await waitForChip(page);
  await expandAndReadHeadings(page, chip);
  const region = (await locateIn(page, chip.root, { type: 'accessibility', value: { role: 'region', name: 'Practice prompts' } }))[0];
  const buttons = await locateIn(page, region, { type: 'accessibility', value: { role: 'button' } });
  const reflectNode = buttons.find((n) => /^Reflect on this: /.test(n.value?.attributes?.['aria-label'] ?? ''));
  assert(reflectNode, `no "Reflect on this" button among the prompt's buttons: ${show(buttons.map((n) => n.value?.attributes?.['aria-label']))}`);
  const title = reflectNode.value.attributes['aria-label'].slice('Reflect on this: '.length);
  await handleFor(chip.host, reflectNode).click();

  const opened = await poll(() => tabMatching(ctx.browser, /^moz-extension:\/\/[^/]+\/reflect\.html#lp\/[a-z0-9][a-z0-9._-]*$/), 'a tab at reflect.html#lp/<id>', 8000, 200);
  const reflect = opened.page;
  ctx.track(reflect);
  // pre-filled: the learning point's title, its questions, today's date, the privacy reminder; ready to write
  const view = await poll(
    () =>
      reflect.evaluate(() => {
        const h2 = document.getElementById('point-title');
        if (!h2) return null;
        return {
          title: h2.textContent,
          questions: document.querySelectorAll('.questions li').length,
          date: document.getElementById('f-date')?.value ?? '',
          privacy: /Do not include names or identifying details/.test(document.body.textContent ?? ''),
        };
      }),
    'the reflection page to show its learning point',
  );
  assert(view.title === title, `reflection page shows ${show(view.title)}, the prompt was ${show(title)}`);
  assert(view.questions > 0, 'no reflective questions on the reflection page');
  assert(/^\d{4}-\d{2}-\d{2}$/.test(view.date), `date not pre-filled: ${show(view.date)}`);
  assert(view.privacy, 'no privacy reminder on the reflection page');
  // the page opens ready to write (focus is given once the form has rendered)
  await poll(() => reflect.evaluate(() => document.activeElement?.id === 'f-learned'), '"What I learned" to have focus');

  const WRITTEN = 'Firefox reflection: ask about the whole household.';
  await reflect.keyboard.type(WRITTEN);
  await (await byText(reflect, 'button', 'Save reflection')).click();
  await poll(() => reflect.evaluate(() => /Saved on this computer only/.test(document.querySelector('form [role="status"]')?.textContent ?? '')), 'the "Saved on this computer only" status');

  const log = await ctx.newPage();
  await openExtensionPage(log, 'reflections.html');
  const entry = await poll(
    () =>
      log.evaluate((t) => [...document.querySelectorAll('ul[aria-label="Reflections"] > li')].map((li) => li.textContent ?? '').find((x) => x.includes(t)) ?? null, WRITTEN),
    'the saved reflection in the log',
  );
  assert(entry.includes(title), `the log entry does not name the learning point ${show(title)}: ${show(entry.slice(0, 200))}`);
  // the case note is as it was
  const note = await page.evaluate(() => document.querySelector('#case-note').value);
  assert(note === TYPED, `the case note changed: ${show(note)}`);
  assert(ctx.pageErrors().length === 0, `page errors: ${show(ctx.pageErrors())}`);
  ctx.note(`reflected on "${title}" (${opened.href.replace(/^moz-extension:\/\/[^/]+/, '')})`);
}, 30_000);

/**
 * Ten workers' count files (core/usage/counts.ts's format, written out here because this runner is plain
 * JavaScript): "sexualised-behaviour" is marked not relevant on 2 of every 3 showings, clearly the
 * noisiest; worker 1 alone gave "not about this child" (a cell of 1, shown as "<5").
 */
function countFile(i) {
  const row = (trigger, point, counts) => ({ set: 'briefing', setVersion: '2', trigger, point, counts });
  return JSON.stringify({
    format: 'practice-prompts-counts',
    version: 1,
    worker: (i + 1).toString(16).padStart(32, '0'),
    exported: Date.UTC(2026, 5, 1) + i,
    months: {
      '2026-05': [
        row('parental-factors-named', 'assessment-tease-out-factors', { shown: 4, opened: 2, notRelevant: 1 }),
        row('sexualised-behaviour', 'behaviour-not-only-verbal-disclosure', { shown: 3, notRelevant: 2, tooOften: 1, ...(i === 0 ? { notThisChild: 1 } : {}) }),
      ],
    },
  });
}

check('11. options: ten count files make a team report with the noisy trigger first and small cells as "<5"; four files show nothing', async (ctx) => {
  const page = await ctx.newPage();
  await openExtensionPage(page, 'options.html');
  await poll(() => page.evaluate(() => [...document.querySelectorAll('label')].some((l) => /^Count files/.test(l.textContent.trim()))), 'the team report’s "Count files" input');
  // choose files as the file picker does: set the input's files and fire `change`
  const choose = (files) =>
    page.evaluate((list) => {
      const input = [...document.querySelectorAll('label')].find((l) => /^Count files/.test(l.textContent.trim())).querySelector('input[type=file]');
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, files);
  const files = Array.from({ length: 10 }, (_, i) => ({ name: `worker-${i + 1}.json`, text: countFile(i) }));
  await choose(files.slice(0, 4));
  const waiting = await poll(() => page.evaluate(() => document.querySelector('#team-not-ready')?.textContent ?? ''), 'the "nothing is shown yet" explanation');
  assert(/4 workers/.test(waiting), `unexpected explanation ${show(waiting)}`);
  assert(await page.evaluate(() => !document.querySelector('section[aria-labelledby="h-team"] table')), 'a table shows with only four workers’ files');
  await choose(files.slice(4));
  const first = await poll(
    () => page.evaluate(() => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Noisiest triggers, noisiest first');
      const row = table?.tBodies[0]?.rows[0];
      return row ? [...row.cells].map((c) => c.textContent.trim()) : null;
    }),
    'the noisiest-triggers table',
  );
  assert(first[1].startsWith('sexualised-behaviour'), `first-ranked trigger is ${show(first[1])}`);
  assert(first[5] === '67%' && first[6] === '<5', `unexpected noisy row ${show(first)}`);
  assert(ctx.pageErrors().length === 0, `page errors: ${show(ctx.pageErrors())}`);
});

check('12. per-record memory: a prompt dismissed on record A is shown there first, quiet on A after a reload, shown on record B', async ({ newPage, site }) => {
  const NOTE = 'Concerns about neglect at home. She made a disclosure to her teacher and the strategy meeting agreed no further action.';
  const page = await newPage();
  // a fresh load of `url`, the note typed, the list open: the prompts' Dismiss buttons (named "Dismiss: <title>")
  const dismissButtons = async (url) => {
    await page.goto(url);
    await page.click('#case-note');
    await page.keyboard.type(NOTE);
    const chip = await waitForChip(page);
    await expandAndReadHeadings(page, chip);
    const region = (await locateIn(page, chip.root, { type: 'accessibility', value: { role: 'region', name: 'Practice prompts' } }))[0];
    const buttons = await locateIn(page, region, { type: 'accessibility', value: { role: 'button' } });
    const dismiss = buttons.filter((n) => /^Dismiss: /.test(n.value?.attributes?.['aria-label'] ?? ''));
    return { chip, dismiss, titles: dismiss.map((n) => n.value.attributes['aria-label'].slice('Dismiss: '.length)) };
  };
  const A = `${site}/record.html?personId=3001`;
  const first = await dismissButtons(A);
  assert(first.titles.length >= 2, `expected at least two prompts on record A, saw ${show(first.titles)}`);
  const title = first.titles[0];
  await handleFor(first.chip.host, first.dismiss[0]).click();
  // after a reload the page's own dismissal is gone: quiet now only because the record remembers it
  // (asked again until the background has stored it; the other prompts prove the page still prompts)
  await poll(async () => {
    const again = await dismissButtons(A);
    return again.titles.length > 0 && !again.titles.includes(title) ? again : null;
  }, `"${title}" quiet on record A after a reload`, 15_000, 200);
  const other = await dismissButtons(`${site}/record.html?personId=3002`);
  assert(other.titles.includes(title), `"${title}" not shown on record B: ${show(other.titles)}`);
}, 40_000);

/** A learning point from the library's own files (as the extension builds them in), with its briefing citation. */
function libraryPoint(file, index = 0) {
  const lib = (p) => JSON.parse(readFileSync(join(ROOT, 'content/library', p), 'utf8'));
  const lp = lib(`learning-points/${file}.json`)[index];
  const section = lib('sections.json').find((s) => s.id === lp.section);
  assert(lp && section && lp.questions.length > 0, `no learning point with questions at ${file}[${index}]`);
  return { ...lp, sectionTitle: section.title, citation: `Briefing: ${section.title}, page ${lp.page}` };
}

check('13. reflective log exports: CPD text and the supervision pack (text, HTML, print frame) carry each learning point, its questions and citation; nothing synced', async (ctx) => {
  const points = [libraryPoint('daily-life'), libraryPoint('escalation')];
  const WRITTEN = ['FXEXPORT-ONE the child chose where to talk.', 'FXEXPORT-TWO I questioned the plan at the strategy meeting.'];
  const page = await ctx.newPage();
  await openExtensionPage(page, 'reflections.html');
  // two reflections, today, in the shape platform/reflections.ts stores (core/reflection/record.ts ReflectionSchema)
  await page.evaluate(async (pts, written) => {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const list = pts.map((id, i) => ({ id: `r-fxexport-00000${i + 1}`, learningPointId: id, date: today, activity: 'Met it while recording.', learned: written[i], applies: '', differently: '', created: i + 1, updated: i + 1 }));
    await browser.storage.local.set({ reflections: list });
  }, points.map((p) => p.id), WRITTEN);
  await poll(() => page.evaluate(() => document.querySelectorAll('ul[aria-label="Reflections"] > li').length === 2), 'the log to list the two reflections');
  await poll(() => page.evaluate(() => /2 of 2 chosen/.test(document.querySelector('section.pack legend')?.textContent ?? '')), 'the supervision pack to have both reflections chosen');

  // a download is a Blob URL on an <a download> clicked by the page: stop the save, read the Blob the page built
  // (kept as the page makes its URL: fetching a blob: URL is refused here)
  await page.evaluate(() => {
    window.__ppSaved = [];
    const blobs = new Map();
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b) => {
      const url = make(b);
      blobs.set(url, b);
      return url;
    };
    window.addEventListener(
      'click',
      (e) => {
        const a = e.target instanceof HTMLAnchorElement && e.target.hasAttribute('download') ? e.target : null;
        if (!a) return;
        e.preventDefault();
        const blob = blobs.get(a.href);
        window.__ppSaved.push(blob ? blob.text().then((text) => ({ name: a.download, text })) : Promise.reject(new Error(`no Blob for ${a.href}`)));
      },
      true,
    );
  });
  const saveVia = async (label) => {
    const before = await page.evaluate(() => window.__ppSaved.length);
    await (await byText(page, 'button', label)).click();
    await poll(() => page.evaluate((n) => window.__ppSaved.length > n, before), `a file saved by "${label}"`);
    return page.evaluate((n) => window.__ppSaved[n], before);
  };

  const cpd = await saveVia('CPD text (one entry per piece)');
  assert(/-cpd\.txt$/.test(cpd.name), `CPD file name ${show(cpd.name)}`);
  assert((cpd.text.match(/^CPD entry \d of 2$/gm) ?? []).length === 2, `CPD text does not have two entries: ${show(cpd.text.slice(0, 300))}`);
  points.forEach((p, i) => {
    for (const s of [`Title: Reflection on "${p.title}"`, `(learning point from ${p.sectionTitle}, briefing page ${p.page})`, `What I learned: ${WRITTEN[i]}`]) {
      assert(cpd.text.includes(s), `CPD text lacks ${show(s)}: ${show(cpd.text)}`);
    }
  });

  const packText = await saveVia('Save the pack as plain text');
  assert(/^supervision-pack-.*\.txt$/.test(packText.name), `pack file name ${show(packText.name)}`);
  assert(/^SUPERVISION PACK\n/.test(packText.text), `pack text does not start "SUPERVISION PACK": ${show(packText.text.slice(0, 100))}`);
  points.forEach((p, i) => {
    for (const s of [`: ${p.title}\n${p.citation}\n`, ...p.questions.map((q) => `  - ${q}\n`), WRITTEN[i]]) {
      assert(packText.text.includes(s), `supervision pack text lacks ${show(s)}: ${show(packText.text)}`);
    }
  });

  // the HTML pack, saved and printed: read as a document (its text unescaped), in a frame of this page when printed
  const readPack = (html) =>
    page.evaluate((h) => {
      // the print frame's document is cross-origin to this page in Firefox (about:srcdoc): read what it was given
      const doc = new DOMParser().parseFromString(h ?? document.getElementById('print-frame')?.srcdoc ?? '', 'text/html');
      if (!doc?.querySelector('h1')) return null;
      const all = (sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent.trim());
      return { h1: all('h1'), points: [...doc.querySelectorAll('section.point')].map((s) => ({ title: s.querySelector('h2')?.textContent, cite: s.querySelector('.cite')?.textContent, questions: [...s.querySelectorAll('.questions li')].map((li) => li.textContent), text: s.textContent })) };
    }, html);
  const checkPack = (doc, what) => {
    assert(doc.h1.join() === 'Supervision pack', `${what}: heading ${show(doc.h1)}`);
    assert(doc.points.length === 2, `${what}: ${doc.points.length} learning points, expected 2`);
    points.forEach((p, i) => {
      const got = doc.points.find((g) => g.title === p.title);
      assert(got, `${what}: no section for ${show(p.title)}: ${show(doc.points.map((g) => g.title))}`);
      assert(got.cite === p.citation, `${what}: citation ${show(got.cite)}, expected ${show(p.citation)}`);
      assert(show(got.questions) === show(p.questions), `${what}: questions ${show(got.questions)}, expected ${show(p.questions)}`);
      assert(got.text.includes(WRITTEN[i]), `${what}: the reflection ${show(WRITTEN[i])} is not under ${show(p.title)}`);
    });
  };
  const packHtml = await saveVia('Save the pack as a page (HTML)');
  assert(/^supervision-pack-.*\.html$/.test(packHtml.name), `pack page file name ${show(packHtml.name)}`);
  checkPack(await readPack(packHtml.text), 'saved pack page');
  // the page's own print() is replaced by a recorder (no dialog in a test): it notes what the page holds to print
  await page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.getElementById('print-pack')?.shadowRoot?.textContent ?? '');
  });
  await (await byText(page, 'button', 'Print the supervision pack')).click();
  checkPack(await poll(() => readPack(null), 'the supervision pack in the print frame'), 'print frame');
  // Firefox refuses the page the frame's print() (about:srcdoc is cross-origin to a moz-extension page),
  // so the page prints the pack itself: the recorder must have seen the whole pack
  const printable = await page.evaluate(() => {
    try {
      return typeof document.getElementById('print-frame').contentWindow.print === 'function' ? 'reachable' : 'no print()';
    } catch (e) {
      return `refused (${e.name})`;
    }
  });
  ctx.note(`the print frame's print() from the page: ${printable}`);
  if (printable !== 'reachable') {
    const printed = await poll(async () => (await page.evaluate(() => window.__printed))[0] || null, 'the page printing the pack itself');
    for (const [i, p] of points.entries()) {
      assert(printed.includes(p.citation), `printed pack lacks ${show(p.citation)}`);
      assert(printed.includes(WRITTEN[i]), `printed pack lacks the reflection ${show(WRITTEN[i])}`);
    }
  }

  // local only: in storage.local, and no trace of the reflections in storage.sync
  const local = await page.evaluate(async () => JSON.stringify(await browser.storage.local.get('reflections')));
  assert(WRITTEN.every((w) => local.includes(w)), 'the reflections are not in storage.local');
  const sync = await page.evaluate(async () => JSON.stringify(await browser.storage.sync.get(null)));
  assert(!/FXEXPORT|Firefox reflection/.test(sync) && !points.some((p) => sync.includes(p.id)), `reflection text in storage.sync: ${show(sync.slice(0, 300))}`);
  assert(ctx.pageErrors().length === 0, `page errors: ${show(ctx.pageErrors())}`);
  ctx.note(`CPD text ${cpd.text.length} chars, pack text ${packText.text.length} chars, pack page and print frame with ${points.length} learning points; storage.sync ${sync.length <= 2 ? 'empty' : `${sync.length} chars, none of it reflections`}`);
}, 30_000);

check('6. no packet leaves loopback (no non-local request; Firefox did not trip MOZ_DISABLE_NONLOCAL_CONNECTIONS)', async (ctx) => {
  assert(!ctx.crashed(), `the browser disconnected during the run: ${ctx.crashed()}`);
  const foreign = ctx.requests().filter((u) => !LOCAL_URL.test(u));
  assert(foreign.length === 0, `requests left the machine: ${foreign.join(', ')}`);
  assert(ctx.requests().some((u) => u.startsWith('http://127.0.0.1:')), 'saw no requests at all: the request recorder is not working');
  const by = {};
  for (const u of ctx.requests()) by[/^[a-z-]+:(\/\/[^/]*)?/.exec(u)?.[0] ?? u] = (by[/^[a-z-]+:(\/\/[^/]*)?/.exec(u)?.[0] ?? u] ?? 0) + 1;
  ctx.note(`${ctx.requests().length} requests seen, all local: ${Object.entries(by).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
});

// ---------------------------------------------------------------- the runner

async function main() {
  const t0 = Date.now();
  const only = (process.env.PP_FIREFOX_ONLY ?? '').split(',').filter(Boolean);
  const selected = only.length ? checks.filter((c) => only.some((o) => c.name.startsWith(`${o}.`))) : checks;
  const results = [];
  const record = (name, ok, error, notes = [], ms = 0) => {
    const r = { name, ok };
    if (error) r.error = error;
    if (notes.length) r.note = notes.join('; ');
    results.push(r);
    console.log(`${ok ? '✓' : '✗'} ${name}${ms ? ` (${(ms / 1000).toFixed(1)} s)` : ''}${notes.length ? ` — ${r.note}` : ''}${error ? `\n    ${error}` : ''}`);
  };

  const exe = process.env.FIREFOX_PATH || findFirefox();
  let server;
  let browser;
  let crashed = '';
  /** Why the browser is gone ('' while it is alive). A crash is how the tripwire reports a non-local connect. */
  const dead = () => {
    if (!crashed && browser && !browser.connected) {
      const proc = browser.process();
      crashed = `Firefox disconnected (exit code ${proc?.exitCode}, signal ${proc?.signalCode}); with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 a non-local connect aborts Firefox`;
    }
    return crashed;
  };
  const requests = [];
  const watched = new WeakSet();
  let current = null; // the running check's page list and page errors

  const watch = (page) => {
    if (!page || watched.has(page)) return;
    watched.add(page);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => current?.errors.push(`${page.url()}: ${e.message}`));
    current?.pages.push(page);
  };

  try {
    assert(exe, FIREFOX_HELP);
    assert(existsSync(join(EXT_DIR, 'manifest.json')), `no build at ${EXT_DIR}: run \`npx wxt build -b firefox\` first`);
    const manifest = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8'));
    assert(manifest.browser_specific_settings?.gecko?.id === GECKO_ID, `manifest gecko id is ${manifest.browser_specific_settings?.gecko?.id}, expected ${GECKO_ID}`);
    ({ server } = await serve({ dir: FIXTURES }));
    const site = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: exe,
      headless: true,
      args: ['--remote-allow-system-access'], // lets a tab navigate to moz-extension://
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
      extraPrefsFirefox: PREFS,
    });
    browser.on('disconnected', () => void dead());
    browser.on('targetcreated', (t) => {
      if (t.type() === 'page') void t.page().then(watch, () => {});
    });
    const version = await browser.version();
    const id = await browser.installExtension(EXT_DIR);
    assert(id === GECKO_ID, `installExtension returned ${id}, expected ${GECKO_ID}`);
    console.log(`Firefox e2e: ${version}, add-on ${id} from ${EXT_DIR} at ${EXT_ORIGIN}, fixtures at ${site}`);

    for (const c of selected) {
      const notes = [];
      current = { pages: [], errors: [] };
      const ctx = {
        browser,
        site,
        note: (s) => notes.push(s),
        pageErrors: () => current.errors,
        requests: () => requests,
        crashed: dead,
        track: (p) => current.pages.includes(p) || current.pages.push(p),
        newPage: async () => {
          const p = await browser.newPage();
          watch(p);
          return p;
        },
      };
      if (dead()) {
        record(c.name, false, `not run: ${crashed}`);
        continue;
      }
      const started = Date.now();
      try {
        await withTimeout(c.fn(ctx), c.timeout, c.name);
        if (dead()) throw new Error(crashed);
        record(c.name, true, undefined, notes, Date.now() - started);
      } catch (e) {
        record(c.name, false, dead() || (e?.message ?? String(e)).split('\n')[0].slice(0, 2000), notes, Date.now() - started);
      }
      for (const p of current.pages) await withTimeout(p.close(), 3000, 'close page').catch(() => {});
      current = null;
    }
  } catch (e) {
    const msg = `setup failed: ${e?.message ?? e}`;
    console.error(msg);
    for (const c of selected.filter((c) => !results.some((r) => r.name === c.name))) record(c.name, false, msg);
  } finally {
    if (browser) {
      await withTimeout(browser.close(), 10_000, 'browser.close').catch(() => {
        const proc = browser.process();
        if (proc?.pid && proc.exitCode === null) proc.kill('SIGKILL');
      });
    }
    server?.close();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify({ passed, failed, tests: results }, null, 2)}\n`);
  console.log(`\nFirefox: ${passed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s (report: ${REPORT})`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
